"""The programme's services: starting from last year, completeness, consultation, answers."""
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from mosty.core import uploads
from mosty.core.models import AuditEntry
from mosty.cooperation import services
from mosty.cooperation.models import CommentKind, Decision, Element, Status
from mosty.cooperation.tests.conftest import POZNAN, texts, write

pytestmark = pytest.mark.django_db


def test_starting_from_last_year_copies_every_paragraph_with_its_identity(programme_2019,
                                                                         poznan_official):
    services.save_chapter(None, programme_2019, Element.PERIOD, ["Od 1 stycznia 2019 r."])
    copy = services.start_programme(poznan_official, POZNAN, 2020, copy_from=programme_2019)
    assert copy.status == Status.DRAFT
    assert copy.based_on == programme_2019
    assert "2020" in copy.title
    assert "Poznań" in copy.title
    old = {p.key: p.text for p in programme_2019.paragraphs.all()}
    new = {p.key: p.text for p in copy.paragraphs.all()}
    assert old.keys() == new.keys()
    assert len(new) == 12
    assert copy.paragraphs.get(element=Element.PERIOD).text == "Od 1 stycznia 2020 r."
    entry = AuditEntry.objects.get(action="cooperation.programme.started", object_id=copy.pk)
    assert entry.user == poznan_official
    assert entry.data["copied_from"] == programme_2019.pk


def test_a_second_programme_for_the_same_year_is_refused(programme_2019):
    with pytest.raises(services.CooperationError, match="już ma program na 2019"):
        services.start_programme(None, POZNAN, 2019)


def test_an_official_of_another_gmina_cannot_start_or_edit(programme_2019, other_official):
    with pytest.raises(services.CooperationError, match="Tylko urzędnicy"):
        services.start_programme(other_official, POZNAN, 2021)
    with pytest.raises(services.CooperationError, match="Tylko urzędnicy"):
        services.save_chapter(other_official, programme_2019, Element.GOALS, ["Inny cel."])


def test_completeness_lists_missing_elements_and_blocks_marking_final(db, poznan_official):
    programme = services.start_programme(poznan_official, POZNAN, 2021)
    chapters = texts()
    del chapters[Element.FUNDS]
    chapters[Element.COMMITTEES] = ["   "]
    write(programme, chapters)
    assert services.missing_elements(programme) == [Element.FUNDS, Element.COMMITTEES]
    with pytest.raises(services.CooperationError) as error:
        services.mark_final(poznan_official, programme)
    assert "Wysokość środków planowanych" in error.value.message
    assert "komisji konkursowych" in error.value.message
    programme.refresh_from_db()
    assert programme.status == Status.DRAFT
    services.save_chapter(poznan_official, programme, Element.FUNDS, ["10 000 000 zł."])
    services.save_chapter(poznan_official, programme, Element.COMMITTEES, ["Komisje."])
    services.mark_final(poznan_official, programme)
    programme.refresh_from_db()
    assert programme.status == Status.FINAL
    assert programme.versions.last().label == "Projekt ostateczny"


def test_a_stale_edit_is_refused(programme_2019):
    version = programme_2019.version
    services.save_chapter(None, programme_2019, Element.GOALS, ["Nowy cel."], version)
    with pytest.raises(services.ConcurrentEditError):
        services.save_chapter(None, programme_2019, Element.GOALS, ["Inny cel."], version)


def test_editing_a_chapter_keeps_paragraphs_and_their_comments(draft, comment, poznan_official):
    key = comment.paragraph.key
    services.save_chapter(poznan_official, draft, Element.FORMS,
                          ["Formy finansowe i pozafinansowe, w tym użyczanie sal.", "Nowy."])
    comment.refresh_from_db()
    assert comment.paragraph.key == key
    assert comment.paragraph.text.startswith("Formy finansowe")
    assert comment.paragraph_text.startswith("Treść rozdziału")
    with pytest.raises(services.CooperationError, match="nie można usunąć"):
        services.save_chapter(poznan_official, draft, Element.FORMS, [])


def test_opening_the_consultation_keeps_the_published_text_as_a_version(draft):
    assert draft.status == Status.CONSULTATION
    version = draft.versions.get()
    assert version.number == 1
    assert len(version.paragraphs) == 12
    with pytest.raises(services.CooperationError, match="nie mogą się zakończyć"):
        services.open_consultation(None, services.start_programme(None, POZNAN, 2022),
                                   date(2021, 10, 2), date(2021, 10, 1))


def test_ngo_members_comment_on_behalf_of_their_organisation(draft, ngo, ngo_member,
                                                             other_ngo_member, poznan_office):
    paragraph = draft.paragraphs.get(element=Element.SCOPE)
    made = services.add_comment(ngo_member, draft, services.CommentData(
        organisation_id=ngo.pk, paragraph_id=paragraph.pk, kind=CommentKind.WORDING,
        text="Doprecyzujcie zakres.", proposed_text="Zakres obejmuje zadania z art. 4."))
    assert made.element == Element.SCOPE
    assert made.paragraph_text == paragraph.text
    assert AuditEntry.objects.filter(action="cooperation.comment.added",
                                     object_id=made.pk).exists()
    with pytest.raises(services.CooperationError, match="członkiem"):
        services.add_comment(other_ngo_member, draft, services.CommentData(
            organisation_id=ngo.pk, paragraph_id=paragraph.pk, text="Cudza uwaga."))
    with pytest.raises(services.CooperationError, match="proponowane brzmienie"):
        services.add_comment(ngo_member, draft, services.CommentData(
            organisation_id=ngo.pk, element=Element.FUNDS, kind=CommentKind.WORDING,
            text="Więcej środków."))


def test_no_comments_outside_the_consultation_period_or_unconfirmed(draft, ngo, ngo_member):
    data = services.CommentData(organisation_id=ngo.pk, element=Element.FUNDS, text="Uwaga.")
    ngo_member.email_confirmed_at = None
    ngo_member.save()
    with pytest.raises(services.DomainError, match="potwierdź swój adres"):
        services.add_comment(ngo_member, draft, data)
    ngo_member.email_confirmed_at = timezone.now()
    ngo_member.save()
    draft.consultation_end = timezone.localdate() - timedelta(days=1)
    draft.save()
    with pytest.raises(services.CooperationError, match="nie są otwarte"):
        services.add_comment(ngo_member, draft, data)


def test_answers_need_a_reason_and_the_report_fills_the_consultation_chapter(
        draft, comment, poznan_official):
    with pytest.raises(services.CooperationError, match="uzasadnienie"):
        services.answer_comment(poznan_official, comment, Decision.ACCEPTED, " ")
    with pytest.raises(services.CooperationError, match="rozstrzygnij 1 uwagę"):
        services.publish_consultation_report(poznan_official, draft)
    services.answer_comment(poznan_official, comment, Decision.PARTLY, "Dopisano sale.")
    entry = AuditEntry.objects.get(action="cooperation.comment.answered")
    assert entry.data["changes"]["decision"] == ["", "partly"]
    services.publish_consultation_report(poznan_official, draft)
    summary = draft.paragraphs.get(key=services.CONSULTATION_KEY)
    assert summary.element == Element.CREATION
    assert "Wpłynęła 1 uwaga od 1 organizacji" in summary.text
    assert "1 uwzględniono częściowo" in summary.text
    services.publish_consultation_report(poznan_official, draft)
    assert draft.paragraphs.filter(key=services.CONSULTATION_KEY).count() == 1


def test_final_needs_every_comment_answered_then_the_council_adopts(draft, comment,
                                                                    poznan_official):
    with pytest.raises(services.CooperationError, match="każdą uwagę"):
        services.mark_final(poznan_official, draft)
    services.answer_comment(poznan_official, comment, Decision.REJECTED, "Poza zakresem.")
    with pytest.raises(services.CooperationError, match="Najpierw opublikuj sprawozdanie"):
        services.mark_final(poznan_official, draft)
    services.publish_consultation_report(poznan_official, draft)
    services.mark_final(poznan_official, draft)
    services.adopt(poznan_official, draft, "XX/100/VIII/2019", date(2019, 11, 5))
    draft.refresh_from_db()
    assert (draft.status, draft.resolution_number) == (Status.ADOPTED, "XX/100/VIII/2019")
    with pytest.raises(services.CooperationError, match="status „przyjęty”"):
        services.save_chapter(poznan_official, draft, Element.GOALS, ["Zmiana."])


def test_the_opinion_is_checked_by_its_content(draft, poznan_official, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    fake = services.Upload(ContentFile(b"not a pdf at all"), "opinia.pdf")
    with pytest.raises(services.CooperationError) as refused:
        services.attach_opinion(poznan_official, draft, fake)
    assert refused.value.message == uploads.wrong_type("opinia.pdf", None,
                                                       services.OPINION_TYPES)
    assert refused.value.field == "opinion"
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    services.attach_opinion(poznan_official, draft, services.Upload(ContentFile(pdf),
                                                                    "opinia.pdf"))
    draft.refresh_from_db()
    assert draft.opinion_file_type == "pdf"
    assert draft.opinion_file.name.endswith(".pdf")


def test_report_figures_are_saved_and_generated(programme_2019, poznan_official):
    report = services.save_report_figures(poznan_official, programme_2019, services.ReportFigures(
        open_competitions=12, grants_given=340, grants_amount=Decimal("41250000.50"),
        small_grants=85, small_grants_amount=Decimal("850000")), generate=True)
    assert report.generated_at is not None
    assert report.grants_given == 340
    entry = AuditEntry.objects.get(action="cooperation.report.saved")
    assert entry.data["changes"]["grants_given"] == [0, 340]


def test_the_report_closes_the_consultation(draft, comment, ngo, ngo_member, poznan_official):
    services.answer_comment(poznan_official, comment, Decision.ACCEPTED, "Tak.")
    services.publish_consultation_report(poznan_official, draft)
    with pytest.raises(services.CooperationError, match="nie są otwarte"):
        services.add_comment(ngo_member, draft, services.CommentData(
            organisation_id=ngo.pk, element=Element.FUNDS, text="Spóźniona uwaga."))
