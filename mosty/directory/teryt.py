"""Loading the TERC register (TERYT) of voivodeships, powiats and gminas.

Only gminas proper are kept (RODZ 1 urban, 2 rural, 3 urban-rural); the town/rural parts
of urban-rural gminas (4/5) and city districts (8/9) are not places an organisation picks.
"""
import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

SHIPPED_TERC = Path(__file__).resolve().parent / "data" / "TERC.csv"
GMINA_KINDS = {"1", "2", "3"}


def read_terc(path: Path = SHIPPED_TERC) -> Iterator[dict[str, str]]:
    """Yield units as dicts with code, name, level, kind_label and parent code, parents first."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            woj, pow_, gmi, rodz = row["WOJ"], row["POW"], row["GMI"], row["RODZ"]
            if not pow_:
                yield {"code": woj, "name": row["NAZWA"].lower(), "level": "voivodeship",
                       "kind_label": row["NAZWA_DOD"], "parent": ""}
            elif not gmi:
                yield {"code": woj + pow_, "name": row["NAZWA"], "level": "powiat",
                       "kind_label": row["NAZWA_DOD"], "parent": woj}
            elif rodz in GMINA_KINDS:
                yield {"code": woj + pow_ + gmi + rodz, "name": row["NAZWA"], "level": "gmina",
                       "kind_label": row["NAZWA_DOD"], "parent": woj + pow_}


def load_terc(territory_model: Any, path: Path = SHIPPED_TERC) -> int:
    """Insert or update every unit of the register; returns how many units it holds."""
    units = list(read_terc(path))
    existing = set(territory_model.objects.values_list("code", flat=True))
    new = [territory_model(code=u["code"], name=u["name"], level=u["level"],
                           kind_label=u["kind_label"], parent_id=u["parent"] or None)
           for u in units if u["code"] not in existing]
    territory_model.objects.bulk_create(new, batch_size=1000)
    changed = [territory_model(code=u["code"], name=u["name"], level=u["level"],
                               kind_label=u["kind_label"], parent_id=u["parent"] or None)
               for u in units if u["code"] in existing]
    territory_model.objects.bulk_update(changed, ["name", "level", "kind_label", "parent"],
                                        batch_size=1000)
    return len(units)
