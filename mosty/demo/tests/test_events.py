"""The events demo on top of the seed programmes: loads, and loads again without changes."""
import pytest
from django.utils import timezone

from mosty.core.models import AuditEntry
from mosty.demo.builders.events import load_events_demo
from mosty.demo.builders.seeds import load_seeds
from mosty.events.models import (
    Conclusions, ConsultationSlot, CycleTemplate, EventFile, FileKind, Registration)
from mosty.events.tests.test_attendance import pdf_text
from mosty.programmes.models import Programme, ProgrammeStaff, StaffRole

pytestmark = pytest.mark.django_db


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in (
        CycleTemplate, ProgrammeStaff, ConsultationSlot, EventFile, Conclusions, Registration,
        AuditEntry)}


def test_events_demo_is_complete_and_idempotent(client, tmp_path):
    load_seeds()
    load_events_demo()
    first = counts()
    load_events_demo()
    assert counts() == first
    assert first["CycleTemplate"] == 2
    experts = ProgrammeStaff.objects.filter(programme__slug="razem-dla-regionu",
                                            role=StaffRole.FACILITATOR).exclude(expertise="")
    assert experts.count() == 3
    assert " ".join(experts.values_list("expertise", flat=True)).count(",") >= 1
    assert ConsultationSlot.objects.filter(event__slug="rdr-panel-ekspertow-1").count() == 9
    brochure = EventFile.objects.get(event__kind="conference",
                                     event__programme__slug="razem-dla-regionu")
    assert brochure.kind == FileKind.MATERIAL
    assert brochure.is_public
    response = client.get(brochure.get_absolute_url())
    assert "Budowanie partnerstw lokalnych" in pdf_text(b"".join(response.streaming_content),
                                                        tmp_path)
    published = Conclusions.objects.filter(is_published=True).values_list("event__slug",
                                                                          flat=True)
    assert set(published) == {"poznan-2019-kdo-ewaluacja", "poznan-2019-rpw-warsztat-1",
                              "poznan-2019-rpw-warsztat-2", "poznan-2019-rpw-warsztat-3"}
    assert EventFile.objects.filter(kind=FileKind.CONCLUSIONS).count() == 4
    page = client.get("/programmes/events/poznan-2019-kdo-ewaluacja/").content.decode()
    assert "Podsumowanie warsztatów ewaluacyjnych KDO" in page
    registration = Registration.objects.get(user__email="uczestnik@mosty.example")
    assert registration.status == "confirmed"
    assert registration.event.programme.slug == "blisko-smigiel"
    assert registration.event.start > timezone.now()
    assert ProgrammeStaff.objects.filter(user__email="koordynator@mosty.example",
                                         role=StaffRole.COORDINATOR).count() \
        == Programme.objects.count()
