"""The private overview of a programme for its staff: recruitment calls with their
applications, the editions and groups (and which break their rules), the contacts of
participating organisations and the staff. The pages that change editions, groups and staff
are mosty.programmes.views.manage."""
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from mosty.directory.models import ContactPerson
from mosty.programmes import composition
from mosty.programmes.models import Group, GroupMember, Programme
from mosty.programmes.access import get_programme
from mosty.recruitment.choices import Status
from mosty.recruitment.models import RecruitmentCall


@login_required
@require_GET
def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    programme, programme_access = get_programme(request.user, slug)
    calls = _calls(programme)
    groups = composition.reports(Group.objects.filter(edition__programme=programme)
                                 .order_by("edition__start_date", "edition__name", "name"))
    members = (GroupMember.objects.filter(group__edition__programme=programme)
               .select_related("organisation", "group")
               .prefetch_related(Prefetch("organisation__contacts",
                                          queryset=ContactPerson.objects.order_by("id")))
               .order_by("organisation__name", "group__name"))
    return render(request, "recruitment/manage.html", {
        "programme": programme, "access": programme_access, "calls": calls,
        "editions": programme.editions.all(), "groups": groups, "members": members,
        "broken": sum(1 for report in groups if not report.ok),
        "staff": programme.staff.select_related("user").order_by("role", "user__email"),
        "nav": "programmes"})


def _calls(programme: Programme) -> Any:
    counted = {f"n_{status}": Count("applications", filter=Q(applications__status=status))
               for status in Status.values}
    counted["n_received"] = Count("applications", filter=~Q(applications__status=Status.DRAFT))
    return (RecruitmentCall.objects.filter(edition__programme=programme)
            .select_related("edition").annotate(**counted).order_by("-deadline"))
