"""The coordinator's editor of a region's strategy and action plan.

Every view needs ``strategy.edit_plan`` (the history pages ``strategy.view_history``) on
the region's current strategy, checked through ``lib.access`` before any object is
looked up: a visitor is sent to sign in, an outsider gets 404, a weak role 403. Objects
are then looked up within that strategy only, so an id of another region answers 404.
The views are thin: forms validate, ``strategy.services`` changes the rows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Model, QuerySet, prefetch_related_objects
from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import (
    CreateView,
    DeleteView,
    FormView,
    TemplateView,
    UpdateView,
    View,
)

from lib import concurrency
from lib.access import PermissionMixin
from network.mixins import RegionMixin
from portal import closed_years
from strategy import history, revisions, services
from strategy.editor import forms
from strategy.models import (
    Action,
    FocusArea,
    Goal,
    Indicator,
    IndicatorValue,
    Strategy,
    indicator_link_prefetches,
)

#: The query parameter naming the focus area the editor shows, by its number.
FOCUS_AREA_PARAMETER = "painopiste"
#: The query parameter and its value choosing the draft revision in the editor.
VERSION_PARAMETER = "versio"
DRAFT_VERSION = "luonnos"


def url_maker(name: str, key: str = "pk", **kwargs: Any) -> Callable[[int], str]:
    """Return a function that gives the URL ``name`` for an id, reversing it only once.

    A list of rows needs the same URL for every row with only the id changing; reversing
    once and filling the id in as text costs a fraction of ``reverse`` per row.
    """
    marker = 918273645  # an id no row has, replaced by each row's id
    before, after = reverse(name, kwargs={**kwargs, key: marker}).split(str(marker))
    return lambda pk: f"{before}{pk}{after}"


@dataclass(frozen=True)
class ActionRow:
    """An action on the editor's list with the URLs of its tools, built in Python."""

    action: Action
    edit_url: str
    delete_url: str
    history_url: str
    status_url: str
    move_url: str
    #: The status as the list shows it, sent back with an inline change (``lib.concurrency``).
    status_version: str = ""
    is_first: bool = False
    is_last: bool = False


def action_rows(
    region_slug: str,
    actions: Sequence[Action],
    *,
    first: Action | None = None,
    last: Action | None = None,
) -> list[ActionRow]:
    """The rows of ``actions``; ``first`` and ``last`` are the focus area's (their arrows
    are disabled), which on a later page of a long list are not on the page."""
    edit = url_maker("editor:action_edit", region=region_slug)
    delete = url_maker("editor:action_delete", region=region_slug)
    history_url = url_maker("editor:history", region=region_slug, kind="action")
    status = url_maker("editor:action_status", region=region_slug)
    move = url_maker("editor:action_move", region=region_slug)
    return [
        ActionRow(
            action=action,
            edit_url=edit(action.pk),
            delete_url=delete(action.pk),
            history_url=history_url(action.pk),
            status_url=status(action.pk),
            move_url=move(action.pk),
            status_version=concurrency.row_version(action, services.STATUS_FIELDS),
            is_first=first is not None and action.pk == first.pk,
            is_last=last is not None and action.pk == last.pk,
        )
        for action in actions
    ]


#: Each row's path to its strategy version.
STRATEGY_PATH: dict[type[Model], str] = {
    FocusArea: "strategy",
    Goal: "focus_area__strategy",
    Action: "focus_area__strategy",
    Indicator: "strategy",
    IndicatorValue: "indicator__strategy",
}


class EditorMixin(RegionMixin, PermissionMixin):
    """The region from the URL, the version of its strategy being edited, and the
    permission check on it.

    The editor works on the region's current version, or on its draft revision
    (``strategy.revisions``): a page whose URL names a row works on that row's version,
    a page without one (the strategy's header, a new focus area or indicator, the
    overview) on the draft when asked with ``?versio=luonnos``. Earlier versions are
    never edited: their rows answer 404 (or their form comes back, see ``replaced``).
    """

    permission_required = "strategy.edit_plan"
    strategy: Strategy | None
    request: HttpRequest
    kwargs: dict[str, Any]
    #: The URL arguments naming rows of a version, with their models: the row's version
    #: is the one edited (and a form naming a row of a replaced version comes back).
    version_rows: dict[str, type[Model]] = {}
    #: Whether ``?versio=luonnos`` without a draft shows the current version (the
    #: overview) rather than 404.
    draft_optional = False

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        # RegionMixin finds the region, then PermissionMixin checks get_permission_object().
        return super().dispatch(request, *args, **kwargs)  # type: ignore[return-value]

    def get_permission_object(self) -> Model:
        """The version being edited, or the region itself while it has none."""
        self.strategy = self.current_strategy()
        return self.strategy or self.region

    def current_strategy(self) -> Strategy | None:
        """The version being edited, with its region set: the current one or the draft.

        One query for both (a region has at most one of each), and while a draft exists
        one more on a page whose URL names a row, to find that row's version.
        """
        versions = list(Strategy.objects.for_region(self.region).editable())
        current = next((v for v in versions if v.is_current), None)
        draft = next((v for v in versions if not v.is_current), None)
        chosen = current
        if self.wants_draft():
            if draft is None and not self.draft_optional:
                raise Http404(_("The region has no draft of its strategy."))
            chosen = draft or current
        elif draft is not None and self.url_row_version() == draft.pk:
            chosen = draft
        if chosen is not None:
            chosen.region = self.region
        return chosen

    def wants_draft(self) -> bool:
        """Whether the page was asked for the draft (``?versio=luonnos``)."""
        return self.request.GET.get(VERSION_PARAMETER) == DRAFT_VERSION

    def url_row_version(self) -> int | None:
        """The id of the version holding the row the URL names, if it names one."""
        for key, model in self.version_rows.items():
            value = str(self.kwargs.get(key, ""))
            if value.isdigit():
                return (  # type: ignore[no-any-return]
                    model._default_manager.filter(pk=value)
                    .values_list(STRATEGY_PATH[model], flat=True)
                    .first()
                )
        return None

    def get_strategy(self) -> Strategy:
        if self.strategy is None:
            raise Http404(_("The region has no current strategy."))
        return self.strategy

    def home_url(
        self, anchor: str = "", *, focus_area: FocusArea | None = None, page: int = 1
    ) -> str:
        """The overview of the version edited, showing ``focus_area`` (the first one without
        it) at ``anchor``."""
        url = reverse("editor:home", kwargs={"region": self.region.slug})
        query: dict[str, Any] = {}
        strategy = getattr(self, "strategy", None)
        if strategy is not None and strategy.is_draft:
            query[VERSION_PARAMETER] = DRAFT_VERSION
        if focus_area is not None:
            query[FOCUS_AREA_PARAMETER] = focus_area.number
        if page > 1:
            query["page"] = page
        if query:
            url = f"{url}?{urlencode(query)}"
        return f"{url}#{anchor}" if anchor else url

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["strategy"] = self.strategy
        context["editor_home_url"] = self.home_url()
        return context


class EditorHomeView(EditorMixin, TemplateView):
    """The current strategy for editing, one focus area at a time, with every edit a click away.

    The focus areas are tabs (``?painopiste=<number>``, the first by default); only the
    chosen one's goals and actions are loaded, its actions ``PAGE_SIZE`` a page, so the
    page's size and cost stay the same however large the plan grows.

    Queries: the region, the person's roles, the strategy (loaded once, for the
    permission check), then, when the cached overview is out of date, the focus areas
    with their action counts, the chosen area's national goals, goals, a page of actions
    and their responsible organisations, the indicators (three) and the versions: the
    same count whatever the number of rows.
    """

    template_name = "strategy/editor/home.html"
    # ``?versio=luonnos`` after the draft was published or discarded shows the current one.
    draft_optional = True

    def get_permission_object(self) -> Model:
        """The region: the right to edit the plan is its region's (``portal.rules``), so
        the strategy is loaded only when the cached overview is rendered afresh (see
        ``plan_context``); ``self.strategy`` stays None here."""
        self.strategy = None
        return self.region

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        # The plan is loaded only if the page's cached fragment is rendered afresh; its key
        # is the full path, so the draft (``?versio=luonnos``) is a fragment of its own.
        context["plan"] = self.plan_context
        return context

    def plan_context(self) -> dict[str, Any]:
        """What the overview shows of the plan: the template's ``fragment`` calls this.

        The version edited (the current one, or the draft when asked for), and the draft
        beside it with the tools to edit, publish or discard it.
        """
        strategy = self.current_strategy()
        versions = list(Strategy.objects.for_region(self.region).order_by("-version"))
        draft = next((v for v in versions if v.is_draft), None)
        home = reverse("editor:home", kwargs={"region": self.region.slug})
        draft_query = f"{VERSION_PARAMETER}={DRAFT_VERSION}"
        shows_draft = strategy is not None and strategy.is_draft
        context: dict[str, Any] = {
            "strategy": strategy,
            "versions": versions,
            "draft": draft,
            "shows_draft": shows_draft,
            "current_url": home,
            "draft_url": f"{home}?{draft_query}",
            # Added to the links of pages that name no row, so they edit the draft too.
            "version_query": draft_query if shows_draft else "",
            "editor_home_url": f"{home}?{draft_query}" if shows_draft else home,
            "status_choices": Action.Status.choices,
        }
        if strategy is None:
            return context
        # A value of a closed year offers no edit link that would only be refused
        # (``portal.closed_years``); closing and reopening bump the cached fragment.
        closed = closed_years.closed_years(self.region.pk)
        context["closed_value_years"] = set(closed)
        context["reopened_value_ids"] = (
            closed_years.reopened_ids(self.region.pk, IndicatorValue) if closed else set()
        )
        prefetch_related_objects([strategy], *indicator_link_prefetches())
        # The tabs: every focus area with its number of actions, which also sizes the pages.
        focus_areas = list(
            focus_areas_of(strategy).order_by("number").annotate(action_count=Count("actions"))
        )
        chosen = self.chosen_focus_area(focus_areas)
        context.update(focus_areas=focus_areas, focus_area=chosen)
        if chosen is not None:
            chosen.strategy = strategy
            prefetch_related_objects([chosen], "national_goals", "key_measures", "goals")
            context.update(
                action_list_context(self.region.slug, chosen, self.request.GET.get("page"))
            )
        return context

    def chosen_focus_area(self, focus_areas: Sequence[FocusArea]) -> FocusArea | None:
        """The focus area named by ``?painopiste=``; the first for none or an unknown one."""
        number = self.request.GET.get(FOCUS_AREA_PARAMETER, "")
        for focus_area in focus_areas:
            if str(focus_area.number) == number:
                return focus_area
        return focus_areas[0] if focus_areas else None


def action_list_context(
    region_slug: str, focus_area: FocusArea, page_number: Any, *, count: int | None = None
) -> dict[str, Any]:
    """A page of the focus area's actions as rows: two queries (the actions with their lead
    joined, their responsible organisations), or three without ``count`` or an annotated
    ``action_count`` on the focus area."""
    paginator: Paginator[Action] = Paginator(focus_area_actions(focus_area), settings.PAGE_SIZE)
    known = count if count is not None else getattr(focus_area, "action_count", None)
    if known is not None:
        paginator.count = known  # type: ignore[misc]  # counted already: no COUNT query
    page = paginator.get_page(page_number)
    actions = list(page.object_list)
    first = actions[0] if actions and not page.has_previous() else None
    last = actions[-1] if actions and not page.has_next() else None
    list_url = reverse("editor:home", kwargs={"region": region_slug})
    query: dict[str, Any] = {FOCUS_AREA_PARAMETER: focus_area.number}
    if focus_area.strategy.is_draft:
        query = {VERSION_PARAMETER: DRAFT_VERSION, **query}
    return {
        "action_page": page,
        "action_rows": action_rows(region_slug, actions, first=first, last=last),
        # The pages' links, also right in a list htmx swaps in after a move (a POST elsewhere).
        "action_list_url": f"{list_url}?{urlencode(query)}",
    }


# --- Forms ---------------------------------------------------------------------------------


class EditorFormMixin(EditorMixin):
    """A form page of the editor: saves through a service, says so, returns to the overview."""

    template_name = "strategy/editor/form.html"
    heading: Any = ""
    success_message: Any = gettext_lazy("Saved.")
    anchor = ""

    def get_anchor(self) -> str:
        return self.anchor

    def get_anchor_focus_area(self) -> FocusArea | None:
        """The focus area whose tab the overview opens after saving; None for the first."""
        return None

    object: Any

    def save(self, form: Any) -> Model:
        return services.save_form(form)  # type: ignore[no-any-return]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return super().post(request, *args, **kwargs)  # type: ignore[misc,no-any-return]
        except Http404:
            response = self.replaced()
            if response is None:
                raise
            return response

    def replaced(self) -> HttpResponse | None:
        """The form back, typed values kept, when its rows belong to a version of the
        strategy that a new version replaced while the form was open (not a 404).

        The form is bound to the same rows of the current version where they are found
        (``services.counterpart``) and posts there, so saving again lands on the current
        version; where a row has no copy, the form shows what was typed, to copy.
        """
        strategy = self.strategy
        # The region's own rows only, by an explicit filter: the scope alone is not relied on.
        old_rows = {
            key: model._default_manager.filter(
                pk=self.kwargs[key], **{STRATEGY_PATH[model] + "__region": self.region}
            ).first()
            for key, model in self.version_rows.items()
            if str(self.kwargs.get(key, "")).isdigit()
        }
        if strategy is None or not old_rows or None in old_rows.values():
            return None
        copies = {key: services.counterpart(row, strategy) for key, row in old_rows.items()}  # type: ignore[arg-type]
        found = None not in copies.values()
        rows: dict[str, Any] = copies if found else old_rows
        view: Any = self  # the form views set the attributes their forms read
        if "focus_area" in rows:
            view.focus_area = rows["focus_area"]
        if "indicator" in rows:
            view.indicator = rows["indicator"]
        view.object = rows.get("pk")
        if view.object is not None and hasattr(view.object, "focus_area"):
            view.focus_area = view.object.focus_area
        if getattr(view, "focus_area", None) is not None:
            view.focus_area.strategy = strategy
        if isinstance(view.object, IndicatorValue):
            view.indicator = view.object.indicator
        form = self.get_form()  # type: ignore[attr-defined]
        if found:
            self.relink_choices(form, strategy)
        form.is_valid()
        if found and form.instance.pk is not None:
            current = type(form.instance)._default_manager.get(pk=form.instance.pk)
            form.data = form.data.copy()
            form.data[concurrency.VERSION_FIELD] = concurrency.row_version(
                current, form.guarded_fields()
            )
        if found:
            message = _(
                "While you had this form open, a new version of the strategy (%(version)s) "
                "was started, so nothing was saved. What you typed is kept below, now on the "
                "new version: check it and save again."
            ) % {"version": strategy.version}
        else:
            message = _(
                "While you had this form open, a new version of the strategy was started, "
                "and what you edited is not in it, so nothing was saved. What you typed is "
                "kept below for you to copy."
            )
        form.add_error(None, message)
        context: dict[str, Any] = {"form": form}
        if found:
            url_name = self.request.resolver_match.view_name  # type: ignore[union-attr]
            new_kwargs = {**self.kwargs, **{key: row.pk for key, row in copies.items()}}  # type: ignore[union-attr]
            context["form_action"] = reverse(url_name, kwargs=new_kwargs)
        return self.render_to_response(self.get_context_data(**context))  # type: ignore[attr-defined,no-any-return]

    @staticmethod
    def relink_choices(form: Any, strategy: Strategy) -> None:
        """Point the ticked goals and focus areas of the old version at their copies."""
        data = form.data.copy()
        for name, field in form.fields.items():
            model = getattr(getattr(field, "queryset", None), "model", None)
            if model not in (FocusArea, Goal) or name not in data:
                continue
            copies = []
            for pk in data.getlist(name):
                rows = model._default_manager.filter(
                    **{STRATEGY_PATH[model] + "__region": strategy.region}
                )
                old = rows.filter(pk=pk).first() if str(pk).isdigit() else None
                copy = services.counterpart(old, strategy) if old is not None else None
                copies.append(str(copy.pk) if copy is not None else pk)
            data.setlist(name, copies)
        form.data = data

    def form_valid(self, form: Any) -> HttpResponse:
        self.object = self.save(form)
        messages.success(self.request, self.success_message)
        return redirect(self.home_url(self.get_anchor(), focus_area=self.get_anchor_focus_area()))

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["heading"] = context["editor_crumb"] = self.heading
        context["cancel_url"] = self.home_url(
            self.get_anchor(), focus_area=self.get_anchor_focus_area()
        )
        return context


class StrategyUpdateView(concurrency.ConcurrentEditMixin, EditorFormMixin, UpdateView):  # type: ignore[misc]
    form_class = forms.StrategyForm
    heading = gettext_lazy("Edit the strategy")
    success_message = gettext_lazy("The strategy was saved.")
    anchor = "strategia"

    def get_object(self, queryset: Any = None) -> Strategy:
        return self.get_strategy()


class FocusAreaFormMixin(EditorFormMixin):
    form_class = forms.FocusAreaForm

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()  # type: ignore[misc]
        kwargs["strategy"] = self.get_strategy()
        return kwargs

    def get_anchor(self) -> str:
        return f"painopiste-{self.object.pk}" if getattr(self, "object", None) else ""

    def get_anchor_focus_area(self) -> FocusArea | None:
        return getattr(self, "object", None)


def focus_areas_of(strategy: Strategy) -> QuerySet[FocusArea]:
    return FocusArea.objects.filter(strategy=strategy)


class FocusAreaCreateView(concurrency.OnceOnlyCreateMixin, FocusAreaFormMixin, CreateView):  # type: ignore[misc]
    heading = gettext_lazy("Add a focus area")
    success_message = gettext_lazy("The focus area was added.")


class FocusAreaUpdateView(concurrency.ConcurrentEditMixin, FocusAreaFormMixin, UpdateView):  # type: ignore[misc]
    version_rows = {"pk": FocusArea}
    heading = gettext_lazy("Edit the focus area")
    success_message = gettext_lazy("The focus area was saved.")

    def get_object(self, queryset: Any = None) -> FocusArea:
        return get_object_or_404(focus_areas_of(self.get_strategy()), pk=self.kwargs["pk"])


class FocusAreaChildMixin(EditorFormMixin):
    """A form for something under a focus area named by ``focus_area`` in the URL."""

    def get_focus_area(self) -> FocusArea:
        if not hasattr(self, "focus_area"):
            strategy = self.get_strategy()
            self.focus_area = get_object_or_404(
                focus_areas_of(strategy), pk=self.kwargs["focus_area"]
            )
            self.focus_area.strategy = strategy
        return self.focus_area

    def get_anchor(self) -> str:
        return f"painopiste-{self.get_focus_area().pk}"

    def get_anchor_focus_area(self) -> FocusArea | None:
        return self.get_focus_area()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["focus_area"] = self.get_focus_area()
        return context


class GoalCreateView(concurrency.OnceOnlyCreateMixin, FocusAreaChildMixin, CreateView):  # type: ignore[misc]
    version_rows = {"focus_area": FocusArea}
    form_class = forms.GoalForm
    heading = gettext_lazy("Add a goal")
    success_message = gettext_lazy("The goal was added.")

    def save(self, form: Any) -> Model:
        return services.add_goal(form, self.get_focus_area())


class GoalUpdateView(concurrency.ConcurrentEditMixin, FocusAreaChildMixin, UpdateView):  # type: ignore[misc]
    version_rows = {"pk": Goal}
    form_class = forms.GoalForm
    heading = gettext_lazy("Edit the goal")
    success_message = gettext_lazy("The goal was saved.")

    def get_object(self, queryset: Any = None) -> Goal:
        goal = get_object_or_404(
            Goal.objects.filter(focus_area__strategy=self.get_strategy()).select_related(
                "focus_area"
            ),
            pk=self.kwargs["pk"],
        )
        goal.focus_area.strategy = self.get_strategy()
        self.focus_area = goal.focus_area
        return goal


class ActionFormMixin(FocusAreaChildMixin):
    form_class = forms.ActionForm

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()  # type: ignore[misc]
        kwargs["focus_area"] = self.get_focus_area()
        return kwargs


class ActionCreateView(concurrency.OnceOnlyCreateMixin, ActionFormMixin, CreateView):  # type: ignore[misc]
    version_rows = {"focus_area": FocusArea}
    heading = gettext_lazy("Add an action")
    success_message = gettext_lazy("The action was added.")

    def save(self, form: Any) -> Model:
        return services.add_action(form, self.get_focus_area())


def actions_of(strategy: Strategy) -> QuerySet[Action]:
    return Action.objects.filter(focus_area__strategy=strategy).select_related("focus_area")


class ActionObjectMixin(EditorMixin):
    """An action of the version edited named by ``pk``, with its focus area."""

    version_rows: dict[str, type[Model]] = {"pk": Action}

    def get_action(self) -> Action:
        strategy = self.get_strategy()
        action = get_object_or_404(actions_of(strategy), pk=self.kwargs["pk"])
        action.focus_area.strategy = strategy
        self.focus_area = action.focus_area
        return action


class ActionUpdateView(  # type: ignore[misc]
    concurrency.ConcurrentEditMixin, ActionObjectMixin, ActionFormMixin, UpdateView
):
    version_rows = {"pk": Action}
    heading = gettext_lazy("Edit the action")
    success_message = gettext_lazy("The action was saved.")

    def get_object(self, queryset: Any = None) -> Action:
        return self.get_action()


class IndicatorFormMixin(EditorFormMixin):
    form_class = forms.IndicatorForm
    anchor = "mittarit"

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()  # type: ignore[misc]
        kwargs["strategy"] = self.get_strategy()
        return kwargs


class IndicatorCreateView(concurrency.OnceOnlyCreateMixin, IndicatorFormMixin, CreateView):  # type: ignore[misc]
    heading = gettext_lazy("Add an indicator")
    success_message = gettext_lazy("The indicator was added.")

    def save(self, form: Any) -> Model:
        return services.add_indicator(form, self.get_strategy())


def indicators_of(strategy: Strategy) -> QuerySet[Indicator]:
    return Indicator.objects.filter(strategy=strategy)


class IndicatorUpdateView(concurrency.ConcurrentEditMixin, IndicatorFormMixin, UpdateView):  # type: ignore[misc]
    version_rows = {"pk": Indicator}
    heading = gettext_lazy("Edit the indicator")
    success_message = gettext_lazy("The indicator was saved.")

    def get_object(self, queryset: Any = None) -> Indicator:
        return get_object_or_404(indicators_of(self.get_strategy()), pk=self.kwargs["pk"])


class IndicatorValueFormMixin(EditorFormMixin):
    form_class = forms.IndicatorValueForm
    anchor = "mittarit"

    def get_indicator(self) -> Indicator:
        if not hasattr(self, "indicator"):
            self.indicator = get_object_or_404(
                indicators_of(self.get_strategy()), pk=self.kwargs["indicator"]
            )
        return self.indicator

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()  # type: ignore[misc]
        kwargs["indicator"] = self.get_indicator()
        return kwargs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["indicator"] = self.get_indicator()
        return context

    def save(self, form: Any) -> Model:
        """Save unless the value's year is closed (``portal.closed_years``), checked in the
        save's transaction under the value's row lock."""
        with transaction.atomic():
            closed_years.check_open(form.instance)
            return super().save(form)

    def form_valid(self, form: Any) -> HttpResponse:
        try:
            return super().form_valid(form)  # type: ignore[no-any-return]
        except closed_years.YearClosed as error:
            form.add_error("year", str(error))
            return self.form_invalid(form)  # type: ignore[attr-defined,no-any-return]


class IndicatorValueCreateView(  # type: ignore[misc]
    concurrency.OnceOnlyCreateMixin, IndicatorValueFormMixin, CreateView
):
    version_rows = {"indicator": Indicator}
    heading = gettext_lazy("Add a yearly value")
    success_message = gettext_lazy("The value was added.")


def values_of(strategy: Strategy) -> QuerySet[IndicatorValue]:
    return IndicatorValue.objects.filter(indicator__strategy=strategy).select_related("indicator")


class IndicatorValueUpdateView(  # type: ignore[misc]
    concurrency.ConcurrentEditMixin, IndicatorValueFormMixin, UpdateView
):
    version_rows = {"pk": IndicatorValue}
    heading = gettext_lazy("Edit the yearly value")
    success_message = gettext_lazy("The value was saved.")

    def get_object(self, queryset: Any = None) -> IndicatorValue:
        value = get_object_or_404(values_of(self.get_strategy()), pk=self.kwargs["pk"])
        self.indicator = value.indicator
        return value

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """A value of a closed year opens no form: the overview says why."""
        locked = closed_years.lock_message(self.get_object())
        if locked:
            messages.error(request, locked)
            return redirect(self.home_url(self.anchor))
        return super().get(request, *args, **kwargs)  # type: ignore[no-any-return]


class NewRevisionView(EditorFormMixin, FormView):  # type: ignore[misc]
    """Start a new version of the strategy: a draft copy of everything, which the public
    does not see until it is published (``strategy.revisions``)."""

    form_class = forms.RevisionForm
    template_name = "strategy/editor/new_revision.html"
    heading = gettext_lazy("Start a new version")

    def get_initial(self) -> dict[str, Any]:
        return {"version_label": _("revision %(year)s") % {"year": timezone.localdate().year}}

    def form_valid(self, form: BaseForm) -> HttpResponse:
        try:
            draft = revisions.start_revision(
                self.get_strategy(), form.cleaned_data["version_label"], self.request.user
            )
        except services.PlanError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _(
                "Version %(version)s was created as a draft. Only the region's coordinators "
                "see it until it is published."
            )
            % {"version": draft.version},
        )
        self.strategy = draft
        return redirect(self.home_url())


# --- Deleting ------------------------------------------------------------------------------


class EditorDeleteView(EditorMixin, DeleteView):  # type: ignore[misc]
    """Delete one object after a confirmation page; GET only shows the page."""

    template_name = "strategy/editor/confirm_delete.html"
    success_message: Any = gettext_lazy("Deleted.")
    question: Any = ""
    consequence: Any = ""
    anchor = ""

    def get_anchor(self) -> str:
        return self.anchor

    def get_anchor_focus_area(self) -> FocusArea | None:
        """The focus area whose tab the overview opens afterwards; None for the first."""
        return None

    def form_valid(self, form: Any) -> HttpResponse:
        url = self.home_url(self.get_anchor(), focus_area=self.get_anchor_focus_area())
        try:
            services.delete_object(self.object, self.request.user)
        except services.PlanError:
            # Entries were linked to it since the page was shown: the page says so now.
            return self.render_to_response(self.get_context_data(), status=409)
        messages.success(self.request, self.success_message)
        return redirect(url)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        preview = services.deletion_preview(self.object)
        context.update(
            summary=preview.summary,
            refusal=preview.refusal,
            question=self.question,
            consequence=self.consequence,
            cancel_url=self.home_url(self.get_anchor(), focus_area=self.get_anchor_focus_area()),
            editor_crumb=_("Delete"),
        )
        return context


class FocusAreaDeleteView(EditorDeleteView):
    version_rows = {"pk": FocusArea}
    question = gettext_lazy("Delete this focus area?")
    consequence = gettext_lazy(
        "Its goals and actions are deleted with it. Earlier versions of the strategy keep theirs."
    )
    success_message = gettext_lazy("The focus area was deleted.")

    def get_object(self, queryset: Any = None) -> FocusArea:
        return get_object_or_404(focus_areas_of(self.get_strategy()), pk=self.kwargs["pk"])

    def get_anchor_focus_area(self) -> FocusArea | None:
        return self.object


class GoalDeleteView(EditorDeleteView):
    version_rows = {"pk": Goal}
    question = gettext_lazy("Delete this goal?")
    consequence = gettext_lazy("Actions linked to it stay, without the link.")
    success_message = gettext_lazy("The goal was deleted.")

    def get_object(self, queryset: Any = None) -> Goal:
        return get_object_or_404(
            Goal.objects.filter(focus_area__strategy=self.get_strategy()).select_related(
                "focus_area"
            ),
            pk=self.kwargs["pk"],
        )

    def get_anchor(self) -> str:
        return f"painopiste-{self.object.focus_area_id}"

    def get_anchor_focus_area(self) -> FocusArea | None:
        return self.object.focus_area  # type: ignore[no-any-return]


class ActionDeleteView(ActionObjectMixin, EditorDeleteView):
    question = gettext_lazy("Delete this action?")
    success_message = gettext_lazy("The action was deleted.")

    def get_object(self, queryset: Any = None) -> Action:
        return self.get_action()

    def get_anchor(self) -> str:
        return f"painopiste-{self.object.focus_area_id}"

    def get_anchor_focus_area(self) -> FocusArea | None:
        return self.object.focus_area  # type: ignore[no-any-return]


class IndicatorDeleteView(EditorDeleteView):
    version_rows = {"pk": Indicator}
    question = gettext_lazy("Delete this indicator?")
    consequence = gettext_lazy("Its yearly values are deleted with it.")
    success_message = gettext_lazy("The indicator was deleted.")
    anchor = "mittarit"

    def get_object(self, queryset: Any = None) -> Indicator:
        return get_object_or_404(indicators_of(self.get_strategy()), pk=self.kwargs["pk"])


class IndicatorValueDeleteView(EditorDeleteView):
    version_rows = {"pk": IndicatorValue}
    question = gettext_lazy("Delete this yearly value?")
    success_message = gettext_lazy("The value was deleted.")
    anchor = "mittarit"

    def get_object(self, queryset: Any = None) -> IndicatorValue:
        return get_object_or_404(values_of(self.get_strategy()), pk=self.kwargs["pk"])


# --- Inline changes of an action: order and status ------------------------------------------


def focus_area_actions(focus_area: FocusArea) -> QuerySet[Action]:
    """The focus area's actions in their order, as the overview lists them."""
    return focus_area.actions.with_responsibles()  # type: ignore[attr-defined,no-any-return]


class ActionMoveView(ActionObjectMixin, View):
    """Move an action up or down. With htmx the focus area's list comes back in place."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        action = self.get_action()
        form = forms.ActionMoveForm(request.POST)
        if not form.is_valid():
            return HttpResponseBadRequest(_("Choose up or down."))
        moved = services.move_action(action, form.cleaned_data["direction"])
        if request.htmx:  # type: ignore[attr-defined]
            # The page of the list the action is on now (a move can cross a page's edge).
            ids = list(action.focus_area.actions.values_list("pk", flat=True))
            page = ids.index(action.pk) // settings.PAGE_SIZE + 1
            return render(
                request,
                "strategy/editor/includes/action_list.html",
                {
                    "region": self.region,
                    "focus_area": action.focus_area,
                    **action_list_context(
                        self.region.slug, action.focus_area, page, count=len(ids)
                    ),
                    "status_choices": Action.Status.choices,
                    "moved_action_id": action.pk if moved else None,
                    # htmx focuses the autofocus button, so the keyboard stays on the action.
                    "moved_direction": form.cleaned_data["direction"],
                },
            )
        if moved:
            messages.success(request, _("The action was moved."))
        else:
            messages.info(request, _("The action cannot move further that way."))
        return redirect(self.home_url(f"toimenpide-{action.pk}", focus_area=action.focus_area))


class ActionStatusView(ActionObjectMixin, View):
    """Change an action's status in place. With htmx only its row comes back."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        action = self.get_action()
        form = forms.ActionStatusForm(request.POST)
        if not form.is_valid():
            return HttpResponseBadRequest(_("Choose a valid status."))
        try:
            services.set_action_status(
                action, form.cleaned_data["status"], request.POST.get("read_version")
            )
        except concurrency.StaleEdit as stale:
            refusal = _(
                "Someone else changed the status of “%(title)s” to %(current)s meanwhile, so "
                "yours (%(yours)s) was not saved. Choose again if it should still change."
            ) % {
                "title": action.title,
                "current": stale.changes[0].current,
                "yours": stale.changes[0].yours,
            }
            return self.answer(action, status_refused=refusal)
        return self.answer(action, status_saved=True)

    def answer(self, action: Action, **row_context: Any) -> HttpResponse:
        """The row again for htmx, else the overview with a message."""
        request = self.request
        if request.htmx:  # type: ignore[attr-defined]
            action = focus_area_actions(action.focus_area).get(pk=action.pk)
            return render(
                request,
                "strategy/editor/includes/action_row.html",
                {
                    "region": self.region,
                    "focus_area": action.focus_area,
                    "row": action_rows(self.region.slug, [action])[0],
                    "status_choices": Action.Status.choices,
                    **row_context,
                },
            )
        if "status_refused" in row_context:
            messages.error(request, row_context["status_refused"])
            return redirect(self.home_url(f"toimenpide-{action.pk}", focus_area=action.focus_area))
        messages.success(
            request,
            _("The status of “%(title)s” is now %(status)s.")
            % {"title": action.title, "status": action.get_status_display()},
        )
        return redirect(self.home_url(f"toimenpide-{action.pk}", focus_area=action.focus_area))


# --- History -------------------------------------------------------------------------------


class HistoryMixin(EditorMixin):
    permission_required = "strategy.view_history"

    def sees_drafts(self) -> bool:
        """Whether the history shows the draft revision's changes: to those who may edit
        the plan (the national team reads the history of published versions only)."""
        return bool(self.request.user.has_perm("strategy.edit_plan", self.region))


class ObjectHistoryView(HistoryMixin, TemplateView):
    """Who changed an object of the plan, when, and what: before and after."""

    template_name = "strategy/editor/history.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        kind = self.kwargs["kind"]
        if kind not in history.KINDS:
            raise Http404(_("Unknown kind of object."))
        entries = history.object_history(
            kind, self.kwargs["pk"], self.region, drafts=self.sees_drafts()
        )
        if not entries:
            raise Http404(_("No history for this object."))
        context = super().get_context_data(**kwargs)
        restorable = (
            kind in services.RESTORABLE
            and entries[0].history_type == "-"
            and self.request.user.has_perm("strategy.edit_plan", self.strategy or self.region)
        )
        context.update(
            kind_label=history.KINDS[kind]._meta.verbose_name,
            object_label=entries[0].label,
            entries=entries,
            restore_url=reverse(
                "editor:restore",
                kwargs={"region": self.region.slug, "kind": kind, "pk": self.kwargs["pk"]},
            )
            if restorable
            else "",
            editor_crumb=_("Change history"),
            feed_url=reverse("editor:feed", kwargs={"region": self.region.slug}),
        )
        # The "restore this state" forms carry the object's version as shown here.
        state_version = (
            services.state_version(kind, self.kwargs["pk"], self.region)
            if self.request.user.has_perm("strategy.edit_plan", self.strategy or self.region)
            else None
        )
        if state_version is not None:
            context.update(
                state_version=state_version,
                state_restore_url=reverse(
                    "editor:restore_state",
                    kwargs={"region": self.region.slug, "kind": kind, "pk": self.kwargs["pk"]},
                ),
            )
        return context


class FeedView(HistoryMixin, TemplateView):
    """The region's recent changes to its plan, newest first, 50 a page.

    See ``history.RegionChangeFeed`` for the query shape: two queries per kind of
    object, whatever the number of rows.
    """

    template_name = "strategy/editor/feed.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        # The feed is duck-typed for the paginator: count() and bounded slices.
        feed: Any = history.RegionChangeFeed(self.region, drafts=self.sees_drafts())
        paginator: Paginator[history.FeedEntry] = Paginator(feed, settings.PAGE_SIZE)
        page = paginator.get_page(self.request.GET.get("page"))
        context.update(page_obj=page, entries=page.object_list, editor_crumb=_("Recent changes"))
        return context


class UnreportedActionsView(EditorMixin, TemplateView):
    """The current plan's actions that no organisation has reported on this year: no
    guidance action of the year, submitted or accepted, names them. The coordinator asks
    their responsible bodies for news.

    Queries: the region, the person's roles, the versions (the mixin's), the actions with
    their focus areas and lead organisations, and their responsible organisations: the same
    whatever the number of rows.
    """

    template_name = "strategy/editor/unreported.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        year = timezone.localdate().year
        actions = (
            Action.objects.for_region(self.region)
            .current()
            .unreported(year)
            .with_focus_area()
            .with_responsibles()
            .order_by("focus_area__number", "position", "id")
        )
        context.update(year=year, actions=list(actions), editor_crumb=_("Not reported this year"))
        return context
