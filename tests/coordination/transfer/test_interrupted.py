"""A database connection lost during an import is not the file's fault: nothing is saved,
the person is told to try again, and the file waiting for confirmation is kept.

The connection is really lost: a second connection ends the import's server process with
``pg_terminate_backend`` just before the import's first write reaches it.
"""

import contextlib

import psycopg
import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse
from django.utils import translation

from coordination import transfer
from coordination.transfer_views import PENDING_UPLOAD, interrupted_message
from network.models import Organisation
from tests.coordination.transfer.conftest import csv_upload

# Committed rows and a server process ended on purpose: the test's own transaction cannot
# survive that, so it commits. It makes its own region and people (no reference rows).
pytestmark = pytest.mark.django_db(transaction=True)

HEADERS = ["Nimi", "Lyhenne", "Tyyppi", "Sektori", "Maakunnat", "Verkkosivu", "Aktiivinen"]
IMPORT_URL = reverse(
    "transfer:import", kwargs={"region": "kaakkois-suomi", "dataset": "organisaatiot"}
)


@contextlib.contextmanager
def server_process_ended_before(statement_start):
    """End this connection's PostgreSQL process when it is about to run a statement that
    begins with ``statement_start``, as a restart of the server would."""
    ended = []

    def end_then_execute(execute, sql, params, many, context):
        if not ended and sql.lstrip().upper().startswith(statement_start):
            pid = context["connection"].connection.info.backend_pid
            parameters = connection.get_connection_params()
            parameters.pop("cursor_factory", None)
            with psycopg.connect(**parameters, autocommit=True) as other:
                other.execute("SELECT pg_terminate_backend(%s)", [pid])
            ended.append(pid)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(end_then_execute):
        yield ended
    connection.close()  # the test's next query opens a new one


def test_a_lost_connection_during_confirmation_keeps_the_file_for_a_retry(
    coordinator, client_of, region
):
    client = client_of(coordinator)
    upload = csv_upload([HEADERS, ["Ohjaamo Hamina", "OH", "ohjaamo", "public", "", "", "kyllä"]])
    preview = client.post(IMPORT_URL, {"file": upload})
    assert "Vahvista tuonti" in preview.content.decode()
    stored = list((settings.MEDIA_ROOT / "imports").iterdir())

    with server_process_ended_before('INSERT INTO "NETWORK_ORGANISATION"') as ended:
        response = client.post(IMPORT_URL, {"confirm": "1"}, follow=True)

    assert ended, "the import never wrote"
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == IMPORT_URL
    page = response.content.decode()
    with translation.override("fi"):
        assert interrupted_message() in page
    # Told apart from the file's errors: neither row errors nor "the data has changed".
    assert "Riviä ei voitu tallentaa" not in page
    assert "muuttuneet esikatselun jälkeen" not in page
    assert not Organisation.objects.filter(name="Ohjaamo Hamina").exists()
    assert stored[0].exists()
    assert client.session[PENDING_UPLOAD]["filename"] == "tiedosto.csv"
    assert "tiedosto.csv" in page  # offered for confirmation again

    retried = client.post(IMPORT_URL, {"confirm": "1"}, follow=True)

    assert "Jäsenorganisaatiot tuotiin: 1 uutta" in retried.content.decode()
    assert Organisation.objects.filter(region=region, name="Ohjaamo Hamina").exists()
    assert not stored[0].exists()


def test_a_lost_connection_during_the_preview_is_not_an_error_of_the_file(
    coordinator, client_of, region
):
    client = client_of(coordinator)
    upload = csv_upload([HEADERS, ["Ohjaamo Hamina", "OH", "ohjaamo", "public", "", "", "kyllä"]])

    with server_process_ended_before("SAVEPOINT") as ended:
        response = client.post(IMPORT_URL, {"file": upload})

    assert ended
    assert response.status_code == 200
    page = response.content.decode()
    with translation.override("fi"):
        assert interrupted_message() in page
    assert "Riviä ei voitu tallentaa" not in page
    assert "Tiedostossa on" not in page


def test_the_service_raises_import_interrupted_and_writes_nothing(region):
    upload = csv_upload([HEADERS, ["Ohjaamo Hamina", "OH", "ohjaamo", "public", "", "", "kyllä"]])

    with (
        server_process_ended_before('INSERT INTO "NETWORK_ORGANISATION"'),
        pytest.raises(transfer.ImportInterrupted),
    ):
        transfer.run_import(region, "organisaatiot", upload)

    assert not Organisation.objects.filter(name="Ohjaamo Hamina").exists()
