from django.http import HttpRequest

FONT_SIZES = ("normal", "large", "larger")
PREFERENCE_COOKIE_AGE = 365 * 24 * 3600


def read_preferences(request: HttpRequest) -> dict[str, str]:
    """Font size and contrast are kept in cookies so they work for anonymous visitors too."""
    font = request.COOKIES.get("mosty_font", "normal")
    contrast = request.COOKIES.get("mosty_contrast", "normal")
    return {"font": font if font in FONT_SIZES else "normal",
            "contrast": "high" if contrast == "high" else "normal"}


def display_preferences(request: HttpRequest) -> dict[str, dict[str, str]]:
    return {"display": read_preferences(request)}
