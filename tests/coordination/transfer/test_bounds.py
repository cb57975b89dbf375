"""Imports are bounded: a workbook that unpacks huge is refused before openpyxl reads it,
and the cells take the same bounds as the portal's forms (text length, dates, years)."""

import datetime as dt
import io
import time
import tracemalloc
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils import translation

from actions.models import GuidanceAction
from coordination import transfer
from tests.coordination.transfer.conftest import csv_upload, xlsx_upload

pytestmark = pytest.mark.django_db

HEADERS = ["Nimi", "Lyhenne", "Tyyppi", "Sektori", "Maakunnat", "Verkkosivu", "Aktiivinen"]
CHUNK = b"A" * (1024 * 1024)


def workbook_with_a_huge_cell(megabytes):
    """A real workbook whose first sheet holds one inline-string cell of ``megabytes`` MB,
    written a megabyte at a time: a few hundred kilobytes on disk."""
    base = xlsx_upload([HEADERS, ["Ohjaamo Hamina"]]).read()
    output = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(base)) as source,
        zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target,
    ):
        for part in source.infolist():
            if part.filename != "xl/worksheets/sheet1.xml":
                target.writestr(part, source.read(part))
                continue
            with target.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
                sheet.write(
                    b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
                    b'openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
                    b'<c r="A1" t="inlineStr"><is><t>Nimi</t></is></c></row><row r="2">'
                    b'<c r="A2" t="inlineStr"><is><t>'
                )
                for _chunk in range(megabytes):
                    sheet.write(CHUNK)
                sheet.write(b"</t></is></c></row></sheetData></worksheet>")
    return output.getvalue()


def test_a_workbook_with_a_200_mb_cell_is_refused_fast_with_little_memory(region):
    data = workbook_with_a_huge_cell(200)
    assert len(data) < 1024 * 1024  # small on disk, as the measured one (209 KB)

    tracemalloc.start()
    started = time.monotonic()
    try:
        with pytest.raises(transfer.ImportFileError) as refused:
            transfer.preview_import(region, "organisaatiot", SimpleUploadedFile("iso.xlsx", data))
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert time.monotonic() - started < 2
    assert peak < 10 * 1024 * 1024  # the file itself and the zip's directory, no more
    with translation.override("fi"):
        assert filesizeformat(transfer.MAX_XLSX_UNPACKED_SIZE) in refused.value.message
        assert filesizeformat(200 * 1024 * 1024) in refused.value.message


def test_a_workbook_packed_far_tighter_than_a_spreadsheet_is_refused(region):
    data = workbook_with_a_huge_cell(3)  # under the size limit, but 3 MB of one letter

    with pytest.raises(transfer.ImportFileError) as refused:
        transfer.preview_import(region, "organisaatiot", SimpleUploadedFile("tiivis.xlsx", data))

    assert str(transfer.MAX_XLSX_RATIO) in refused.value.message


def test_an_ordinary_workbook_still_imports(region):
    upload = xlsx_upload([HEADERS, ["Ohjaamo Hamina", "", "ohjaamo", "public", "", "", "kyllä"]])

    preview = transfer.preview_import(region, "organisaatiot", upload)

    assert preview.is_valid
    assert preview.new == 1


GUIDANCE_HEADERS = ["Organisaatio", "Vuosi", "Otsikko", "Kuvaus", "Alkaa", "Päättyy"]


def test_guidance_action_cells_take_the_forms_bounds(region, kotka):
    upload = csv_upload(
        [
            GUIDANCE_HEADERS,
            ["Ohjaamo Kotka", "2021", "Pitkä", "x" * 10_001, "", ""],
            ["Ohjaamo Kotka", "0", "Vuosi nolla", "", "", ""],
            ["Ohjaamo Kotka", "2021", "Muinainen", "", "1.1.0001", "31.12.2101"],
            ["Ohjaamo Kotka", "2021", "Kelpaa", "x" * 10_000, "1.1.2000", "31.12.2100"],
        ]
    )

    preview = transfer.preview_import(region, "ohjaustoimenpiteet", upload)

    assert sorted((error.line, error.column) for error in preview.errors) == [
        (2, "Kuvaus"),
        (3, "Vuosi"),
        (4, "Alkaa"),
        (4, "Päättyy"),
    ]
    assert "10000" in next(error.message for error in preview.errors if error.line == 2)
    assert "1.1.2000" in next(error.message for error in preview.errors if error.line == 4)


def test_an_xlsx_date_cell_of_year_1_is_refused_too(region, kotka):
    upload = xlsx_upload(
        [GUIDANCE_HEADERS, ["Ohjaamo Kotka", 2021, "Muinainen", "", dt.date(1, 1, 1), None]]
    )

    preview = transfer.preview_import(region, "ohjaustoimenpiteet", upload)

    assert [(error.line, error.column) for error in preview.errors] == [(2, "Alkaa")]
    assert not GuidanceAction.objects.exists()
