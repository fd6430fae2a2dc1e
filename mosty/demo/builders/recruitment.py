"""Demo editions, groups and a recruitment call for seeds 000, 001 and 003.

Run after mosty.demo.builders.seeds.load_seeds (it needs its organisations and accounts). Idempotent:
everything is found by name, slug or e-mail before it is created. Historical applications
are written directly, not through the services: their call closed years ago, and the demo
must not queue e-mails to the demo addresses.
"""
from datetime import date, datetime
from typing import NamedTuple

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from mosty.accounts.models import Role, User
from mosty.core.pdf import FONT, new_document, to_bytes
from mosty.demo.builders.seeds import DEMO_PASSWORD
from mosty.directory.models import Membership, Organisation
from mosty.programmes.models import (
    Edition, Event, Group, GroupMember, GroupRequirement, Programme, ProgrammeStaff, StaffRole)
from mosty.recruitment.choices import QuestionKind, Status
from mosty.recruitment.models import (
    Application, ApplicationFile, Criterion, Question, RecruitmentCall, Review)



class Rule(NamedTuple):
    """A group requirement: at least one member of these kinds or sectors."""
    label: str
    kinds: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()


CULTURE = Rule("instytucja kultury", kinds=("culture_centre", "library", "museum"))
SOCIAL = Rule("jednostka pomocy społecznej", kinds=("social_assistance",))
JST = Rule("samorząd lub jego jednostka organizacyjna", sectors=("jst", "public_institution"))
NGO = Rule("organizacja pozarządowa", sectors=("ngo",))

# programme slug -> editions: (name, start, end, [(group, area rule, rules, member slugs)])
EDITIONS = {
    "kultura-inicjatywy": [
        ("2019", "2019-01-01", "2019-12-31", [
            ("grupa Ostrów Mazowiecka (2019)", "gmina", [CULTURE, SOCIAL],
             ["mdk-ostrow-mazowiecka", "mops-ostrow-mazowiecka"]),
            ("grupa Jadów (2019)", "gmina", [CULTURE, SOCIAL], ["gbp-jadow", "gops-jadow"])]),
        ("2020", "2020-01-01", "2020-12-31", [
            ("grupa Mszczonów (2020)", "gmina", [CULTURE, SOCIAL],
             ["ok-mszczonow", "ops-mszczonow"])]),
    ],
    "miedzysektorowa-wspolpraca-rydultowy": [
        ("2014", "2014-01-01", "2014-12-31", [
            ("JST i NGO powiatu wodzisławskiego", "powiat", [JST, NGO],
             ["ops-rydultowy", "sp1-rydultowy", "przedszkole1-rydultowy", "rck-rydultowy",
              "pcpr-wodzislaw", "stow-razem-dla-rydultow", "fundacja-slaskie-gniazdo",
              "uks-halda-rydultowy"])]),
    ],
    "razem-dla-regionu": [
        ("2009", "2008-09-01", "2009-06-30", [
            ("Organizacje pozarządowe z Podlasia", "voivodeship", [NGO],
             ["stow-rozwoju-wsi-podlaskiej", "fundacja-nadbuzanskie-inicjatywy",
              "stow-aktywni-razem-hajnowka", "ltwr-lomza", "ssta-suwalki"])]),
    ],
}

CALL_TITLE = "Nabór na warsztaty „Badanie przez ludzi” 2014"
QUESTIONS = [
    (QuestionKind.CHOICE, "Zgłaszam się jako przedstawiciel(ka)", True,
     ["urzędu (JST)", "jednostki organizacyjnej JST (np. OPS, szkoły)",
      "organizacji pozarządowej"], ""),
    (QuestionKind.MULTIPLE_CHOICE, "W których terminach warsztatów chcę uczestniczyć?", True,
     ["8 marca", "20 marca (JST)", "10 kwietnia (JST)", "12 kwietnia (NGO)"], ""),
    (QuestionKind.LONG_TEXT, "Dlaczego chcę budować współpracę międzysektorową?", True, [],
     "Kilka zdań o potrzebach mieszkańców, na które chcemy odpowiedzieć razem."),
    (QuestionKind.YES_NO, "Czy nasza instytucja realizowała już projekt w partnerstwie?", False,
     [], ""),
    (QuestionKind.NUMBER, "Ile osób zgłaszamy?", True, [], ""),
    (QuestionKind.FILE, "Podpisana deklaracja uczestnictwa", True, [],
     "Pobierz deklarację, podpisz ją i dołącz jako PDF."),
]
# organisation slug, applicant e-mail and name, answers (in QUESTIONS order), status, scores
APPLICATIONS = [
    ("ops-rydultowy", "ops.rydultowy@mosty.example", "Beata Kowalczyk",
     [QUESTIONS[0][3][1], ["8 marca", "20 marca (JST)"],
      "Chcemy razem z organizacjami lepiej docierać do seniorów mieszkających samotnie.",
      True, 2], Status.ACCEPTED, [(4, 5), (5, 4)]),
    ("stow-razem-dla-rydultow", "razem.rydultowy@mosty.example", "Marek Nowak",
     [QUESTIONS[0][3][2], ["8 marca", "12 kwietnia (NGO)"],
      "Prowadzimy świetlicę sąsiedzką i szukamy partnerów w szkołach i OPS.", False, 1],
     Status.ACCEPTED, [(5, 5), (4, 4)]),
    ("fundacja-slaskie-gniazdo", "gniazdo.rydultowy@mosty.example", "Joanna Wieczorek",
     [QUESTIONS[0][3][2], ["12 kwietnia (NGO)"],
      "Chcemy zaplanować wspólny projekt dla rodzin z dziećmi.", True, 1],
     Status.SUBMITTED, [(3, 4)]),
    ("uks-halda-rydultowy", "halda.rydultowy@mosty.example", "Tomasz Grzesik",
     [QUESTIONS[0][3][2], ["12 kwietnia (NGO)"],
      "Szukamy sal i partnerów do zajęć sportowych dla młodzieży.", False, 1],
     Status.WAITLISTED, [(3, 2), (2, 3)]),
]


def _aware(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime(year, month, day, hour, minute))


def _staff(programmes: list[Programme]) -> None:
    for email, role in (("koordynator@mosty.example", StaffRole.COORDINATOR),
                        ("moderator@mosty.example", StaffRole.FACILITATOR)):
        user = User.objects.filter(email=email).first()
        if user is None:
            continue
        for programme in programmes:
            ProgrammeStaff.objects.get_or_create(programme=programme, user=user, role=role)


def _groups(programme: Programme) -> dict[str, Group]:
    groups = {}
    for name, start, end, group_specs in EDITIONS[programme.slug]:
        edition, _created = Edition.objects.update_or_create(
            programme=programme, name=name,
            defaults={"start_date": date.fromisoformat(start), "end_date": date.fromisoformat(end)})
        for group_name, area, rules, members in group_specs:
            group, _created = Group.objects.update_or_create(
                edition=edition, name=group_name, defaults={"area_rule": area})
            group.requirements.all().delete()
            GroupRequirement.objects.bulk_create([GroupRequirement(
                group=group, label=rule.label, sectors=list(rule.sectors),
                kinds=list(rule.kinds), minimum=1) for rule in rules])
            for slug in members:
                GroupMember.objects.get_or_create(group=group,
                                                  organisation=Organisation.objects.get(slug=slug))
            # The seed's events name their group: "… — grupa Jadów (2019)".
            Event.objects.filter(programme=programme, title__endswith=group_name).update(
                edition=edition, group=group)
            groups[group_name] = group
    return groups


def declaration_pdf(organisation: Organisation, person: str) -> bytes:
    pdf = new_document("Deklaracja uczestnictwa")
    pdf.add_page()
    pdf.set_font(FONT, "B", 14)
    pdf.cell(text="Deklaracja uczestnictwa w warsztatach „Badanie przez ludzi”",
             new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 11)
    pdf.ln(4)
    pdf.multi_cell(pdf.epw, 6, f"Deklaruję udział {organisation.name} w cyklu warsztatów "
                               "projektu „Międzysektorowa współpraca czyli wspólnota "
                               f"samorządowa w innym wymiarze”.\n\n{person}\n(podpis)")
    return to_bytes(pdf)


def _call(edition: Edition) -> RecruitmentCall:
    call, _created = RecruitmentCall.objects.update_or_create(
        edition=edition, title=CALL_TITLE, defaults={
            "description": "Warsztaty dla przedstawicieli administracji publicznej i jej jednostek "
                           "(m.in. OPS i szkół) oraz organizacji pozarządowych z powiatu "
                           "wodzisławskiego. Zgłoszenie: formularz wraz z kompletem dokumentów.",
            "opens_at": _aware(2014, 2, 10, 9), "deadline": _aware(2014, 3, 5, 23, 59),
            "is_published": True, "allowed_sectors": ["jst", "public_institution", "ngo"],
            "max_accepted": 20, "score_max": 10})
    if not call.questions.exists():
        Question.objects.bulk_create([
            Question(call=call, position=index, kind=kind, label=label, required=required,
                     options=options, help_text=help_text,
                     file_types=["pdf"] if kind == QuestionKind.FILE else [], max_size_mb=5)
            for index, (kind, label, required, options, help_text) in enumerate(QUESTIONS, 1)])
        Criterion.objects.bulk_create([
            Criterion(call=call, position=1, name="Motywacja i potrzeby mieszkańców",
                      max_points=5),
            Criterion(call=call, position=2, name="Potencjał współpracy", max_points=5)])
    return call


def _applications(call: RecruitmentCall, group: Group, reviewers: list[User]) -> None:
    questions = list(call.questions.all())
    criteria = list(call.criteria.all())
    for slug, email, name, answers, status, scores in APPLICATIONS:
        organisation = Organisation.objects.get(slug=slug)
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email, DEMO_PASSWORD, full_name=name,
                                            role=Role.PARTICIPANT)
        Membership.objects.get_or_create(user=user, organisation=organisation)
        application, _created = Application.objects.update_or_create(
            call=call, organisation=organisation, defaults={
                "applicant": user, "applicant_is_member": True, "status": status,
                "submitted_at": _aware(2014, 3, 3, 12), "language": "pl",
                "answers": {q.key: value for q, value in zip(questions, answers, strict=False)}})
        attachment = questions[-1]
        if not application.files.filter(question=attachment).exists():
            stored = ApplicationFile(application=application, question=attachment,
                                     original_name="deklaracja.pdf", file_type="pdf", size=0)
            content = declaration_pdf(organisation, name)
            stored.size = len(content)
            stored.file.save("deklaracja.pdf", ContentFile(content), save=False)
            stored.save()
        for reviewer, points in zip(reviewers, scores, strict=False):
            Review.objects.update_or_create(
                application=application, reviewer=reviewer,
                defaults={"scores": {str(c.pk): p for c, p in zip(criteria, points, strict=False)},
                          "total": sum(points)})
        if status == Status.ACCEPTED and not application.group_member_id:
            member, _created = GroupMember.objects.get_or_create(group=group,
                                                                 organisation=organisation)
            member.people.add(user)
            application.group_member = member
            application.save(update_fields=["group_member"])


@transaction.atomic
def load_recruitment_demo() -> None:
    programmes = list(Programme.objects.filter(slug__in=EDITIONS))
    _staff(programmes)
    for programme in programmes:
        groups = _groups(programme)
        if programme.slug == "miedzysektorowa-wspolpraca-rydultowy":
            call = _call(programme.editions.get(name="2014"))
            reviewers = list(User.objects.filter(email__in=["koordynator@mosty.example",
                                                            "moderator@mosty.example"])
                             .order_by("email"))
            _applications(call, groups["JST i NGO powiatu wodzisławskiego"], reviewers)
