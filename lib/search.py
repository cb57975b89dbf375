"""Text search over a few text fields, as well as the database allows.

PostgreSQL (production and the test suite) gets full-text search with the "finnish"
configuration, so inflected words match their base form ("työpajat" finds "työpaja");
SQLite, used only for quick local runs, gets a case-insensitive substring match of every word.
"""

from collections.abc import Sequence
from typing import TypeVar

from django.db import connections
from django.db.models import Q, QuerySet

QuerySetT = TypeVar("QuerySetT", bound=QuerySet)

#: The PostgreSQL text search configuration of the portal's (Finnish) content.
SEARCH_CONFIG = "finnish"


def text_search(
    queryset: QuerySetT,
    text: str,
    fields: Sequence[str],
    partial_fields: Sequence[str] = (),
) -> QuerySetT:
    """Return ``queryset`` narrowed to rows whose ``fields`` match the words of ``text``.

    ``partial_fields`` also match a substring of the whole text on PostgreSQL, so a name
    typed in part ("ohjaa") still finds. An empty ``text`` leaves the queryset as it is.
    The choice is made by the vendor of the queryset's database, so the same call works on
    both databases the portal runs on; the search vector is an alias, not a selected column.
    """
    text = text.strip()
    if not text:
        return queryset
    if connections[queryset.db].vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector

        vector = SearchVector(*fields, config=SEARCH_CONFIG)
        query = SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch")
        partial = Q()
        for name in partial_fields:
            partial |= Q(**{f"{name}__icontains": text})
        return queryset.alias(search_vector=vector).filter(Q(search_vector=query) | partial)
    condition = Q()
    for word in text.split():
        any_field = Q()
        for name in fields:
            any_field |= Q(**{f"{name}__icontains": word})
        condition &= any_field
    return queryset.filter(condition)
