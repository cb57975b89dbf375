"""The target groups and guidance channels a logged action can name (seed 002).

The rows are reference data: migration 0004 writes them, and ``load_demo`` writes them
again so a flushed database (``manage.py flush``, a live-server test) gets them back. Each
name is given in Finnish (the record), Swedish and English; migration
``0012_lookup_names_in_swedish_and_english`` fills the translations on an existing database.
"""

from django.db import models

from network.reference import fill_translations, translation_values

#: (slug, Finnish name, Swedish name, English name), in the order the forms list them.
LookupRow = tuple[str, str, str, str]

TARGET_GROUPS: tuple[LookupRow, ...] = (
    ("nuoret", "Nuoret", "Unga", "Young people"),
    ("opiskelijat", "Opiskelijat", "Studerande", "Students"),
    ("tyottomat", "Työttömät", "Arbetslösa", "Unemployed people"),
    ("tyossa-olevat", "Työssä olevat", "Personer i arbete", "People in work"),
    (
        "tyovoiman-ulkopuolella",
        "Työvoiman ulkopuolella olevat",
        "Personer utanför arbetskraften",
        "People outside the labour force",
    ),
    ("maahanmuuttajat", "Maahanmuuttajat", "Invandrare", "Immigrants"),
    ("ikaantyneet", "Ikääntyneet", "Äldre", "Older people"),
    (
        "osatyokykyiset",
        "Osatyökykyiset",
        "Partiellt arbetsföra",
        "People with partial work ability",
    ),
    (
        "tyonantajat",
        "Työnantajat ja yritykset",
        "Arbetsgivare och företag",
        "Employers and companies",
    ),
)
CHANNELS: tuple[LookupRow, ...] = (
    ("kasvokkain", "Kasvokkain", "Ansikte mot ansikte", "Face to face"),
    ("verkossa", "Verkossa", "På nätet", "Online"),
    ("puhelimitse", "Puhelimitse", "Per telefon", "By phone"),
    ("ryhmassa", "Ryhmässä", "I grupp", "In a group"),
)


def write_lookup_rows(
    target_group_model: type[models.Model], channel_model: type[models.Model]
) -> None:
    """Create or update the rows; takes the models so a migration can pass historical ones."""
    for model, rows in ((target_group_model, TARGET_GROUPS), (channel_model, CHANNELS)):
        for position, (slug, name, name_sv, name_en) in enumerate(rows):
            model._default_manager.update_or_create(
                slug=slug,
                defaults={
                    "name": name,
                    **translation_values(model, name_sv=name_sv, name_en=name_en),
                    "position": position,
                },
            )


def fill_lookup_names(
    target_group_model: type[models.Model], channel_model: type[models.Model]
) -> int:
    """Give the rows already written their Swedish and English names
    (``network.reference.fill_translations``); return how many names were written."""
    written = 0
    for model, rows in ((target_group_model, TARGET_GROUPS), (channel_model, CHANNELS)):
        for slug, name, name_sv, name_en in rows:
            written += fill_translations(
                model._default_manager.filter(slug=slug),
                "name",
                name,
                {"name_sv": name_sv, "name_en": name_en},
            )
    return written
