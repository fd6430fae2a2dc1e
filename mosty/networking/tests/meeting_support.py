"""Helpers for the requested-meetings tests (no tests here)."""
from mosty.accounts.models import User
from mosty.networking import meeting_services
from mosty.networking.models import MeetingRequest, NetworkingSession, Participant
from mosty.programmes.models import Event
from mosty.networking.tests.test_web_support import make_session, people_of


def requested_session(people: int = 6, slots: int = 4, tables: int = 3, cap: int = 3,
                      acceptance: bool = True, user: User | None = None,
                      wishes_open: bool = True, event: Event | None = None
                      ) -> NetworkingSession:
    return make_session(event=event, people=people, rounds=slots, table_size=2, user=user,
                        kind="requested", tables=tables, request_cap=cap,
                        requests_need_acceptance=acceptance, wishes_open=wishes_open)


def ask(sender: Participant, receiver: Participant, message: str = "") -> MeetingRequest:
    return meeting_services.send_request(None, sender, receiver,
                                         meeting_services.RequestData(message))


def agree(sender: Participant, receiver: Participant, message: str = "") -> MeetingRequest:
    request = ask(sender, receiver, message)
    if request.state == "pending":
        request = meeting_services.answer_request(None, receiver, request.pk, True)
    return request


__all__ = ["agree", "ask", "people_of", "requested_session"]
