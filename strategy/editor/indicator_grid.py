"""The indicator grid of the coordinator's editor: indicators as rows, years as columns.

Three pages, the coordinator's only (``strategy.edit_plan``, as the rest of the editor):

- the grid (``IndicatorGridView``): every value with its source and note; with htmx a cell
  opens as a small form in place and its save replaces the cell (``IndicatorCellView``);
- the grid as one form (``IndicatorGridFormView``), for a browser without JavaScript or for
  typing a year's figures in one go: an input per cell, its source and note folded under it.
  Valid cells are saved, invalid ones keep what was typed with the error beside them;
- one cell (``IndicatorCellView``): its form (GET) and its save (POST).

Every cell carries the version it was read at; a cell someone else changed meanwhile is
refused with its current value (``strategy.grid.save_cell``). The views only read the
request and answer: ``strategy.grid`` reads and writes the cells.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView, View

from lib import concurrency
from portal import closed_years
from strategy import grid
from strategy.editor.forms import IndicatorCellForm
from strategy.editor.views import EditorMixin
from strategy.formatting import typed_number
from strategy.models import Indicator, IndicatorValue


def cell_form(cell: grid.GridCell, years: range, data: Any = None) -> IndicatorCellForm:
    """The cell's form: as read from ``cell.value``, or bound to ``data`` (a POST)."""
    return IndicatorCellForm(
        data,
        prefix=cell.prefix,
        indicator=cell.indicator,
        year=cell.year,
        years=years,
        initial=None if data is not None else grid.cell_initial(cell.value),
    )


def save_cell_form(form: IndicatorCellForm, user: Any) -> IndicatorValue | None:
    """Save a valid, changed cell form; raises ``concurrency.StaleEdit``."""
    return grid.save_cell(
        form.indicator,
        form.year,
        value=form.cleaned_data["value"],
        source=form.cleaned_data["source"],
        note=form.cleaned_data["note"],
        read_version=form.cleaned_data["read_version"] or None,
        user=user,
    )


def refuse_stale_cell(form: IndicatorCellForm, stale: concurrency.StaleEdit) -> None:
    """Keep what was typed, say what the cell holds now, and carry the current version, so
    saving the cell again replaces the current value knowingly."""
    current = stale.changes[0].current
    data: Any = form.data.copy()  # type: ignore[attr-defined]  # a QueryDict
    data[form.add_prefix("read_version")] = stale.current_version
    # The cell now shows what it holds: saving again what differs from it is a change.
    stored = IndicatorValue.objects.filter(indicator=form.indicator, year=form.year).first()
    shown = grid.cell_initial(stored)
    data[form.add_initial_prefix("value")] = typed_number(shown["value"])
    data[form.add_initial_prefix("source")] = shown["source"]
    data[form.add_initial_prefix("note")] = shown["note"]
    form.data = data
    form.add_error(
        None,
        _(
            "Someone else changed this cell while you had it open: it is now %(current)s. "
            "Yours was not saved and is kept here; save again to replace the current value."
        )
        % {"current": current},
    )


class GridMixin(EditorMixin):
    """The grid's pages: the region's current strategy, the coordinator only."""

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)  # type: ignore[misc]
        slug = self.region.slug
        context.update(
            editor_crumb=_("Indicator values"),
            grid_url=reverse("editor:indicator_grid", kwargs={"region": slug}),
            grid_form_url=reverse("editor:indicator_grid_form", kwargs={"region": slug}),
        )
        return context


class IndicatorGridView(GridMixin, TemplateView):
    """The grid to read and to edit a cell at a time (htmx).

    Queries: the region, the person's roles, the strategy, the indicators and their values:
    the same five however many indicators and years.
    """

    template_name = "strategy/editor/indicator_grid.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["grid"] = grid.build_grid(self.get_strategy())
        return context


class IndicatorGridFormView(GridMixin, TemplateView):
    """The whole grid as one form: valid cells are saved, the others come back with their
    errors beside them and what was typed kept; unchanged cells are left alone."""

    template_name = "strategy/editor/indicator_grid_form.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        table = grid.build_grid(self.get_strategy())
        for cell in table.cells():
            cell.form = cell_form(cell, table.years)
        return self.render_to_response(self.get_context_data(grid=table))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        table = grid.build_grid(self.get_strategy())
        saved = refused = 0
        for cell in table.cells():
            sent = request.POST.get(f"{cell.prefix}-read_version") is not None
            form = cell_form(cell, table.years, request.POST if sent else None)
            cell.form = form
            if not sent or not form.has_changed():
                continue
            if not form.is_valid():
                refused += 1
                continue
            try:
                cell.value = save_cell_form(form, request.user)
            except concurrency.StaleEdit as stale:
                refuse_stale_cell(form, stale)
                refused += 1
                continue
            except closed_years.YearClosed as error:
                form.add_error(None, str(error))
                refused += 1
                continue
            saved += 1
            cell.form = cell_form(cell, table.years)
        if not refused:
            if saved:
                messages.success(
                    request,
                    ngettext("%(count)s value was saved.", "%(count)s values were saved.", saved)
                    % {"count": saved},
                )
            else:
                messages.info(request, _("Nothing was changed."))
            return redirect(reverse("editor:indicator_grid", kwargs={"region": self.region.slug}))
        summary = ngettext(
            "%(count)s cell was not saved: see the marked cells below.",
            "%(count)s cells were not saved: see the marked cells below.",
            refused,
        ) % {"count": refused}
        if saved:
            summary = (
                ngettext("%(count)s value was saved.", "%(count)s values were saved.", saved)
                % {"count": saved}
                + " "
                + summary
            )
        context = self.get_context_data(grid=table, refusal=summary)
        return self.render_to_response(context, status=200)


class IndicatorCellView(GridMixin, View):
    """One cell: GET its small form (htmx), or its display again (``?nayta``); POST saves it.

    Without htmx a GET goes to the grid's form page at the cell, and a POST answers with
    a redirect to the grid (saved) or the grid's form page with the cell's error.
    """

    def get_cell(self) -> tuple[grid.GridCell, range]:
        strategy = self.get_strategy()
        indicator = get_object_or_404(
            Indicator.objects.filter(strategy=strategy).with_yearly_values(),
            pk=self.kwargs["indicator"],
        )
        indicator.strategy = strategy
        year = self.kwargs["year"]
        years = grid.grid_years(strategy, grid.grid_indicators(strategy))
        if year not in years and not 1900 <= year <= 2100:
            raise Http404(_("No such year."))
        value = next((v for v in indicator.yearly_values if v.year == year), None)  # type: ignore[attr-defined]
        cell = grid.GridCell(indicator, year, value)
        cell.locked = closed_years.lock_message(value) if value else ""
        if not value and (closed := closed_years.closure(strategy.region_id, year)):
            cell.locked = closed_years.moved_text(closed)
        return cell, years

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        cell, years = self.get_cell()
        if not request.htmx:  # type: ignore[attr-defined]
            url = reverse("editor:indicator_grid_form", kwargs={"region": self.region.slug})
            return redirect(f"{url}#{cell.prefix}")
        if "nayta" in request.GET or cell.locked:
            return self.answer(cell)
        return self.answer(cell, form=cell_form(cell, years))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        cell, years = self.get_cell()
        form = cell_form(cell, years, request.POST)
        if form.has_changed():
            if not form.is_valid():
                return self.refused(cell, form)
            try:
                cell.value = save_cell_form(form, request.user)
            except concurrency.StaleEdit as stale:
                refuse_stale_cell(form, stale)
                return self.refused(cell, form)
            except closed_years.YearClosed as error:
                form.add_error(None, str(error))
                return self.refused(cell, form)
        if request.htmx:  # type: ignore[attr-defined]
            return self.answer(cell, saved=True)
        messages.success(request, _("The value was saved."))
        url = reverse("editor:indicator_grid", kwargs={"region": self.region.slug})
        return redirect(f"{url}#{cell.prefix}")

    def refused(self, cell: grid.GridCell, form: IndicatorCellForm) -> HttpResponse:
        if self.request.htmx:  # type: ignore[attr-defined]
            return self.answer(cell, form=form)
        # Without JavaScript the cell's form came from the grid's form page: show it there.
        errors = [str(error) for error in form.non_field_errors()]
        messages.error(self.request, " ".join(errors) or _("Check the value."))
        url = reverse("editor:indicator_grid_form", kwargs={"region": self.region.slug})
        return redirect(f"{url}#{cell.prefix}")

    def answer(self, cell: grid.GridCell, **context: Any) -> HttpResponse:
        """The cell again, as its display or its form, for htmx to put in place."""
        cell.form = context.pop("form", None)
        if cell.form is not None:
            # htmx puts the keyboard on the autofocus input of what it swapped in.
            cell.form.fields["value"].widget.attrs["autofocus"] = True
        return render(
            self.request,
            "strategy/editor/includes/grid_cell.html",
            {"region": self.region, "cell": cell, "editing": cell.form is not None, **context},
        )
