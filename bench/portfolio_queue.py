"""Queue-to-download of a large portfolio PDF under the production command: gunicorn, `assessor worker`, Redis.

Run from the repository root: `.venv/bin/python bench/portfolio_queue.py [--items 300] [--database URL]
[--redis redis://127.0.0.1:6379/12] [--port 8121]`. It makes a learner with ITEMS assessed evidence
items in a scratch database, starts `gunicorn --workers 2 'assessor:create_app()'` and one
`assessor worker`, asks for the PDF over HTTP as the learner, follows the progress page (as its
meta refresh does) until the download is offered, downloads it, then asks again (a cache hit).
Prints a JSON summary: seconds from the request to the finished download, the slowest answer any
web request gave meanwhile (the web worker never renders), and the cache hit's time and bytes.
"""
import argparse
import http.client
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

from common import (
    REPO,
    add_database_option,
    bench_app,
    database_kind,
    engine_for,
    load_average,
    print_summary,
    signed_in_client,
)
from sqlalchemy.orm import Session
from synthetic import generate


def serve(env: dict, port: int) -> list[subprocess.Popen]:
    venv = Path(sys.executable).parent
    web = subprocess.Popen([str(venv / "gunicorn"), "--workers", "2", "--bind", f"127.0.0.1:{port}", "assessor:create_app()"],
                           cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    worker = subprocess.Popen([str(venv / "assessor"), "worker"], cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return [web, worker]


def get(url: str, cookie: str) -> tuple[int, str, bytes, float]:
    """(status, Location, body, seconds), redirects not followed."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
    started = time.perf_counter()
    connection.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""), headers={"Cookie": cookie})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, response.getheader("Location", ""), body, time.perf_counter() - started


def wait_until_up(base: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/sign-in", timeout=5)
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("gunicorn did not answer")


def fetch_pdf(base: str, path: str, cookie: str) -> dict:
    started = time.perf_counter()
    status, location, body, first = get(base + path, cookie)
    slowest, polls, job_page = first, 0, location if status == 302 else None
    while job_page:
        time.sleep(1)
        _status, _location, page, seconds = get(base + job_page, cookie)
        slowest, polls = max(slowest, seconds), polls + 1
        if b"could not be made" in page:
            raise SystemExit("the PDF could not be made")
        link = re.search(r'href="([^"]+/download)"', page.decode())
        if link:
            status, _location, body, seconds = get(base + link.group(1), cookie)
            slowest, job_page = max(slowest, seconds), None
    assert status == 200 and body.startswith(b"%PDF"), (status, location, body[:300])
    return {"seconds": time.perf_counter() - started, "first_answer_seconds": first, "slowest_web_answer_seconds": slowest,
            "progress_polls": polls, "body": body}


def measure(url: str, items: int, redis_url: str, port: int) -> dict:
    storage = tempfile.mkdtemp(prefix="assessor-bench-storage-")
    app = bench_app(url, storage)
    with Session(engine_for(url)) as session:
        generated = generate(session, 1, items_each=items, label="Queue")
    cookie = "session=" + signed_in_client(app, generated.learner_ids[0]).get_cookie("session").value
    env = os.environ | {"DATABASE_URL": url, "REDIS_URL": redis_url, "SECRET_KEY": "bench", "STORAGE_DIR": storage,
                        "EXPORT_DIR": tempfile.mkdtemp(prefix="assessor-bench-exports-")}
    processes = serve(env, port)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base)
        path = f"/learners/{generated.learner_ids[0]}/portfolio.pdf?lang=en"
        made = fetch_pdf(base, path, cookie)
        hit = fetch_pdf(base, path, cookie)
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=120)
    return {
        "benchmark": "portfolio PDF from request to finished download under gunicorn (2 sync workers) and one assessor worker",
        "database": database_kind(url),
        "load_average": load_average(),
        "evidence_items": items,
        "pdf_bytes": len(made["body"]),
        "queue_to_download_seconds": round(made["seconds"], 2),
        "first_answer_seconds": round(made["first_answer_seconds"], 3),
        "slowest_web_answer_seconds": round(made["slowest_web_answer_seconds"], 3),
        "progress_polls": made["progress_polls"],
        "cache_hit_seconds": round(hit["seconds"], 3),
        "cache_hit_byte_identical": hit["body"] == made["body"],
    }


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--items", type=int, default=300)
    options.add_argument("--redis", default="redis://127.0.0.1:6379/12")
    options.add_argument("--port", type=int, default=8121)
    add_database_option(options)
    arguments = options.parse_args()
    print_summary(arguments.database, lambda url: measure(url, arguments.items, arguments.redis, arguments.port))


if __name__ == "__main__":
    main()
