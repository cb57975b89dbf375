"""``make bench``: the portal's benchmark at national scale.

For each scale of ``BENCH_SCALES`` (default "0.1 1"): a fresh PostgreSQL database
(``BENCH_DATABASE``, default kaselo_bench), migrations, the national data
(``build_national_data``), collectstatic into a temporary folder, then

1. the SQL queries one request of each page makes (``bench.probe pages``: Django's test
   client signed in as the page's persona),
2. gunicorn serving ``bench.settings`` on a free port, warmed up, and wrk at
   ``BENCH_CONNECTIONS`` (8) concurrent clients for ``BENCH_SECONDS`` (15) on each page,
   the private pages with a persona's session cookie,
3. each PDF through the reporting task code (once that code exists),
4. at the last scale, a 10,000-row XLSX import of guidance actions (dry run, then import).

The results go to ``bench/results/<timestamp>.json`` and ``bench/results/latest.md``. Absolute
figures vary with the machine's load; the tracked figure is each page's throughput as a
share of the reference view's in the same run.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")

# What the portal must meet at national scale; the report marks each pass or FAIL.
MAX_QUERIES = 15
MAX_P95_MS = 150.0
MIN_RATIO = 0.5
MAX_PDF_OVERHEAD = 1.25
SUMMARY_MAX_SECONDS = 10.0
SUMMARY_MAX_MB = 600.0
IMPORT_MAX_SECONDS = 30.0

logger = logging.getLogger("bench")


def env(name: str, default: str) -> str:
    return os.environ.get(name, default)


class Config:
    def __init__(self) -> None:
        self.scales = [float(s) for s in env("BENCH_SCALES", "0.1 1").split()]
        self.seconds = int(env("BENCH_SECONDS", "15"))
        self.connections = int(env("BENCH_CONNECTIONS", "8"))
        self.workers = int(env("BENCH_WORKERS", "3"))
        self.seed = int(env("BENCH_SEED", "1"))
        self.database = env("BENCH_DATABASE", "kaselo_bench")
        self.server = env("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
        self.redis_url = env("BENCH_REDIS_URL", "redis://127.0.0.1:6379/6")
        self.run_import = env("BENCH_IMPORT", "1") == "1"
        self.run_pdfs = env("BENCH_PDFS", "1") == "1"
        # An import slower than this is stopped: the target is 30 s.
        self.import_timeout = int(env("BENCH_IMPORT_TIMEOUT", "600"))

    @property
    def database_url(self) -> str:
        return f"{self.server}/{self.database}"


def django_env(config: Config, static_root: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": config.database_url,
        "REDIS_URL": config.redis_url,
        "BENCH_STATIC_ROOT": str(static_root),
        "MEDIA_ROOT": str(static_root.parent / "media"),
        "PYTHONPATH": str(ROOT),
    }


def run(command: list[str], environment: dict[str, str], **kwargs: Any) -> str:
    logger.info("$ %s", " ".join(command))
    result = subprocess.run(  # noqa: S603 (our own commands)
        command, env=environment, cwd=ROOT, check=True, capture_output=True, text=True, **kwargs
    )
    return result.stdout


def probe(environment: dict[str, str], *args: str, timeout: float | None = None) -> dict[str, Any]:
    """Run one ``bench.probe`` command in its own process and return its JSON.

    Raises subprocess.TimeoutExpired after ``timeout`` seconds (the process is killed).
    """
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as out:
        path = Path(out.name)
    try:
        run([PYTHON, "-m", "bench.probe", *args, "--out", str(path)], environment, timeout=timeout)
        return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
    finally:
        path.unlink(missing_ok=True)


def fresh_database(config: Config) -> None:
    """Drop and create the benchmark's database (never the portal's own)."""
    sql = (
        f'DROP DATABASE IF EXISTS "{config.database}" WITH (FORCE);'
        f'CREATE DATABASE "{config.database}";'
    )
    for statement in sql.split(";"):
        if statement:
            run(["psql", f"{config.server}/postgres", "-q", "-c", statement], dict(os.environ))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Gunicorn:
    """gunicorn serving bench.settings on a free port, stopped by its own process id."""

    def __init__(self, config: Config, environment: dict[str, str], log: Path) -> None:
        self.port = free_port()
        self.log = log.open("w")
        self.process = subprocess.Popen(  # noqa: S603
            [
                GUNICORN,
                "kaselo.wsgi:application",
                "--workers",
                str(config.workers),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--access-logfile",
                "-" if env("BENCH_ACCESS_LOG", "0") == "1" else "/dev/null",
                "--log-level",
                "warning",
            ],
            env=environment,
            cwd=ROOT,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.base = f"http://localhost:{self.port}"
        self._wait()

    def _wait(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.base}/_bench/trivial/", timeout=5):  # noqa: S310
                    return
            except OSError:  # refused, reset or timed out while the workers boot
                time.sleep(0.3)
        raise RuntimeError(f"gunicorn did not answer; see {self.log.name}")

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def wrk(
    config: Config, url: str, cookie: str | None, seconds: int, connections: int
) -> dict[str, Any]:
    command = [
        "wrk",
        f"-t{min(2, connections)}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "-s",
        str(BENCH / "wrk_report.lua"),
    ]
    if cookie:
        command += ["-H", f"Cookie: sessionid={cookie}"]
    output = run([*command, url], dict(os.environ))
    line = next(line for line in output.splitlines() if line.startswith("BENCH_JSON "))
    data = json.loads(line.removeprefix("BENCH_JSON "))
    duration = data["duration_us"] / 1e6
    return {
        "requests": data["requests"],
        "rps": round(data["requests"] / duration, 1) if duration else 0.0,
        "p50_ms": round(data["p50_us"] / 1000, 1),
        "p95_ms": round(data["p95_us"] / 1000, 1),
        "p99_ms": round(data["p99_us"] / 1000, 1),
        "errors": data["non2xx"] + data["socket_errors"],
    }


def bench_scale(config: Config, scale: float, work: Path, last: bool) -> dict[str, Any]:
    static_root = work / f"static-{scale}"
    environment = django_env(config, static_root)
    logger.info("== scale %s: database %s", scale, config.database)
    fresh_database(config)
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], environment)
    started = time.monotonic()
    build_output = run(
        [
            PYTHON,
            "manage.py",
            "build_national_data",
            "--scale",
            str(scale),
            "--seed",
            str(config.seed),
        ],
        environment,
    )
    build_seconds = round(time.monotonic() - started, 1)
    logger.info(build_output.strip().splitlines()[-1])
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], environment)
    measured = probe(environment, "pages")
    cookies: dict[str, str] = measured["cookies"]

    server = Gunicorn(config, environment, work / f"gunicorn-{scale}.log")
    pages = []
    try:
        for page in measured["pages"]:  # warm every worker on every page
            cookie = cookies.get(page["persona"])
            wrk(config, server.base + page["url"], cookie, 2, min(4, config.connections))
        for page in measured["pages"]:
            cookie = cookies.get(page["persona"])
            figures = wrk(
                config, server.base + page["url"], cookie, config.seconds, config.connections
            )
            logger.info("%s: %s", page["name"], figures)
            pages.append({**page, **figures, "scale": scale})
    finally:
        server.stop()
    reference = next(page["rps"] for page in pages if page["name"] == "reference")
    for page in pages:
        page["ratio"] = round(page["rps"] / reference, 2) if reference else None

    pdfs = []
    if config.run_pdfs:
        for kind in ("annual_report", "national_summary", "tno_summary", "eloliv_booklet"):
            built = probe(environment, "pdf", kind)
            built.update(probe(environment, "pdf-weasyprint", kind))
            built["overhead"] = (
                round(built["seconds"] / built["weasyprint_seconds"], 2)
                if built["weasyprint_seconds"]
                else None
            )
            logger.info("PDF %s: %s", kind, built)
            pdfs.append({**built, "scale": scale})
    imports = []
    if config.run_import and last:
        for mode in ("dry", "run"):
            started = time.monotonic()
            try:
                row = probe(environment, "import-xlsx", mode, timeout=config.import_timeout)
            except subprocess.TimeoutExpired:
                row = {"mode": mode, "rows": 10_000, "valid": False, "peak_rss_mb": None}
                row["seconds"] = f"> {round(time.monotonic() - started)} (stopped)"
            logger.info("import %s: %s", mode, row)
            imports.append({**row, "scale": scale})
        probe(environment, "delete-imported")
    return {
        "scale": scale,
        "build_seconds": build_seconds,
        "build_counts": build_output.strip().splitlines()[:-1],
        "pages": pages,
        "pdfs": pdfs,
        "imports": imports,
    }


# --- Reporting -------------------------------------------------------------------------------


def page_verdicts(scales: list[dict[str, Any]]) -> dict[str, list[str]]:
    """The targets each page misses, by page name."""
    misses: dict[str, list[str]] = {}
    counts: dict[str, set[tuple[int, int]]] = {}
    for result in scales:
        for page in result["pages"]:
            if page["is_yardstick"]:
                continue
            name = page["name"]
            cold = page.get("queries_cold", page["queries"])
            counts.setdefault(name, set()).add((page["queries"], cold))
            problems = misses.setdefault(name, [])
            if page["status"] != 200 or page["errors"]:
                problems.append(f"errors at scale {result['scale']}")
            most = max(page["queries"], cold)
            if most > MAX_QUERIES:
                problems.append(f"{most} queries at scale {result['scale']}")
            if result["scale"] >= 1:
                if page["p95_ms"] >= MAX_P95_MS:
                    problems.append(f"p95 {page['p95_ms']} ms at scale {result['scale']}")
                if page["ratio"] is not None and page["ratio"] < MIN_RATIO:
                    problems.append(f"ratio {page['ratio']} at scale {result['scale']}")
    for name, seen in counts.items():
        if len(seen) > 1:
            misses[name].append(f"queries grow with scale ({sorted(seen)})")
    return misses


def markdown(results: dict[str, Any]) -> str:
    lines = [
        f"# Benchmark {results['started']}",
        "",
        f"{results['machine']}; gunicorn {results['config']['workers']} workers, wrk "
        f"{results['config']['connections']} connections x {results['config']['seconds']} s "
        "a page. Ratio: the page's requests/s over the reference view's in the same run.",
        "",
        "## Pages",
        "",
        "Pages are served from the cache of rendered fragments (`portal/page_cache.py`) once "
        "warm, as between two changes of a region's data. *Cold* is the same page rendered "
        "afresh right after a change: its SQL queries, and its time in one process (median "
        "of a few, no concurrency).",
        "",
        "| page | scale | req/s | p50 ms | p95 ms | errors | queries | KB | ratio "
        "| cold queries | cold ms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for result in results["scales"]:
        for page in result["pages"]:
            lines.append(
                f"| {page['name']} | {page['scale']:g} | {page['rps']} | {page['p50_ms']} | "
                f"{page['p95_ms']} | {page['errors']} | {page['queries']} | "
                f"{page['bytes'] / 1024:.0f} | {page['ratio']} | "
                f"{page.get('queries_cold', '')} | {page.get('cold_ms', '')} |"
            )
    lines += ["", "## Data build", "", "| scale | seconds |", "|---:|---:|"]
    lines += [f"| {r['scale']:g} | {r['build_seconds']} |" for r in results["scales"]]
    lines += ["", "## PDFs", ""]
    pdfs = [pdf for result in results["scales"] for pdf in result["pdfs"]]
    if not pdfs:
        lines.append("Not measured in this run.")
    else:
        lines += [
            "| PDF | scale | status | seconds | WeasyPrint alone s | ratio | peak MB | PDF KB |",
            "|---|---:|---|---:|---:|---:|---:|---:|",
        ]
        for pdf in pdfs:
            lines.append(
                f"| {pdf['kind']} | {pdf['scale']:g} | {pdf['status']} | {pdf['seconds']} | "
                f"{pdf['weasyprint_seconds']} | {pdf['overhead']} | {pdf['peak_rss_mb']} | "
                f"{pdf['pdf_kb']} |"
            )
    lines += ["", "## Import (10,000-row XLSX of guidance actions)", ""]
    imports = [row for result in results["scales"] for row in result["imports"]]
    if imports:
        lines += ["| step | scale | seconds | peak MB | valid |", "|---|---:|---:|---:|---|"]
        lines += [
            f"| {row['mode']} | {row['scale']:g} | {row['seconds']} | {row['peak_rss_mb']} | "
            f"{row['valid']} |"
            for row in imports
        ]
    else:
        lines.append("Not measured in this run.")
    lines += ["", "## Targets", ""]
    verdicts = page_verdicts(results["scales"])
    lines.append(
        f"Pages (≤ {MAX_QUERIES} queries, the same at every scale; at scale ≥ 1 p95 < "
        f"{MAX_P95_MS:g} ms and ratio ≥ {MIN_RATIO}):"
    )
    lines.append("")
    for name, problems in verdicts.items():
        lines.append(f"- {name}: " + ("pass" if not problems else "FAIL: " + "; ".join(problems)))
    for pdf in pdfs:
        ok = pdf["status"] == "done" and (pdf["overhead"] or 99) <= MAX_PDF_OVERHEAD
        if pdf["kind"] == "national_summary":
            ok = ok and pdf["seconds"] < SUMMARY_MAX_SECONDS
            ok = ok and pdf["peak_rss_mb"] < SUMMARY_MAX_MB
        lines.append(f"- PDF {pdf['kind']} (scale {pdf['scale']:g}): {'pass' if ok else 'FAIL'}")
    for row in imports:
        if row["mode"] == "run":
            ok = row["valid"] and row["seconds"] < IMPORT_MAX_SECONDS
            lines.append(f"- import under {IMPORT_MAX_SECONDS:g} s: {'pass' if ok else 'FAIL'}")
    return "\n".join(lines) + "\n"


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    config = Config()
    run(["bash", str(ROOT / "scripts" / "ensure-bench-tools.sh")], dict(os.environ))
    started = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    work = Path(tempfile.mkdtemp(prefix="kaselo-bench-"))
    results: dict[str, Any] = {
        "started": started,
        "machine": f"{os.cpu_count()} cores, Python {sys.version.split()[0]}",
        "config": {
            "scales": config.scales,
            "seconds": config.seconds,
            "connections": config.connections,
            "workers": config.workers,
            "seed": config.seed,
        },
        "scales": [],
    }
    try:
        for index, scale in enumerate(config.scales):
            last = index == len(config.scales) - 1
            results["scales"].append(bench_scale(config, scale, work, last))
    except subprocess.CalledProcessError as error:
        logger.error("%s failed:\n%s\n%s", error.cmd, error.stdout, error.stderr)
        return 1
    finally:
        if env("BENCH_KEEP_WORK", "0") != "1":
            shutil.rmtree(work, ignore_errors=True)
    results["verdicts"] = page_verdicts(results["scales"])
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{started}.json").write_text(
        json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    (RESULTS / "latest.md").write_text(markdown(results), encoding="utf-8")
    logger.info("Results: %s", RESULTS / "latest.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
