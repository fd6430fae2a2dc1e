"""What a coordinator analyses: a gmina, a powiat, a programme or one of its groups.

A scope knows its organisations (a queryset, so callers can use it as a subquery), its TERYT
prefix when it is an area, and its programme and dates when it has them (for before/after
maps and for programme coordinators' access).
"""
from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from mosty.directory.choices import TerritoryLevel
from mosty.directory.models import Organisation, Territory
from mosty.programmes.models import Group, Programme

SCOPE_KINDS = ("gmina", "powiat", "programme", "group")


@dataclass(frozen=True)
class Scope:
    kind: str
    key: str
    title: str
    # TERYT prefix of an area: 6 digits for a gmina (all its RODZ parts), 4 for a powiat.
    prefix: str = ""
    programme: Programme | None = None
    group: Group | None = None
    start: date | None = None
    end: date | None = None

    def organisations(self) -> QuerySet[Organisation]:
        orgs = Organisation.objects.all()
        if self.prefix:
            return orgs.filter(municipality__code__startswith=self.prefix)
        if self.group is not None:
            return orgs.filter(group_memberships__group=self.group)
        assert self.programme is not None
        programme = self.programme
        return orgs.filter(
            Q(pk=programme.organiser_id)
            | Q(programme_partnerships__programme=programme)
            | Q(group_memberships__group__edition__programme=programme)).distinct()

    @property
    def has_timeline(self) -> bool:
        return self.start is not None


def resolve_scope(kind: str, key: str) -> Scope:
    """The scope named by a URL's kind and key; 404 when there is no such thing."""
    if kind == "gmina":
        gmina = get_object_or_404(Territory.objects.select_related("parent"), code=key,
                                  level=TerritoryLevel.GMINA)
        powiat_name = gmina.parent.name if gmina.parent else ""
        return Scope(kind, key, _("gmina %(name)s (%(kind)s), powiat %(powiat)s") % {
            "name": gmina.name, "kind": gmina.kind_label, "powiat": powiat_name},
            prefix=key[:6])
    if kind == "powiat":
        powiat = get_object_or_404(Territory, code=key, level=TerritoryLevel.POWIAT)
        return Scope(kind, key, _("powiat %(name)s") % {"name": powiat.name}, prefix=key)
    if kind == "programme":
        programme = get_object_or_404(Programme, slug=key)
        return Scope(kind, key, programme.name, programme=programme,
                     start=programme.start_date, end=programme.end_date)
    if kind == "group":
        if not key.isdigit():
            raise Http404
        group = get_object_or_404(Group.objects.select_related("edition__programme"),
                                  pk=int(key))
        edition, programme = group.edition, group.edition.programme
        return Scope(kind, key, _("%(group)s – %(programme)s, %(edition)s") % {
            "group": group.name, "programme": programme.name, "edition": edition.name},
            programme=programme, group=group,
            start=edition.start_date or programme.start_date,
            end=edition.end_date or programme.end_date)
    raise Http404
