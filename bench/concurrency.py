"""Concurrent users against gunicorn on loopback: a fresh database with the demo provider, N simulated people for T seconds."""
import argparse
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter
from pathlib import Path

from common import REPO, add_database_option, database_kind, load_average, scratch_database
from simulated_user import Tally, run_user

from assessor.demo.people import ASSESSORS, DEFAULT_PASSWORD, IQA_PERSON, LEARNERS, PROVIDER_ADMIN_PERSON

BIN = Path(sys.executable).parent


def people(count: int) -> list[tuple[str, str, str]]:
    """Mostly learners (they write), with the provider's staff among them; accounts are reused past the demo's 29."""
    staff = [(ASSESSORS[0].email, "assessor"), (PROVIDER_ADMIN_PERSON.email, "admin"), (ASSESSORS[1].email, "assessor"), (IQA_PERSON.email, "iqa")]
    cast = staff[: max(1, count // 5)] + [(person.email, "learner") for person in LEARNERS]
    return [(cast[index % len(cast)][0], DEFAULT_PASSWORD, cast[index % len(cast)][1]) for index in range(count)]


def prepare(environment: dict) -> None:
    """Standards and the demo provider, through the `assessor` command, as an operator would."""
    for command in (["standards", "load"], ["demo"]):
        subprocess.run([str(BIN / "assessor"), *command], env=environment, check=True, capture_output=True, cwd=REPO)


def start_gunicorn(environment: dict, options, log_path: Path) -> subprocess.Popen:
    command = [str(BIN / "gunicorn"), "--workers", str(options.workers), "--threads", str(options.threads)]
    command += ["--bind", f"127.0.0.1:{options.port}", "--error-logfile", str(log_path), "assessor:create_app()"]
    server = subprocess.Popen(command, env=environment, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{options.port}/sign-in", timeout=2)
            return server
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise RuntimeError(f"gunicorn did not answer on port {options.port}; see {log_path}")


def load(options, tally: Tally) -> float:
    deadline = time.monotonic() + options.seconds
    started = time.monotonic()
    threads = [
        threading.Thread(target=run_user, args=(options.port, tally, person, deadline, options.max_rounds))
        for person in people(options.users)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.monotonic() - started


def summary(options, url: str, tally: Tally, seconds: float, log_text: str) -> dict:
    statuses = Counter(status for _, status, _ in tally.answers)
    errors = {str(status): count for status, count in sorted(statuses.items()) if status == 0 or status >= 400}
    latencies = sorted(seconds for _, _, seconds in tally.answers) or [0.0]
    return {
        "database": database_kind(url),
        "users": options.users,
        "seconds": round(seconds, 1),
        "gunicorn": {"workers": options.workers, "threads": options.threads},
        "requests": len(tally.answers),
        "requests_per_second": round(len(tally.answers) / seconds, 1),
        "statuses": {str(status): count for status, count in sorted(statuses.items())},
        "errors_by_status": errors,
        "errors": sum(errors.values()),
        "by_request": by_request(tally),
        "latency_ms": {
            "p50": round(statistics.median(latencies) * 1000, 1),
            "p95": round(latencies[int(0.95 * (len(latencies) - 1))] * 1000, 1),
            "max": round(latencies[-1] * 1000, 1),
        },
        "database_is_locked_in_log": log_text.count("database is locked"),
        "first_failures": tally.failures[:3],
        "meets_target": sum(errors.values()) == 0,
        "load_average": load_average(),
    }


def by_request(tally: Tally) -> dict:
    """For each kind of request: how many, and how many failed (4xx, 5xx or no answer)."""
    asked = Counter(label for label, _, _ in tally.answers)
    failed = Counter(label for label, status, _ in tally.answers if status == 0 or status >= 400)
    return {label: {"requests": count, "errors": failed[label]} for label, count in sorted(asked.items())}


def measure(options, url: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="assessor-concurrency-") as folder:
        environment = os.environ | {"DATABASE_URL": url, "STORAGE_DIR": f"{folder}/storage", "SECRET_KEY": secrets.token_urlsafe(48)}
        environment.pop("REDIS_URL", None)
        prepare(environment)
        log_path = Path(folder) / "gunicorn.log"
        server = start_gunicorn(environment, options, log_path)
        tally = Tally()
        try:
            seconds = load(options, tally)
        finally:
            server.terminate()
            server.wait(timeout=30)
        return summary(options, url, tally, seconds, log_path.read_text(errors="replace"))


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--users", type=int, default=20)
    options.add_argument("--seconds", type=float, default=40)
    options.add_argument("--max-rounds", type=int, default=1000, help="a bound on each user's rounds")
    options.add_argument("--workers", type=int, default=2)
    options.add_argument("--threads", type=int, default=4)
    options.add_argument("--port", type=int, default=8130)
    add_database_option(options)
    options = options.parse_args()
    with scratch_database(options.database) as url:
        print(json.dumps(measure(options, url), indent=2))


if __name__ == "__main__":
    main()
