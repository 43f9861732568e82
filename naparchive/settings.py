"""
Settings for NAP Archive.

Everything that differs between a laptop and production comes from the environment:
SECRET_KEY, DEBUG, ALLOWED_HOSTS, DATABASE_URL. The defaults are safe only for local
development: with DEBUG off, the site refuses to start without a real SECRET_KEY.
"""
import datetime
import os
from pathlib import Path

from corsheaders.defaults import default_headers as corsheaders_default_headers
import dj_database_url
from csp.constants import NONCE
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)

# Bandit: a known key on purpose, for laptops only; it is refused just below whenever DEBUG is off.
_DEVELOPMENT_SECRET_KEY = "django-insecure-local-development-only"  # nosec B105
SECRET_KEY = os.environ.get("SECRET_KEY", _DEVELOPMENT_SECRET_KEY)
if not DEBUG and SECRET_KEY == _DEVELOPMENT_SECRET_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY in the environment when DEBUG is off.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Before staticfiles, so runserver serves static files the way production does.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_filters",
    # The API's editor tokens, OpenAPI schema, self-hosted Swagger UI/ReDoc, and CORS headers.
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    # Admin brute-force lockout (django-axes: failures counted per username and address).
    "axes",
    # Production operations: backup/restore, synthetic archive, cache invalidation on every write.
    "archive_ops",
    "sources",
    "operations",
    "meetings",
    # Proposals read from imported reports, for editors to accept, edit or reject.
    "curation",
    # Figures quoted by sources, banned and other organisations.
    "figures",
    "organisations",
    # Words search treats as one (madrasa / madaris, KP / Khyber Pakhtunkhwa), kept by editors.
    "synonyms",
    # Editorial workflow: corrections, discrepancies, the publish permission; history of every change.
    "simple_history",
    "editorial",
    # The curated seed files and their loaders (`load_curated_*`).
    "seeding",
]

MIDDLEWARE = [
    # One JSON log line per request, outermost so it times and sees everything, static files included.
    "naparchive.request_logging.RequestLogMiddleware",
    # Security headers sit outside WhiteNoise: it answers static files itself, and those need them too.
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "naparchive.security.PermissionsPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything that may answer (CommonMiddleware, the outage page), so API answers carry CORS headers.
    "corsheaders.middleware.CorsMiddleware",
    # Anonymous GETs answered from the cache until the archive next changes (foundations/caching.py):
    # before sessions, authentication and the outage page, which an answer from the cache needs none of.
    "foundations.caching.ResponseCacheMiddleware",
    # Turns "database unreachable" into a friendly 503 instead of a traceback.
    "naparchive.database_outage.DatabaseOutageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The interface language of the address (/ur/... Urdu, else English), activated for the whole request; a reader
    # who chose Urdu is sent from an unprefixed page to its /ur/ twin (not the browser's Accept-Language).
    # Before CommonMiddleware, so /ur/meetings gets its slash in Urdu.
    "naparchive.languages.InterfaceLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Records which editor made each change in the revision history, whichever code path saves.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last: it refuses requests from a locked-out username and address.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "naparchive.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "naparchive.languages.interface_languages",
            ],
        },
    },
]

WSGI_APPLICATION = "naparchive.wsgi.application"

# SQLite needs no server, so a fresh clone runs at once; DATABASE_URL switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Axes first, so a locked-out username and address never reach the password check.
AUTHENTICATION_BACKENDS = [
    "naparchive.security.LoginLockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
# The interface's languages (the facts keep the language they were curated in). English is the default, at
# the archive's unprefixed addresses; Urdu pages live under /ur/ (naparchive/urls.py), and a reader who
# chooses Urdu keeps it (a cookie, naparchive/languages.py). Catalogues: locale/, compiled by `make install`
# (README, "The interface in Urdu").
LANGUAGES = [("en-gb", "English"), ("ur", "اردو")]
# The translations (locale/), then the English catalogue `make install` builds from them (English
# translated as itself, so English lookups are found instead of missed: foundations/english_catalogue.py).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "build" / "locale"]
# Django has no date formats for Urdu: ours (naparchive/formats/ur/formats.py), Latin digits as Pakistani Urdu
# news sites print them (README).
FORMAT_MODULE_PATH = ["naparchive.formats"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Asia/Karachi"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# Where collectstatic puts the hashed, compressed files WhiteNoise serves in production.
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# The public API (restapi/, the shared machinery; each app's api.py): anonymous clients read public
# records; editors send a token (no session cookies, so no other site can write with a visitor's login)
# and write through the owning app's services and the editorial rules.
# Revision history: correction notes become the change reason, and they can be longer than 100 characters.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# The API's ?search= gives names every recorded spelling as the site search does (restapi imports no app).
ARCHIVE_SEARCH_EXPANSION = "naparchive.search_names.expand"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["restapi.authentication.StrictTokenAuthentication"],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "restapi.parsing.JSONOnlyNegotiation",
    "DEFAULT_PARSER_CLASSES": ["restapi.parsing.StrictJSONParser"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "restapi.filter_backends.ArchiveSearchFilter",
        "restapi.filter_backends.ValidatedOrderingFilter",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["restapi.permissions.ArchivePermissions"],
    "DEFAULT_PAGINATION_CLASS": "restapi.pagination.ArchivePagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "restapi.schema.ArchiveAutoSchema",
    "EXCEPTION_HANDLER": "restapi.errors.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": ["restapi.throttling.ArchiveAnonThrottle", "restapi.throttling.ArchiveUserThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("API_ANON_RATE", "120/min"),
        "user": os.environ.get("API_USER_RATE", "1200/min"),
    },
}
# Seconds shared caches and browsers may keep an anonymous API response (the archive changes rarely;
# ETag and Last-Modified make revalidation cheap after that).
API_CACHE_MAX_AGE = int(os.environ.get("API_CACHE_MAX_AGE", "300"))

SPECTACULAR_SETTINGS = {
    "TITLE": "NAP Archive API",
    "DESCRIPTION": (
        "Public API of the NAP Archive: meetings of the apex committees on Pakistan's National Action Plan, "
        "their attendees and decisions, operations, people, offices, bodies, and the sources and exact "
        "quotes every fact is cited from. Anonymous clients read published records; editors send "
        "`Authorization: Token <key>` to see drafts and to create and update records.\n\n"
        "**Quick start.** Every meeting about Azm-e-Istehkam (any spelling), with its decisions and the "
        "quotes that support them: `GET /api/v1/meetings/?operation=azm-e-istehkam&include=decisions,citations`. "
        "All 2024 meetings: `?year=2024`. Follow `next` until it is null.\n\n"
        "**Rules.** Pages of 50, `page_size` up to 200; a bigger page size or a page past the last is a 400. "
        "Unknown, repeated or empty parameters, NUL bytes, malformed dates and unknown filter, `include` or "
        "`ordering` values are a 400 whose `errors` name the parameter. Anonymous clients are throttled "
        "(429 with `Retry-After`). Responses carry `ETag` and `Last-Modified`: send `If-None-Match` or "
        "`If-Modified-Since` to get a 304. `/export/csv/` and `/export/json/` stream a whole resource "
        "(with the list's filters); `/api/v1/popolo/` streams people, bodies, attendances and meetings as "
        "Popolo JSON; `/api/v1/withdrawn/?since=` lists records that left public view; `/api/v1/changes/?after=` lists every public "
        "change in commit order, for mirrors.\n\n"
        "**Licence.** The archive's own data (its records, summaries and structure) is under CC BY 4.0: cite "
        "\"NAP Archive\" with the record's address. Quoted passages remain their publishers': cite the source "
        "(outlet, title, date, `article_url`) as well."
    ),
    "VERSION": "1.0.0",
    "LICENSE": {
        "name": "CC BY 4.0: the archive's own data (quoted passages remain their publishers')",
        "url": "https://creativecommons.org/licenses/by/4.0/",
    },
    "CONTACT": {"name": "NAP Archive editors"},
    "SERVERS": [{"url": "/", "description": "This server"}],
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    # Swagger UI and ReDoc from our own static files (drf-spectacular-sidecar), never from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "BodyKindEnum": "meetings.models.Body.Kind",
        "SourceKindEnum": "sources.models.SourceDocument.Kind",
        "OperationKindEnum": "operations.models.Operation.Kind",
        "OperationAliasKindEnum": "operations.models.OperationAlias.Kind",
        "RegionKindEnum": "operations.models.Region.Kind",
        "PublicationStatusEnum": "foundations.publication.PublicationStatus",
        # Figures and organisations are outside the editorial workflow: draft or published only.
        "BasicPublicationStatusEnum": "foundations.publication.BASIC_STATUS_CHOICES",
        "OrganisationKindEnum": "organisations.models.Organisation.Kind",
        "DatePrecisionEnum": "meetings.models.DatePrecision",
        "FigureUnitEnum": "figures.models.Unit",
        "FigureQualifierEnum": "figures.models.Qualifier",
        "ChangeActionEnum": "editorial.models.Change.Action",
        "DecisionActionEnum": "meetings.models.Decision.Action",
    },
}

# The changes feed's model (editorial.services writes it): foundations.changes reads its latest position.
ARCHIVE_CHANGE_LOG_MODEL = "editorial.Change"
# Slug history (editorial.services.record_save writes it): old slugs redirect and still filter.
ARCHIVE_FORMER_SLUG_MODEL = "editorial.FormerSlug"

# CORS: any site may read the API; writes need a token, which a browser never sends on its own.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
# Browsers may revalidate (conditional request headers) and scripts may read the validators, pages and limits.
CORS_ALLOW_HEADERS = (*corsheaders_default_headers, "if-none-match", "if-modified-since")
CORS_EXPOSE_HEADERS = [
    "ETag", "Last-Modified", "Retry-After", "Content-Disposition", "Link",
    "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset",
    "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset",
]

# Structured logging: one JSON object per line on stdout (a request line per request, plus a line with
# the traceback per error), which any log collector ingests without parsing rules.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "naparchive.request_logging.JsonLineFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's own console handler would print errors a second time, unstructured.
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        # RequestLogMiddleware already logs each request; runserver's own line would repeat it.
        "django.server": {"handlers": [], "level": "WARNING", "propagate": False},
        # Axes announces itself at every start; its lockout warnings still come through.
        "axes": {"level": "WARNING"},
    },
}

# --- Cache --------------------------------------------------------------------------------
# Redis when REDIS_URL is set: one cache shared by every worker and app server, so the API throttles
# count a client's requests wherever they land and an invalidation reaches every process. Without it,
# each process has its own local-memory cache (fine for one laptop process).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "foundations.redis_cache.SharedClientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "naparchive",
            "TIMEOUT": 60 * 60,
            # A stalled Redis must not stall every request for long.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "naparchive",
            "TIMEOUT": 60 * 60,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

# The parts of every page that depend only on the interface language (the footer, the head's links:
# `{% cache %}` in base.html), kept in each process: they change only with a deployment.
CACHES["template_fragments"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "fragments"}

# Whole answers for anonymous readers, invalidated by any write to the archive (foundations/caching.py).
# On by default only with Redis: the invalidation must reach every worker and app server.
# With one cache shared by every process, the archive's cache version (foundations/caching.py) is the
# same everywhere, so whatever is derived from the archive can be cached under it and never be stale.
ARCHIVE_CACHE_SHARED = bool(REDIS_URL)
RESPONSE_CACHE_ENABLED = env_bool("RESPONSE_CACHE", ARCHIVE_CACHE_SHARED)
RESPONSE_CACHE_SECONDS = int(os.environ.get("RESPONSE_CACHE_SECONDS", "600"))
RESPONSE_CACHE_EXCLUDED_PREFIXES = ["/admin/", "/healthz", "/readyz", "/static/"]

# --- Security -----------------------------------------------------------------------------
# Headers on every response (SecurityMiddleware, CSPMiddleware, PermissionsPolicyMiddleware).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# No inline script or style anywhere: a page that truly needs one uses {{ request.csp_nonce }}.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'", NONCE],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    },
}
# Features the archive never uses, switched off for every page and anything embedded in one.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media", "fullscreen",
        "geolocation", "gyroscope", "magnetometer", "microphone", "midi", "payment", "usb",
        "xr-spatial-tracking",
    )
}

# Cookies: HttpOnly and SameSite everywhere; Secure and __Host- names in production (below), since
# browsers refuse a __Host- cookie that is not Secure, which a plain-http laptop cannot send.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Strict"
# Editors' sessions end after an idle hour and when the browser closes.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", 60 * 60))
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Admin brute-force lockout: the sixth failure for one username from one address locks that pair out.
AXES_FAILURE_LIMIT = 6
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "30")))
AXES_RESET_ON_SUCCESS = True
# Behind a reverse proxy, the client address is read from X-Forwarded-For (see foundations/client_ip.py).
AXES_CLIENT_IP_CALLABLE = "foundations.client_ip.client_ip"
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Request size limits: bodies beyond these are refused with 400 / 413 before a view reads them.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# Largest file an editor may upload (an article as plain text is a few tens of kilobytes).
MAX_UPLOAD_FILE_SIZE = int(os.environ.get("MAX_UPLOAD_FILE_SIZE", 5 * 1024 * 1024))
FILE_UPLOAD_HANDLERS = [
    "naparchive.uploads.UploadSizeLimitHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
