"""Importing and exporting the directory. An import is all-or-nothing.

Every row is checked first; with any problem nothing is saved and the coordinator gets a
list of (row, column, message). Rows that name an existing organisation (same NIP, or the
same name in the same gmina) update it; the others create new organisations.
"""
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from mosty.accounts.models import User
from mosty.core.audit import log_action
from mosty.core.models import own_field
from mosty.core.tables import SpreadsheetError, formula_message, is_formula
from mosty.directory import access
from mosty.directory.choices import Cost, Kind, ResourceCategory, ResourceKind, Sector
from mosty.directory.models import (
    ContactPerson, DirectoryImport, ImportState, Organisation, Resource, Territory)
from mosty.directory.services import search_text_for, unique_slug
from mosty.directory.spreadsheet import COLUMN_KEYS, read_rows
from mosty.directory.tasks import run_directory_import
from mosty.directory.territories import gminas
from mosty.directory.validators import normalise_number

ORGANISATION_FIELDS = {"nazwa": "name", "adres": "address", "www": "website", "email": "email",
                       "telefon": "phone", "opis": "description", "krs": "krs",
                       "regon": "regon", "nip": "nip"}
CONTACT_FIELDS = {"kontakt_osoba": "name", "kontakt_stanowisko": "position",
                  "kontakt_email": "email", "kontakt_telefon": "phone"}


@dataclass
class RowProblem:
    row: int
    column: str
    message: str


# Bounds of one import: a report a browser shows at once, a file checked within a request
# or a background task.
MAX_IMPORT_ROWS = 20_000
PROBLEMS_SHOWN_PER_COLUMN = 20


@dataclass
class ImportResult:
    """What an import did, or why it did nothing. The problem list is bounded: the first
    PROBLEMS_SHOWN_PER_COLUMN of each column are kept, the others only counted."""

    problems: list[RowProblem] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    rows: int = 0
    problem_counts: dict[str, int] = field(default_factory=dict)
    warning: str = ""

    @property
    def ok(self) -> bool:
        return not self.problem_counts

    @property
    def problem_total(self) -> int:
        return sum(self.problem_counts.values())

    @property
    def shown_per_column(self) -> int:
        return PROBLEMS_SHOWN_PER_COLUMN

    @property
    def problems_left_out(self) -> int:
        return self.problem_total - len(self.problems)

    def add(self, problem: RowProblem) -> None:
        count = self.problem_counts.get(problem.column, 0)
        self.problem_counts[problem.column] = count + 1
        if count < PROBLEMS_SHOWN_PER_COLUMN:
            self.problems.append(problem)

    def to_json(self) -> dict[str, Any]:
        return {"problems": [[p.row, p.column, p.message] for p in self.problems],
                "created": self.created, "updated": self.updated, "rows": self.rows,
                "problem_counts": self.problem_counts, "warning": self.warning}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "ImportResult":
        return cls(problems=[RowProblem(*p) for p in data.get("problems", [])],
                   created=data.get("created", 0), updated=data.get("updated", 0),
                   rows=data.get("rows", 0), problem_counts=data.get("problem_counts", {}),
                   warning=data.get("warning", ""))


def _labels(choices: Any) -> dict[str, str]:
    """Accept a choice by its code, its Polish or English label, or an abbreviation in it."""
    lookup: dict[str, str] = {}
    for value, label in choices.choices:
        if not value:
            continue
        lookup[value.lower()] = value
        for language in ("pl", "en"):
            with translation.override(language):
                text = str(label).lower()
            lookup[text] = value
            head, _sep, tail = text.partition("(")
            lookup.setdefault(head.strip(), value)
            for alias in tail.rstrip(")").replace(",", "/").split("/"):
                if alias.strip():
                    lookup.setdefault(alias.strip(), value)
    return lookup


def choice_label(choices: Any, value: str) -> str:
    return str(dict(choices.choices).get(value, value))


class RowChecker:
    """Validates rows against the directory; preloads what it needs (no query per row)."""

    def __init__(self) -> None:
        self.sectors = _labels(Sector)
        self.kinds = _labels(Kind)
        self.categories = _labels(ResourceCategory)
        self.costs = _labels(Cost)
        self.gminas_by_code: dict[str, Territory] = {}
        self.gminas_by_name: dict[str, list[Territory]] = {}
        for gmina in gminas():
            self.gminas_by_code[gmina.code] = gmina
            self.gminas_by_name.setdefault(gmina.name.lower(), []).append(gmina)
        self.by_nip: dict[str, Organisation] = {}
        self.by_name: dict[tuple[str, str | None], Organisation] = {}
        for organisation in Organisation.objects.all():
            if organisation.nip:
                self.by_nip[organisation.nip] = organisation
            self.by_name[(organisation.name.lower(), organisation.municipality_id)] = organisation
        self.seen: dict[tuple[str, str | None] | str, int] = {}

    def check(self, number: int, cells: dict[str, str], problems: list[RowProblem]) -> dict | None:
        errors: list[RowProblem] = []

        def problem(column: str, message: str) -> None:
            errors.append(RowProblem(number, column, message))

        for key, raw in cells.items():
            if is_formula(raw):
                problem(key, formula_message())
        # Columns missing from the file leave an existing organisation's values as they are.
        values: dict[str, Any] = {"absent": {name for key, name in ORGANISATION_FIELDS.items()
                                             if key not in cells}}
        if "kod_teryt" not in cells and "gmina" not in cells:
            values["absent"].add("municipality")
        for key, name in ORGANISATION_FIELDS.items():
            raw = cells.get(key, "")
            if key in ("krs", "regon", "nip"):
                raw = normalise_number(raw)
            if key == "www" and raw and "://" not in raw:
                raw = "https://" + raw
            try:
                values[name] = own_field(Organisation, name).clean(raw, None)
            except ValidationError as error:
                message = " ".join(error.messages)
                if name == "name" and not raw:
                    message = _("The name is required.")
                problem(key, message)
        for key, lookup, name, message in (
                ("sektor", self.sectors, "sector",
                 _("Unknown sector “%(value)s”. Allowed: %(allowed)s.")),
                ("rodzaj", self.kinds, "kind",
                 _("Unknown kind “%(value)s”. Allowed: %(allowed)s."))):
            raw = cells.get(key, "").strip()
            choices = Sector if name == "sector" else Kind
            if not raw:
                problem(key, _("This column is required."))
            elif raw.lower() not in lookup:
                allowed = ", ".join(str(label) for _v, label in choices.choices)
                problem(key, message % {"value": raw, "allowed": allowed})
            else:
                values[name] = lookup[raw.lower()]
        values["municipality"] = self._municipality(cells, problem)
        values["contact"] = self._contact(cells, problem)
        values["offers"] = self._resources(cells, "zasoby", problem)
        values["needs"] = self._resources(cells, "potrzeby", problem)
        if not errors:
            self._check_duplicate(number, values, problem)
        problems.extend(errors)
        return None if errors else values

    def _municipality(self, cells: dict[str, str], problem: Any) -> Territory | None:
        code = normalise_number(cells.get("kod_teryt", ""))
        name = cells.get("gmina", "").strip()
        if code:
            if code not in self.gminas_by_code:
                problem("kod_teryt", _("There is no gmina with TERYT code “%(code)s” (7 digits, "
                                       "e.g. 3064011 for Poznań).") % {"code": code})
                return None
            return self.gminas_by_code[code]
        if name:
            found = self.gminas_by_name.get(name.lower(), [])
            if len(found) == 1:
                return found[0]
            if found:
                # Every gmina lies in a powiat (its parent).
                codes = ", ".join(
                    f"{g.code} ({g.kind_label}, pow. {g.parent.name if g.parent else ''})"
                    for g in found)
                problem("gmina", _("Several gminas are called “%(name)s”; give the TERYT code "
                                   "instead: %(codes)s.") % {"name": name, "codes": codes})
            else:
                problem("gmina", _("No gmina is called “%(name)s”.") % {"name": name})
        return None

    def _contact(self, cells: dict[str, str], problem: Any) -> dict[str, str] | None:
        contact = {name: cells.get(key, "").strip() for key, name in CONTACT_FIELDS.items()}
        if not any(contact.values()):
            return None
        if not contact["name"]:
            problem("kontakt_osoba", _("Give the contact person's name."))
        for key, name in CONTACT_FIELDS.items():
            try:
                contact[name] = own_field(ContactPerson, name).clean(contact[name], None)
            except ValidationError as error:
                if contact[name]:
                    problem(key, " ".join(error.messages))
        return contact

    def _resources(self, cells: dict[str, str], key: str, problem: Any) -> list[dict] | None:
        if key not in cells:
            return None  # column absent: keep what the organisation has
        text = cells[key].strip()
        lines = text.splitlines() if "\n" in text else text.split(";")
        items = []
        for line in (line.strip() for line in lines):
            if not line:
                continue
            category_text, sep, rest = line.partition(":")
            if not sep or category_text.strip().lower() not in self.categories:
                problem(key, _("“%(item)s”: start with a category and a colon, e.g. "
                               "“space and rooms: hall for 60 people”. Categories: "
                               "%(allowed)s.") % {
                    "item": line[:60],
                    "allowed": ", ".join(str(label) for _v, label in ResourceCategory.choices)})
                continue
            description, conditions, cost = (rest.split("|") + ["", ""])[:3]
            cost = cost.strip().lower()
            if cost and cost not in self.costs:
                problem(key, _("“%(item)s”: unknown cost “%(cost)s”.") % {"item": line[:60],
                                                                        "cost": cost})
                continue
            if not description.strip():
                problem(key, _("“%(item)s”: the description is missing.") % {"item": line[:60]})
                continue
            items.append({"category": self.categories[category_text.strip().lower()],
                          "description": description.strip()[:500],
                          "conditions": conditions.strip()[:500],
                          "cost": self.costs.get(cost, "")})
        return items

    def _check_duplicate(self, number: int, values: dict, problem: Any) -> None:
        municipality = values["municipality"].code if values["municipality"] else None
        keys: list[tuple[str, str | None] | str] = [(values["name"].lower(), municipality)]
        if values["nip"]:
            keys.append(values["nip"])
        for key in keys:
            if key in self.seen:
                problem("nazwa" if isinstance(key, tuple) else "nip",
                        _("The same organisation is already in row %(row)s.")
                        % {"row": self.seen[key]})
                return
        for key in keys:
            self.seen[key] = number
        values["existing"] = (self.by_nip.get(values["nip"]) if values["nip"] else None) or \
            self.by_name.get((values["name"].lower(), municipality))


def import_directory(user: User | None, upload: IO[bytes]) -> ImportResult:
    """Check the whole file, then save all of it in one transaction, or nothing."""
    result = ImportResult()
    try:
        keys, rows, result.warning = read_rows(upload, MAX_IMPORT_ROWS)
    except SpreadsheetError as error:
        result.add(RowProblem(1, "", str(error)))
        return result
    checker = RowChecker()
    checked = []
    for number, row in rows:
        cells = {key: row[i] if i < len(row) else "" for i, key in enumerate(keys) if key}
        problems: list[RowProblem] = []
        values = checker.check(number, cells, problems)
        if values:
            _check_may_update(user, number, values, problems)
            checked.append(values)
        for problem in problems:
            result.add(problem)
    result.rows = len(rows)
    if not result.ok:
        return result
    with transaction.atomic():
        result.created, result.updated = _save(checked, user)
        log_action(user, "directory.imported", None, created=result.created,
                   updated=result.updated)
    return result


def queue_import(user: User, upload: UploadedFile) -> DirectoryImport:
    """Keep a big file for the task queue and start it after the commit; the person follows
    it on the import's status page."""
    with transaction.atomic():
        job = DirectoryImport(created_by=user, original_name=(upload.name or "")[-200:])
        job.file.save(f"import-{user.pk}.bin", upload, save=False)
        job.save()
        log_action(user, "directory.import.queued", job, file=job.original_name)
        transaction.on_commit(lambda: run_directory_import.enqueue(job.pk))
    return job


def run_queued_import(job_id: int) -> None:
    """The task's work: import the kept file, store the report, remove the file."""
    job = DirectoryImport.objects.select_related("created_by").filter(
        pk=job_id, state=ImportState.QUEUED).first()
    if job is None:
        return
    job.state = ImportState.RUNNING
    job.save(update_fields=["state"])
    try:
        with job.file.open("rb") as upload:
            result = import_directory(job.created_by, upload)
    except Exception:
        job.state, job.finished_at = ImportState.FAILED, timezone.now()
        job.save(update_fields=["state", "finished_at"])
        raise
    finally:
        job.file.delete(save=False)  # the file holds contact details: not kept any longer
    job.report = result.to_json()
    job.state, job.finished_at = ImportState.DONE, timezone.now()
    job.save(update_fields=["report", "state", "finished_at", "file"])


def _check_may_update(user: User | None, number: int, values: dict,
                      problems: list[RowProblem]) -> None:
    """A row that matches an existing organisation changes it: only for those who may edit
    it (mosty.directory.access); a command run by nobody (user None) may."""
    existing = values["existing"]
    if user is None or existing is None or access.can_edit(user, existing):
        return
    problems.append(RowProblem(number, "nazwa", _(
        "“%(name)s” is already in the directory and you may not change it.")
        % {"name": existing.name}))


def _save(rows: list[dict], user: User | None = None) -> tuple[int, int]:
    taken = set(Organisation.objects.values_list("slug", flat=True))
    created, updated = [], []
    now = timezone.now()
    for values in rows:
        organisation = values["existing"] or Organisation()
        organisation.updated_at = now  # bulk_update does not touch auto_now fields
        for name in list(ORGANISATION_FIELDS.values()) + ["sector", "kind", "municipality"]:
            if not (organisation.pk and name in values["absent"]):
                setattr(organisation, name, values[name])
        if organisation.pk:
            organisation.version += 1
            updated.append(organisation)
        else:
            organisation.slug = unique_slug(organisation.name, taken)
            organisation.created_by = user
            created.append(organisation)
        values["organisation"] = organisation
    Organisation.objects.bulk_create(created, batch_size=500)
    Organisation.objects.bulk_update(
        updated, list(ORGANISATION_FIELDS.values()) + ["sector", "kind", "municipality", "version",
                                                       "updated_at"],
        batch_size=500)
    _save_contacts(rows)
    _save_resources(rows)
    return len(created), len(updated)


def _save_contacts(rows: list[dict]) -> None:
    """A row's contact person replaces the organisation's contact of the same name."""
    with_contact = [v for v in rows if v["contact"]]
    for values in with_contact:
        if values["existing"]:
            old = ContactPerson.objects.filter(organisation=values["organisation"],
                                               name=values["contact"]["name"])
            # The spreadsheet has no "public" column: keep what the organisation chose.
            values["contact"]["is_public"] = old.filter(is_public=True).exists()
            old.delete()
    ContactPerson.objects.bulk_create(
        [ContactPerson(organisation=v["organisation"], **v["contact"]) for v in with_contact],
        batch_size=500)


def _save_resources(rows: list[dict]) -> None:
    new: list[Resource] = []
    for kind, key in ((ResourceKind.OFFER, "offers"), (ResourceKind.NEED, "needs")):
        replaced = [v["organisation"].pk for v in rows if v[key] is not None and v["existing"]]
        Resource.objects.filter(organisation_id__in=replaced, kind=kind).delete()
        for values in rows:
            for item in values[key] or []:
                new.append(Resource(organisation=values["organisation"], kind=kind, **item))
    Resource.objects.bulk_create(new, batch_size=1000)
    organisations = [v["organisation"] for v in rows]
    by_org: dict[int, list[Resource]] = {}
    for resource in Resource.objects.filter(organisation__in=organisations):
        by_org.setdefault(resource.organisation_id, []).append(resource)
    for organisation in organisations:
        organisation.search_text = search_text_for(organisation, by_org.get(organisation.pk, []))
    Organisation.objects.bulk_update(organisations, ["search_text"], batch_size=500)


def export_rows(organisations: Iterable[Organisation],
                private_contacts: Callable[[Organisation], bool]) -> list[list[str]]:
    """Rows in the import format; organisations need resources and contacts prefetched.

    Private contact people of an organisation are exported only when
    `private_contacts(organisation)` (mosty.directory.access.can_see_private_contacts).
    """
    rows = []
    for org in organisations:
        with_private = private_contacts(org)
        contact = next((c for c in org.contacts.all() if with_private or c.is_public), None)
        offers = [r for r in org.resources.all() if r.kind == ResourceKind.OFFER]
        needs = [r for r in org.resources.all() if r.kind == ResourceKind.NEED]
        values = {
            "nazwa": org.name, "sektor": choice_label(Sector, org.sector),
            "rodzaj": choice_label(Kind, org.kind),
            "kod_teryt": org.municipality_id or "",
            "gmina": org.municipality.name if org.municipality else "",
            "adres": org.address, "www": org.website, "email": org.email, "telefon": org.phone,
            "opis": org.description, "krs": org.krs, "regon": org.regon, "nip": org.nip,
            "kontakt_osoba": contact.name if contact else "",
            "kontakt_stanowisko": contact.position if contact else "",
            "kontakt_email": contact.email if contact else "",
            "kontakt_telefon": contact.phone if contact else "",
            "zasoby": "\n".join(_resource_line(r, with_cost=True) for r in offers),
            "potrzeby": "\n".join(_resource_line(r, with_cost=False) for r in needs),
        }
        rows.append([str(values[key]) for key in COLUMN_KEYS])
    return rows


def _resource_line(resource: Resource, with_cost: bool) -> str:
    """'category: description | conditions | cost', the import format of one item."""
    parts = [f"{choice_label(ResourceCategory, resource.category)}: {resource.description}"]
    cost = choice_label(Cost, resource.cost) if with_cost and resource.cost else ""
    if resource.conditions or cost:
        parts.append(resource.conditions)
    if cost:
        parts.append(cost)
    return " | ".join(parts)


def template_choices() -> dict[str, list[str]]:
    return {"sektor": [str(label) for _v, label in Sector.choices],
            "rodzaj": [str(label) for _v, label in Kind.choices]}
