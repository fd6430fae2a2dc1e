"""Service rules: optimiser runs, locks and swaps, the clock, wishes, marks and statistics."""
import time
from datetime import timedelta
from itertools import combinations
from unittest import mock

import pytest
from django.urls import reverse
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

from mosty.core.models import AuditEntry
from mosty.networking import analytics, optimiser, services
from mosty.networking.models import ContinueMark, OptimiserState, Participant, Seat, Wish
from mosty.networking.tests.test_web_support import make_session, people_of, tablemates

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def quick_optimiser(settings):
    settings.NETWORKING_OPTIMISER_SECONDS = 0.2


def seat_map(session) -> dict[tuple[int, int], int | None]:
    return {(s.participant_id, s.round): s.table for s in Seat.objects.filter(session=session)}


def test_the_optimiser_seats_everybody_every_round_mixing_sectors(coordinator):
    session = make_session(people=12, rounds=4, seat=True, user=coordinator)
    assert session.status == "scheduled"
    assert session.has_schedule
    assert not session.schedule_outdated
    seats = Seat.objects.filter(session=session)
    assert seats.count() == 12 * 4
    for number in range(1, 5):
        tables: dict[int | None, list] = {}
        for seat in seats.filter(round=number).select_related("participant"):
            tables.setdefault(seat.table, []).append(seat.participant.sector)
        assert sorted(len(t) for t in tables.values()) == [4, 4, 4]
        assert all(len(set(sectors)) == 2 for sectors in tables.values())
    assert session.stats["pairs_met"] <= session.stats["upper_bound_pairs"]
    assert session.optimiser_state == OptimiserState.DONE
    assert AuditEntry.objects.filter(action="networking.optimiser.finished").exists()


def test_colleagues_never_share_a_table(coordinator):
    session = make_session(people=0, rounds=3, user=coordinator)
    for index in range(8):
        services.add_participant(coordinator, session, {
            "name": f"Osoba {index}", "sector": "business" if index % 2 else "ngo",
            "organisation_name": "Wartka IT" if index < 2 else f"Org {index}"})
    optimiser.start(session, coordinator)
    session.refresh_from_db()
    first, second = people_of(session)[:2]
    for number in range(1, 4):
        assert second not in tablemates(session, first, number)
    assert session.stats["same_organisation_pairs"] == 0


def test_changes_make_the_seating_outdated_and_publishing_waits_for_a_new_run(coordinator):
    session = make_session(people=8, seat=True, user=coordinator)
    services.add_participant(coordinator, session, {"name": "Spóźniona Ola", "sector": "ngo"})
    session.refresh_from_db()
    assert session.schedule_outdated
    with pytest.raises(services.NetworkingError) as error:
        services.set_status(coordinator, session, "published")
    assert str(error.value) == _("Participants or the format changed after the seating was "
                                 "planned. Run the optimiser again, then publish.")
    assert session.status == "scheduled"
    optimiser.start(session, coordinator)
    session.refresh_from_db()
    assert services.set_status(coordinator, session, "published").status == "published"
    assert Seat.objects.filter(session=session, round=1).count() == 9


def test_reoptimising_keeps_locked_seats(coordinator):
    session = make_session(people=12, rounds=4, seat=True, user=coordinator)
    first, *_ = people_of(session)
    seats = list(Seat.objects.filter(session=session, round=2, table=1))
    services.save_round_locks(coordinator, session, 2, [s.pk for s in seats])
    locked = {(s.participant_id, s.round): s.table for s in seats}
    for _run in range(2):
        optimiser.start(session, coordinator)
        session.refresh_from_db()
        assert session.optimiser_state == "done", session.optimiser_message
        now = seat_map(session)
        assert all(now[key] == table for key, table in locked.items())
        assert Seat.objects.filter(session=session, locked=True).count() == len(seats)


def test_impossible_locks_fail_with_a_message_and_keep_the_seating(coordinator):
    session = make_session(people=12, rounds=3, seat=True, user=coordinator)
    before = seat_map(session)
    person = people_of(session)[0]
    Seat.objects.filter(session=session, participant=person, round=2).update(locked=True)
    services.update_participant(coordinator, person, {"absent_rounds": [2]})
    optimiser.start(session, coordinator)
    session.refresh_from_db()
    assert session.optimiser_state == "failed"
    assert "2" in session.optimiser_message
    assert seat_map(session) == before


def test_swap_two_people_then_validation_errors_change_nothing(coordinator):
    session = make_session(people=8, rounds=3, seat=True, user=coordinator)
    a = Seat.objects.filter(session=session, round=2, table=1).select_related("participant")[0]
    b = Seat.objects.filter(session=session, round=2, table=2).select_related("participant")[0]
    warnings = services.swap_seats(coordinator, session, 2, a.participant, b.participant,
                                   expected_version=session.schedule_version)
    assert isinstance(warnings, list)
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.table, b.table, a.locked, b.locked) == (2, 1, True, True)
    session.refresh_from_db()
    before = seat_map(session)
    mate = tablemates(session, a.participant, 2)[0]
    with pytest.raises(services.NetworkingError, match=a.participant.name):
        services.swap_seats(coordinator, session, 2, a.participant, mate)
    with pytest.raises(services.NetworkingError):
        services.swap_seats(coordinator, session, 9, a.participant, b.participant)
    with pytest.raises(services.NetworkingError) as stale:
        services.swap_seats(coordinator, session, 2, a.participant, b.participant,
                            expected_version=session.schedule_version - 1)
    assert "changed" in str(stale.value) or str(stale.value)
    assert seat_map(session) == before


def test_a_swap_warns_about_repeated_meetings_and_updates_the_statistics(coordinator):
    session = make_session(people=8, rounds=3, seat=True, user=coordinator)
    person = people_of(session)[0]
    met_in_1 = set(tablemates(session, person, 1))
    table_2 = Seat.objects.get(participant=person, round=2).table
    candidate = Seat.objects.filter(session=session, round=2, participant__in=met_in_1) \
        .exclude(table=table_2).select_related("participant").first()
    if candidate is None:
        pytest.skip("the optimiser seated everybody without repeats in round 2")
    partner = next(s.participant for s in Seat.objects.filter(
        session=session, round=2, table=table_2).exclude(participant=person)
        .select_related("participant") if s.participant.sector == candidate.participant.sector)
    warnings = services.swap_seats(coordinator, session, 2, partner, candidate.participant)
    assert any(person.name in w and candidate.participant.name in w for w in warnings)
    session.refresh_from_db()
    assert session.stats["repeated_pairs"] >= 1


def test_hosts_stay_at_their_tables(coordinator):
    session = make_session(people=12, rounds=3, mode="hosts", seat=True, user=coordinator)
    host = session.participants.filter(host=True).first()
    guest = session.participants.filter(host=False).first()
    assert host is not None
    assert guest is not None
    tables = set(Seat.objects.filter(participant=host).values_list("table", flat=True))
    assert len(tables) == 1
    with pytest.raises(services.NetworkingError):
        services.swap_seats(coordinator, session, 1, host, guest)


def test_the_optimiser_refuses_input_it_cannot_seat(coordinator):
    session = make_session(people=1, user=coordinator)
    with pytest.raises(optimiser.OptimiserError):
        optimiser.start(session, coordinator)
    hosts = make_session(people=6, mode="hosts", table_size=2, user=coordinator)
    hosts.participants.update(host=False)
    with pytest.raises(optimiser.OptimiserError):
        optimiser.start(hosts, coordinator)
    assert not Seat.objects.exists()


def test_only_one_run_at_a_time_and_a_dead_run_is_taken_over(coordinator):
    session = make_session(people=8, user=coordinator)
    session.optimiser_state = "running"
    session.optimiser_run_id = "other"
    session.optimiser_deadline = timezone.now() + timedelta(minutes=1)
    session.save()
    with pytest.raises(optimiser.OptimiserError):
        optimiser.start(session, coordinator)
    optimiser.execute(session.pk, "not-the-claimed-run")
    assert not Seat.objects.filter(session=session).exists()
    session.optimiser_deadline = timezone.now() - timedelta(seconds=1)
    session.save()
    assert optimiser.progress(session)["state"] == "failed"
    optimiser.start(session, coordinator)
    session.refresh_from_db()
    assert session.optimiser_state == "done"
    assert session.has_schedule


@pytest.mark.django_db(transaction=True)
def test_big_sessions_run_in_a_real_background_process(coordinator, settings, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("another process cannot see SQLite's in-memory test database")
    settings.NETWORKING_BACKGROUND_FROM = 5
    # The child process (`mosty networking_optimise …`) must open this test database.
    db = connection.settings_dict
    monkeypatch.setenv("DATABASE_URL", f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:"
                                       f"{db['PORT'] or 5432}/{db['NAME']}")
    session = make_session(people=8, user=coordinator)
    assert not optimiser.runs_inline(8)
    optimiser.start(session, coordinator)
    session.refresh_from_db()
    assert optimiser.progress(session)["state"] in ("running", "done")
    deadline = time.monotonic() + 90
    while optimiser.progress(session)["state"] == "running" and time.monotonic() < deadline:
        time.sleep(0.3)
        session.refresh_from_db()
    assert optimiser.progress(session)["state"] == "done"
    assert Seat.objects.filter(session=session, table__isnull=False).count() == 8 * 3


def test_a_seating_change_during_the_run_is_not_overwritten(coordinator):
    session = make_session(people=8, seat=True, user=coordinator)
    real_schedule = optimiser.schedule

    def swap_meanwhile(*args, **kwargs):
        services.set_locks(coordinator, session, True)
        return real_schedule(*args, **kwargs)

    with mock.patch("mosty.networking.optimiser.schedule", side_effect=swap_meanwhile):
        optimiser.start(session, coordinator)
    session.refresh_from_db()
    assert session.optimiser_state == "failed"
    assert Seat.objects.filter(session=session, locked=True).count() == 8 * 3


def test_the_clock_controls(coordinator):
    session = make_session(people=8, rounds=3, publish=True, user=coordinator)
    with pytest.raises(services.NetworkingError):
        services.control_clock(coordinator, session, "next")
    now = timezone.now()
    session = services.control_clock(coordinator, session, "start", now)
    assert (session.status, session.clock_round) == ("running", 1)
    session = services.control_clock(coordinator, session, "pause", now + timedelta(seconds=60))
    session = services.control_clock(coordinator, session, "resume",
                                     now + timedelta(seconds=160))
    assert session.clock_started_at == now + timedelta(seconds=100)
    session = services.control_clock(coordinator, session, "next", now + timedelta(seconds=200))
    assert session.clock_round == 2
    session = services.control_clock(coordinator, session, "next", now + timedelta(seconds=210))
    session = services.control_clock(coordinator, session, "next", now + timedelta(seconds=220))
    assert session.status == "finished"
    assert session.live_version >= 6


def test_during_the_evening_rounds_held_stay_and_latecomers_miss_them(coordinator):
    session = make_session(people=8, rounds=4, publish=True, user=coordinator)
    session = services.control_clock(coordinator, session, "start")
    session = services.control_clock(coordinator, session, "next")
    before = {k: v for k, v in seat_map(session).items() if k[1] <= 2}
    late = services.add_participant(coordinator, session, {"name": "Ola Późna",
                                                           "sector": "ngo"})
    assert late.absent_rounds == [1, 2]
    optimiser.start(session, coordinator)
    session.refresh_from_db()
    assert session.optimiser_state == "done", session.optimiser_message
    after = seat_map(session)
    assert all(after[k] == v for k, v in before.items())
    assert (late.pk, 3) in after
    assert (late.pk, 2) not in after
    with pytest.raises(services.NetworkingError):
        services.remove_participant(coordinator, late)


def test_wishes_are_validated_and_the_optimiser_meets_them(coordinator):
    session = make_session(people=12, rounds=3, user=coordinator)
    me, *others = people_of(session)
    for wish, avoid in (([me.pk], []), ([others[0].pk], [others[0].pk]),
                        ([o.pk for o in others[:6]], [])):
        with pytest.raises(services.NetworkingError):
            services.set_wishes(None, me, wish, avoid)
    wanted = [o for o in others if o.sector != me.sector][:2]
    avoided = next(o for o in others if o.sector != me.sector and o not in wanted)
    services.set_wishes(None, me, [o.pk for o in wanted], [avoided.pk])
    assert Wish.objects.filter(from_participant=me).count() == 3
    session.refresh_from_db()
    assert session.setup_version > 1
    optimiser.start(session, coordinator)
    session.refresh_from_db()
    assert session.stats["wishes_total"] == 2
    met = {p for r in range(1, 4) for p in tablemates(session, me, r)}
    assert set(wanted) <= met
    assert avoided not in met
    session.wishes_open = False
    session.save()
    with pytest.raises(services.NetworkingError):
        services.set_wishes(None, me, [], [])
    services.set_wishes(coordinator, me, [], [], by_coordinator=True)
    assert not Wish.objects.filter(from_participant=me).exists()


def test_marks_only_for_people_met_and_mutual_marks_share_consented_contacts(coordinator):
    session = make_session(people=8, rounds=3, publish=True, user=coordinator)
    me = people_of(session)[0]
    mate = tablemates(session, me, 1)[0]
    with pytest.raises(services.NetworkingError):
        services.set_mark(me, mate, True)  # the evening has not started
    services.control_clock(coordinator, session, "start")
    me.refresh_from_db()
    stranger = next(p for p in people_of(session)
                    if p != me and p not in tablemates(session, me, 1))
    with pytest.raises(services.NetworkingError):
        services.set_mark(me, stranger, True)
    assert services.set_mark(me, mate, True) is False
    assert services.set_mark(me, mate, True) is False  # a double click changes nothing
    assert services.set_mark(mate, me, True) is True
    assert ContinueMark.objects.count() == 2
    result = analytics.session_statistics(session)
    assert (result.marks, result.matches, result.people_with_match) == (2, 1, 2)
    services.set_mark(me, mate, False)
    assert analytics.session_statistics(session).matches == 0


def test_statistics_by_pair_of_sectors(coordinator):
    session = make_session(people=8, rounds=2, publish=True, user=coordinator)
    services.control_clock(coordinator, session, "start")
    session.refresh_from_db()
    result = analytics.session_statistics(session)
    assert result.rounds_held == 1
    round_1 = analytics.seating(session, up_to_round=1)[1]
    pairs = sum(len(list(combinations(m, 2))) for t, m in round_1.items() if t)
    assert result.pairs_met == pairs == sum(r.meetings for r in result.by_sector)
    labels = {r.label for r in result.by_sector}
    assert any("business" in label.lower() or "biznes" in label.lower() for label in labels)


def test_consent_shows_and_hides_contact_details_to_matches(coordinator):
    from mosty.networking.live import phone_view

    session = make_session(people=8, rounds=3, publish=True, user=coordinator)
    services.control_clock(coordinator, session, "start")
    me = people_of(session)[0]
    mate = tablemates(session, me, 1)[0]
    services.set_mark(me, mate, True)
    services.set_mark(mate, me, True)
    services.set_consent(mate, False)
    me.refresh_from_db()
    view = phone_view(me, timezone.now())
    assert view.match_rows == [(mate, False)]
    services.set_consent(mate, True)
    view = phone_view(type(me).objects.select_related("session").get(pk=me.pk), timezone.now())
    assert view.match_rows == [(mate, True)]


def test_a_mutual_match_puts_the_organisations_on_the_relationship_map(coordinator):
    from mosty.directory.tests.factories import OrganisationFactory
    from mosty.matching.models import Relation

    session = make_session(people=8, rounds=3, publish=True, user=coordinator)
    services.control_clock(coordinator, session, "start")
    me = people_of(session)[0]
    mate = tablemates(session, me, 1)[0]
    ours, theirs = OrganisationFactory(), OrganisationFactory(sector="business", kind="company")
    Participant.objects.filter(pk=me.pk).update(organisation=ours)
    Participant.objects.filter(pk=mate.pk).update(organisation=theirs)
    me.refresh_from_db()
    mate.refresh_from_db()
    services.set_mark(me, mate, True)
    assert not Relation.objects.exists()  # one-sided interest is no relation yet
    services.set_mark(mate, me, True)
    relation = Relation.objects.get()
    assert {relation.org_a_id, relation.org_b_id} == {ours.pk, theirs.pk}
    assert (relation.kind, relation.origin) == ("met", "networking")
    assert relation.programme_id == session.event.programme_id


def test_held_rounds_are_kept_once_the_evening_runs_or_is_over(coordinator):
    session = make_session(people=8, rounds=3, publish=True, user=coordinator)
    services.control_clock(coordinator, session, "start")
    session.refresh_from_db()
    me = people_of(session)[0]
    other = next(p for p in people_of(session) if p not in tablemates(session, me, 1) and p != me)
    with pytest.raises(services.NetworkingError):
        services.swap_seats(coordinator, session, 1, me, other)
    services.control_clock(coordinator, session, "finish")
    session.refresh_from_db()
    before = list(Seat.objects.filter(session=session).values_list("participant", "round", "table"))
    with pytest.raises(optimiser.OptimiserError):
        optimiser.start(session, coordinator)
    after = list(Seat.objects.filter(session=session).values_list("participant", "round", "table"))
    assert after == before


def test_an_outdated_seating_cannot_be_started(coordinator):
    session = make_session(people=8, rounds=3, publish=True, user=coordinator)
    services.add_participant(coordinator, session, {
        "name": "Spóźniona Osoba", "sector": "ngo", "organisation_name": "Fundacja Nowa"})
    session.refresh_from_db()
    assert session.schedule_outdated
    with pytest.raises(services.NetworkingError):
        services.control_clock(coordinator, session, "start")


def test_a_coordinators_edit_keeps_consent_the_participant_gave_meanwhile(client, coordinator):
    import re

    session = make_session(people=4, user=coordinator)
    person = people_of(session)[2]  # index 2 has not agreed to share contact details
    assert not person.share_contact
    client.force_login(coordinator)
    url = reverse("networking:participant_edit", args=[session.pk, person.pk])
    html = client.get(url).content.decode()
    # What the browser would send back: every input as the page showed it.
    data = dict(re.findall(r'<input type="(?:text|email|hidden|number)" name="([^"]+)" '
                           r'value="([^"]*)"', html))
    data.update(re.findall(r'<textarea name="([^"]+)"[^>]*>\s*([^<]*)</textarea>', html))
    data.update(re.findall(r'<select name="([^"]+)"[^>]*>.*?<option value="([^"]*)" selected',
                           html, re.S))
    services.set_consent(person, True)  # meanwhile, on the phone
    data["about"] = "Nowy opis od koordynatora"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    person.refresh_from_db()
    assert person.about == "Nowy opis od koordynatora"
    assert person.share_contact is True


def test_an_account_shares_its_contact_only_once_its_address_is_confirmed(coordinator):
    from mosty.directory.tests.factories import UserFactory

    session = make_session(people=2, user=coordinator)
    person = session.participants.first()
    assert person is not None
    person.user = UserFactory.create(email_confirmed_at=None)
    person.share_contact = False
    person.save(update_fields=["user", "share_contact"])
    with pytest.raises(services.NetworkingError, match="potwierdź swój adres"):
        services.set_consent(person, True)
    person.refresh_from_db()
    assert not person.share_contact
    services.set_consent(person, False)  # withdrawing always works


@pytest.mark.parametrize("who", ["coordinator", "the_person"])
def test_nobody_agrees_to_share_contact_for_someone_with_an_account(coordinator, who):
    from mosty.directory.tests.factories import UserFactory

    session = make_session(people=2, user=coordinator)
    person = session.participants.get(pk=session.participants.values_list("pk", flat=True)[0])
    person.user = UserFactory.create()
    person.share_contact, person.consent_at = False, None
    person.save(update_fields=["user", "share_contact", "consent_at"])
    actor = coordinator if who == "coordinator" else person.user
    if who == "coordinator":
        with pytest.raises(services.NetworkingError, match="samodzielnie|sam"):
            services.update_participant(actor, person, {"share_contact": True})
        person.refresh_from_db()
        assert not person.share_contact
        assert person.consent_at is None
    else:
        services.update_participant(actor, person, {"share_contact": True})
        person.refresh_from_db()
        assert person.share_contact
    # Withdrawing for them, or editing anything else, stays possible.
    services.update_participant(coordinator, person, {"about": "Nowy opis",
                                                      "share_contact": False})
    person.refresh_from_db()
    assert not person.share_contact
