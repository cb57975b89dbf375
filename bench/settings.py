"""Settings of the benchmark only: the portal's settings plus two yardstick views.

The production stack as far as speed goes: DEBUG off, WhiteNoise serving hashed static
files from a collectstatic run into ``BENCH_STATIC_ROOT`` (a temporary folder the runner
makes), PostgreSQL and the Redis cache from the environment. Never deployed: the secret
key is fixed and public, and two-factor sign-in is not required, so the benchmark can
sign personas in with a session cookie.
"""

import os
from pathlib import Path

from kaselo.settings import *  # noqa: F403
from kaselo.settings import INSTALLED_APPS

DEBUG = False
SECRET_KEY = "benchmark-only-key-never-used-in-production-0123456789abcdef"  # noqa: S105
# localhost for gunicorn; testserver for the test client that counts each page's queries.
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
MFA_REQUIRED_FOR_PRIVILEGED = False
ROOT_URLCONF = "bench.urls"
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]

STATIC_ROOT = Path(os.environ.get("BENCH_STATIC_ROOT", "/tmp/kaselo-bench-static"))  # noqa: S108
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Requests are not logged one by one; warnings and errors still reach the console.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
