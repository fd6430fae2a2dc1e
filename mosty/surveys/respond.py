"""The respondent's pages: one page of questions at a time, saved on "next", on a phone.

Reached through the survey's public link or a personal invitation link. An anonymous
respondent is recognised only by a random secret in a cookie (see mosty.surveys.answering);
public links allow one answer per browser, which is all a link without log-in can promise.
"""
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from mosty.surveys import answering
from mosty.surveys.forms import given_from_post
from mosty.surveys.models import Invitation, Question, QuestionKind, Response, Survey

COOKIE_AGE = 60 * 60 * 24 * 365
DONE = "done"


def _cookie(survey: Survey) -> str:
    return f"mosty-survey-{survey.pk}"


@require_http_methods(["GET", "POST"])
def public(request: HttpRequest, token: str) -> HttpResponse:
    survey = get_object_or_404(Survey.objects.select_related("programme"), public_token=token,
                               public_link=True)
    return _answer(request, survey, None, reverse("surveys:public", args=[token]))


@require_http_methods(["GET", "POST"])
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    invited = get_object_or_404(Invitation.objects.select_related("survey__programme", "user"),
                                token=token)
    return _answer(request, invited.survey, invited,
                   reverse("surveys:invitation", args=[token]))


def _fields(questions: list[Question], response: Response | None, post: Any = None,
            errors: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """Each question with what to show in it: the posted input, else the saved answers."""
    saved = answering.saved_values(response) if response is not None else {}
    rows = []
    for q in questions:
        name = f"q-{q.code}"
        if post is not None:
            values = set(post.getlist(name))
            other = post.get(f"{name}-other", "")
            items = {v: post.get(f"{name}-{v}", "") for v, _l in q.labelled_items()}
        else:
            answers = saved.get(q.pk, [])
            values = {a.text if a.number is None else f"{a.number:g}" for a in answers
                      if not a.item}
            other = next((a.other for a in answers if a.other), "")
            items = {a.item: f"{a.number:g}" for a in answers if a.item and a.number is not None}
        rows.append({"question": q, "name": name, "values": values, "value": next(
            iter(values), ""), "other": other, "items": items,
            "error": (errors or {}).get(q.code, "")})
    return rows


def _render(request: HttpRequest, template: str, survey: Survey, status: int = 200,
            **values: Any) -> HttpResponse:
    return render(request, f"surveys/{template}.html", {"survey": survey, "nav": "", **values},
                  status=status)


def _answer(request: HttpRequest, survey: Survey, invited: Invitation | None,
            base: str) -> HttpResponse:
    cookie = request.COOKIES.get(_cookie(survey), "")
    key = cookie if cookie != DONE else ""
    response = answering.find_response(survey, request.user, key, invited)
    problem = answering.start_problem(survey, request.user, invited) if response is None else None
    if response is not None and not survey.is_open:
        problem = answering.start_problem(survey)
    used = invited.answered if invited is not None else cookie == DONE
    if response is None and used:
        return _render(request, "thanks", survey, again=False, base=base)
    if problem:
        return _render(request, "unavailable", survey, problem=problem, status=403)
    if response is not None and response.submitted and not survey.editable:
        return _render(request, "thanks", survey, again=False, base=base)
    if request.GET.get("done") and response is not None and response.submitted:
        return _render(request, "thanks", survey, again=survey.editable, base=base)

    saved = answering.saved_values(response) if response is not None else {}
    pages = answering.pages(survey, saved)
    if not pages:
        raise Http404
    try:
        number = min(max(int(request.POST.get("page") or request.GET.get("page") or 1), 1),
                     len(pages))
    except ValueError:
        number = 1
    section = pages[number - 1]
    questions = answering.shown_questions(section, saved)
    context: dict[str, Any] = {
        "section": section, "number": number, "count": len(pages), "base": base,
        "last": number == len(pages), "submitted": bool(response and response.submitted),
        "kinds": QuestionKind}
    if request.method == "GET":
        fields = _fields(questions, response)
        saved_here = any(f["values"] or f["items"] for f in fields)
        return _render(request, "answer", survey, fields=fields, page_saved=saved_here,
                       **context)

    new_key = ""
    try:
        if response is None:
            new_key = answering.new_key() if survey.anonymous else ""
            response = answering.start_response(survey, request.user, new_key, invited)
        answering.save_page(response, section, given_from_post(request.POST, questions))
        saved = answering.saved_values(response)
        pages = answering.pages(survey, saved)
        done = request.POST.get("action") == "submit" and number >= len(pages)
        if done:
            answering.submit(response, invited)
    except answering.PageErrors as error:
        page = _render(request, "answer", survey, status=400, error=error.message,
                       fields=_fields(questions, response, request.POST, error.errors),
                       **context)
        return _with_cookie(page, survey, new_key, request.is_secure())
    except answering.SurveyError as error:
        page = _render(request, "answer", survey, status=400, error=error.message,
                       fields=_fields(questions, response, request.POST), **context)
        return _with_cookie(page, survey, new_key, request.is_secure())
    if done:
        target = redirect(f"{base}?done=1")
        if survey.anonymous and not survey.editable:
            new_key = DONE  # the answer cannot be found again; the browser only knows "done"
        return _with_cookie(target, survey, new_key, request.is_secure())
    target = redirect(f"{base}?page={min(number + 1, len(pages))}")
    return _with_cookie(target, survey, new_key, request.is_secure())


def _with_cookie(page: HttpResponse, survey: Survey, value: str, secure: bool) -> HttpResponse:
    if value:
        page.set_cookie(_cookie(survey), value, max_age=COOKIE_AGE, httponly=True,
                        samesite="Lax", secure=secure)
    return page
