"""The benchmark's measurements inside Django, one per process (``python -m bench.probe``).

The runner (``bench.run``) starts this once per measurement with
``DJANGO_SETTINGS_MODULE=bench.settings``, so each figure of peak memory is the peak of a
process that did only that one thing. Every command writes one JSON object to ``--out``.

- ``pages``: each page's status, size and SQL queries for one request through Django's test
  client (signed in as the page's persona), both served from the cache of rendered
  fragments and rendered afresh after a change (``portal.page_cache``), the in-process
  time of each, and a session cookie per persona for wrk.
- ``pdf KIND``: one PDF built through the reporting task code; ``pdf-weasyprint KIND``:
  WeasyPrint alone on the same document's final HTML (``bench.pdfs``).
- ``import-xlsx dry|run``: a 10,000-row XLSX of guidance actions through ``preview_import``
  or ``run_import``.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import django

IMPORT_ROWS = 10_000
IMPORT_TITLE_PREFIX = "Tuotu vertailuaineisto"


def peak_rss_mb() -> float:
    """The process's peak resident memory so far, in MB (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


#: In-process requests timed per page: rendered afresh (cold) and served from the cache.
COLD_REQUESTS = 5
WARM_REQUESTS = 20


def _median_ms(client: Any, url: str, requests: int, *, cold: bool) -> float:
    """The median time of ``requests`` requests in this process, in milliseconds; cold
    ones first mark every region's content changed, so the page's fragments render."""
    from portal import page_cache

    times = []
    for _ in range(requests):
        if cold:
            page_cache.bump_national()
        started = time.perf_counter()
        client.get(url)
        times.append(time.perf_counter() - started)
    return round(statistics.median(times) * 1000, 1)


def measure_pages() -> dict[str, Any]:
    """Each page's status, size and SQL queries, served from the cache (as wrk sees it
    after the warm-up) and rendered afresh after a change, with in-process timings."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.pages import bench_region, main_pages, persona_user
    from portal import page_cache

    region = bench_region()
    results = []
    cookies: dict[str, str] = {}
    for page in main_pages():
        client = Client()
        user = persona_user(page.persona, region)
        if user is not None:
            client.force_login(user)
            if page.persona not in cookies:
                # A separate session for gunicorn's load, written to the same database.
                session_client = Client()
                session_client.force_login(user)
                cookies[page.persona] = session_client.cookies["sessionid"].value
        client.get(page.url)  # the first request fills caches, as warm-up does for wrk
        page_cache.bump_national()
        with CaptureQueriesContext(connection) as cold_queries:
            client.get(page.url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page.url)
        results.append(
            {
                "name": page.name,
                "url": page.url,
                "persona": page.persona,
                "is_yardstick": page.is_yardstick,
                "status": response.status_code,
                "queries": len(queries.captured_queries),
                "queries_cold": len(cold_queries.captured_queries),
                "cold_ms": _median_ms(client, page.url, COLD_REQUESTS, cold=True),
                "warm_ms": _median_ms(client, page.url, WARM_REQUESTS, cold=False),
                "bytes": len(response.content),
                "sql": [query["sql"][:300] for query in queries.captured_queries],
                "sql_cold": [query["sql"][:300] for query in cold_queries.captured_queries],
            }
        )
    page_cache.bump_national()  # gunicorn starts from fragments rendered afresh
    return {"pages": results, "cookies": cookies}


def _xlsx_of_guidance_actions(rows: int) -> tuple[bytes, str]:
    """An XLSX in the import format of ``ohjaustoimenpiteet``: new entries spread over the
    default region's organisations, with focus areas, target groups and channels."""
    from openpyxl import Workbook

    from actions.models import GuidanceChannel, TargetGroup
    from bench.pages import bench_region
    from coordination.datasets import guidance_actions as columns
    from network.models import Organisation

    region = bench_region()
    organisations = list(
        Organisation.objects.for_region(region).order_by("name").values_list("name", flat=True)
    )
    groups = list(TargetGroup.objects.order_by("pk").values_list("name", flat=True))
    channels = list(GuidanceChannel.objects.order_by("pk").values_list("name", flat=True))
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(
        [
            columns.ORGANISATION,
            columns.YEAR,
            columns.TITLE,
            columns.DESCRIPTION,
            columns.FOCUS_AREAS,
            columns.TARGET_GROUPS,
            columns.CHANNELS,
            columns.STATUS,
            columns.START_DATE,
            columns.END_DATE,
            columns.OUTCOMES,
        ]
    )
    for number in range(rows):
        sheet.append(
            [
                organisations[number % len(organisations)],
                2024,
                f"{IMPORT_TITLE_PREFIX} {number + 1}",
                "Ohjaustoimenpide tuotu taulukosta vertailua varten.",
                f"{number % 5 + 1}; {(number + 2) % 5 + 1}",
                f"{groups[number % len(groups)]}; {groups[(number + 3) % len(groups)]}",
                channels[number % len(channels)],
                "Käynnissä",
                "1.2.2024",
                "30.11.2024",
                f"Tavoitettiin {number % 300 + 5} henkilöä.",
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue(), region.slug


def measure_import(mode: str) -> dict[str, Any]:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from accounts.models import User
    from bench.national_data import coordinator_email
    from bench.pages import bench_region
    from coordination.transfer import preview_import, run_import

    data, _ = _xlsx_of_guidance_actions(IMPORT_ROWS)
    region = bench_region()
    user = User.objects.get(email=coordinator_email(region))
    upload = SimpleUploadedFile(
        "ohjaustoimenpiteet.xlsx",
        data,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    started = time.perf_counter()
    step = preview_import if mode == "dry" else run_import
    preview = step(region, "ohjaustoimenpiteet", upload, user)
    seconds = time.perf_counter() - started
    return {
        "mode": mode,
        "rows": IMPORT_ROWS,
        "seconds": round(seconds, 2),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "valid": preview.is_valid,
        "new": preview.new,
        "updated": preview.updated,
        "errors": [str(error) for error in preview.errors[:5]],
    }


def delete_imported() -> dict[str, Any]:
    """Remove what ``import-xlsx run`` wrote, so the next measurement sees the same data."""
    from actions.models import GuidanceAction

    deleted, _ = GuidanceAction.objects.filter(title__startswith=IMPORT_TITLE_PREFIX).delete()
    return {"deleted": deleted}


#: The PDFs the benchmark measures, through ``reporting.tasks.build_pdf`` (see ``bench.pdfs``).
PDF_KINDS = ("annual_report", "national_summary", "tno_summary", "eloliv_booklet")


def measure_pdf(kind: str, *, weasyprint_only: bool) -> dict[str, Any]:
    """One PDF through the task code, or WeasyPrint alone on its final HTML."""
    from bench import pdfs

    return pdfs.weasyprint_only(kind) if weasyprint_only else pdfs.build(kind)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.probe")
    parser.add_argument(
        "command", choices=("pages", "import-xlsx", "delete-imported", "pdf", "pdf-weasyprint")
    )
    parser.add_argument("argument", nargs="?", default="")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    django.setup()
    if args.command == "pages":
        result = measure_pages()
    elif args.command == "import-xlsx":
        result = measure_import(args.argument or "dry")
    elif args.command == "delete-imported":
        result = delete_imported()
    else:
        result = measure_pdf(args.argument, weasyprint_only=args.command == "pdf-weasyprint")
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
