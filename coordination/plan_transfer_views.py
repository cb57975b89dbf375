"""The plan as one XLSX workbook, under /<region>/tiedonsiirto/suunnitelma/: the current
version's export, the empty template, and the import into a draft version.

The same two steps as the other imports (``coordination.transfer_views``): the upload
answers with a preview of each sheet, and "Create the draft" imports the same file,
checked again. The file waits between the two under MEDIA_ROOT/imports/.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import View

from coordination import plan_transfer, transfer
from coordination.transfer_forms import PlanFileForm
from coordination.transfer_views import CONTENT_TYPES, TransferMixin, interrupted_message

#: The session key of the plan's workbook waiting for confirmation.
PENDING_PLAN = "plan_transfer_pending_upload"


def _download(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPES["xlsx"])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class PlanExportView(TransferMixin, View):
    """The region's current version as one workbook; 404 while the region has none."""

    http_method_names = ["get", "head", "options"]

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        content = plan_transfer.export_plan(self.region)
        if content is None:
            raise Http404(_("The region has no current strategy."))
        return _download(
            content, f"{self.region.slug}-suunnitelma-{timezone.localdate():%Y-%m-%d}.xlsx"
        )


class PlanTemplateView(TransferMixin, View):
    """The empty workbook, to start a region's first plan."""

    http_method_names = ["get", "head", "options"]

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return _download(
            plan_transfer.plan_template(self.region), f"{self.region.slug}-suunnitelmapohja.xlsx"
        )


class PlanImportView(TransferMixin, View):
    """Upload the workbook and see the preview (POST with a file), then create the draft
    (POST "confirm")."""

    http_method_names = ["get", "post", "head", "options"]

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render_upload(PlanFileForm())

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if "confirm" in request.POST:
            return self.confirm()
        form = PlanFileForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_upload(form)
        uploaded = form.cleaned_data["file"]
        try:
            outcome = plan_transfer.preview_plan(self.region, uploaded)
        except (transfer.ImportFileError, plan_transfer.PlanImportRefused) as error:
            refused = isinstance(error, plan_transfer.PlanImportRefused)
            form.add_error(None if refused else "file", error.message)
            return self.render_upload(form)
        self.forget_pending()
        transfer.purge_stale_uploads()
        if outcome.is_valid:
            request.session[PENDING_PLAN] = {
                "name": transfer.store_upload(uploaded),
                "filename": uploaded.name,
                "region": self.region.pk,
                "user": request.user.pk,
            }
        return self.render_preview(outcome, uploaded.name)

    def confirm(self) -> HttpResponse:
        pending = self.pending()
        stored = transfer.open_upload(pending.get("name", "")) if pending else None
        if stored is None:
            messages.error(
                self.request, _("The file to import was not found. Please upload it again.")
            )
            return redirect(self.import_url())
        try:
            with stored:
                outcome = plan_transfer.import_plan(self.region, stored, self.request.user)
        except (transfer.ImportFileError, plan_transfer.PlanImportRefused) as error:
            messages.error(self.request, error.message)
            self.forget_pending()
            return redirect(self.import_url())
        except transfer.CONNECTION_ERRORS:
            messages.error(self.request, interrupted_message())
            return redirect(self.import_url())
        self.forget_pending()
        if outcome.draft is None:
            # The plan changed since the preview: show why; a corrected file is uploaded anew.
            return self.render_preview(outcome, pending.get("filename", ""), confirmed=True)
        messages.success(
            self.request,
            _(
                "The plan was imported as draft version %(version)s. The current version "
                "has not changed."
            )
            % {"version": outcome.draft.version},
        )
        return redirect("editor:home", region=self.region.slug)

    def pending(self) -> dict[str, Any]:
        """This person's workbook waiting for confirmation in this region, or {}."""
        pending = self.request.session.get(PENDING_PLAN) or {}
        if pending.get("region") == self.region.pk and pending.get("user") == self.request.user.pk:
            return dict(pending)
        return {}

    def forget_pending(self) -> None:
        pending = self.request.session.pop(PENDING_PLAN, None) or {}
        transfer.delete_upload(pending.get("name"))

    def import_url(self) -> str:
        return reverse("transfer:plan_import", kwargs={"region": self.region.slug})

    def context(self, **kwargs: Any) -> dict[str, Any]:
        return {
            "region": self.region,
            "editor_crumb": _("Import the plan into a draft"),
            "index_url": reverse("transfer:index", kwargs={"region": self.region.slug}),
            **kwargs,
        }

    def render_upload(self, form: PlanFileForm) -> HttpResponse:
        return render(
            self.request,
            "coordination/transfer/plan_upload.html",
            self.context(
                form=form,
                pending_filename=str(self.pending().get("filename", "")),
                has_draft=plan_transfer.has_draft(self.region),
                has_plan=plan_transfer.has_current(self.region),
            ),
        )

    def render_preview(
        self, outcome: plan_transfer.PlanImport, filename: str, confirmed: bool = False
    ) -> HttpResponse:
        return render(
            self.request,
            "coordination/transfer/plan_preview.html",
            self.context(
                outcome=outcome, filename=filename, confirmed=confirmed, form=PlanFileForm()
            ),
        )
