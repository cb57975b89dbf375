"""Files for import tests, built as a coordinator's spreadsheet program would write them."""

import csv
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile


def csv_upload(rows, *, name="tiedosto.csv", delimiter=",", bom=False):
    """A CSV upload of the given rows (the first one the headers)."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    data = buffer.getvalue().encode("utf-8-sig" if bom else "utf-8")
    return SimpleUploadedFile(name, data, content_type="text/csv")


def xlsx_upload(rows, *, name="tiedosto.xlsx"):
    """An XLSX upload of the given rows (the first one the headers)."""
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return SimpleUploadedFile(
        name,
        output.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def rows_of_xlsx(data):
    """The rows of an exported workbook's first sheet, as lists of cell values."""
    sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    return [
        ["" if value is None else value for value in row]
        for row in sheet.iter_rows(values_only=True)
    ]


@pytest.fixture
def make_csv():
    return csv_upload


@pytest.fixture
def make_xlsx():
    return xlsx_upload
