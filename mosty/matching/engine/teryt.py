"""TERYT (TERC) helpers: administrative areas and geographic levels.

A 7-digit municipality code is WOJ(2) POW(2) GMI(2) RODZ(1).  Two codes that
differ only in RODZ are the same gmina for our purposes (e.g. the town and the
rural part of an urban-rural gmina), so gminas compare on the first 6 digits.
"""

from __future__ import annotations

from .types import GEO_LEVELS, GEO_RANK

# Number of leading digits that identify an area at each level.
PREFIX_LEN: dict[str, int] = {"voivodeship": 2, "powiat": 4, "gmina": 6, "country": 0}


def check_radius(radius: str) -> str:
    """Validate a radius name and return it."""
    if radius not in GEO_RANK:
        raise ValueError(f"radius must be one of {GEO_LEVELS}, got {radius!r}")
    return radius


def area_key(teryt: str, level: str) -> str:
    """The code prefix identifying the area of ``teryt`` at ``level``."""
    return teryt[: PREFIX_LEN[check_radius(level)]]


def geo_level(a: str, b: str) -> str:
    """The closest administrative level shared by two TERYT codes."""
    if a[:6] == b[:6]:
        return "gmina"
    if a[:4] == b[:4]:
        return "powiat"
    if a[:2] == b[:2]:
        return "voivodeship"
    return "country"


def within(level: str, radius: str) -> bool:
    """True when a candidate at ``level`` is inside ``radius``."""
    return GEO_RANK[level] <= GEO_RANK[check_radius(radius)]


def level_of_prefix(prefix: str) -> str:
    """Administrative level named by a code prefix of 0, 2, 4 or 6+ digits."""
    if not prefix.isdigit() and prefix:
        raise ValueError(f"area prefix must be digits, got {prefix!r}")
    n = len(prefix)
    if n == 0:
        return "country"
    if n == 2:
        return "voivodeship"
    if n == 4:
        return "powiat"
    if n >= 6:
        return "gmina"
    raise ValueError(f"area prefix must have 0, 2, 4 or 6 digits, got {prefix!r}")


def read_gmina_codes(path: str) -> list[tuple[str, str]]:
    """Read (7-digit code, name) of every gmina from a TERC.csv file.

    The file is the GUS export: semicolon-separated, with the header
    ``WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA``.  Gminas are the rows whose
    RODZ is 1 (urban), 2 (rural) or 3 (urban-rural); RODZ 4/5 (town and rural
    part of an urban-rural gmina) and 8/9 (city districts) are parts of gminas
    already listed.
    """
    out: list[tuple[str, str]] = []
    with open(path, encoding="utf-8-sig") as fh:
        header = fh.readline().strip().split(";")
        col = {name: i for i, name in enumerate(header)}
        for line in fh:
            parts = line.rstrip("\n").split(";")
            if len(parts) < len(header):
                continue
            rodz = parts[col["RODZ"]]
            if rodz not in ("1", "2", "3"):
                continue
            code = parts[col["WOJ"]] + parts[col["POW"]] + parts[col["GMI"]] + rodz
            if len(code) == 7 and code.isdigit():
                out.append((code, parts[col["NAZWA"]]))
    return out
