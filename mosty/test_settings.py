"""Settings for the test suite: production settings with a test key and cheap hashing."""
import atexit
import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production-0123456789")

from mosty.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
STORAGES = {**STORAGES, "staticfiles": {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
LOGGING = {"version": 1, "disable_existing_loggers": False}
# Serve static files from the apps' folders, as runserver does; no collectstatic in tests.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Background tasks run inline in tests.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Uploads go to a temporary folder of this test process (one per xdist worker), not to var/.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="mosty-test-media-"))
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
# Most tests log people in without a consent record; the privacy tests turn this on.
PRIVACY_ASK_FOR_TERMS = False
# The API rate limit would count across tests (one cache per process); its tests set it.
API_RATE_USER = ""
API_RATE_ANON = ""
