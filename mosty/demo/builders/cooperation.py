"""Demo content: Poznań's annual cooperation programme (seed 002) from data/cooperation.yaml:
2019's adopted, 2020's draft started from it and under consultation with three comments from
members of Poznań NGOs, not yet answered; the public benefit council and the KDO with their
members, the KDO's evaluation workshop as its meeting. Made through the services (as the office would);
the comments, made in 2019, are recorded as they were. Idempotent: a programme that exists
is left as it is."""
from datetime import date, datetime, time
from typing import Any

from django.db import transaction
from django.utils import timezone

from mosty.accounts.models import User
from mosty.cooperation import bodies, services
from mosty.cooperation.models import Comment, CooperationProgramme, DialogueBody
from mosty.demo import content
from mosty.directory.models import Organisation, Territory
from mosty.programmes.models import Event


def _date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _comment(programme: CooperationProgramme, data: dict[str, Any], day: date) -> None:
    paragraph = programme.paragraphs.filter(element=data["chapter"]) \
        .order_by("position")[int(data["paragraph"]) - 1]
    comment = Comment.objects.create(
        programme=programme, paragraph=paragraph, element=paragraph.element,
        paragraph_text=paragraph.text, kind=data.get("kind", "comment"), text=data["text"],
        proposed_text=data.get("proposed_text", ""),
        organisation=Organisation.objects.get(slug=data["organisation"]),
        author=User.objects.filter(email=data["author"]).first())
    at = timezone.make_aware(datetime.combine(day, time(10, 0)))
    Comment.objects.filter(pk=comment.pk).update(created_at=at)


def _build(code: str, data: dict[str, Any], earlier: dict[int, CooperationProgramme]
           ) -> CooperationProgramme:
    programme = services.start_programme(None, code, data["year"],
                                         earlier.get(data.get("based_on", 0)))
    for element, texts in data.get("chapters", {}).items():
        services.save_chapter(None, programme, element, [str(t) for t in texts])
    start, end = _date(data["consultation_start"]), _date(data["consultation_end"])
    services.open_consultation(None, programme, start, end)
    meetings = list(Event.objects.filter(slug__in=data.get("meetings", []))
                    .values_list("pk", flat=True))
    if meetings:
        services.set_meetings(None, programme, meetings)
    for index, comment in enumerate(data.get("comments", [])):
        _comment(programme, comment, min(end, date.fromordinal(start.toordinal() + 2 + index)))
    if data["status"] in ("final", "adopted"):
        services.publish_consultation_report(None, programme)
        services.mark_final(None, programme)
    if data["status"] == "adopted":
        services.adopt(None, programme, data["resolution_number"], _date(data["adopted_on"]))
    return programme


@transaction.atomic
def load_cooperation_demo() -> list[CooperationProgramme]:
    """Create the demo programmes and dialogue bodies that do not exist yet; returns the
    programmes."""
    programmes = load_programmes()
    load_bodies()
    return programmes


def load_bodies() -> list[DialogueBody]:
    data = content.read("cooperation.yaml")
    code = str(data["territory"])
    if not Territory.objects.filter(code=code).exists():
        return []
    made = []
    for entry in data.get("bodies", []):
        body = DialogueBody.objects.filter(territory_id=code, name=entry["name"]).first()
        if body is None:
            body = bodies.save_body(None, None, bodies.BodyData(
                territory_code=code, kind=entry["kind"], name=entry["name"],
                description=entry.get("description", ""),
                term_start=_date(entry["term_start"]), term_end=_date(entry["term_end"])))
            bodies.set_body_meetings(None, body, list(Event.objects.filter(
                slug__in=entry.get("meetings", [])).values_list("pk", flat=True)))
        known = set(body.members.values_list("person", flat=True))
        organisations = Organisation.objects.in_bulk(
            [m["organisation"] for m in entry["members"] if m.get("organisation")],
            field_name="slug")
        for member in entry["members"]:
            if member["person"] in known:
                continue
            organisation = organisations.get(member.get("organisation", ""))
            bodies.add_member(None, body, bodies.MemberData(
                person=member["person"], function=member.get("function", ""),
                organisation_id=organisation.pk if organisation else None))
        made.append(body)
    return made


def load_programmes(only_years: tuple[int, ...] | None = None) -> list[CooperationProgramme]:
    """The demo programmes of `only_years` (all when None): a test starts 2020 from 2019 by
    itself."""
    data = content.read("cooperation.yaml")
    code = str(data["territory"])
    if not Territory.objects.filter(code=code).exists():
        return []
    made: dict[int, CooperationProgramme] = {}
    for entry in data["programmes"]:
        if only_years is not None and entry["year"] not in only_years:
            continue
        existing = CooperationProgramme.objects.filter(territory_id=code,
                                                       year=entry["year"]).first()
        made[entry["year"]] = existing or _build(code, entry, made)
    return list(made.values())
