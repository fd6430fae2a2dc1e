"""Answering page by page, submitting once, editing, and anonymity checked in the rows."""

import pytest
from django.db import connection
from django.db.models import Exists, OuterRef

from mosty.core.models import AuditEntry
from mosty.directory.tests.factories import UserFactory
from mosty.surveys import answering, services
from mosty.surveys.answering import Given, PageErrors
from mosty.surveys.models import Answer, Invitation, Response
from mosty.surveys.tests.conftest import answer, build_survey

pytestmark = pytest.mark.django_db


def test_each_page_is_saved_and_required_questions_are_checked(survey):
    response = answering.start_response(survey, None, "klucz")
    first, second = survey.sections.all()
    with pytest.raises(PageErrors) as problem:
        answering.save_page(response, first, {"sector": Given(("ngo",))})
    assert set(problem.value.errors) == {"rating"}
    assert "requires an answer" in problem.value.errors["rating"] or \
        "wymaga odpowiedzi" in problem.value.errors["rating"]
    answering.save_page(response, first, {"sector": Given(("ngo",)), "rating": Given(("5",))})
    assert Answer.objects.filter(response=response).count() == 2
    assert not Response.objects.get(pk=response.pk).submitted  # saved, not submitted
    with pytest.raises(PageErrors):
        answering.save_page(response, second, {"count": Given(("dużo",))})
    with pytest.raises(PageErrors):
        answering.save_page(response, second, {"matrix": Given(items={"a": "9"})})


def test_other_text_is_kept_and_a_condition_hides_a_question(survey):
    response = answer(survey, sector="ngo")
    assert Answer.objects.filter(response=response, question__code="ngo_only").exists()
    response = answering.start_response(survey, None, "inny-klucz")
    first, second = survey.sections.all()
    answering.save_page(response, first, {"sector": Given(("__other__",), "spółdzielnia"),
                                          "rating": Given(("3",))})
    row = Answer.objects.get(response=response, question__code="sector")
    assert (row.text, row.other) == ("__other__", "spółdzielnia")
    saved = answering.saved_values(response)
    shown = [q.code for q in answering.shown_questions(second, saved)]
    assert "ngo_only" not in shown
    assert "forms" in shown


def test_changing_an_earlier_answer_drops_the_now_hidden_one(programme):
    survey = build_survey(programme, editable=True)
    response = answer(survey, sector="ngo")
    first = survey.sections.all()[0]
    answering.save_page(response, first, {"sector": Given(("jst",)), "rating": Given(("2",))})
    assert not Answer.objects.filter(response=response, question__code="ngo_only").exists()


def test_submitted_once_unless_the_survey_allows_changes(survey, programme):
    response = answer(survey)
    with pytest.raises(services.SurveyError):
        answering.submit(response)
    with pytest.raises(services.SurveyError):
        answering.save_page(response, survey.sections.all()[0], {})
    editable = build_survey(programme, editable=True)
    key = answering.new_key()
    mine = answer(editable, key=key)
    assert answering.find_response(editable, key=key) == mine
    answering.save_page(mine, editable.sections.all()[0], {"sector": Given(("ngo",)),
                                                          "rating": Given(("1",))})
    answering.submit(mine)
    assert Answer.objects.get(response=mine, question__code="rating").number == 1
    services.set_status(None, editable, "closed")
    assert Response.objects.get(pk=mine.pk).key_hash == ""  # closing forgets the browsers
    assert answering.find_response(editable, key=key) is None


def test_anonymous_rows_hold_nothing_that_points_to_a_person(survey):
    person = UserFactory()
    invitation = Invitation.objects.create(survey=survey, email=person.email, user=person)
    answer(survey, invitation=invitation)
    response = Response.objects.get(survey=survey)
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM surveys_response")
        columns = [c[0] for c in cursor.description]
        rows = cursor.fetchall()
    assert len(rows) == 1
    row = dict(zip(columns, rows[0], strict=True))
    assert row["user_id"] is None
    assert row["invitation_id"] is None
    assert row["submitted_at"] is None
    assert row["key_hash"] == ""
    assert row["submitted_on"] is not None  # the day only
    assert set(columns) == {"id", "survey_id", "user_id", "invitation_id", "submitted_at",
                            "submitted_on", "key_hash"}
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM surveys_invitation")
        invitation_columns = [c[0] for c in cursor.description]
    assert not any("response" in c or c.endswith("_at") for c in invitation_columns)
    invitation.refresh_from_db()
    assert invitation.answered
    entries = AuditEntry.objects.filter(action="surveys.response.submitted")
    assert entries.count() == 1
    entry = entries.get()
    assert entry.user is None
    assert str(response.pk) not in str(entry.data)
    assert entry.object_id == str(survey.pk)
    # Nothing the person typed carries their identity either: the answers have no key to it.
    assert not Answer.objects.filter(text__icontains=person.email).exists()


def test_an_invitation_answers_once(survey):
    invitation = Invitation.objects.create(survey=survey, email="a@example.org")
    answer(survey, invitation=invitation)
    with pytest.raises(services.SurveyError):
        answering.start_response(survey, None, "nowy", Invitation.objects.get(pk=invitation.pk))
    # Two drafts started with one link before it was used: only one can be submitted.
    second = Invitation.objects.create(survey=survey, email="b@example.org")
    one = answer(survey, invitation=second, submit=False)
    two = answer(survey, invitation=second, submit=False)
    answering.submit(one, second)
    with pytest.raises(services.SurveyError):
        answering.submit(two, second)


def test_named_survey_keeps_the_person_and_the_time(programme):
    survey = build_survey(programme, anonymous=False)
    person = UserFactory.create()
    with pytest.raises(services.SurveyError):
        answering.start_response(survey, None)
    response = answer(survey, user=person)
    response.refresh_from_db()
    assert response.user == person
    assert response.submitted_at is not None
    assert answering.find_response(survey, person) == response
    entry = AuditEntry.objects.get(action="surveys.response.submitted")
    assert entry.user == person


def test_closed_survey_takes_no_answers(survey):
    survey = services.set_status(None, survey, "closed")
    with pytest.raises(services.SurveyError):
        answering.start_response(survey, None, "k")


def test_running_tallies_match_a_recount(programme):
    from mosty.surveys import results, tallies
    from mosty.surveys.models import Tally

    survey = build_survey(programme, editable=True)
    first = answer(survey, key="pierwszy")
    answer(survey, sector="jst", rating="2", number="1234567,125")  # not exact as "%g"
    answer(survey, sector="__other__", other="spółdzielnia", rating="5", number="-3")
    answer(survey, rating="3")
    answer(survey, sector="jst", rating="4")
    answer(survey, submit=False)  # a draft counts nowhere
    answering.save_page(first, survey.sections.all()[0], {"sector": Given(("jst",)),
                                                          "rating": Given(("1",))})

    def rows() -> set[tuple]:
        return set(Tally.objects.filter(count__gt=0).values_list(
            "question__code", "kind", "item", "value", "count"))

    running = rows()
    assert ("ngo_only", "answered", "", "", 0) not in running  # hidden by the edit, uncounted
    assert ("sector", "value", "", "jst", 3) in running
    tallies.rebuild(survey)
    assert rows() == running
    # The tallies and a recount of the answers give the same results.
    everyone = results.compute(survey)
    assert everyone.shown
    assert everyone.count == 5
    numbers = next(q for q in everyone.questions if q.question.code == "count")
    assert numbers.stats == {"mean": (12.5 * 3 + 1234567.125 - 3) / 5, "min": -3.0,
                             "max": 1234567.125}
    class Everyone(results.Filter):
        """A "breakdown" of all respondents: counted from the answers, not the tallies."""

        def exists(self) -> Exists:
            return Exists(Response.objects.filter(survey=survey, pk=OuterRef("pk")))

    survey.anonymous = False  # respondent filters exist in named surveys only
    counted = results.compute(survey, [Everyone("@all", "", "")])
    assert counted.shown
    assert [(q.answered, q.stats, [(b.answered, [r.count for r in b.rows]) for b in q.blocks])
            for q in everyone.questions] == \
        [(q.answered, q.stats, [(b.answered, [r.count for r in b.rows]) for b in q.blocks])
         for q in counted.questions]


def test_erasing_a_person_keeps_their_named_answers_without_them(programme):
    from django.utils import timezone

    from mosty.privacy.services import build_archive, collect, erase_account

    from mosty.accounts.models import User

    survey = build_survey(programme, anonymous=False)
    person = User.objects.create_user("do.usuniecia@example.org", "haslo-testowe-123")
    invitation = Invitation.objects.create(survey=survey, email=person.email, user=person)
    response = answer(survey, user=person, invitation=invitation)
    collected, _files = collect(person)
    assert collected.get("surveys.Response") or collected.get("surveys.response")
    assert build_archive(person, timezone.now()).startswith(b"PK")  # the ZIP of their data
    erase_account(person)
    response.refresh_from_db()
    assert response.user_id is None
    assert response.invitation_id is None
    assert response.submitted_at is None
    assert response.submitted  # the answer still counts in the results
    assert Answer.objects.filter(response=response).count() > 5
    assert not Invitation.objects.filter(email="do.usuniecia@example.org").exists()


def test_a_long_text_answer_of_the_full_length_is_saved(survey):
    """5,000 characters that do not compress: PostgreSQL refuses an index entry over ~2.7 kB,
    so the answer indexes must not hold a long text whole (they did: a 500 on PostgreSQL)."""
    import random
    letters = "aąbcćdeęfghijklłmnńoóprsśtuwyzźż ABCĆDEĘŁŃÓŚŹŻ0123456789.,;!?—„”"
    rng = random.Random(5)
    text = "".join(rng.choice(letters) for _ in range(answering.MAX_TEXT))
    response = answer(survey, sector="ngo", submit=False)
    second = survey.sections.all()[1]
    answering.save_page(response, second, {"long": Given((text,))})
    assert Answer.objects.get(response=response, question__code="long").text == text.strip()


@pytest.mark.parametrize("typed", ["nan", "inf", "-Infinity", "1e999"])
def test_a_number_answer_must_be_a_finite_number(survey, typed):
    response = answer(survey, sector="ngo", submit=False)
    second = survey.sections.all()[1]
    with pytest.raises(PageErrors) as problem:
        answering.save_page(response, second, {"count": Given((typed,))})
    assert set(problem.value.errors) == {"count"}
