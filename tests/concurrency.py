"""Helpers of the concurrency tests: a form's data as the browser would send it, and two
identical POSTs sent at the same moment from two threads with their own connections."""

from __future__ import annotations

import threading
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import connection
from django.test import Client

from lib.concurrency import TOKEN_FIELD, VERSION_FIELD


def form_data(response: Any, **changes: Any) -> dict[str, Any]:
    """What the rendered form of ``response`` sends unchanged, with ``changes`` typed in."""
    form = response.context["form"]
    data: dict[str, Any] = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False:
            continue
        if isinstance(value, Decimal):
            value = str(value).replace(".", ",")
        elif isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, (list, tuple)):
            value = [str(item) for item in value]
        elif value is True:
            value = "on"
        data[name] = value
    data.update(changes)
    return data


def read_version(response: Any) -> str:
    return str(response.context["form"][VERSION_FIELD].value())


def token(response: Any) -> str:
    return str(response.context["form"][TOKEN_FIELD].value())


def post_twice_at_once(user: Any, url: str, data: dict[str, Any]) -> list[int]:
    """POST ``data`` to ``url`` from two threads at once, each signed in as ``user`` with its
    own client and database connection; the two answers' status codes."""
    barrier = threading.Barrier(2)
    statuses: list[int] = []
    errors: list[BaseException] = []

    def send() -> None:
        try:
            client = Client()
            client.force_login(user)
            barrier.wait(timeout=10)
            statuses.append(client.post(url, data).status_code)
        except BaseException as error:  # reported by the test below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    return sorted(statuses)
