"""Sessions and participants changed with plain values, as the views, API and importer do."""
import pytest

from mosty.core.models import AuditEntry
from mosty.networking import services
from mosty.networking.tests.test_web_support import make_event, make_session, people_of

pytestmark = pytest.mark.django_db


def test_create_session_records_its_settings(coordinator):
    event = make_event()
    session = services.create_session(coordinator, event, {"title": "Szybkie randki",
                                                           "rounds": 4})
    assert session.rounds == 4
    assert session.planned_start == event.start
    changes = AuditEntry.objects.get(action="networking.session.created").data["changes"]
    assert changes["title"] == [None, "Szybkie randki"]
    assert changes["rounds"] == [None, 4]


def test_update_session_changes_only_given_fields_and_logs_before_after(coordinator):
    session = make_session(people=4, user=coordinator)
    version = session.setup_version
    services.update_session(coordinator, session, {"rounds": 5, "title": "Speed dating"},
                            version)
    session.refresh_from_db()
    assert session.rounds == 5
    assert session.table_size == 4
    assert session.setup_version == version + 1
    entry = AuditEntry.objects.get(action="networking.session.updated")
    assert entry.data == {"fields": ["rounds"], "changes": {"rounds": [3, 5]}}


@pytest.mark.parametrize("data", [{"rounds": 0}, {"mode": "party"}, {"title": ""}])
def test_update_session_refuses_bad_values(coordinator, data):
    session = make_session(people=0, user=coordinator)
    with pytest.raises(services.NetworkingError) as error:
        services.update_session(coordinator, session, data)
    assert error.value.message
    session.refresh_from_db()
    assert (session.rounds, session.mode, session.title) == (3, "mixed", "Speed dating")
    assert not AuditEntry.objects.filter(action="networking.session.updated").exists()


def test_update_participant_logs_before_after(coordinator):
    session = make_session(people=2, user=coordinator)
    person = people_of(session)[0]
    old_about = person.about
    services.update_participant(coordinator, person, {"about": "Nowy opis", "host": False})
    person.refresh_from_db()
    assert person.about == "Nowy opis"
    entry = AuditEntry.objects.get(action="networking.participant.updated")
    assert entry.data["changes"] == {"about": [old_about, "Nowy opis"]}


def test_add_participant_refuses_a_bad_e_mail_and_saves_nothing(coordinator):
    session = make_session(people=0, user=coordinator)
    with pytest.raises(services.NetworkingError, match="poprawny adres"):
        services.add_participant(coordinator, session, {"name": "Ola", "email": "nie-adres"})
    assert not session.participants.exists()


def test_only_keeps_the_named_keys():
    assert services.only({"title": "A", "version": 3}, services.SESSION_FIELDS) == {"title": "A"}
