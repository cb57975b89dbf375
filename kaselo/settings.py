"""Settings of the ELO network portal, read from the environment.

With no environment at all the portal runs for development: DEBUG on, an embedded
SQLite file under ``var/`` and Celery tasks run in-process. Production sets
DATABASE_URL (PostgreSQL), REDIS_URL (Celery broker and cache), SECRET_KEY,
ALLOWED_HOSTS and DEBUG=false; see docker-compose.yml.
"""

import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from kaselo.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", default=True)

if DEBUG:
    SECRET_KEY = env_str("SECRET_KEY", "insecure-development-key-never-used-in-production")
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"])
else:
    SECRET_KEY = env_str("SECRET_KEY")
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "whitenoise.runserver_nostatic",
    # The admin site signs in through allauth (kaselo/admin_site.py).
    "kaselo.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",  # Django's widget templates, for the portal's form renderer
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "django_htmx",
    "csp",
    "django_filters",
    "import_export",
    "lib",
    "accounts",
    "network",
    "notices",
    "portal",
    "strategy",
    "actions",
    "events",
    "coordination",
    "reporting",
    "demo",
]

MIDDLEWARE = [
    # Region scoping on, no region, for everything below: views enter theirs (lib/scoping.py).
    "lib.scoping.ScopeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # An old /sv/ or /en/ address with Finnish segments: redirected to the translated one.
    "kaselo.middleware.TranslatedAddressMiddleware",
    # A NUL in the address answers 400 in the person's language, before any view queries.
    "kaselo.middleware.ImpossibleInputMiddleware",
    # Before anything reads the body (the CSRF check reads request.POST).
    "kaselo.middleware.RequestSizeLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.PrivateResponseMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.SessionTimeoutMiddleware",
    "accounts.middleware.RequireMFAMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "kaselo.urls"
WSGI_APPLICATION = "kaselo.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]
# Every form and field renders through templates/includes/form.html and field.html.
FORM_RENDERER = "lib.forms.PortalFormRenderer"

# --- Database: embedded SQLite unless DATABASE_URL names a server -------------------------
if "DATABASE_URL" not in os.environ:
    VAR_DIR.mkdir(parents=True, exist_ok=True)  # the embedded SQLite file lives here
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# --- Redis: Celery broker and cache; without it tasks run in-process ---------------------
REDIS_URL = env_str("REDIS_URL", "")
# The heavy part of a page, rendered once and kept in the default cache until its data
# changes (portal/page_cache.py): its keys carry content versions, so this only bounds
# how long a fragment outdated by a write occupies Redis (shared with Celery's queue, so
# no eviction policy may be set there): an hour's renders at the most.
FRAGMENT_TIMEOUT = env_int("FRAGMENT_TIMEOUT", 3600)
FRAGMENTS_ENABLED = env_bool("FRAGMENTS_ENABLED", True)
# Names the release in the fragments' keys; unset, a digest of the code files is used
# (servers built from one image agree; set it when servers are built apart).
FRAGMENT_CODE_VERSION = env_str("FRAGMENT_CODE_VERSION", "")
# Rendered fragments per process: the page chrome shared by everyone (the main navigation,
# the language choices), and copies of the pages' cached fragments kept in Redis (see
# portal/page_cache.py). A lookup here costs microseconds; the keys name everything the
# HTML shows, so nothing goes stale. At most 300 entries, some 20 MB a worker at the most.
FRAGMENT_CACHE = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "kaselo-fragments",
    "TIMEOUT": 3600,
    "OPTIONS": {"MAX_ENTRIES": 300},
}
# How long a cache call may wait for Redis (milliseconds) before going without it.
REDIS_CACHE_TIMEOUT_MS = env_int("REDIS_CACHE_TIMEOUT_MS", 500)
REDIS_CACHE_OPTIONS = {
    # A hung Redis must cost a request a moment, not the kernel's minutes.
    "socket_connect_timeout": REDIS_CACHE_TIMEOUT_MS / 1000,
    "socket_timeout": REDIS_CACHE_TIMEOUT_MS / 1000,
    # Once found unreachable, Redis is left alone this long (seconds).
    "RETRY_AFTER": env_int("REDIS_CACHE_RETRY_AFTER", 5),
}
if REDIS_URL:
    # The queue may live in a Redis of its own, kept on disk (docker-compose.yml's
    # "broker"): a restart of the cache's Redis then loses no queued job or mail.
    CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", REDIS_URL)
    CELERY_RESULT_BACKEND = CELERY_BROKER_URL
    CELERY_TASK_ALWAYS_EAGER = False
    CACHES = {
        "default": {
            # Answers as an empty cache while Redis is stopped, hung or full (kaselo/cache.py).
            "BACKEND": "kaselo.cache.ReusingRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": REDIS_CACHE_OPTIONS,
        },
        "fragments": FRAGMENT_CACHE,
    }
else:
    CELERY_BROKER_URL = "memory://"
    CELERY_RESULT_BACKEND = "cache+memory://"
    CELERY_TASK_ALWAYS_EAGER = True
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "fragments": FRAGMENT_CACHE,
    }
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = "Europe/Helsinki"
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 300)
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 240)
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A request that queues a task (a PDF, a mail) must not hang on a broker that is down or
# stuck: short socket timeouts and a short, bounded publish retry, a few seconds in all.
# The caller then marks its job failed or its mail unsent and tells the person.
BROKER_TIMEOUT = env_int("BROKER_TIMEOUT", 2)
CELERY_BROKER_CONNECTION_TIMEOUT = BROKER_TIMEOUT
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": BROKER_TIMEOUT,
    "socket_timeout": BROKER_TIMEOUT,
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = BROKER_TIMEOUT
CELERY_REDIS_SOCKET_TIMEOUT = BROKER_TIMEOUT
# The result store (Redis) retries briefly too: Celery raises RuntimeError when it is away.
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {
    "retry_policy": {"max_retries": 2, "interval_start": 0, "interval_step": 0.5, "interval_max": 1}
}
# Mails go through Celery (accounts/tasks.py, portal/tasks.py), retried with a doubling
# wait from MAIL_RETRY_DELAY seconds on SMTP errors, at most MAIL_MAX_RETRIES times.
MAIL_RETRY_DELAY = env_int("MAIL_RETRY_DELAY", 30)
MAIL_MAX_RETRIES = env_int("MAIL_MAX_RETRIES", 6)
# A notice still pending this many seconds after it was made had its task lost: beat sends it.
NOTICE_PENDING_AFTER = env_int("NOTICE_PENDING_AFTER", 300)
# A PDF that took longer than this many seconds is announced by a notice when ready.
PDF_NOTICE_AFTER = env_int("PDF_NOTICE_AFTER", 5)
# Celery beat: delete expired PDF summaries at night (official report PDFs are never deleted).
CELERY_BEAT_SCHEDULE = {
    "delete-expired-pdfs": {
        "task": "reporting.tasks.delete_expired_pdfs",
        "schedule": crontab(hour=3, minute=15),
    },
    # Notices whose task could not be queued (the broker away) are sent from their rows.
    "send-pending-notices": {
        "task": "notices.tasks.send_pending_notices",
        "schedule": crontab(minute="*/5"),
    },
    "send-unsent-mail": {
        "task": "lib.tasks.send_unsent_mail",
        "schedule": crontab(minute="*/5"),
    },
    "delete-old-submission-tokens": {
        "task": "lib.tasks.delete_old_submission_tokens",
        "schedule": crontab(hour=3, minute=45),
    },
    # The reporting year's reminders: each step once, a missed day caught up the next.
    "send-reminders": {
        "task": "reporting.tasks.send_reminders",
        "schedule": crontab(hour=7, minute=30),
    },
}

# --- PDFs ----------------------------------------------------------------------------------
PDF_RETENTION_DAYS = env_int("PDF_RETENTION_DAYS", 30)
PDF_TASK_SOFT_TIME_LIMIT = env_int("PDF_TASK_SOFT_TIME_LIMIT", 150)
PDF_TASK_TIME_LIMIT = env_int("PDF_TASK_TIME_LIMIT", 180)
# A job still queued after this many seconds had its worker die: it is marked failed.
PDF_QUEUE_TIMEOUT = env_int("PDF_QUEUE_TIMEOUT", 3600)
# A job queued this long had its message lost (a broker restart): it is sent again.
PDF_REQUEUE_AFTER = env_int("PDF_REQUEUE_AFTER", 180)
# A running build touches its job this often; silent for PDF_HEARTBEAT_TIMEOUT, it is dead.
PDF_HEARTBEAT_SECONDS = env_int("PDF_HEARTBEAT_SECONDS", 10)
PDF_HEARTBEAT_TIMEOUT = env_int("PDF_HEARTBEAT_TIMEOUT", 60)
# Queued this long, the status page says the background service may not be running.
PDF_NO_WORKER_HINT_SECONDS = env_int("PDF_NO_WORKER_HINT_SECONDS", 20)

# --- Accounts and passwords ---------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "dashboard"
ACCOUNT_ADAPTER = "accounts.adapter.InvitationOnlyAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"  # the invitation link already proved the address
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
# Brute-force protection: after 5 failed sign-ins for one address in 5 minutes (or 10 from
# one IP in a minute) the sign-in form refuses further tries until the window has passed.
ACCOUNT_RATE_LIMITS = {
    "login_failed": env_str("LOGIN_FAILED_RATE_LIMIT", "10/m/ip,5/5m/key"),
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "ELO-portaali"
# When true, coordinators, the national team and site staff must have passed TOTP in the
# session before using the portal (accounts/middleware.py).
MFA_REQUIRED_FOR_PRIVILEGED = env_bool("MFA_REQUIRED_FOR_PRIVILEGED", default=not DEBUG)
INVITATION_VALID_DAYS = env_int("INVITATION_VALID_DAYS", 14)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # ASVS level 2 asks for at least 12 characters.
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Language and time: Finnish first, Swedish and English follow -------------------------
LANGUAGE_CODE = "fi"
LANGUAGES = [
    ("fi", _("Finnish")),
    ("sv", _("Swedish")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Finnish dates as the network writes them (26.5.2021); the rest from Django's locales.
FORMAT_MODULE_PATH = ["kaselo.formats"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True

# --- Static and uploaded files -----------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("STATIC_MANIFEST", default=not DEBUG)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# --- E-mail --------------------------------------------------------------------------------
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "ELO-portaali <noreply@elo-portaali.invalid>")
# A mail server that accepts the connection and then stalls holds a worker this long at most.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)

# Sessions are read from the cache (Redis in production) and kept in the database too: a
# signed-in page reads its session without a query, and a flushed cache signs nobody out.
# Without Redis they are read from the database (lib/sessions.py).
SESSION_ENGINE = "lib.sessions"
# A session ends after this long unused (seconds): 2 h for coordinators, the national team
# and staff, 8 h for others; and, whatever its use, 12 h after signing in.
SESSION_IDLE_TIMEOUT_PRIVILEGED = env_int("SESSION_IDLE_TIMEOUT_PRIVILEGED", 2 * 3600)
SESSION_IDLE_TIMEOUT = env_int("SESSION_IDLE_TIMEOUT", 8 * 3600)
SESSION_ABSOLUTE_LIFETIME = env_int("SESSION_ABSOLUTE_LIFETIME", 12 * 3600)
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_LIFETIME

# --- Request size: the largest upload (20 MB) and its form fit; the proxy agrees ---------
MAX_REQUEST_BODY_SIZE = env_int("MAX_REQUEST_BODY_SIZE", 25 * 1024 * 1024)
# Form fields other than files, and files kept in memory before spilling to disk.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FILES = 20

# --- Security: strict once DEBUG is off ----------------------------------------------------
# A refused form answers in the site's layout, without the database (kaselo/error_views.py).
CSRF_FAILURE_VIEW = "kaselo.error_views.csrf_failure"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Behind the TLS proxy of docker-compose (Caddy), which sets X-Forwarded-Proto and
# X-Forwarded-For itself: only then may Django trust them. Set TRUSTED_PROXY_COUNT to the
# number of proxies in front of gunicorn (1 with docker-compose), never when clients can
# reach gunicorn directly.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
if TRUSTED_PROXY_COUNT:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The templates have no inline script or style, so the policy allows only the site's own
# files (images also as data: URIs, for the TOTP QR code). htmx is told not to add its
# indicator <style> (base.html), and the PDF status page polls through htmx: connect 'self'.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Browser features the portal never uses are turned off for it and anything it embeds.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "browsing-topics",
    )
}
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# --- Portal --------------------------------------------------------------------------------
# The region whose network the public home page presents when none is named in the URL.
DEFAULT_REGION_SLUG = env_str("DEFAULT_REGION_SLUG", "kaakkois-suomi")
PAGE_SIZE = 50
# The domain in the UIDs of calendar feeds' events: keep it stable, or subscribers see twins.
ICAL_UID_DOMAIN = env_str("ICAL_UID_DOMAIN", "elo-portaali.fi")
# Where the portal answers, for the links of mail sent without a request (beat's reminders).
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "filters": {"one_line_forbidden": {"()": "kaselo.logging.OneLineForbidden"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # WeasyPrint logs every layout step at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # A 403 is one line, without the traceback Django attaches (kaselo/logging.py).
        "django.request": {"filters": ["one_line_forbidden"]},
    },
}
