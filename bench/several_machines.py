"""Several machines on loopback: two gunicorn instances and two workers sharing one PostgreSQL, one Redis, one storage folder.

50 simulated people for 60 s spread over both instances; meanwhile the provider's administrator asks
for a cohort export, the worker that took it is killed with SIGKILL mid-export, and a second worker
(started after the export was taken) must finish it. Then: every answer below 500, every evidence
item the load was told was saved is in the database, and the audit chain verifies.
"""
import argparse
import json
import os
import secrets
import signal
import subprocess
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import redis
from common import REPO, load_average, scratch_database
from concurrency import BIN, people, prepare, start_gunicorn
from simulated_user import Browser, Tally, run_user
from sqlalchemy import create_engine, func, select

from assessor.cohorts.models import Cohort
from assessor.demo.people import DEFAULT_PASSWORD, PROVIDER_ADMIN_PERSON
from assessor.evidence.models import Evidence
from assessor.export.jobs import ExportJob

DEFAULT_DATABASE = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def start_worker(environment: dict, log: Path) -> subprocess.Popen:
    handle = log.open("ab")
    return subprocess.Popen([str(BIN / "assessor"), "worker"], env=environment, cwd=REPO, stdout=handle, stderr=handle)


def ask_for_export(port: int, cohort_id: int) -> int:
    """The administrator signs in on one instance and asks for the cohort's ZIP, as in the browser."""
    browser = Browser(port, Tally())
    token = browser.csrf_of("/sign-in")
    browser.request("POST", "/sign-in", {"csrf_token": token, "email": PROVIDER_ADMIN_PERSON.email, "password": DEFAULT_PASSWORD})
    token = browser.csrf_of(f"/cohorts/{cohort_id}/exports")
    status, _, _ = browser.request("POST", f"/cohorts/{cohort_id}/exports", {"csrf_token": token, "language": "cy"})
    return status


def wait_for(engine, condition, seconds: float):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with engine.connect() as connection:
            job = connection.execute(select(ExportJob).order_by(ExportJob.id.desc()).limit(1)).first()
        if job is not None and condition(job):
            return job
        time.sleep(0.5)
    return None


def load(ports: list[int], users: int, seconds: float, tally: Tally) -> list[threading.Thread]:
    deadline = time.monotonic() + seconds
    threads = [
        threading.Thread(target=run_user, args=(ports[index % len(ports)], tally, person, deadline, 10_000))
        for index, person in enumerate(people(users))
    ]
    for thread in threads:
        thread.start()
    return threads


def kill_during_export(environment: dict, engine, folder: Path, port: int) -> dict:
    """Worker A alone takes the export; once it runs, worker B starts and A is killed; B must finish it."""
    first = start_worker(environment, folder / "worker-a.log")
    with engine.connect() as connection:
        cohort_id = connection.scalar(select(Cohort.id).order_by(Cohort.id).limit(1))
    asked = ask_for_export(port, cohort_id)
    running = wait_for(engine, lambda job: job.status == "running" and (job.done or 0) >= 1, 300)
    second = start_worker(environment, folder / "worker-b.log")
    killed_at = time.monotonic()
    os.kill(first.pid, signal.SIGKILL)
    first.wait()
    finished = wait_for(engine, lambda job: job.status in ("done", "failed"), 900)
    second.send_signal(signal.SIGTERM)
    second.wait(timeout=120)
    return {
        "asked_status": asked,
        "killed_while_running": running is not None,
        "done_before_kill": running.done if running else None,
        "status": finished.status if finished else "unfinished",
        "attempts": finished.attempts if finished else None,
        "seconds_from_kill_to_finish": round(time.monotonic() - killed_at, 1) if finished else None,
        "zip_exists": bool(finished and finished.file_path and (Path(environment["EXPORT_DIR"]) / finished.file_path).exists()),
    }


def reconcile(engine, tally: Tally) -> dict:
    saved = sum(1 for label, status, _ in tally.answers if label == "POST /portfolio/evidence/new" and status == 302)
    with engine.connect() as connection:
        stored = connection.scalar(select(func.count()).select_from(Evidence).where(Evidence.title.like("Bench item %")))
    return {"told_saved": saved, "in_database": stored, "reconciles": saved == stored}


def audit_verifies(environment: dict) -> bool:
    run = subprocess.run([str(BIN / "assessor"), "audit", "verify"], env=environment, cwd=REPO, capture_output=True)
    return run.returncode == 0


def measure(options, url: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="assessor-machines-") as name:
        folder = Path(name)
        environment = os.environ | {
            "DATABASE_URL": url, "REDIS_URL": options.redis, "STORAGE_DIR": str(folder / "storage"),
            "EXPORT_DIR": str(folder / "exports"), "SECRET_KEY": secrets.token_urlsafe(48),
            "TASK_HEARTBEAT_SECONDS": str(options.heartbeat), "WEB_NODES": "2",
        }
        redis.Redis.from_url(options.redis).flushdb()
        prepare(environment)
        servers = [start_gunicorn(environment, SimpleNamespace(workers=2, threads=4, port=port), folder / f"web-{port}.log")
                   for port in options.ports]
        engine = create_engine(url)
        tally = Tally()
        try:
            started = time.monotonic()
            threads = load(options.ports, options.users, options.seconds, tally)
            export = kill_during_export(environment, engine, folder, options.ports[0])
            for thread in threads:
                thread.join()
            seconds = time.monotonic() - started
        finally:
            for server in servers:
                server.terminate()
                server.wait(timeout=30)
        statuses = Counter(status for _, status, _ in tally.answers)
        result = {
            "database": "postgresql", "web_instances": len(options.ports), "workers": 2, "users": options.users,
            "load_seconds": options.seconds, "seconds_in_all": round(seconds, 1), "requests": len(tally.answers),
            "statuses": {str(status): count for status, count in sorted(statuses.items())},
            "server_errors": sum(count for status, count in statuses.items() if status >= 500 or status == 0),
            "export": export, "evidence": reconcile(engine, tally), "audit_chain_verifies": audit_verifies(environment),
            "task_heartbeat_seconds": options.heartbeat, "load_average": load_average(),
        }
        engine.dispose()
        result["meets_target"] = (result["server_errors"] == 0 and export["status"] == "done" and export["killed_while_running"]
                                  and result["evidence"]["reconciles"] and result["audit_chain_verifies"])
        return result


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--users", type=int, default=50)
    options.add_argument("--seconds", type=float, default=60)
    options.add_argument("--ports", type=int, nargs=2, default=[8160, 8161])
    options.add_argument("--redis", default="redis://127.0.0.1:6379/13", help="a Redis database nothing else uses")
    options.add_argument("--heartbeat", type=float, default=15, help="TASK_HEARTBEAT_SECONDS for the run")
    options.add_argument("--database", default=os.environ.get("DATABASE_URL") or DEFAULT_DATABASE, help="a PostgreSQL URL")
    options = options.parse_args()
    with scratch_database(options.database) as url:
        print(json.dumps(measure(options, url), indent=2))


if __name__ == "__main__":
    main()
