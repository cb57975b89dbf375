"""Redis failing for real: each test gets its own redis-server on a spare port, points the
cache (and with it the sessions and allauth's rate limit) at it, and stops it (SIGTERM),
hangs it (SIGSTOP) or fills it (``maxmemory`` with ``noeviction``) when it says so.

The shared Redis of the suite is never touched; the server here is this test's own
process, stopped by its own pid.
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Iterator

import pytest
import redis

from kaselo import cache as kaselo_cache

#: The server binary; these tests are part of the suite, so a missing one fails them.
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
#: The longest a test keeps its Redis hung.
WATCHDOG_SECONDS = 10


def spare_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class RedisServer:
    """A redis-server of the test's own, like production's: no persistence, no eviction."""

    def __init__(self) -> None:
        self.port = spare_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = subprocess.Popen(  # noqa: S603 (a fixed command line)
            [
                REDIS_SERVER,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
                "--maxmemory-policy",
                "noeviction",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.hung = False
        self.watchdog: threading.Timer | None = None
        self.client = redis.Redis(port=self.port, socket_timeout=2)
        deadline = time.monotonic() + 10
        while True:
            try:
                self.client.ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise
                time.sleep(0.05)

    def stop(self) -> None:
        """Stopped: connections are refused."""
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=10)

    def hang(self) -> None:
        """Hung: connections are accepted by the kernel, and nothing answers.

        For ``WATCHDOG_SECONDS`` at the most: should a call wait without a timeout, the
        test then ends, failing on the time it took, instead of never.
        """
        self.process.send_signal(signal.SIGSTOP)
        self.hung = True
        self.watchdog = threading.Timer(WATCHDOG_SECONDS, self.resume)
        self.watchdog.daemon = True
        self.watchdog.start()

    def resume(self) -> None:
        if self.hung and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)
        self.hung = False

    def fill(self) -> None:
        """Full: holding more than ``maxmemory`` with ``noeviction``, every write is refused."""
        chunk = b"x" * 100_000
        for number in range(20):
            self.client.set(f"filler:{number}", chunk)
        self.client.config_set("maxmemory", "1mb")
        self.client.config_set("maxmemory-policy", "noeviction")

    def make_room(self) -> None:
        self.client.config_set("maxmemory", "0")

    def close(self) -> None:
        if self.watchdog is not None:
            self.watchdog.cancel()
        if self.process.poll() is None:
            self.resume()
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.client.close()


@pytest.fixture
def own_redis(settings) -> Iterator[RedisServer]:
    """The cache at a redis-server of the test's own, with production's options."""
    server = RedisServer()
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "kaselo.cache.ReusingRedisCache",
            "LOCATION": server.url,
            "OPTIONS": settings.REDIS_CACHE_OPTIONS,
        },
    }
    settings.SESSION_ENGINE = "lib.sessions"
    settings.MFA_REQUIRED_FOR_PRIVILEGED = False
    kaselo_cache._down_until.clear()
    yield server
    server.close()
    kaselo_cache._down_until.clear()


@pytest.fixture
def broker_at_own_redis(own_redis: RedisServer) -> Iterator[RedisServer]:
    """Celery's broker and results at the test's Redis too (the app read its settings at
    import: its pools are dropped as after a fork, and built again from the new URLs)."""
    from kaselo.celery import app

    previous = (app.conf.broker_url, app.conf.result_backend, app.conf.task_always_eager)
    previous_backend = app.backend
    app.conf.broker_url = own_redis.url
    app.conf.result_backend = own_redis.url
    app.conf.task_always_eager = False
    app._after_fork()
    app._backend = app._get_backend()
    yield own_redis
    app.conf.broker_url, app.conf.result_backend, app.conf.task_always_eager = previous
    app._after_fork()
    app._backend = previous_backend
