"""Region scoping: every query of a region's rows goes through one gate, which fails loudly.

Each region-owned model's default manager is a :class:`RegionScopedManager` that knows the
model's path to its region (``"region"``, ``"focus_area__strategy__region"``, ...). What it
returns depends on the scope the code runs in, the state django-scopes keeps in a context
variable:

- ``with scope(region=kaselo):`` (a region, its id, or a list of ids): the region's rows
  only. A view of region A cannot fetch region B's row by id: the filter is in the query.
- ``with scope(region=None):`` every region, on purpose: national pages, a person's own
  pages across their memberships, the sign-in flow. Write it where the code says why.
- ``with scopes_disabled():`` no filter at all: the admin, migrations' data steps and test
  arrange code.
- anywhere else (a request that entered no region, a Celery task, a management command, a
  shell): every query raises :class:`ScopeError`. In production the request answers 500 and
  the traceback is logged; in tests the test fails.

Why a manager of our own and not django-scopes' ``ScopedManager``: ours keeps each model's
custom QuerySet. Out of scope, django-scopes returns its ``DisabledQuerySet``, which lacks our
methods, so ``Event.objects.for_region(r)`` would raise ``AttributeError`` instead of
``ScopeError``, and its ``.all()`` raises at once, which breaks the model forms Django builds
at import time (a ``ForeignKey``'s form field takes ``_default_manager.using(...)``). Here
the out-of-scope queryset is the model's own QuerySet class with the region still to be
decided: building it (``.filter()``, ``.for_region()``, ``.none()``, ``.using()``) is fine;
evaluating it applies the scope in force at that moment, and raises if there is none. So a
form field made at import time is filtered by the region of the request that renders it.
The scope state, ``scope()``, ``scopes_disabled()`` and ``ScopeError`` are django-scopes'
own, as pretix uses them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Generic, TypeVar

from django.db import models
from django.template.response import SimpleTemplateResponse
from django_scopes import ScopeError, get_scope, scope, scopes_disabled
from django_scopes.state import state

__all__ = [
    "DIMENSION",
    "RegionScopedManager",
    "ScopeError",
    "ScopeMiddleware",
    "get_scope",
    "in_scope",
    "iterate_in_scope",
    "own_filters_only",
    "region_path",
    "render_in_scope",
    "rendered",
    "request_scope",
    "scope",
    "scoped_models",
    "scopes_disabled",
    "view_in_scope",
]

#: The one dimension the portal scopes by.
DIMENSION = "region"

_M = TypeVar("_M", bound=models.Model)
_F = TypeVar("_F", bound=Callable[..., Any])
_T = TypeVar("_T")

#: model -> its path to the region, filled as the managers attach to their models.
_PATHS: dict[type[models.Model], str] = {}


def scoped_models() -> dict[type[models.Model], str]:
    """Every model with a region-scoped default manager, and its path to the region."""
    return dict(_PATHS)


def region_path(model: type[models.Model]) -> str | None:
    return _PATHS.get(model)


#: Set by ``own_filters_only()``: scopes are still required but filter nothing.
_own_filters_only: ContextVar[bool] = ContextVar("region_scope_own_filters_only", default=False)


@contextmanager
def own_filters_only() -> Iterator[None]:
    """For the isolation test: a scope must still be entered, but it filters nothing.

    The scope is the second of two walls: every view, export and import still filters by
    its region itself (``for_region``, ``filter(region=...)``). Run under this, the twin
    tests of ``tests/test_region_isolation.py`` prove that first wall alone, so a filter
    dropped from the code fails a test even though the scope would have hidden it.
    """
    token = _own_filters_only.set(True)
    try:
        yield
    finally:
        _own_filters_only.reset(token)


def _region_filter(path: str, value: Any) -> dict[str, Any] | None:
    """The filter for the scope's ``region`` value; None means every region."""
    if value is None or _own_filters_only.get():
        return None
    if isinstance(value, (list, tuple, set, frozenset)):
        return {f"{path}__in": [getattr(v, "pk", v) for v in value]}
    return {path: getattr(value, "pk", value)}


class _Unscoped:
    """Mixed into a model's QuerySet built where no region was in scope.

    The filter is decided when the query runs: by the scope in force then, or ScopeError.
    """

    _scope_path: str

    def _resolved(self) -> models.QuerySet[Any]:
        current = get_scope()
        plain = self._plain()
        if not current.get("_enabled", True):
            return plain
        if DIMENSION not in current:
            raise ScopeError(
                f"{plain.model.__name__} rows belong to a region: enter "
                "lib.scoping.scope(region=...) (or region=None for every region, on "
                "purpose) before reading them. See DEVELOPERS.md, 'Region scoping'."
            )
        where = _region_filter(self._scope_path, current[DIMENSION])
        if where:
            # Straight into the query: a sliced queryset (a paginator's page) refuses filter().
            plain.query.add_q(models.Q(**where))
        return plain

    def _plain(self) -> models.QuerySet[Any]:
        clone = self._clone()  # type: ignore[attr-defined]
        clone.__class__ = clone.__class__.__mro__[2]  # the model's own QuerySet class
        return clone  # type: ignore[no-any-return]

    def resolve_expression(self, *args: Any, **kwargs: Any) -> Any:
        # Used inside another query (``pk__in=...``): the scope applies to it as well.
        return self._resolved().resolve_expression(*args, **kwargs)  # type: ignore[attr-defined]

    # Everything that reaches the database goes through the scope in force at that moment.
    def _fetch_all(self) -> None:
        if self._result_cache is None:  # type: ignore[attr-defined]
            resolved = self._resolved()
            resolved._fetch_all()
            setattr(self, "_result_cache", resolved._result_cache)  # noqa: B010
            self._prefetch_done = True

    def iterator(self, *args: Any, **kwargs: Any) -> Iterator[Any]:
        return self._resolved().iterator(*args, **kwargs)

    def count(self) -> int:
        if self._result_cache is not None:  # type: ignore[attr-defined]
            return len(self._result_cache)  # type: ignore[attr-defined]
        return self._resolved().count()

    def exists(self) -> bool:
        if self._result_cache is not None:  # type: ignore[attr-defined]
            return bool(self._result_cache)  # type: ignore[attr-defined]
        return self._resolved().exists()

    def aggregate(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        return self._resolved().aggregate(*args, **kwargs)

    def get(self, *args: Any, **kwargs: Any) -> Any:
        return self._resolved().get(*args, **kwargs)

    def first(self) -> Any:
        return self._resolved().first()

    def last(self) -> Any:
        return self._resolved().last()

    def latest(self, *fields: Any) -> Any:
        return self._resolved().latest(*fields)

    def earliest(self, *fields: Any) -> Any:
        return self._resolved().earliest(*fields)

    def in_bulk(self, *args: Any, **kwargs: Any) -> dict[Any, Any]:
        return self._resolved().in_bulk(*args, **kwargs)

    def contains(self, obj: Any) -> bool:
        return self._resolved().contains(obj)

    def update(self, **kwargs: Any) -> int:
        return self._resolved().update(**kwargs)

    def delete(self) -> tuple[int, dict[str, int]]:
        return self._resolved().delete()

    def explain(self, *args: Any, **kwargs: Any) -> str:
        return self._resolved().explain(*args, **kwargs)

    def get_or_create(self, defaults: Any = None, **kwargs: Any) -> Any:
        return self._resolved().get_or_create(defaults=defaults, **kwargs)

    def update_or_create(self, defaults: Any = None, **kwargs: Any) -> Any:
        return self._resolved().update_or_create(defaults=defaults, **kwargs)

    def __getitem__(self, k: Any) -> Any:
        if isinstance(k, slice) or self._result_cache is not None:  # type: ignore[attr-defined]
            # A slice stays lazy (ModelChoiceField, paginators); the scope applies on use.
            return super().__getitem__(k)  # type: ignore[misc]
        return self._resolved()[k]

    def __repr__(self) -> str:
        return f"<unscoped {self.model.__name__} queryset>"  # type: ignore[attr-defined]


@functools.cache
def _unscoped_class(queryset_class: type, path: str) -> type:
    return type(
        f"Unscoped{queryset_class.__name__}", (_Unscoped, queryset_class), {"_scope_path": path}
    )


class RegionScopedManager(models.Manager[_M], Generic[_M]):
    """The default manager of a region-owned model: see the module's docstring.

    ``objects = RegionScopedManager.from_queryset(EventQuerySet)("region")`` keeps the
    model's custom QuerySet methods; ``RegionScopedManager("organisation__region")`` for a
    model without one. Related managers (``strategy.focus_areas``) and prefetches derive
    from this class, so they are scoped too; a forward foreign key (``goal.focus_area``)
    goes through the plain base manager, as in Django.
    """

    def __init__(self, path: str | None = None) -> None:
        super().__init__()
        # Related managers subclass this class and call __init__() without the path.
        self._scope_path = path

    def contribute_to_class(self, cls: type[_M], name: str) -> None:  # type: ignore[override]
        super().contribute_to_class(cls, name)
        if self._scope_path is not None and not cls._meta.abstract:
            _PATHS[cls] = self._scope_path

    def get_queryset(self) -> models.QuerySet[_M]:
        queryset = super().get_queryset()
        path = _PATHS[self.model]
        current = get_scope()
        if not current.get("_enabled", True):
            return queryset
        if DIMENSION not in current:
            queryset.__class__ = _unscoped_class(type(queryset), path)
            return queryset
        where = _region_filter(path, current[DIMENSION])
        return queryset.filter(**where) if where else queryset


@contextmanager
def request_scope() -> Iterator[None]:
    """Scoping on, no region: how every request starts (``kaselo.middleware``).

    Replaces whatever scope the caller was in (a test's ``scopes_disabled``), so the view
    must enter its region itself.
    """
    token = state.set({"_enabled": True})
    try:
        yield
    finally:
        state.reset(token)


class ScopeMiddleware:
    """Every request runs with scoping on and no region: views enter theirs.

    First in ``MIDDLEWARE``, so the middleware below it (sign-in, MFA) is scoped as well.
    """

    def __init__(self, get_response: Callable[[Any], Any]) -> None:
        self.get_response = get_response

    def __call__(self, request: Any) -> Any:
        with request_scope():
            return self.get_response(request)


def render_in_scope(region: Any, call: Callable[[], Any], **scope_kwargs: Any) -> Any:
    """Run a view inside ``scope(region=region)`` and render its template response there.

    A ``TemplateResponse`` renders after the view returns; its template still reads the
    region's rows (``event.materials.all``), so it renders here, inside the scope.
    """
    with scope(**{DIMENSION: region}, **scope_kwargs):
        return rendered(call())


def in_scope(**scope_kwargs: Any) -> Callable[[_F], _F]:
    """Decorate a function (a command's ``handle``, a task) to run inside ``scope(...)``."""

    def decorate(function: _F) -> _F:
        @functools.wraps(function)
        def scoped(*args: Any, **kwargs: Any) -> Any:
            with scope(**scope_kwargs):
                return function(*args, **kwargs)

        return scoped  # type: ignore[return-value]

    return decorate


def view_in_scope(**scope_kwargs: Any) -> Callable[[_F], _F]:
    """Decorate a function view to run (and render) inside ``scope(**scope_kwargs)``.

    ``@view_in_scope(region=None)`` is for views that read every region on purpose: say
    why beside it.
    """

    def decorate(view: _F) -> _F:
        @functools.wraps(view)
        def scoped(request: Any, *args: Any, **kwargs: Any) -> Any:
            with scope(**scope_kwargs):
                return rendered(view(request, *args, **kwargs))

        return scoped  # type: ignore[return-value]

    return decorate


def iterate_in_scope(iterable: Iterable[_T], **scope_kwargs: Any) -> Iterator[_T]:
    """Each item of ``iterable`` made inside ``scope(**scope_kwargs)``, and only that.

    For what is read lazily after the view returns (a streamed export): the scope is
    entered around each step, never left open between them in the consumer's context.
    """
    iterator = iter(iterable)
    while True:
        with scope(**scope_kwargs):
            try:
                item = next(iterator)
            except StopIteration:
                return
        yield item


def rendered(response: Any) -> Any:
    """Render a template response now, inside the scope the caller is in."""
    if isinstance(response, SimpleTemplateResponse) and not response.is_rendered:
        response.render()
    return response
