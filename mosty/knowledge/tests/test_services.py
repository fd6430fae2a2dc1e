import pytest
from django.core.files.base import ContentFile

from mosty.core import undo, uploads
from mosty.core.models import AuditEntry
from mosty.knowledge import services
from mosty.knowledge.tests.files import small_pdf
from mosty.knowledge.models import GlossaryTerm, GoodPractice

pytestmark = pytest.mark.django_db


def test_create_practice_from_plain_values_writes_audit_and_search_text(coordinator, organisation):
    practice = services.create_practice(coordinator, services.PracticeData(
        title="Festyn w Śmiglu", who="Biblioteka", what="Wspólny festyn w mieście.",
        partner_ids=(organisation.pk,), municipality_code="3011053", sector_a="ngo",
        sector_b="public_institution", tags=("Festyn", "festyn", "kultura"),
        source="agreement:12"))
    assert list(practice.partners.all()) == [organisation]
    assert practice.tags == "Festyn, kultura"
    assert practice.municipality.name == "Śmigiel"
    assert "miasto" in practice.search_text  # the lemma of "mieście"
    assert practice.created_by == coordinator
    entry = AuditEntry.objects.get(action="knowledge.practice.created")
    assert entry.user == coordinator
    assert entry.data["source"] == "agreement:12"


@pytest.mark.parametrize(("changes", "message"), [
    ({"title": " "}, "tytuł"),
    ({"sector_a": "ngo", "sector_b": "ngo"}, "dwa różne"),
    ({"municipality_code": "9999999"}, "gminę"),
    ({"partner_ids": (999999,)}, "nie istnieje"),
])
def test_practice_errors_are_translated(coordinator, changes, message):
    data = {"title": "T", "who": "W", "what": "Co", **changes}
    with pytest.raises(services.KnowledgeError, match=message):
        services.create_practice(coordinator, services.PracticeData(**data))
    assert not GoodPractice.objects.exists()


def test_participant_may_not_add_global_items(participant):
    with pytest.raises(services.KnowledgeError):
        services.create_term(participant, services.TermData("lider", "Osoba koordynująca."))
    assert not GlossaryTerm.objects.exists()


def test_programme_coordinator_edits_own_programme_items_only(
        programme_coordinator, other_coordinator, private_programme):
    data = services.TermData("lider", "Koordynuje.", programme=private_programme)
    term = services.create_term(programme_coordinator, data)
    with pytest.raises(services.KnowledgeError):
        services.update_term(other_coordinator, term, data)
    with pytest.raises(services.KnowledgeError):  # nor may they move it to the global glossary
        services.update_term(programme_coordinator, term,
                             services.TermData("lider", "Koordynuje."))


def test_duplicate_term_in_one_glossary_is_refused(coordinator):
    services.create_term(coordinator, services.TermData("Lider", "A."))
    with pytest.raises(services.KnowledgeError, match="już"):
        services.create_term(coordinator, services.TermData("lider", "B."))


def test_concurrent_edit_is_detected(coordinator):
    term = services.create_term(coordinator, services.TermData("sektor", "A."))
    opened = term.version
    services.update_term(coordinator, GlossaryTerm.objects.get(pk=term.pk),
                         services.TermData("sektor", "B."), opened)
    with pytest.raises(services.ConcurrentEditError):
        services.update_term(coordinator, GlossaryTerm.objects.get(pk=term.pk),
                             services.TermData("sektor", "C."), opened)
    assert GlossaryTerm.objects.get(pk=term.pk).definition_pl == "B."


def test_files_are_checked_by_content(coordinator, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    publication = services.create_publication(coordinator, services.PublicationData(
        "Raport", "report"))
    fake = ContentFile(b"MZ not really a pdf", name="raport.pdf")
    with pytest.raises(services.KnowledgeError) as refused:
        services.add_file(coordinator, publication, services.Upload(fake, "raport.pdf"))
    assert refused.value.message == uploads.wrong_type("raport.pdf", None, services.FILE_TYPES)
    real = ContentFile(small_pdf(), name="raport.pdf")
    attached = services.add_file(coordinator, publication, services.Upload(real, "raport.pdf"))
    assert attached.file_type == "pdf"
    assert attached.size > 1000
    deletion = services.remove_file(coordinator, publication, attached.pk)
    assert not publication.files.exists()
    assert attached.file.storage.exists(attached.file.name)  # until it cannot be undone
    undo.restore(coordinator, deletion)
    assert publication.files.get().pk == attached.pk
