"""Settings, all read from the environment (see README: "Inställningar").

PRODUCTION=1 switches on the hardened set that `manage.py check --deploy` asks for.
"""

import datetime
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

PRODUCTION = env.bool("PRODUCTION", default=False)
DEBUG = env.bool("DEBUG", default=False)
_DEV_SECRET = "dev-only-not-secret-goteborg-uppdrag-0123456789abcdefghijklmnopqrstuvwxyz"  # noqa: S105 - refused when PRODUCTION=1
SECRET_KEY = env("SECRET_KEY", default=_DEV_SECRET)
if PRODUCTION and SECRET_KEY == _DEV_SECRET:
    raise environ.ImproperlyConfigured("SECRET_KEY must be set when PRODUCTION=1")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "simple_history",
    "axes",
    "csp",
    # Our apps, bottom layer first (see README: "Struktur").
    "core",
    "assignments",
    "motions",
    "budget",
    "reports",
    "api",
    "search",
    "notifications",
    "pagecache",
    "goteborg_uppdrag",
    # Scale data for measurements (manage.py seed_scale); nothing of the product imports it.
    "benchmarks",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions, the page cache and every view: an address with NUL never reaches the database.
    "core.middleware.MalformedAddressMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.middleware.PrivateCacheControlMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # After authentication, messages and the locale: it needs to know who asks, and in what language.
    "pagecache.cache.PublicPageCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "goteborg_uppdrag.urls"
# Paths whose refusals (core.middleware) are answered in JSON: the open data API.
JSON_PATH_PREFIXES = ["/api/"]

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
# Django's form renderer with the commonest widget templates in Python (core/widget_renderer.py):
# the same markup, without a template render per <option>.
FORM_RENDERER = "core.widget_renderer.FastWidgetRenderer"

WSGI_APPLICATION = "goteborg_uppdrag.wsgi.application"

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
# Persistent connections with health checks: a restarted server is reconnected to transparently
# on the next request instead of failing every request of a worker; on SQLite they spare each
# request opening the file and registering Django's SQL functions again.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "goteborg_uppdrag.auth.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Login throttling (django-axes): five failed attempts lock the account name for 15 minutes *from
# that address*, so a stranger cannot lock someone else's account. Locking a whole address at five
# would lock out an office behind the city's proxy; instead an address with many failures across
# names (password spraying) is stopped at a higher limit (goteborg_uppdrag.auth).
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
LOGIN_ADDRESS_FAILURE_LIMIT = env.int("LOGIN_ADDRESS_FAILURE_LIMIT", default=30)
# Behind the city's proxy every request comes from the proxy: the address that counts is the one the
# proxy names in X-Forwarded-For, trusted only when the request came from a proxy listed here.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
AXES_CLIENT_IP_CALLABLE = "goteborg_uppdrag.auth.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
CSRF_FAILURE_VIEW = "goteborg_uppdrag.views.csrf_failure"

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "start"

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", "Svenska"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# The public pages' cache (pagecache/): keyed by a content version that the
# database bumps on every write, so a cache of each process's own (the default) is never stale;
# PAGE_CACHE_URL (e.g. redis://…) shares it between app servers, PAGE_CACHE=0 turns it off.
PAGE_CACHE = env.bool("PAGE_CACHE", default=True)
PAGE_CACHE_VIEWS = [
    "start",
    "assignments:list",
    "assignments:detail",
    "assignments:boards",
    "assignments:board",
    "motions:case_list",
    "motions:case",
    "motions:compare",
    "budget:index",
    "budget:case",
    "budget:board",
    "budget:statement",
    "reports:index",
    "reports:preview",
]


def _fragment_cache() -> dict:
    config = env.cache_url("FRAGMENT_CACHE_URL", default="locmemcache://fragments")
    config["TIMEOUT"] = 3600
    if config["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache":
        config["BACKEND"] = "core.byte_budget_cache.ByteBudgetLocMemCache"
        config["OPTIONS"] = {
            "MAX_BYTES": env.int("FRAGMENT_CACHE_BYTES", default=32 * 1024 * 1024),
            # Only a bound on the per-entry bookkeeping of very many tiny fragments; bytes decide.
            "MAX_ENTRIES": env.int("FRAGMENT_CACHE_ENTRIES", default=10000),
        }
    return config


CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "default"},
    "pages": {
        **env.cache_url("PAGE_CACHE_URL", default="locmemcache://pages"),
        "TIMEOUT": 24 * 3600,
        "OPTIONS": {"MAX_ENTRIES": env.int("PAGE_CACHE_ENTRIES", default=200)},
    },
    # {% fragment_cache %}: parts of logged-in pages keyed by the content version (never stale), one
    # entry per object, language and role. They differ a hundredfold in size (a list's results a few
    # KB, a report preview ~180 KB), so the process-local store is capped in bytes
    # (core/byte_budget_cache.py, least recently used out first): 32 MB keeps a working day's pages
    # and keeps a worker under 200 MB however many previews are asked for (README, "make bench").
    # FRAGMENT_CACHE_URL (e.g. redis://127.0.0.1:6379/2) shares it between servers instead; Redis's
    # own maxmemory (allkeys-lru) is then the budget.
    "fragments": _fragment_cache(),
}

# PDFs (core/pdf_cache.py, core/render_pool.py): unchanged content is served from storage, keyed
# by the page cache's content version; a document renders once however many ask for it, in at
# most PDF_RENDER_SLOTS renders at a time (default: the number of cores), each in a low-priority
# render process of the server process's own, so pages keep answering. Locks and slots in Redis
# when PDF_LOCK_URL (redis://…) is set (several app servers), else in lock files on this machine.
PDF_CONTENT_VERSION = "pagecache.cache.content_version"
PDF_LOCK_URL = env("PDF_LOCK_URL", default="")
PDF_LOCK_DIR = env("PDF_LOCK_DIR", default="") or None
PDF_RENDER_SLOTS = env.int("PDF_RENDER_SLOTS", default=0) or None
PDF_RENDER_TIMEOUT = env.float("PDF_RENDER_TIMEOUT", default=45)
PDF_RENDER_POOL = env("PDF_RENDER_POOL", default="process")  # or "thread"
# Parts of logged-in pages cached by the content version ({% fragment_cache %}, core/templatetags/
# fragments.py) in the "fragments" cache; FRAGMENT_CACHE=0 turns it off.
FRAGMENT_CACHE = env.bool("FRAGMENT_CACHE", default=True)

MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "media")))
MEDIA_URL = "media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

SESSION_ENGINE = "django.contrib.sessions.backends.db"
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
# The domain part of the iCalendar UIDs: fixed, so that a calendar subscribed to under two host
# names (uppdrag.goteborg.se, an internal name) does not show every deadline twice.
CALENDAR_UID_DOMAIN = env("CALENDAR_UID_DOMAIN", default="uppdrag.goteborg.se")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="uppdrag@goteborg.example")

if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
# Content-Security-Policy (django-csp): no inline or third-party scripts anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}
