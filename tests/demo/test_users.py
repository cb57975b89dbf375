"""``load_demo`` adds a demo user of every role, in development only."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from demo.users import DEMO_PASSWORD, load_demo_users
from network.models import Coordinator, Membership, Organisation

pytestmark = pytest.mark.django_db

User = get_user_model()

DEMO_EMAILS = {
    "koordinaattori@kaselo.example",
    "toimittaja@kaselo.example",
    "lukija@kaselo.example",
    "muu.toimittaja@esa.example",
    "koordinaattori@esa.example",
    "valtakunnallinen@elo.example",
    "yllapito@elo.example",
}


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_load_demo_creates_no_users_when_debug_is_off(settings):
    settings.DEBUG = False

    output = load_demo()

    assert not User.objects.exists()
    assert "demo-salasana" not in output


def test_load_demo_creates_a_demo_user_of_every_role_when_debug_is_on(settings):
    settings.DEBUG = True

    output = load_demo()

    assert set(User.objects.values_list("email", flat=True)) == DEMO_EMAILS
    for user in User.objects.all():
        assert user.check_password(DEMO_PASSWORD)
        assert user.first_name
    assert set(Coordinator.objects.values_list("user__email", "region__slug")) == {
        ("koordinaattori@kaselo.example", "kaakkois-suomi"),
        ("koordinaattori@esa.example", "etela-savo"),
    }
    assert set(Membership.objects.values_list("user__email", "organisation__name", "role")) == {
        ("toimittaja@kaselo.example", "Ohjaamo Kotka", "editor"),
        ("lukija@kaselo.example", "LUT-yliopisto", "viewer"),
        ("muu.toimittaja@esa.example", "Ohjaamo Mikkeli", "editor"),
    }
    assert Organisation.objects.get(name="Ohjaamo Mikkeli").region.slug == "etela-savo"
    assert User.objects.get(email="valtakunnallinen@elo.example").is_national_team
    assert User.objects.get(email="yllapito@elo.example").is_superuser
    assert "Kirjaudu: http://127.0.0.1:8000/tili/login/" in output
    assert "koordinaattori@kaselo.example" in output
    assert DEMO_PASSWORD in output

    before = sorted(User.objects.values_list("email", "password"))
    load_demo_users(StringIO())
    assert sorted(User.objects.values_list("email", "password")) == before
    assert Membership.objects.count() == 3
