"""Rendered page fragments cached until the data they show changes.

A region's pages are read far more often than its data is written, and rendering them is
what costs (a focus area's page takes ~40 ms to render and ~2 ms to serve from Redis). So
the heavy part of each page is cached under a key that names everything it shows:

- the region's *content version* and the *national* one, tokens replaced whenever a row
  of the portal's content is written (``bump``): a new token means new keys, so a cached
  fragment is never read after its data changed, and nothing has to be deleted (a page of
  all regions, such as the national summary, keys on the version of any region instead);
- the *code version*, a digest of the portal's templates, code and catalogues, so a
  deployment never serves HTML of the previous release;
- the language, and whatever the template names (a page number, the day, the filters).

Writes reach ``bump`` through the model signals connected in ``connect_signals``; the
few bulk writes that send no signals (imports, the data builders) call ``bump`` or
``bump_national`` themselves. The versions live in the default cache (Redis in
production), shared by every worker; the fragments too, so one render serves them all.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import uuid
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

from network.models import Region

logger = logging.getLogger(__name__)

#: Per thread: how many fragments it has cached (see ``bump``).
_thread = threading.local()

#: What an unreachable cache raises (Redis in production; the in-process cache never does).
CACHE_ERRORS: tuple[type[Exception], ...] = (RedisError, OSError)

NATIONAL = "national"
#: Replaced with every write: the version of pages that show all regions.
ANY_REGION = "any"
#: The apps whose rows appear on the portal's pages.
CONTENT_APPS = ("network", "strategy", "actions", "events", "reporting")
#: Rows of those apps that no cached fragment shows: PDF jobs change on every progress
#: step, and their state is always rendered per request.
NOT_CONTENT = {("reporting", "pdfjob")}
#: Where the code version looks: the portal's own folders (not the virtualenv).
CODE_SUFFIXES = (".py", ".html", ".mo", ".txt")


def _version_key(scope: int | str) -> str:
    return f"content-version:{scope}"


def _new_token() -> str:
    return uuid.uuid4().hex[:12]


def versions(region_id: int | None) -> tuple[str, str]:
    """The (national, region) content versions, read in one round trip; for no region,
    (national, any region's): a page of all regions changes with any of them.

    A version missing from the cache (never written, or evicted) is created: the fragments
    cached under the lost token are unreachable from then on, which is what we want.
    """
    keys = [_version_key(NATIONAL), _version_key(region_id if region_id else ANY_REGION)]
    found = shared_cache.get_many(keys)
    tokens = []
    for key in keys:
        token = found.get(key)
        if token is None:
            shared_cache.add(key, _new_token(), timeout=None)
            token = shared_cache.get(key)
        tokens.append(str(token))
    return tokens[0], tokens[1]


def _replace(scopes: Iterable[int | str]) -> None:
    """Give the scopes new tokens; an unreachable cache is logged, not raised: a write
    must not fail for it. (Fragments cached before such an outage may then be read until
    ``FRAGMENT_TIMEOUT`` passes; a restarted Redis, which keeps nothing, has none.)"""
    try:
        shared_cache.set_many({_version_key(scope): _new_token() for scope in scopes}, timeout=None)
    except CACHE_ERRORS:
        logger.error("Could not mark %s changed: the cache is unreachable", scopes, exc_info=True)


def bump(*region_ids: int | None) -> None:
    """Mark the regions' content changed: their pages render afresh on the next request.

    The tokens are replaced now and again when the transaction commits: a page rendered
    between the two from the data before the commit is cached under a token that is gone
    once the commit lands. Within a transaction a scope is replaced again only if this
    thread cached a fragment since (it may show the uncommitted rows): a delete that
    cascades to thousands of rows costs one replacement, not thousands. A region of None
    means the national content.
    """
    scopes = {region_id if region_id else NATIONAL for region_id in region_ids} | {ANY_REGION}
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        _replace(scopes)
        return
    replaced = _replaced_in_transaction(connection)
    stored = getattr(_thread, "stored", 0)
    fresh = {scope for scope in scopes if replaced.get(scope) != stored}
    if fresh:
        _replace(fresh)
        replaced.update(dict.fromkeys(fresh, stored))


class _CommitFlush:
    """The scopes replaced in one transaction, each with the thread's count of stored
    fragments at the time; called by ``on_commit`` to replace them once more."""

    def __init__(self) -> None:
        self.replaced: dict[int | str, int] = {}

    def __call__(self) -> None:
        _replace(self.replaced)


def _replaced_in_transaction(connection: Any) -> dict[int | str, int]:
    """The scopes replaced so far in the connection's transaction (see ``_CommitFlush``).

    The flush is registered with ``on_commit``; a rollback discards it, and with it what
    it recorded, so the next transaction starts afresh.
    """
    flush = getattr(connection, "_page_cache_flush", None)
    if flush is None or not any(entry[1] is flush for entry in connection.run_on_commit):
        flush = connection._page_cache_flush = _CommitFlush()
        transaction.on_commit(flush)
    return flush.replaced  # type: ignore[no-any-return]


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


def fragment_key(name: str, region_id: int | None, parts: Iterable[Any]) -> str:
    """The cache key of a rendered fragment: everything it shows is in it (see above)."""
    national, regional = versions(region_id)
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
    except CACHE_ERRORS:
        logger.warning("Could not cache a fragment: the cache is unreachable", exc_info=True)


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
