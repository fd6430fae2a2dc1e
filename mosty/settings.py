"""Mosty settings: everything configurable comes from environment variables (see README)."""
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from mosty.env import env, envbool, envint, envlist

BASE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(env("MOSTY_VAR_DIR", str(BASE_DIR.parent / "var")))

DEBUG = envbool("DEBUG", False)
SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production-0123456789abcdef"

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "mosty.core",
    "mosty.accounts",
    "mosty.directory",
    "mosty.programmes",
    "mosty.networking",
    "mosty.recruitment",
    "mosty.events",
    "mosty.matching",
    "mosty.knowledge",
    "mosty.agreements",
    "mosty.initiatives",
    "mosty.cooperation",
    "mosty.surveys",
    "mosty.home",  # the personal start page: it gathers from the apps, nothing imports it
    "mosty.api",
    "mosty.privacy",  # RODO: reads the other apps' declarations; nothing imports it
    "mosty.demo",  # the demo content; it imports every app, nothing imports it
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "mosty.core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After messages (they tell why a session ended) and before axes.
    "mosty.accounts.middleware.SessionTimeoutMiddleware",
    "mosty.accounts.middleware.TwoFactorMiddleware",
    "mosty.core.middleware.RefuseNulMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    "mosty.privacy.middleware.CurrentTermsMiddleware",
]

ROOT_URLCONF = "mosty.urls"
WSGI_APPLICATION = "mosty.wsgi.application"

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
                "django.template.context_processors.i18n",
                "mosty.core.context_processors.display_preferences",
                "mosty.matching.context_processors.menu",
            ],
            # {% icon %} and the other design-system tags, in every template (docs/design.md).
            "builtins": ["mosty.core.templatetags.mosty_ui"],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'mosty.sqlite3'}"),
        conn_max_age=envint("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite behind a web server: WAL lets readers go on while one request writes; IMMEDIATE
    # takes the write lock when a transaction begins, so concurrent writers wait (up to the
    # timeout) instead of failing with "database is locked" when a read turns into a write.
    SQLITE_TIMEOUT_SECONDS = envint("SQLITE_TIMEOUT_SECONDS", 20)
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": SQLITE_TIMEOUT_SECONDS,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                        f"PRAGMA busy_timeout={SQLITE_TIMEOUT_SECONDS * 1000};",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    VAR_DIR.mkdir(parents=True, exist_ok=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
# The function mosty.core.api calls to find the account of an API bearer token.
API_TOKEN_USER = "mosty.api.auth.user_for_token"
# Personal API tokens end after this many days, and at once when the password changes.
API_TOKEN_DAYS = envint("API_TOKEN_DAYS", 180)
# The organisations a person keeps as a coordinator of programmes (the directory sits below
# programmes and asks it through this function; see docs/architecture.md).
DIRECTORY_PROGRAMME_ORGANISATIONS = "mosty.programmes.access.programme_organisations"
# Whether a person is invited to or registered for an event: such people know an event of an
# unpublished programme exists (programmes sits below events and asks it through this function).
PROGRAMME_EVENT_PARTICIPANT = "mosty.events.access.is_participant"

LOGIN_REDIRECT_URL = "home:start"
LOGOUT_REDIRECT_URL = "programmes:home"

# Failed logins are throttled per user name and IP address (django-axes).
AXES_FAILURE_LIMIT = envint("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = envint("LOGIN_COOLOFF_MINUTES", 15) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# Proxies in front of the app (nginx: 1): the client's address is read from X-Forwarded-For
# (see mosty.accounts.client_ip), so throttling locks one address, not the proxy's for all.
PROXY_COUNT = envint("PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "mosty.accounts.client_ip.client_ip"
# Password reset e-mails: at most this many per address and per client address in the window.
PASSWORD_RESET_PER_ADDRESS = envint("PASSWORD_RESET_PER_ADDRESS", 3)
PASSWORD_RESET_PER_IP = envint("PASSWORD_RESET_PER_IP", 20)
PASSWORD_RESET_WINDOW_MINUTES = 60
# API calls per account (token or session) and per client address without one, counted in
# the cache (mosty.api.throttling); "" means no limit.
API_RATE_USER = env("API_RATE_USER", "600/min")
API_RATE_ANON = env("API_RATE_ANON", "60/min")

LANGUAGE_CODE = "pl"
LANGUAGES = [("pl", _("Polish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Warsaw"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = envbool("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Mosty <mosty@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work (e-mails, reminders, big jobs) goes through a queue in the database, run by
# `mosty db_worker`; TASKS_IMMEDIATE=1 runs tasks inline instead (tests, tiny installations).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
                     if envbool("TASKS_IMMEDIATE", False)
                     else "django_tasks_db.DatabaseBackend"}}

# Optional Redis for cache and sessions, so several app servers share them.
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                          "LOCATION": REDIS_URL}}
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    # Per-process cache: fine for one server; nothing correctness-critical relies on it.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Data protection (RODO): who is the controller, whom to ask, how long unused accounts live.
PRIVACY_CONTROLLER = env("PRIVACY_CONTROLLER", "the operator of this Mosty instance")
PRIVACY_CONTROLLER_ADDRESS = env("PRIVACY_CONTROLLER_ADDRESS", "")
PRIVACY_CONTACT_EMAIL = env("PRIVACY_CONTACT_EMAIL", "")
PRIVACY_DPO_EMAIL = env("PRIVACY_DPO_EMAIL", "")
# Signed-in people who have not accepted the current terms are asked to (privacy.middleware).
PRIVACY_ASK_FOR_TERMS = envbool("PRIVACY_ASK_FOR_TERMS", True)
PRIVACY_EXPORT_DAYS = envint("PRIVACY_EXPORT_DAYS", 7)
PRIVACY_UNCONFIRMED_WARN_DAYS = envint("PRIVACY_UNCONFIRMED_WARN_DAYS", 14)
PRIVACY_UNCONFIRMED_REMOVE_DAYS = envint("PRIVACY_UNCONFIRMED_REMOVE_DAYS", 30)
PRIVACY_INACTIVE_WARN_DAYS = envint("PRIVACY_INACTIVE_WARN_DAYS", 730)
PRIVACY_INACTIVE_GRACE_DAYS = envint("PRIVACY_INACTIVE_GRACE_DAYS", 30)

# Whom to tell about a vulnerability in this instance (/.well-known/security.txt, RFC 9116):
# comma-separated e-mail addresses or mailto:/https: links; empty: no security.txt (404).
SECURITY_CONTACT = envlist("SECURITY_CONTACT", [])
# Optional: a page with the instance's disclosure policy, and how many days security.txt
# says it stays valid (it is made afresh from these settings, so it never goes stale).
SECURITY_POLICY_URL = env("SECURITY_POLICY_URL", "")
SECURITY_TXT_DAYS = envint("SECURITY_TXT_DAYS", 180)

SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if envbool("BEHIND_HTTPS_PROXY", False) else None)
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", not DEBUG)
# Load balancers check health over plain HTTP on the private side.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = envbool("SECURE_COOKIES", not DEBUG)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# All assets are Mosty's own and no page has an inline script, style or event handler.
CONTENT_SECURITY_POLICY = {
    "default-src": "'self'", "script-src": "'self'", "style-src": "'self'",
    "img-src": "'self' data:", "font-src": "'self'", "connect-src": "'self'",
    "object-src": "'none'", "base-uri": "'self'", "form-action": "'self'",
    "frame-ancestors": "'none'",
}
SILENCED_SYSTEM_CHECKS = envlist("SILENCED_SYSTEM_CHECKS", [])

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    # fpdf2's font subsetting logs hundreds of INFO lines per PDF.
    "loggers": {"fontTools": {"level": "WARNING"}},
}
AXES_VERBOSE = False

# Account security (docs/security.md). A session ends after SESSION_IDLE_MINUTES without a
# request and SESSION_MAX_HOURS after the login, whichever comes first.
SESSION_IDLE_MINUTES = envint("SESSION_IDLE_MINUTES", 60)
SESSION_MAX_HOURS = envint("SESSION_MAX_HOURS", 12)
SESSION_COOKIE_AGE = SESSION_MAX_HOURS * 3600
# Who must set up two-factor authentication before using Mosty: "staff" and/or account roles
# (participant, coordinator, facilitator, official), e.g. "staff,official". Empty: nobody.
MFA_REQUIRED_FOR = envlist("MFA_REQUIRED_FOR", [])
OTP_TOTP_ISSUER = env("MFA_ISSUER", "Mosty")
# The admin lists people's authenticator devices without their keys.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
