"""Reference data every deployment has: the 15 ELY regions and KASELO's two provinces.

Each region's name is given in Finnish (the record) and as the state publishes it in Swedish
and English: the official Swedish name of the area (the NTM-centralens område, e.g. "Nyland",
"Sydöstra Finland") and the English name its ELY Centre uses ("Southeast Finland"). Migration
``network.0009_region_names_in_swedish_and_english`` fills them on an existing database.

Migration ``network.0003_reference_regions`` writes these rows, so ``manage.py migrate``
alone gives a database the portal can serve; ``load_demo`` writes them again, which changes
nothing on a migrated database and brings them back after ``manage.py flush``.

The writers take the model classes as arguments, so a migration passes its historical
models (``apps.get_model``) and the application the current ones. They are idempotent:
every row is found by its natural key and saved only when a value differs.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils.text import slugify


@dataclass(frozen=True)
class RegionData:
    name: str
    ely_centre: str
    name_sv: str
    name_en: str
    # None: the seeds do not give it, so the writer leaves whatever the row holds.
    abbreviation: str | None = None
    network_name: str | None = None
    provinces: tuple[str, ...] = ()
    # The network's name in Swedish and English, where it has one in Finnish.
    network_name_sv: str | None = None
    network_name_en: str | None = None

    @property
    def ely_centre_translations(self) -> dict[str, str]:
        """The ELY centre's Swedish and English names, in the form the centres publish
        ("NTM-centralen i Sydöstra Finland", "ELY Centre for Southeast Finland")."""
        return {
            "ely_centre_sv": f"NTM-centralen i {self.name_sv}",
            "ely_centre_en": f"ELY Centre for {self.name_en}",
        }

    @property
    def network_name_translations(self) -> dict[str, str]:
        if self.network_name_sv is None or self.network_name_en is None:
            return {}
        return {"network_name_sv": self.network_name_sv, "network_name_en": self.network_name_en}


# The 15 ELY centres' areas in their official order (DOMAIN.md); position follows this order.
REGIONS: tuple[RegionData, ...] = (
    RegionData("Uusimaa", "Uudenmaan ELY-keskus", name_sv="Nyland", name_en="Uusimaa"),
    RegionData(
        "Varsinais-Suomi",
        "Varsinais-Suomen ELY-keskus",
        name_sv="Egentliga Finland",
        name_en="Southwest Finland",
    ),
    RegionData("Satakunta", "Satakunnan ELY-keskus", name_sv="Satakunta", name_en="Satakunta"),
    RegionData("Häme", "Hämeen ELY-keskus", name_sv="Tavastland", name_en="Häme"),
    RegionData("Pirkanmaa", "Pirkanmaan ELY-keskus", name_sv="Birkaland", name_en="Pirkanmaa"),
    RegionData(
        "Kaakkois-Suomi",
        "Kaakkois-Suomen ELY-keskus",
        name_sv="Sydöstra Finland",
        name_en="Southeast Finland",
        abbreviation="KASELO",
        network_name="Kaakkois-Suomen ELO-verkosto",
        network_name_sv="ELO-nätverket i Sydöstra Finland",
        network_name_en="ELO network of Southeast Finland",
        provinces=("Etelä-Karjala", "Kymenlaakso"),
    ),
    RegionData(
        "Etelä-Savo", "Etelä-Savon ELY-keskus", name_sv="Södra Savolax", name_en="South Savo"
    ),
    RegionData(
        "Pohjois-Savo", "Pohjois-Savon ELY-keskus", name_sv="Norra Savolax", name_en="North Savo"
    ),
    RegionData(
        "Pohjois-Karjala",
        "Pohjois-Karjalan ELY-keskus",
        name_sv="Norra Karelen",
        name_en="North Karelia",
    ),
    RegionData(
        "Keski-Suomi",
        "Keski-Suomen ELY-keskus",
        name_sv="Mellersta Finland",
        name_en="Central Finland",
    ),
    RegionData(
        "Etelä-Pohjanmaa",
        "Etelä-Pohjanmaan ELY-keskus",
        name_sv="Södra Österbotten",
        name_en="South Ostrobothnia",
    ),
    RegionData("Pohjanmaa", "Pohjanmaan ELY-keskus", name_sv="Österbotten", name_en="Ostrobothnia"),
    RegionData(
        "Pohjois-Pohjanmaa",
        "Pohjois-Pohjanmaan ELY-keskus",
        name_sv="Norra Österbotten",
        name_en="North Ostrobothnia",
    ),
    RegionData("Kainuu", "Kainuun ELY-keskus", name_sv="Kajanaland", name_en="Kainuu"),
    RegionData("Lappi", "Lapin ELY-keskus", name_sv="Lappland", name_en="Lapland"),
)


def write_row(
    model: type[models.Model],
    lookup: Mapping[str, Any],
    values: Mapping[str, Any],
    on_create: Mapping[str, Any] | None = None,
) -> tuple[Any, str]:
    """Make the row with the natural key ``lookup`` hold ``values``; return it and what was
    done ("created", "updated" or "unchanged").

    A missing row is created (with ``on_create`` too, values a later run must not take back);
    an existing one is saved only when a value differs (a foreign key compared by id), so a
    second run writes nothing and ``auto_now`` stamps keep meaning "last edited". Works with
    historical models: it uses the default manager and fields only.
    """
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        return model._default_manager.create(**lookup, **values, **(on_create or {})), "created"
    changed = [name for name, value in values.items() if _differs(obj, name, value)]
    if not changed:
        return obj, "unchanged"
    for name in changed:
        setattr(obj, name, values[name])
    stamps = [f.name for f in model._meta.concrete_fields if getattr(f, "auto_now", False)]
    obj.save(update_fields=changed + stamps)
    return obj, "updated"


def upsert(model: type[models.Model], lookup: Mapping[str, Any], values: Mapping[str, Any]) -> Any:
    """Return the row with the natural key ``lookup``, holding ``values`` (see ``write_row``)."""
    return write_row(model, lookup, values)[0]


def _differs(obj: models.Model, name: str, value: Any) -> bool:
    field = obj._meta.get_field(name)
    if isinstance(field, models.ForeignKey):
        return getattr(obj, field.attname) != (value.pk if value is not None else None)
    return bool(getattr(obj, name) != value)


def translation_values(model: type[models.Model], **columns: str) -> dict[str, str]:
    """The Swedish and English ``columns`` that ``model`` has.

    A migration written before the translation columns existed (``0003_reference_regions``
    and its kind in the other apps) passes a historical model without them; the writer then
    leaves the translations to the later migration that fills them.
    """
    names = {field.name for field in model._meta.concrete_fields}
    return {column: value for column, value in columns.items() if column in names}


def fill_translations(
    rows: models.QuerySet[Any], source: str, text: str, translations: Mapping[str, str]
) -> int:
    """Write ``translations`` (``{"name_sv": ..., "name_en": ...}``) into ``rows`` whose
    Finnish ``source`` still reads ``text``; return how many columns were written.

    For the data migrations that translate reference data already in a database: a column
    somebody filled is left as written, and a row whose Finnish text was changed since is
    left untranslated (falling back to its Finnish text) rather than given the translation
    of a text it no longer holds. ``QuerySet.update`` works on historical models too.
    """
    written = 0
    for column, value in translations.items():
        written += rows.filter(**{source: text, column: ""}).update(**{column: value})
    return written


def write_regions(
    region_model: type[models.Model], province_model: type[models.Model]
) -> dict[str, Any]:
    """Write the 15 regions and their provinces; return the regions by name.

    A region is found by its slug; a value the data leaves out (``None``) is left as an
    admin set it. Provinces are found by region and slug.
    """
    regions = {}
    for position, data in enumerate(REGIONS, start=1):
        values: dict[str, Any] = {
            "name": data.name,
            **translation_values(region_model, name_sv=data.name_sv, name_en=data.name_en),
            "ely_centre": data.ely_centre,
            **translation_values(region_model, **data.ely_centre_translations),
            "position": position,
        }
        if data.abbreviation is not None:
            values["abbreviation"] = data.abbreviation
        if data.network_name is not None:
            values["network_name"] = data.network_name
            values.update(translation_values(region_model, **data.network_name_translations))
        region = upsert(region_model, {"slug": slugify(data.name)}, values)
        for name in data.provinces:
            upsert(province_model, {"region": region, "slug": slugify(name)}, {"name": name})
        regions[data.name] = region
    return regions


def fill_region_names(region_model: type[models.Model]) -> int:
    """Give the regions already written their Swedish and English names (see
    ``fill_translations``); return how many names were written."""
    return sum(
        fill_translations(
            region_model._default_manager.filter(slug=slugify(data.name)),
            "name",
            data.name,
            {"name_sv": data.name_sv, "name_en": data.name_en},
        )
        for data in REGIONS
    )


def fill_centre_and_network_names(region_model: type[models.Model]) -> int:
    """Give the regions already written their ELY centre's and network's Swedish and English
    names (see ``fill_translations``); return how many names were written."""
    written = 0
    for data in REGIONS:
        rows = region_model._default_manager.filter(slug=slugify(data.name))
        written += fill_translations(
            rows, "ely_centre", data.ely_centre, data.ely_centre_translations
        )
        if data.network_name is not None:
            written += fill_translations(
                rows, "network_name", data.network_name, data.network_name_translations
            )
    return written
