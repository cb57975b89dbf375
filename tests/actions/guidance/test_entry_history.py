"""An entry's change history: who saved it, when, and what changed; for its own people."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pytest_django.asserts import assertContains

from actions.models import GuidanceAction
from tests.actions.guidance.conftest import url

pytestmark = pytest.mark.django_db


def post_edit(client, entry, **changes):
    """Post the entry's edit form as it was rendered, with ``changes``."""
    form = client.get(url("edit", entry.pk)).context["form"]
    data = {field.html_name: field.value() for field in form if field.value() is not None}
    response = client.post(url("edit", entry.pk), {**data, **changes})
    assert response.status_code == 302
    return response


def queries_of(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_the_history_shows_the_edit_with_before_and_after(client_of, editor, coordinator, draft):
    client = client_of(editor)
    post_edit(client, draft, title="Jalkautuva ohjaus kouluilla")

    assertContains(client.get(url("detail", draft.pk)), url("history", draft.pk))
    for person in (editor, coordinator):
        response = client_of(person).get(url("history", draft.pk))
        assert response.status_code == 200
        newest = response.context["entries"][0]
        title_label = str(GuidanceAction._meta.get_field("title").verbose_name)
        change = next(c for c in newest.changes if c.label == title_label)
        assert (change.before, change.after) == (
            "Ohjaamon jalkautuva ohjaus",
            "Jalkautuva ohjaus kouluilla",
        )
        assert newest.user == editor


@pytest.mark.parametrize(
    "persona", ["viewer", "editor_of_other_organisation", "coordinator_of_other_region"]
)
def test_people_who_may_not_change_the_entry_do_not_read_its_history(
    client_of, draft, persona, request
):
    response = client_of(request.getfixturevalue(persona)).get(url("history", draft.pk))

    assert response.status_code in (403, 404)


def test_an_anonymous_visitor_is_sent_to_sign_in(client, draft):
    response = client.get(url("history", draft.pk))

    assert response.status_code in (302, 404)


def test_the_history_page_costs_the_same_whatever_the_number_of_saves(client_of, editor, draft):
    client = client_of(editor)
    post_edit(client, draft, title="Ensimmäinen muutos")
    few = queries_of(client, url("history", draft.pk))

    for n in range(5):
        post_edit(client, draft, title=f"Muutos {n}")

    assert queries_of(client, url("history", draft.pk)) == few
