"""Background tasks on Dramatiq: Redis as the broker when REDIS_URL is set, else an in-memory broker in this process.

Areas register plain functions with `@task(...)` (export/tasks.py, mail/tasks.py,
notifications/tasks.py); each app binds them to its own broker as actors that receive the app first. The web enqueues with `enqueue(app, name, *args)`; `assessor worker`
(or, without Redis, the worker thread `assessor run` starts) runs them. Messages are acknowledged
only after the task returns, so a worker killed mid-task has its task redelivered to another.
"""
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import dramatiq
from dramatiq.brokers.redis import RedisBroker
from dramatiq.brokers.stub import StubBroker
from dramatiq.middleware import AgeLimit, Callbacks, Retries, ShutdownNotifications, TimeLimit
from flask import Flask
from sqlalchemy.orm import Session

#: chance, per million broker commands, that a command also requeues the messages of workers gone silent
MAINTENANCE_CHANCE = 100_000


@dataclass
class TaskSpec:
    function: Callable
    queue: str
    #: the registered task called with (app, failed message, retry info) once retries are exhausted
    on_exhausted: str | None = None
    options: dict = field(default_factory=dict)


#: every registered task, by name
REGISTRY: dict[str, TaskSpec] = {}
#: how each area finds its unfinished work again when an in-memory broker starts empty
RECOVERIES: list[Callable[[Flask], int]] = []
#: {task name: seconds}: tasks the embedded worker queues every so often (with Redis, cron runs their commands)
PERIODIC: dict[str, float] = {}


def task(name: str, *, queue: str = "default", on_exhausted: str | None = None) -> Callable:
    def register(function: Callable) -> Callable:
        REGISTRY[name] = TaskSpec(function, queue, on_exhausted)
        return function

    return register


def make_broker(config) -> dramatiq.Broker:
    middleware = [AgeLimit(), TimeLimit(time_limit=config["TASK_TIME_LIMIT_SECONDS"] * 1000), ShutdownNotifications(),
                  Callbacks(), Retries(max_retries=config["TASK_MAX_RETRIES"],
                                       min_backoff=int(config["TASK_RETRY_DELAY_SECONDS"] * 1000))]
    if not config.get("REDIS_URL"):
        return StubBroker(middleware=middleware)
    return RedisBroker(url=config["REDIS_URL"], middleware=middleware, maintenance_chance=MAINTENANCE_CHANCE,
                       heartbeat_timeout=int(config["TASK_HEARTBEAT_SECONDS"] * 1000))


def init_app(app: Flask) -> None:
    """The app's broker and one actor per registered task, each given this app as its first argument."""
    broker = make_broker(app.config)
    actors = {}
    for name, spec in REGISTRY.items():
        options = {"on_retry_exhausted": spec.on_exhausted} if spec.on_exhausted else {}
        actors[name] = dramatiq.Actor(_bound(app, spec.function), broker=broker, actor_name=name,
                                      queue_name=spec.queue, priority=0, options=options)
    app.extensions["task_broker"] = broker
    app.extensions["task_actors"] = actors


def _bound(app: Flask, function: Callable) -> Callable:
    def run(*args) -> None:
        """Results are not kept (no results backend): a task's return value is for its direct callers only."""
        with app.app_context():
            function(app, *args)

    run.__name__ = function.__name__
    return run


@contextmanager
def task_session(app: Flask) -> Iterator[Session]:
    """A database session of the task's own, closed when it is done."""
    session = app.extensions["db_sessionmaker"]()
    try:
        yield session
    finally:
        session.close()


def enqueue(app: Flask, name: str, *args) -> None:
    """Queue a task; raises when the broker cannot be reached (the caller records that on its job)."""
    app.extensions["task_actors"][name].send(*args)


def is_embedded(app: Flask) -> bool:
    return isinstance(app.extensions["task_broker"], StubBroker)


def start_worker(app: Flask, threads: int = 1, queues: set[str] | None = None) -> dramatiq.Worker:
    """A worker taking tasks from the named queues (every queue when None)."""
    worker = dramatiq.Worker(app.extensions["task_broker"], queues=queues, worker_threads=threads,
                             worker_timeout=int(app.config["TASK_POLL_SECONDS"] * 1000))
    worker.start()
    return worker


def start_embedded_worker(app: Flask) -> dramatiq.Worker:
    """The in-process worker of `assessor run` without Redis: work left unfinished by the last run is queued again."""
    worker = start_worker(app, app.config["WORKER_THREADS"])
    for recover in RECOVERIES:
        recover(app)
    for name, seconds in PERIODIC.items():
        threading.Thread(target=_every, args=(app, name, seconds), name=f"every-{name}", daemon=True).start()
    return worker


def _every(app: Flask, name: str, seconds: float) -> None:
    while True:
        enqueue(app, name)
        time.sleep(seconds)
