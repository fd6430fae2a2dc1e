"""The reviewers' list of applications: one filtered, annotated query feeds the page, the
export and the API, so their query counts do not grow with the number of applications."""
from typing import TYPE_CHECKING, Any, TypeAlias, TypedDict

from django.db.models import Avg, Count, Exists, OuterRef, Prefetch, Q, QuerySet

from mosty.accounts.access import Viewer
from mosty.accounts.models import User
from mosty.programmes.models import Programme, ProgrammeStaff
from mosty.recruitment.choices import Status
from mosty.recruitment.forms.review import ApplicationFilterForm
from mosty.recruitment.models import Application, ApplicationFile, RecruitmentCall, Review

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class Scores(TypedDict):
    """What submitted_applications annotates each application with."""

    average: float | None
    review_count: int
    reviewed_by_me: bool


ScoredApplication: TypeAlias = "WithAnnotations[Application, Scores]"

def submitted_applications(call: RecruitmentCall, user: Viewer
                           ) -> QuerySet[ScoredApplication]:
    """The call's submitted applications with their average score, number of reviews and
    whether `user` has reviewed each (annotations, not a query per row)."""
    mine = Review.objects.filter(application=OuterRef("pk"), reviewer_id=user.pk)
    return (call.applications.exclude(status=Status.DRAFT)
            .select_related("organisation__municipality__parent", "partner", "applicant",
                            "group_member__group")
            .annotate(average=Avg("reviews__total"), review_count=Count("reviews"),
                      reviewed_by_me=Exists(mine)))


def filter_applications(applications: QuerySet[ScoredApplication], data: dict[str, Any],
                        user: Viewer) -> QuerySet[ScoredApplication]:
    """Apply the cleaned filters of ApplicationFilterForm."""
    if data.get("q"):
        for word in data["q"].lower().split():
            applications = applications.filter(organisation__search_text__contains=word)
    if data.get("status"):
        applications = applications.filter(status=data["status"])
    if data.get("sector"):
        applications = applications.filter(organisation__sector=data["sector"])
    if data.get("area"):
        # TERYT codes nest: a powiat's code is the prefix of its gminas' codes.
        applications = applications.filter(
            organisation__municipality__code__startswith=data["area"])
    if data.get("score_min") is not None:
        applications = applications.filter(average__gte=data["score_min"])
    if data.get("score_max") is not None:
        applications = applications.filter(average__lte=data["score_max"])
    if data.get("reviewed"):
        reviewer = int(data["reviewer"]) if data.get("reviewer") else user.pk
        done = Exists(Review.objects.filter(application=OuterRef("pk"), reviewer_id=reviewer))
        applications = applications.filter(done if data["reviewed"] == "yes" else ~done)
    return applications.order_by("-submitted_at", "-pk")


def area_choices(call: RecruitmentCall) -> list[tuple[str, str]]:
    """Powiats and gminas the call's applicants come from (one query)."""
    rows = (call.applications.exclude(status=Status.DRAFT)
            .exclude(organisation__municipality__isnull=True)
            .values_list("organisation__municipality_id", "organisation__municipality__name",
                         "organisation__municipality__parent__name").distinct())
    powiats: dict[str, str] = {}
    gminas: dict[str, str] = {}
    for code, gmina, powiat in rows:
        powiats[code[:4]] = f"pow. {powiat}"
        gminas[code] = f"{gmina} ({code})"
    return sorted(powiats.items(), key=lambda item: item[1]) + \
        sorted(gminas.items(), key=lambda item: item[1])


def reviewers(programme: Programme, call: RecruitmentCall) -> list[User]:
    """The programme's staff and anyone who has reviewed in this call."""
    staff = ProgrammeStaff.objects.filter(programme=programme).values("user_id")
    reviewed = Review.objects.filter(application__call=call).values("reviewer_id")
    return list(User.objects.filter(Q(pk__in=staff) | Q(pk__in=reviewed)).order_by("full_name",
                                                                                   "email"))


def filtered(call: RecruitmentCall, user: Viewer, params: Any
             ) -> tuple[ApplicationFilterForm, QuerySet[ScoredApplication]]:
    """The filter form for `params` (a GET dict) and the applications it selects."""
    form = ApplicationFilterForm(params, area_choices(call),
                                 reviewers(call.edition.programme, call))
    applications = submitted_applications(call, user)
    if not form.is_valid():
        return form, applications.none()
    return form, filter_applications(applications, form.cleaned_data, user)


def with_details(applications: QuerySet[ScoredApplication]) -> QuerySet[ScoredApplication]:
    """Reviews (with reviewers) and attachments, for the export and the API: two queries."""
    return applications.prefetch_related(
        Prefetch("reviews", queryset=Review.objects.select_related("reviewer").order_by("id")),
        Prefetch("files", queryset=ApplicationFile.objects.order_by("question_id")))


def status_counts(call: RecruitmentCall) -> dict[str, int]:
    counts = {status: 0 for status in Status.values}
    for row in call.applications.values("status").annotate(n=Count("id")):
        counts[row["status"]] = row["n"]
    return counts
