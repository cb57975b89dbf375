"""The one way a private stored file goes out: streamed as an attachment by a view.

Private files (progress-update attachments, event materials, finished PDFs) are never linked
through MEDIA_URL. Each view checks who may read the file, then hands it to ``serve_file``,
which opens it, answers 404 when it has gone missing from storage, and names it.
"""

from __future__ import annotations

from urllib.parse import quote

from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404
from django.utils.translation import gettext as _

from lib.uploads import served_content_type


def serve_file(
    stored: FieldFile,
    *,
    filename: str,
    content_type: str | None = None,
    ascii_filename: str | None = None,
) -> FileResponse:
    """Stream ``stored`` as an attachment called ``filename``; 404 if the file is missing.

    Without ``content_type`` the file's own content decides it (``served_content_type``).
    ``ascii_filename`` is the name for clients that do not read ``filename*``; given, both
    are written into the Content-Disposition.
    """
    try:
        handle = stored.open("rb")
    except FileNotFoundError as error:
        raise Http404(_("The file was not found.")) from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=filename,
        content_type=content_type or served_content_type(handle),
    )
    if ascii_filename is not None:
        response["Content-Disposition"] = (
            f"attachment; filename=\"{ascii_filename}\"; filename*=UTF-8''{quote(filename)}"
        )
    return response
