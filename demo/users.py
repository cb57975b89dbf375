"""Demo users of every role, for development only: ``load_demo`` adds them when DEBUG is on.

All share one password, printed with the sign-in address when ``make run`` starts, so a
developer can try the portal as a coordinator, an editor, a viewer, the national team or
the site administrator.
"""

from dataclasses import dataclass
from io import TextIOBase

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils.text import slugify

from accounts.models import User
from network.models import Coordinator, Membership, Organisation, Region

DEMO_PASSWORD = "demo-salasana-2021"  # noqa: S105 - a development-only demo password
SIGN_IN_URL = "http://127.0.0.1:8000/tili/login/"


@dataclass(frozen=True)
class DemoUser:
    role: str
    email: str
    first_name: str
    last_name: str
    coordinates: str = ""  # region slug
    organisation: tuple[str, str] | None = None  # (region slug, organisation name)
    membership_role: str = Membership.Role.EDITOR
    is_national_team: bool = False
    is_superuser: bool = False


DEMO_USERS = (
    DemoUser(
        "KASELO-koordinaattori",
        "koordinaattori@kaselo.example",
        "Kaisa",
        "Koordinaattori",
        coordinates="kaakkois-suomi",
    ),
    DemoUser(
        "Organisaation muokkaaja (Ohjaamo Kotka)",
        "toimittaja@kaselo.example",
        "Tuomas",
        "Toimittaja",
        organisation=("kaakkois-suomi", "Ohjaamo Kotka"),
    ),
    DemoUser(
        "Organisaation lukija (LUT-yliopisto)",
        "lukija@kaselo.example",
        "Liisa",
        "Lukija",
        organisation=("kaakkois-suomi", "LUT-yliopisto"),
        membership_role=Membership.Role.VIEWER,
    ),
    DemoUser(
        "Toisen alueen muokkaaja (Ohjaamo Mikkeli)",
        "muu.toimittaja@esa.example",
        "Mikko",
        "Muukalainen",
        organisation=("etela-savo", "Ohjaamo Mikkeli"),
    ),
    DemoUser(
        "Etelä-Savon koordinaattori",
        "koordinaattori@esa.example",
        "Sanna",
        "Savolainen",
        coordinates="etela-savo",
    ),
    DemoUser(
        "Valtakunnallinen tiimi",
        "valtakunnallinen@elo.example",
        "Veera",
        "Valtakunnallinen",
        is_national_team=True,
    ),
    DemoUser("Ylläpitäjä", "yllapito@elo.example", "Ylva", "Ylläpitäjä", is_superuser=True),
)


def _organisation(region_slug: str, name: str) -> Organisation:
    """The named organisation; Ohjaamo Mikkeli of Etelä-Savo is created if missing."""
    region = Region.objects.get(slug=region_slug)
    organisation, _created = Organisation.objects.get_or_create(
        region=region,
        name=name,
        defaults={
            "slug": slugify(name),
            "kind": Organisation.Kind.OHJAAMO,
            "sector": Organisation.Sector.PUBLIC,
        },
    )
    return organisation


def _user(demo: DemoUser) -> User:
    user, _created = User.objects.get_or_create(email=demo.email)
    wanted = {
        "first_name": demo.first_name,
        "last_name": demo.last_name,
        "is_national_team": demo.is_national_team,
        "is_superuser": demo.is_superuser,
        "is_staff": demo.is_superuser,
        "is_active": True,
    }
    changed = [field for field, value in wanted.items() if getattr(user, field) != value]
    for field in changed:
        setattr(user, field, wanted[field])
    if not user.check_password(DEMO_PASSWORD):
        user.set_password(DEMO_PASSWORD)
        changed.append("password")
    if changed:
        user.save(update_fields=changed)
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"primary": True, "verified": True}
    )
    return user


@transaction.atomic
def load_demo_users(stdout: TextIOBase) -> list[User]:
    """Create (or restore) the demo users and their roles; write the sign-in table.

    Running it again changes nothing. Returns the users in the table's order.
    """
    users = []
    for demo in DEMO_USERS:
        user = _user(demo)
        if demo.coordinates:
            Coordinator.objects.get_or_create(
                user=user, region=Region.objects.get(slug=demo.coordinates)
            )
        if demo.organisation:
            Membership.objects.update_or_create(
                user=user,
                organisation=_organisation(*demo.organisation),
                defaults={"role": demo.membership_role},
            )
        users.append(user)
    _write_table(stdout)
    return users


def _write_table(stdout: TextIOBase) -> None:
    rows = [("Rooli", "Sähköposti", "Salasana")] + [
        (demo.role, demo.email, DEMO_PASSWORD) for demo in DEMO_USERS
    ]
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    lines = ["", "Demokäyttäjät (vain kehityskäyttöön):"]
    for number, row in enumerate(rows):
        lines.append(
            "  "
            + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
        if number == 0:
            lines.append("  " + "  ".join("-" * width for width in widths))
    lines.append(f"Kirjaudu: {SIGN_IN_URL}")
    stdout.write("\n".join(lines) + "\n")
