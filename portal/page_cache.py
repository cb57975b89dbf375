"""Rendered page fragments cached until the data they show changes.

A region's pages are read far more often than its data is written, and rendering them is
what costs (a focus area's page takes ~40 ms to render and ~2 ms to serve from Redis). So
the heavy part of each page is cached under a key that names everything it shows:

- the region's *content version* and the *national* one, numbers kept in PostgreSQL
  (``network.models.ContentVersion``) and replaced in the same transaction as every write
  of the portal's content (``bump``): a page is fresh the moment the write commits, and a
  new version means new keys, so nothing has to be deleted (a page of all regions, such
  as the national summary, keys on every region's version at once);
- the *code version*, a digest of the portal's templates, code and catalogues, so a
  deployment never serves HTML of the previous release;
- the language, and whatever the template names (a page number, the day, the filters).

Writes reach ``bump`` through the model signals connected in ``connect_signals``; the
few bulk writes that send no signals (imports, the data builders) call ``bump`` or
``bump_national`` themselves. Only the fragments live in the default cache (Redis in
production), shared by every worker: a lost or refused Redis write costs a render again,
never a stale page. The versions come with the region's own query (``RegionMixin`` loads
it ``with_content_versions``), or, for a page without one, in one query per request.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import threading
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import cache as shared_cache
from django.core.cache import caches
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import translation
from redis.exceptions import RedisError

from network.models import ContentVersion, Region

logger = logging.getLogger(__name__)

#: Per thread: how many fragments it has cached (see ``bump``).
_thread = threading.local()

#: What an unreachable cache raises (Redis in production; the in-process cache never does).
CACHE_ERRORS: tuple[type[Exception], ...] = (RedisError, OSError)

#: The apps whose rows appear on the portal's pages.
CONTENT_APPS = ("network", "strategy", "actions", "events", "reporting")
#: Rows of those apps that no cached fragment shows: PDF jobs change on every progress
#: step, and their state is always rendered per request; the content versions are what
#: a bump writes.
NOT_CONTENT = {("reporting", "pdfjob"), ("network", "contentversion")}
#: Where the code version looks: the portal's own folders (not the virtualenv).
CODE_SUFFIXES = (".py", ".html", ".mo", ".txt")


def _new_version() -> int:
    return secrets.randbits(62)


def _digest_of(found: dict[int, int]) -> str:
    named = ";".join(
        f"{region_id}:{version}" for region_id, version in sorted(found.items(), key=str)
    )
    return hashlib.blake2b(named.encode(), digest_size=8).hexdigest()


def versions(region_id: int | None) -> tuple[str, str]:
    """The (national, region) content versions, read from PostgreSQL in one query; for no
    region, (national, a digest of every region's): a page of all regions changes with any
    of them. A version never bumped is 0."""
    rows = ContentVersion.objects.values_list("region_id", "version")
    if region_id:
        rows = rows.filter(region_id__in=[region_id, ContentVersion.NATIONAL])
    found = dict(rows)
    national = found.pop(ContentVersion.NATIONAL, 0)
    regional = str(found.get(region_id, 0)) if region_id else _digest_of(found)
    return str(national), regional


def page_versions(region: Any, request: Any = None) -> tuple[str, str]:
    """The versions a page's fragments are keyed by: those its region was loaded with
    (``Region.objects.with_content_versions``), else read once per request."""
    region_id = getattr(region, "pk", None)
    if region_id and hasattr(region, "content_version"):
        national = getattr(region, "national_content_version", None)
        return str(national or 0), str(region.content_version or 0)
    memo = getattr(request, "_content_versions", None)
    if memo is None:
        memo = {}
        if request is not None:
            request._content_versions = memo
    if region_id not in memo:
        memo[region_id] = versions(region_id)
    return memo[region_id]  # type: ignore[no-any-return]


def _replace(scopes: Iterable[int | None]) -> None:
    """Give the scopes (a region's id, or None for the national content) new versions.

    Each update holds the row's lock until the transaction ends, so writers of one region
    take turns at their commits. One call locks in a fixed order, national first, so two
    transactions bumping the same scopes at once wait rather than deadlock; transactions
    that bump a region and the national content in separate calls, in opposite orders, can
    still meet in a deadlock, which PostgreSQL breaks by failing one of them.
    """
    for region_id in sorted(scopes, key=lambda scope: (scope is not None, scope or 0)):
        key = region_id or ContentVersion.NATIONAL
        rows = ContentVersion.objects.filter(region_id=key)
        if rows.update(version=_new_version()):
            continue
        # The first bump of the scope; another transaction may be making the row too.
        _row, created = ContentVersion.objects.get_or_create(
            region_id=key, defaults={"version": _new_version()}
        )
        if not created:
            rows.update(version=_new_version())


def bump(*region_ids: int | None) -> None:
    """Mark the regions' content changed: their pages render afresh on the next request.

    The new versions are written in the caller's transaction: other requests see them
    with the data they stand for, at the commit. Within a transaction a scope is replaced
    again only if this thread cached a fragment since (it may show rows written in between):
    a delete that cascades to thousands of rows costs one update, not thousands. A region
    of None means the national content.
    """
    scopes = {region_id or None for region_id in region_ids}
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        _replace(scopes)
        return
    stored = getattr(_thread, "stored", 0)
    bumped = _bumped_in_transaction(connection)
    fresh = {scope for scope in scopes if bumped.get(scope) != stored}
    if fresh:
        _replace(fresh)
        for scope in fresh:
            marker = _Bumped(scope, stored)
            transaction.on_commit(marker)
            connection._page_cache_bumps[scope] = marker


class _Bumped:
    """A scope bumped in the current transaction, with the thread's count of stored
    fragments at the time. Registered with ``on_commit`` only to be dropped with the
    savepoint or transaction that rolls back: the rolled-back bump then counts as none.
    Called at the commit, it has nothing left to do."""

    def __init__(self, scope: int | None, stored: int) -> None:
        self.scope = scope
        self.stored = stored

    def __call__(self) -> None:
        pass


def _bumped_in_transaction(connection: Any) -> dict[int | None, int]:
    """The scopes bumped so far in the connection's transaction and not rolled back, each
    with the count of stored fragments at the time (see ``_Bumped``)."""
    markers: dict[int | None, _Bumped] = getattr(connection, "_page_cache_bumps", {})
    live = {id(entry[1]) for entry in connection.run_on_commit}
    connection._page_cache_bumps = {
        scope: marker for scope, marker in markers.items() if id(marker) in live
    }
    return {scope: marker.stored for scope, marker in connection._page_cache_bumps.items()}


def bump_national() -> None:
    """Mark everything changed: rows shared by every region, or a write of unknown reach."""
    bump(None)


@cache
def code_version() -> str:
    """A digest of the portal's templates, code and catalogues (names, sizes and times).

    Computed once a process: every worker of one deployment agrees, a new deployment
    differs. ``FRAGMENT_CODE_VERSION`` in the settings overrides it.
    """
    if settings.FRAGMENT_CODE_VERSION:
        return str(settings.FRAGMENT_CODE_VERSION)
    digest = hashlib.blake2b(digest_size=8)
    root = Path(settings.BASE_DIR)
    skipped = {".venv", "var", "staticfiles", "node_modules", ".git", "tests", "__pycache__"}
    for path in sorted(root.rglob("*")):
        if skipped.intersection(path.relative_to(root).parts) or path.suffix not in CODE_SUFFIXES:
            continue
        stat = path.stat()
        digest.update(f"{path.relative_to(root)}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.hexdigest()


def fragment_key(
    name: str, region_id: int | None, parts: Iterable[Any], known: tuple[str, str] | None = None
) -> str:
    """The cache key of a rendered fragment: everything it shows is in it (see above).
    ``known`` are the versions already read (``page_versions``)."""
    national, regional = known or versions(region_id)
    named = "|".join(str(part) for part in parts)
    digest = hashlib.blake2b(named.encode(), digest_size=12).hexdigest()
    language = translation.get_language() or settings.LANGUAGE_CODE
    return (
        f"fragment:{name}:{region_id or '-'}:{national}:{regional}:{code_version()}:"
        f"{language}:{digest}"
    )


def get_fragment(key: str) -> str | None:
    """The fragment cached under ``key``: from this process's memory, else from Redis.

    The key names the content versions, so a copy in memory is never stale; keeping one
    spares the big pages (the editor's is 150 KB) a transfer and an unpickling a request.
    """
    value = caches["fragments"].get(key)
    if value is None:
        value = shared_cache.get(key)
        if isinstance(value, str):
            caches["fragments"].set(key, value)
    return value if isinstance(value, str) else None


def set_fragment(key: str, html: str) -> None:
    _thread.stored = getattr(_thread, "stored", 0) + 1
    caches["fragments"].set(key, html)
    try:
        shared_cache.set(key, html, timeout=settings.FRAGMENT_TIMEOUT)
    except CACHE_ERRORS as error:  # a cache other than kaselo.cache's, which never raises
        logger.warning("Could not cache a fragment: %s", error)


# --- Invalidation from model signals --------------------------------------------------------


def _is_content(model: type[Model]) -> bool:
    meta = model._meta
    if meta.app_label not in CONTENT_APPS or (meta.app_label, meta.model_name) in NOT_CONTENT:
        return False
    # django-simple-history's rows record changes; the change itself already bumped.
    return not (meta.model_name or "").startswith("historical")


def _region_of(instance: Model, *, may_query: bool = True) -> int | None:
    """The region a row belongs to, or None when it is national or cannot be told.

    A row with its own ``region_id`` answers at once; others follow their parent links
    (``portal.rules.region_id_of``), which may cost a query, so a delete, which may
    cascade to thousands of rows, does not follow them and bumps the national version
    instead. Following a link can also fail while a cascade deletes the parents: the
    national bump is then the safe answer too.
    """
    from lib.scoping import scope
    from portal.rules import region_id_of

    if not may_query:
        return instance.pk if isinstance(instance, Region) else getattr(instance, "region_id", None)
    try:
        # A signal fires wherever the write happens (a view of any region, a task, a
        # command): finding out which region the row is in reads across regions.
        with scope(region=None):
            return region_id_of(instance)
    except Exception:  # any lookup failure: invalidate everything instead
        logger.debug("No region for %r; bumping the national version", instance)
        return None


def _on_save(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    if kwargs.get("raw") or not _is_content(sender):
        return
    bump(_region_of(instance))


def _on_delete(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    if _is_content(sender):
        bump(_region_of(instance, may_query=False))


def _on_m2m(sender: type[Model], instance: Model, action: str, **kwargs: Any) -> None:
    if not action.startswith("post_") or not _is_content(type(instance)):
        return
    bump(_region_of(instance))


def connect_signals() -> None:
    """Bump the content version on every write of a content row (see ``NOT_CONTENT``).

    Connected model by model rather than for every sender: a delete listener costs a
    model Django's fast delete, and sessions or history rows need not pay that.
    """
    for model in apps.get_models():
        if _is_content(model) and not model._meta.auto_created:
            uid = model._meta.label_lower
            post_save.connect(_on_save, sender=model, dispatch_uid=f"page_cache_save_{uid}")
            post_delete.connect(_on_delete, sender=model, dispatch_uid=f"page_cache_del_{uid}")
    m2m_changed.connect(_on_m2m, dispatch_uid="page_cache_m2m")
