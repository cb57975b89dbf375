"""The target groups and guidance channels a logged action can name (seed 002).

The rows are reference data: migration 0004 writes them, and ``load_demo`` writes them
again so a flushed database (``manage.py flush``, a live-server test) gets them back.
"""

TARGET_GROUPS: tuple[tuple[str, str], ...] = (
    ("nuoret", "Nuoret"),
    ("opiskelijat", "Opiskelijat"),
    ("tyottomat", "Työttömät"),
    ("tyossa-olevat", "Työssä olevat"),
    ("tyovoiman-ulkopuolella", "Työvoiman ulkopuolella olevat"),
    ("maahanmuuttajat", "Maahanmuuttajat"),
    ("ikaantyneet", "Ikääntyneet"),
    ("osatyokykyiset", "Osatyökykyiset"),
    ("tyonantajat", "Työnantajat ja yritykset"),
)
CHANNELS: tuple[tuple[str, str], ...] = (
    ("kasvokkain", "Kasvokkain"),
    ("verkossa", "Verkossa"),
    ("puhelimitse", "Puhelimitse"),
    ("ryhmassa", "Ryhmässä"),
)


def write_lookup_rows(target_group_model, channel_model) -> None:
    """Create or update the rows; takes the models so a migration can pass historical ones."""
    for model, rows in ((target_group_model, TARGET_GROUPS), (channel_model, CHANNELS)):
        for position, (slug, name) in enumerate(rows):
            model.objects.update_or_create(slug=slug, defaults={"name": name, "position": position})
