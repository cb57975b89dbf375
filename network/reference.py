"""Reference data every deployment has: the 15 ELY regions and KASELO's two provinces.

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
    # None: the seeds do not give it, so the writer leaves whatever the row holds.
    abbreviation: str | None = None
    network_name: str | None = None
    provinces: tuple[str, ...] = ()


# The 15 ELY centres' areas in their official order (DOMAIN.md); position follows this order.
REGIONS: tuple[RegionData, ...] = (
    RegionData("Uusimaa", "Uudenmaan ELY-keskus"),
    RegionData("Varsinais-Suomi", "Varsinais-Suomen ELY-keskus"),
    RegionData("Satakunta", "Satakunnan ELY-keskus"),
    RegionData("Häme", "Hämeen ELY-keskus"),
    RegionData("Pirkanmaa", "Pirkanmaan ELY-keskus"),
    RegionData(
        "Kaakkois-Suomi",
        "Kaakkois-Suomen ELY-keskus",
        abbreviation="KASELO",
        network_name="Kaakkois-Suomen ELO-verkosto",
        provinces=("Etelä-Karjala", "Kymenlaakso"),
    ),
    RegionData("Etelä-Savo", "Etelä-Savon ELY-keskus"),
    RegionData("Pohjois-Savo", "Pohjois-Savon ELY-keskus"),
    RegionData("Pohjois-Karjala", "Pohjois-Karjalan ELY-keskus"),
    RegionData("Keski-Suomi", "Keski-Suomen ELY-keskus"),
    RegionData("Etelä-Pohjanmaa", "Etelä-Pohjanmaan ELY-keskus"),
    RegionData("Pohjanmaa", "Pohjanmaan ELY-keskus"),
    RegionData("Pohjois-Pohjanmaa", "Pohjois-Pohjanmaan ELY-keskus"),
    RegionData("Kainuu", "Kainuun ELY-keskus"),
    RegionData("Lappi", "Lapin ELY-keskus"),
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
            "ely_centre": data.ely_centre,
            "position": position,
        }
        if data.abbreviation is not None:
            values["abbreviation"] = data.abbreviation
        if data.network_name is not None:
            values["network_name"] = data.network_name
        region = upsert(region_model, {"slug": slugify(data.name)}, values)
        for name in data.provinces:
            upsert(province_model, {"region": region, "slug": slugify(name)}, {"name": name})
        regions[data.name] = region
    return regions
