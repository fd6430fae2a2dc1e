"""The role matrix: every page and action of events for anonymous, a registered participant,
another participant, the programme's coordinator, a coordinator of another programme, the
programme's facilitator and Django staff. Private data must not leak."""
from datetime import time

import pytest
from django.urls import reverse
from django.utils import timezone

from mosty.events import content, services, slots
from mosty.events.models import Conclusions, CycleTemplate, EventFile, FileKind, Registration
from mosty.events.tests.conftest import MANAGERS, ROLES, STAFF_ROLES, bearer
from mosty.events.tests.files import pdf_upload
from mosty.programmes.models import Event, Programme, ProgrammeStaff

pytestmark = pytest.mark.django_db
EMAIL_OF_REGISTERED = "registered-person@example.org"


@pytest.fixture
def world(people, event, registration, programme):
    registration.user.email = EMAIL_OF_REGISTERED
    registration.user.save()
    services.check_in(people["facilitator"], registration, True)
    expert = ProgrammeStaff.objects.get(user=people["facilitator"])
    slots.create_slots(None, event, expert, timezone.localdate(event.start), time(10),
                       time(12), 60)
    return people


def login(client, world, who):
    if world[who] is not None:
        client.force_login(world[who])


def expected(who: str, allowed: set[str]) -> int:
    if who == "anonymous":
        return 302
    return 200 if who in allowed else 403


EVERYONE = set(ROLES)
PAGES = [  # (url name, argument: "event" or "programme", who may open it)
    ("programmes:events_manage", "programme", STAFF_ROLES),
    ("programmes:event_create", "programme", MANAGERS),
    ("events:schedule", "programme", MANAGERS),
    ("events:save_template", "programme", MANAGERS),
    ("programmes:event_edit", "event", MANAGERS),
    ("events:slots", "event", MANAGERS),
    ("events:files", "event", STAFF_ROLES),
    ("events:attendance", "event", STAFF_ROLES),
    ("events:check_in", "event", STAFF_ROLES),
    ("events:conclusions", "event", STAFF_ROLES),
    ("events:certificates", "event", STAFF_ROLES),
    ("events:my_certificate", "event", {"registered"}),
]


@pytest.mark.parametrize("who", ROLES)
@pytest.mark.parametrize(("name", "argument", "allowed"), PAGES)
def test_pages_by_role(client, world, event, who, name, argument, allowed):
    login(client, world, who)
    slug = event.slug if argument == "event" else event.programme.slug
    response = client.get(reverse(name, args=[slug]))
    assert response.status_code == expected(who, allowed)
    if response.status_code == 302:
        assert reverse("accounts:login") in response["Location"]
    body = response.content
    if response.get("Content-Type", "").startswith("text/html"):
        assert (EMAIL_OF_REGISTERED.encode() in body) is (
            response.status_code == 200 and name == "events:attendance")


@pytest.mark.parametrize("who", ROLES)
def test_public_pages_and_feeds_by_role(client, world, event, who):
    login(client, world, who)
    assert client.get(reverse("events:event_feed", args=[event.slug])).status_code == 200
    assert client.get(reverse("events:programme_feed",
                              args=[event.programme.slug])).status_code == 200
    page = client.get(event.get_absolute_url()).content.decode()
    # Nobody's contacts are on the event page; the online link only for those who may join.
    assert EMAIL_OF_REGISTERED not in page
    assert ("tajny-pokoj" in page) is (who in STAFF_ROLES | {"registered"})
    assert ('data-testid="check-in-link"' in page) is (who in STAFF_ROLES)
    assert ('data-testid="edit-event"' in page) is (who in MANAGERS)
    assert client.get(reverse("events:mine")).status_code == (302 if who == "anonymous"
                                                              else 200)


@pytest.mark.parametrize("who", ROLES)
def test_check_in_and_invite_by_posting(client, world, event, registration, who):
    login(client, world, who)
    services.check_in(None, registration, False)
    response = client.post(reverse("events:check_in", args=[event.slug]),
                           {"registration": registration.pk, "present": "1"})
    registration.refresh_from_db()
    assert registration.attended is (who in STAFF_ROLES)
    assert response.status_code == (302 if who in STAFF_ROLES | {"anonymous"} else 403)
    response = client.post(reverse("events:invite", args=[event.slug]))
    assert response.status_code == (403 if who not in MANAGERS | {"anonymous"} else 302)


@pytest.mark.parametrize("who", ROLES)
def test_conclusions_and_files_by_posting(client, world, event, who):
    login(client, world, who)
    client.post(reverse("events:conclusions", args=[event.slug]),
                {"conclusions": f"zapisał {who}", "is_published": "on"})
    saved = Conclusions.objects.filter(event=event).first()
    assert (saved is not None) is (who in STAFF_ROLES)
    upload = pdf_upload()
    client.post(reverse("events:files", args=[event.slug]), {"title": "Program", "file": upload,
                                                             "is_public": "on"})
    assert EventFile.objects.filter(event=event).exists() is (who in STAFF_ROLES)


@pytest.mark.parametrize("who", ROLES)
def test_unpublished_conclusions_and_private_files_stay_private(client, world, event,
                                                                facilitator, who):
    content.save_conclusions(facilitator, event, "Tajna konkluzja", "", publish=False)
    attachment = content.add_file(facilitator, event, FileKind.CONCLUSIONS, "Załącznik",
                                  pdf_upload("zalacznik.pdf", "konkluzje"))
    handout = content.add_file(facilitator, event, FileKind.MATERIAL, "Dla uczestników",
                               pdf_upload("handout.pdf", "tylko dla nas"),
                               is_public=False)
    login(client, world, who)
    page = client.get(event.get_absolute_url()).content.decode()
    assert ("Tajna konkluzja" in page) is (who in STAFF_ROLES)
    sees_attachment = client.get(attachment.get_absolute_url()).status_code == 200
    assert sees_attachment is (who in STAFF_ROLES)
    assert (client.get(handout.get_absolute_url()).status_code == 200) is (
        who in STAFF_ROLES | {"registered"})
    api = client.get(f"/api/conclusions/{event.slug}")
    assert api.status_code == (200 if who in STAFF_ROLES else 404)
    content.save_conclusions(facilitator, event, "Tajna konkluzja", "", publish=True)
    assert client.get(attachment.get_absolute_url()).status_code == 200
    assert client.get(f"/api/conclusions/{event.slug}").status_code == 200


@pytest.mark.parametrize("who", ROLES)
def test_api_attendance_by_role(client, world, event, who):
    headers = bearer(world[who]) if world[who] else {}
    response = client.get(f"/api/attendance/{event.slug}", **headers)
    if who == "anonymous":
        assert response.status_code == 401
    elif who in STAFF_ROLES:
        assert response.status_code == 200
        assert [a["email"] for a in response.json()] == [EMAIL_OF_REGISTERED]
    else:
        assert response.status_code == 403
        assert EMAIL_OF_REGISTERED not in response.content.decode()


@pytest.mark.parametrize("who", ROLES)
def test_slot_release_by_role(client, world, event, who):
    slot = event.consultation_slots.first()
    booker = world["another"]
    slots.book(booker, slot)
    login(client, world, who)
    response = client.post(reverse("events:release_slot", args=[event.slug, slot.pk]))
    slot.refresh_from_db()
    may = who in MANAGERS or who == "another"
    assert (slot.booked_by is None) is may
    if who != "anonymous" and not may:
        assert response.status_code == 403


def test_unpublished_programme_is_hidden_except_from_its_staff(client, world, event):
    Programme.objects.filter(pk=event.programme_id).update(is_public=False)
    assert client.get(reverse("events:event_feed", args=[event.slug])).status_code == 404
    assert client.get(reverse("events:programme_feed",
                              args=[event.programme.slug])).status_code == 404
    # Someone registered (or invited) still reaches their own event of a non-public programme.
    client.force_login(world["registered"])
    assert client.get(event.get_absolute_url()).status_code == 200
    assert client.post(reverse("events:cancel", args=[event.slug])).status_code == 302
    assert client.get(reverse("events:programme_feed",
                              args=[event.programme.slug])).status_code == 404
    client.force_login(world["facilitator"])
    assert client.get(reverse("events:attendance", args=[event.slug])).status_code == 200
    client.force_login(world["other_coordinator"])
    assert client.get(reverse("programmes:events_manage",
                              args=[event.programme.slug])).status_code == 404


def test_coordinator_of_another_programme_cannot_touch_this_one(client, world, event):
    client.force_login(world["other_coordinator"])
    response = client.post(reverse("programmes:event_edit", args=[event.slug]),
                           {"title": "Przejęte"})
    assert response.status_code == 403
    event.refresh_from_db()
    assert event.title != "Przejęte"
    assert client.post(reverse("programmes:event_create", args=[event.programme.slug]),
                       {"title": "Nowe"}).status_code == 403


def test_nobody_sees_another_persons_registrations_in_the_api(client, world, event):
    response = client.get("/api/registrations", **bearer(world["another"]))
    assert response.json() == []
    assert Registration.objects.filter(event=event).count() == 1


def post_cases(event, world):
    """(url, data, who may, what an allowed person's post does: its status and its effect)."""
    material = content.add_file(None, event, FileKind.MATERIAL, "Program",
                                pdf_upload())
    free_slot = event.consultation_slots.first()
    expert = ProgrammeStaff.objects.get(user=world["facilitator"])
    programme = event.programme.slug
    events_before = Event.objects.count()
    templates_before = CycleTemplate.objects.count()

    def shown_again_with_errors(response):
        # An incomplete form: allowed people see it again with its errors, and nothing is saved.
        return (response.status_code == 200 and bool(response.context["form"].errors)
                and Event.objects.count() == events_before
                and CycleTemplate.objects.count() == templates_before)

    return [
        (reverse("events:delete_file", args=[event.slug, material.pk]), {}, STAFF_ROLES,
         lambda r: r.status_code == 302
         and not EventFile.objects.filter(pk=material.pk).exists()),
        (reverse("events:delete_slot", args=[event.slug, free_slot.pk]), {}, MANAGERS,
         lambda r: r.status_code == 302
         and not event.consultation_slots.filter(pk=free_slot.pk).exists()),
        (reverse("events:slots", args=[event.slug]),
         {"expert": expert.pk, "day": f"{timezone.localdate(event.start):%Y-%m-%d}",
          "start": "14:00", "end": "15:00", "minutes": "60"}, MANAGERS,
         lambda r: r.status_code == 302 and event.consultation_slots.count() == 3),
        (reverse("programmes:event_edit", args=[event.slug]), {"title": "Zmieniony"}, MANAGERS,
         lambda r: shown_again_with_errors(r)
         and Event.objects.get(pk=event.pk).title == event.title),
        (reverse("programmes:event_create", args=[programme]), {"title": "Nowe"}, MANAGERS,
         shown_again_with_errors),
        # An unknown template: the page offers the templates there are and schedules nothing.
        (reverse("events:schedule", args=[programme]), {"template": "nie-ma"}, MANAGERS,
         lambda r: r.status_code == 200 and r.context["form"] is None
         and Event.objects.count() == events_before),
        (reverse("events:save_template", args=[programme]), {"name": "Cykl"}, MANAGERS,
         shown_again_with_errors),
    ]


@pytest.mark.parametrize("who", ROLES)
@pytest.mark.parametrize("case", range(7))
def test_staff_actions_by_posting(client, world, event, who, case):
    url, data, allowed, happened = post_cases(event, world)[case]
    login(client, world, who)
    response = client.post(url, data)
    if who == "anonymous":
        assert response.status_code == 302
        assert reverse("accounts:login") in response["Location"]
    elif who in allowed:
        assert happened(response), response.status_code
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("who", ROLES)
def test_participant_actions_by_role(client, world, event, who):
    login(client, world, who)
    response = client.post(reverse("events:register", args=[event.slug]))
    if who == "anonymous":
        assert response.status_code == 302
        assert reverse("accounts:login") in response["Location"]
        assert client.post(reverse("events:reset_feed")).status_code == 302
        return
    # Everyone with an account may register for an open event (staff too, as participants).
    assert Registration.objects.filter(event=event, user=world[who]).exists()
    client.post(reverse("events:cancel", args=[event.slug]))
    assert Registration.objects.get(event=event, user=world[who]).status == "cancelled"
    client.post(reverse("events:reset_feed"))
    feed = world[who].calendar_feed
    assert client.get(feed.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("who", ["anonymous", "registered", "another", "other_coordinator",
                                 "coordinator", "facilitator", "staff"])
def test_the_list_page_shows_the_events_the_api_lists_and_the_event_page_opens(
        client, world, event, who):
    """An event of a programme that is not public: the people registered for it (and its
    staff) find it on the list page, in the API list and on its own page — or nowhere."""
    Programme.objects.filter(pk=event.programme_id).update(is_public=False)
    login(client, world, who)
    listed = [e.slug for e in client.get(reverse("events:list")).context["events"]]
    headers = bearer(world[who]) if world[who] is not None else {}
    in_api = [e["slug"] for e in client.get("/api/events", **headers).json()]
    page = client.get(event.get_absolute_url()).status_code
    sees = who in ("registered", "coordinator", "facilitator", "staff")
    assert listed == in_api == ([event.slug] if sees else [])
    assert page == (200 if sees else 404)
