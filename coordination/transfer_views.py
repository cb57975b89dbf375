"""The coordinator's imports and exports, under /<region>/tiedonsiirto/.

Every view needs ``network.transfer_data`` on the region (its coordinator and site
administrators). An import is two steps: the upload answers with a dry-run preview, and
"Confirm" imports the same file, validated again. Between the two the file waits under
MEDIA_ROOT/imports/ with a random name kept in the uploader's session.
"""

from __future__ import annotations

import logging
from typing import Any

from django.contrib import messages
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    StreamingHttpResponse,
)
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from coordination import plan_transfer, transfer
from coordination.transfer_forms import ImportFileForm
from lib.access import PermissionMixin
from network.mixins import RegionMixin
from network.models import Region

logger = logging.getLogger(__name__)

#: The session key of the upload waiting for confirmation.
PENDING_UPLOAD = "transfer_pending_upload"

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def interrupted_message() -> str:
    return _(
        "The database connection was interrupted. Nothing was saved. Please try again in a moment."
    )


class TransferMixin(RegionMixin, PermissionMixin):
    permission_required = "network.transfer_data"
    region: Region

    def get_permission_object(self) -> Region:
        return self.region

    def get_spec(self) -> transfer.DatasetSpec:
        try:
            return transfer.get_dataset(self.kwargs["dataset"])  # type: ignore[attr-defined]
        except KeyError:
            raise Http404(_("Unknown dataset.")) from None


class TransferIndexView(TransferMixin, TemplateView):
    """The four datasets, each with its import and exports."""

    template_name = "coordination/transfer/index.html"
    http_method_names = ["get", "head", "options"]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["datasets"] = list(transfer.DATASETS.values())
        context["has_plan"] = plan_transfer.has_current(self.region)
        context["editor_crumb"] = _("Imports and exports")
        return context


class ExportView(TransferMixin, View):
    """The region's rows of one dataset as CSV (streamed) or XLSX, in the import format."""

    http_method_names = ["get", "head", "options"]

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        spec = self.get_spec()
        file_format = kwargs["format"]
        if file_format not in transfer.FORMATS:
            raise Http404(_("Unknown file format."))
        filename = f"{self.region.slug}-{spec.name}-{timezone.localdate():%Y-%m-%d}.{file_format}"
        response: HttpResponseBase
        if file_format == "csv":
            response = StreamingHttpResponse(
                transfer.export_csv(self.region, spec.name), content_type=CONTENT_TYPES["csv"]
            )
        else:
            response = HttpResponse(
                transfer.export_xlsx(self.region, spec.name), content_type=CONTENT_TYPES["xlsx"]
            )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class ImportView(TransferMixin, View):
    """Upload a file and see the preview (POST with a file), then confirm (POST "confirm")."""

    http_method_names = ["get", "post", "head", "options"]

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render_upload(ImportFileForm())

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if "confirm" in request.POST:
            return self.confirm()
        form = ImportFileForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_upload(form)
        spec = self.get_spec()
        uploaded = form.cleaned_data["file"]
        try:
            preview = transfer.preview_import(self.region, spec.name, uploaded, request.user)
        except transfer.ImportFileError as error:
            form.add_error("file", error.message)
            return self.render_upload(form)
        except transfer.ImportInterrupted:
            form.add_error(None, interrupted_message())
            return self.render_upload(form)
        self.forget_pending()
        transfer.purge_stale_uploads()
        if preview.is_valid and preview.has_changes:
            request.session[PENDING_UPLOAD] = {
                "name": transfer.store_upload(uploaded),
                "filename": uploaded.name,
                "region": self.region.pk,
                "dataset": spec.name,
                "user": request.user.pk,
            }
        return self.render_preview(preview, uploaded.name)

    def confirm(self) -> HttpResponse:
        spec = self.get_spec()
        pending = self.request.session.get(PENDING_UPLOAD) or {}
        stored = (
            transfer.open_upload(pending.get("name", ""))
            if pending.get("region") == self.region.pk
            and pending.get("dataset") == spec.name
            and pending.get("user") == self.request.user.pk
            else None
        )
        if stored is None:
            messages.error(
                self.request, _("The file to import was not found. Please upload it again.")
            )
            return redirect(self.import_url())
        try:
            with stored:
                preview = transfer.run_import(self.region, spec.name, stored, self.request.user)
        except transfer.ImportFileError as error:
            messages.error(self.request, error.message)
            self.forget_pending()
            return redirect(self.import_url())
        except transfer.ImportInterrupted:
            # Not the file's fault: it stays waiting, and the upload page offers to confirm it.
            messages.error(self.request, interrupted_message())
            return redirect(self.import_url())
        if not preview.is_valid:
            # The data changed since the preview: show why; a corrected file is uploaded anew.
            self.forget_pending()
            return self.render_preview(preview, pending.get("filename", ""), confirmed=True)
        self.forget_pending()
        messages.success(
            self.request,
            _("%(dataset)s imported: %(new)s new, %(updated)s updated, %(unchanged)s unchanged.")
            % {
                "dataset": spec.label,
                "new": preview.new,
                "updated": preview.updated,
                "unchanged": preview.unchanged,
            },
        )
        return redirect("transfer:index", region=self.region.slug)

    def forget_pending(self) -> None:
        pending = self.request.session.pop(PENDING_UPLOAD, None) or {}
        transfer.delete_upload(pending.get("name"))

    def import_url(self) -> str:
        return reverse(
            "transfer:import", kwargs={"region": self.region.slug, "dataset": self.get_spec().name}
        )

    def context(self, **kwargs: Any) -> dict[str, Any]:
        spec = self.get_spec()
        return {
            "region": self.region,
            "spec": spec,
            "editor_crumb": _("Import: %(dataset)s") % {"dataset": spec.label},
            "index_url": reverse("transfer:index", kwargs={"region": self.region.slug}),
            **kwargs,
        }

    def pending_filename(self) -> str:
        """The name of this person's file waiting for confirmation of this dataset, or ""."""
        pending = self.request.session.get(PENDING_UPLOAD) or {}
        if (
            pending.get("region") == self.region.pk
            and pending.get("dataset") == self.get_spec().name
            and pending.get("user") == self.request.user.pk
        ):
            return str(pending.get("filename", ""))
        return ""

    def render_upload(self, form: ImportFileForm) -> HttpResponse:
        return render(
            self.request,
            "coordination/transfer/upload.html",
            self.context(form=form, pending_filename=self.pending_filename()),
        )

    def render_preview(
        self, preview: transfer.ImportPreview, filename: str, confirmed: bool = False
    ) -> HttpResponse:
        return render(
            self.request,
            "coordination/transfer/preview.html",
            self.context(
                preview=preview, filename=filename, confirmed=confirmed, form=ImportFileForm()
            ),
        )
