"""A browser's User-Agent said plainly, such as "Chrome on Linux", for the list of signed-in sessions."""
from flask_babel import lazy_gettext as _l

#: (what the User-Agent contains, the name shown), first match wins: Edge and Opera also say "Chrome"
BROWSERS = (
    ("Edg/", "Edge"),
    ("EdgA/", "Edge"),
    ("OPR/", "Opera"),
    ("SamsungBrowser/", "Samsung Internet"),
    ("Firefox/", "Firefox"),
    ("FxiOS/", "Firefox"),
    ("CriOS/", "Chrome"),
    ("Chromium/", "Chromium"),
    ("Chrome/", "Chrome"),
    ("Safari/", "Safari"),
)
SYSTEMS = (
    ("Windows", "Windows"),
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Android", "Android"),
    ("CrOS", "ChromeOS"),
    ("Mac OS X", "macOS"),
    ("Macintosh", "macOS"),
    ("Linux", "Linux"),
)


def _first(user_agent: str, table: tuple[tuple[str, str], ...]) -> str | None:
    return next((name for marker, name in table if marker in user_agent), None)


def describe_device(user_agent: str) -> str:
    """"Firefox on Windows", "Safari", "Linux" or "Unknown device": only what the User-Agent makes plain."""
    browser, system = _first(user_agent, BROWSERS), _first(user_agent, SYSTEMS)
    if browser and system:
        return str(_l("%(browser)s on %(system)s", browser=browser, system=system))
    return browser or system or str(_l("Unknown device"))
