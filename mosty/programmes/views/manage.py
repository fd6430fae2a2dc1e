"""Coordinators manage a programme: editions, groups and their composition, and its staff.
Facilitators see, but do not change. The overview page that also lists the recruitment calls
is mosty.recruitment.views.manage.dashboard.
"""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from mosty.accounts.http import AuthenticatedHttpRequest
from mosty.core import undo
from mosty.programmes import composition, services
from mosty.programmes.forms import (
    EditionForm, GroupForm, MemberForm, RequirementFormSet, StaffForm, group_data)
from mosty.programmes.models import Edition, Group, Programme
from mosty.programmes.services import ProgrammeError
from mosty.programmes.access import Need, get_programme


def _edition_page(request: AuthenticatedHttpRequest, programme: Programme,
                  edition: Edition) -> HttpResponse:
    form = EditionForm(request.POST or None, instance=edition)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_edition(request.user, programme, form.to_data(), edition)
        except ProgrammeError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, _("The edition has been saved."))
            return redirect("recruitment:manage", slug=programme.slug)
    return render(request, "programmes/manage/edition_form.html", {
        "programme": programme, "edition": edition, "form": form, "nav": "programmes"})


@login_required
@require_http_methods(["GET", "POST"])
def edition_create(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    programme, _access = get_programme(request.user, slug, Need.MANAGE)
    return _edition_page(request, programme, Edition(programme=programme))


@login_required
@require_http_methods(["GET", "POST"])
def edition_edit(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    programme, _access = get_programme(request.user, slug, Need.MANAGE)
    return _edition_page(request, programme, get_object_or_404(programme.editions, pk=pk))


def _group_page(request: AuthenticatedHttpRequest, programme: Programme, edition: Edition,
                group: Group) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    form = GroupForm(data, instance=group)
    requirements = RequirementFormSet(data, instance=group, prefix="rules")
    if data is not None:
        if form.is_valid() and requirements.is_valid():
            try:
                group = services.save_group(request.user, edition,
                                            group_data(form, requirements), group)
            except ProgrammeError as error:
                form.add_error(error.field, error.message)
            else:
                messages.success(request, _("The group has been saved."))
                return redirect("programmes:group", slug=programme.slug, pk=group.pk)
        messages.error(request, _("The group has not been saved: correct what is marked below."))
    return render(request, "programmes/manage/group_form.html", {
        "programme": programme, "edition": edition, "group": group, "form": form,
        "requirements": requirements, "nav": "programmes"})


@login_required
@require_http_methods(["GET", "POST"])
def group_create(request: AuthenticatedHttpRequest, slug: str, edition: int) -> HttpResponse:
    programme, _access = get_programme(request.user, slug, Need.MANAGE)
    found = get_object_or_404(programme.editions, pk=edition)
    return _group_page(request, programme, found, Group(edition=found))


def _group(programme: Programme, pk: int) -> Group:
    return get_object_or_404(Group.objects.select_related("edition"),
                             edition__programme=programme, pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def group_edit(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    programme, _access = get_programme(request.user, slug, Need.MANAGE)
    group = _group(programme, pk)
    return _group_page(request, programme, group.edition, group)


@login_required
@require_http_methods(["GET", "POST"])
def group_detail(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Members and composition of one group; coordinators add and remove members."""
    programme, programme_access = get_programme(request.user, slug)
    group = _group(programme, pk)
    form = MemberForm()
    if request.method == "POST":
        if not programme_access.manage:
            raise PermissionDenied
        form, done = _change_members(request, group)
        if done:
            return redirect("programmes:group", slug=programme.slug, pk=group.pk)
    report = composition.reports(Group.objects.filter(pk=group.pk))[0]
    rules = [(rule, composition.requirement_summary(rule))
             for rule in report.group.requirements.all()]
    return render(request, "programmes/manage/group.html", {
        "programme": programme, "access": programme_access, "group": report.group,
        "rules": rules, "problems": report.problems, "form": form, "nav": "programmes"})


def _change_members(request: AuthenticatedHttpRequest, group: Group) -> tuple[MemberForm, bool]:
    form = MemberForm(request.POST)
    if form.is_valid():
        try:
            services.add_group_member(request.user, group, form.cleaned_data["organisation"],
                                      form.cleaned_data["people"])
        except ProgrammeError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, _("%(name)s has been added to the group.")
                             % {"name": form.cleaned_data["organisation"].name})
            return form, True
    return form, False


@login_required
@require_http_methods(["GET", "POST"])
def group_member_remove(request: AuthenticatedHttpRequest, slug: str, pk: int,
                        member: int) -> HttpResponse:
    """Asks first (GET), then removes (POST); the next page offers to undo it."""
    programme, programme_access = get_programme(request.user, slug, Need.MANAGE)
    group = _group(programme, pk)
    item = get_object_or_404(group.members.select_related("organisation", "group"), pk=member)
    back = reverse("programmes:group", args=[programme.slug, group.pk])
    return undo.ask_then_delete(
        request, lambda: services.remove_group_member(request.user, item, back),
        title=_("Remove from the group"), action=_("Remove from the group"), back_url=back,
        question=_("Remove %(name)s from the group “%(group)s”?") % {
            "name": item.organisation.name, "group": group.name},
        details=[str(person) for person in item.people.all()])


@login_required
@require_GET
def group_problems(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Which groups of the programme break their composition rules, and how."""
    programme, programme_access = get_programme(request.user, slug)
    reports = composition.reports(Group.objects.filter(edition__programme=programme)
                                  .order_by("edition__start_date", "edition__name", "name"))
    return render(request, "programmes/manage/problems.html", {
        "programme": programme, "access": programme_access,
        "broken": [r for r in reports if not r.ok], "fine": [r for r in reports if r.ok],
        "nav": "programmes"})


@login_required
@require_http_methods(["GET", "POST"])
def staff(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Who coordinates the programme and who facilitates it; coordinators change it."""
    programme, programme_access = get_programme(request.user, slug)
    form = StaffForm()
    if request.method == "POST":
        if not programme_access.manage:
            raise PermissionDenied
        form = StaffForm(request.POST)
        if form.is_valid():
            try:
                services.add_staff(request.user, programme, form.cleaned_data["email"],
                                   form.cleaned_data["role"], form.cleaned_data["expertise"])
            except ProgrammeError as error:
                form.add_error(error.field, error.message)
            else:
                messages.success(request, _("The role has been given."))
                return redirect("programmes:staff", slug=programme.slug)
    return render(request, "programmes/manage/staff.html", {
        "programme": programme, "access": programme_access, "form": form,
        "staff": programme.staff.select_related("user").order_by("role", "user__email"),
        "nav": "programmes"})


@login_required
@require_http_methods(["GET", "POST"])
def staff_remove(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Asks first (GET), then takes the role away (POST); the next page offers to undo it."""
    programme, _access = get_programme(request.user, slug, Need.MANAGE)
    member = get_object_or_404(programme.staff.select_related("user", "programme"), pk=pk)
    back = reverse("programmes:staff", args=[programme.slug])
    return undo.ask_then_delete(
        request, lambda: services.remove_staff(request.user, member, back),
        title=_("Take a role away"), action=_("Take the role away"), back_url=back,
        question=_("Take the role “%(role)s” in %(programme)s away from %(person)s?") % {
            "role": member.get_role_display(), "programme": programme.name,
            "person": member.user},
        details=[member.user.email])
