"""Sessions kept in PostgreSQL and read from the cache: Django's ``cached_db``, made safe
for a cache that fails.

The database is the record; the cache holds a copy to spare a signed-in page its session
query. With Redis stopped, hung or full, the default cache (``kaselo.cache``) answers as
an empty one, so a session is read from the database and nobody is signed out or loses a
form. What an outage can leave behind is an outdated copy: a write or a sign-out that
could not reach Redis while it hung finds the old copy there when it resumes. So a copy
the cache refused is deleted at once when it can be (Redis full still deletes), and every
copy lives ``CACHED_COPY_SECONDS`` at the most: an outdated one is read for minutes, not
for the session's twelve hours.
"""

from __future__ import annotations

from typing import Any

from django.contrib.sessions.backends.cached_db import SessionStore as CachedDBStore
from django.contrib.sessions.backends.db import SessionStore as DBStore

#: The longest a session's copy stays in the cache; then it is read from the database
#: again (one query per person and five minutes unused).
CACHED_COPY_SECONDS = 300


class SessionStore(CachedDBStore):
    # Set by Django's stores; django-stubs leave them out.
    _cache: Any
    _session: dict[str, Any]

    def _copy_seconds(self, **kwargs: Any) -> int:
        """The cached copy's lifetime; the database row and the cookie keep the session's."""
        return min(self.get_expiry_age(**kwargs), CACHED_COPY_SECONDS)

    def load(self) -> dict[str, Any]:
        data = self._cache.get(self.cache_key)
        if data is None:
            row = self._get_session_from_db()  # type: ignore[attr-defined]
            if row is None:
                return {}
            data = self.decode(row.session_data)
            self._cache.set(self.cache_key, data, self._copy_seconds(expiry=row.expire_date))
        return data  # type: ignore[no-any-return]

    def save(self, must_create: bool = False) -> None:
        DBStore.save(self, must_create)
        stored = self._cache.set(self.cache_key, self._session, self._copy_seconds())
        if stored is False:
            # The cache kept the previous copy, if any: it must not be read instead of this.
            self._cache.delete(self.cache_key)
