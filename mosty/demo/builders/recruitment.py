"""Demo editions, groups and a recruitment call for seeds 000, 001 and 003, from
``data/groups.yaml`` and ``data/recruitment.yaml``.

Run after mosty.demo.builders.seeds.load_seeds (it needs its organisations and accounts). Idempotent:
everything is found by name, slug or e-mail before it is created. Historical applications
are written directly, not through the services: their call closed years ago, and the demo
must not queue e-mails to the demo addresses.
"""
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction

from mosty.accounts.models import Role, User
from mosty.core.pdf import FONT, new_document, to_bytes
from mosty.demo import content
from mosty.demo.builders.groups import load_groups, programmes_with_groups
from mosty.demo.builders.seeds import DEMO_PASSWORD, _aware
from mosty.directory.models import Membership, Organisation
from mosty.programmes.models import Edition, Group, GroupMember, Programme, ProgrammeStaff
from mosty.recruitment.choices import QuestionKind, Status
from mosty.recruitment.models import (
    Application, ApplicationFile, Criterion, Question, RecruitmentCall, Review)


def _staff(programmes: list[Programme], staff: list[dict[str, str]]) -> None:
    for entry in staff:
        user = User.objects.filter(email=entry["email"]).first()
        if user is None:
            continue
        for programme in programmes:
            ProgrammeStaff.objects.get_or_create(programme=programme, user=user,
                                                 role=entry["role"])


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


def _call(edition: Edition, data: dict[str, Any]) -> RecruitmentCall:
    call, _created = RecruitmentCall.objects.update_or_create(
        edition=edition, title=data["title"], defaults={
            "description": data["description"],
            "opens_at": _aware(data["opens_at"]), "deadline": _aware(data["deadline"]),
            "is_published": True, "allowed_sectors": data["allowed_sectors"],
            "max_accepted": data["max_accepted"], "score_max": data["score_max"]})
    if not call.questions.exists():
        Question.objects.bulk_create([
            Question(call=call, position=index, kind=question["kind"], label=question["label"],
                     required=question["required"], options=question.get("options", []),
                     help_text=question.get("help_text", ""),
                     file_types=["pdf"] if question["kind"] == QuestionKind.FILE else [],
                     max_size_mb=5)
            for index, question in enumerate(data["questions"], 1)])
        Criterion.objects.bulk_create([
            Criterion(call=call, position=index, name=criterion["name"],
                      max_points=criterion["max_points"])
            for index, criterion in enumerate(data["criteria"], 1)])
    return call


def _applications(call: RecruitmentCall, group: Group, reviewers: list[User],
                  data: dict[str, Any]) -> None:
    questions = list(call.questions.all())
    criteria = list(call.criteria.all())
    for entry in data["applications"]:
        organisation = Organisation.objects.get(slug=entry["organisation"])
        name = entry["name"]
        user = User.objects.filter(email=entry["email"]).first()
        if user is None:
            user = User.objects.create_user(entry["email"], DEMO_PASSWORD, full_name=name,
                                            role=Role.PARTICIPANT)
        Membership.objects.get_or_create(user=user, organisation=organisation)
        application, _created = Application.objects.update_or_create(
            call=call, organisation=organisation, defaults={
                "applicant": user, "applicant_is_member": True, "status": entry["status"],
                "submitted_at": _aware(data["submitted_at"]), "language": "pl",
                "answers": {q.key: value
                            for q, value in zip(questions, entry["answers"], strict=False)}})
        attachment = questions[-1]
        if not application.files.filter(question=attachment).exists():
            stored = ApplicationFile(application=application, question=attachment,
                                     original_name="deklaracja.pdf", file_type="pdf", size=0)
            pdf = declaration_pdf(organisation, name)
            stored.size = len(pdf)
            stored.file.save("deklaracja.pdf", ContentFile(pdf), save=False)
            stored.save()
        for reviewer, points in zip(reviewers, entry["scores"], strict=False):
            Review.objects.update_or_create(
                application=application, reviewer=reviewer,
                defaults={"scores": {str(c.pk): p for c, p in zip(criteria, points, strict=False)},
                          "total": sum(points)})
        if entry["status"] == Status.ACCEPTED and not application.group_member_id:
            member, _created = GroupMember.objects.get_or_create(group=group,
                                                                 organisation=organisation)
            member.people.add(user)
            application.group_member = member
            application.save(update_fields=["group_member"])


@transaction.atomic
def load_recruitment_demo() -> None:
    data = content.read("recruitment.yaml")
    programmes = list(Programme.objects.filter(slug__in=programmes_with_groups()))
    _staff(programmes, data["staff"])
    call_data = data["call"]
    for programme in programmes:
        groups = load_groups(programme)
        if programme.slug == call_data["programme"]:
            call = _call(programme.editions.get(name=call_data["edition"]), call_data)
            reviewers = list(User.objects.filter(email__in=[s["email"] for s in data["staff"]])
                             .order_by("email"))
            _applications(call, groups[call_data["group"]], reviewers, call_data)
