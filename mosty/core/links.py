from django.conf import settings


def site_absolute(path: str) -> str:
    """For e-mails, which have no request: the configured address of the site."""
    return settings.SITE_URL.rstrip("/") + path
