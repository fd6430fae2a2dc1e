"""Who sees and edits cooperation programmes: the one place that answers it.

- A programme is edited by Django staff and by officials (global role official) who are
  members of the office of its local government unit: the municipal office of a gmina, the
  county office (starostwo) of a powiat, the marshal's office of a voivodeship.
- Everyone sees a programme once its draft is published for consultation or it is adopted
  (also if it goes back to being a draft then); one never published only its editors see, as
  they alone see the versions of the text saved before publication.
- Comments are made by signed-in people on behalf of an NGO (or informal group) they are a
  member of, while the consultation is open. A comment is seen by its organisation's members
  and the editors, and by everyone once the consultation report is published.
- Dialogue bodies (KDO, RDPP) are public and edited by the same officials; their members'
  names are seen by signed-in people, their meetings where the event's programme is visible.
- Anything a user may not see answers 404; anything they see but may not edit answers 403.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from mosty.accounts.access import Viewer, signed_in
from mosty.accounts.models import Role, User
from mosty.cooperation.models import (
    Comment, CooperationProgramme, DialogueBody)
from mosty.directory.choices import Kind, Sector, TerritoryLevel
from mosty.directory.models import Organisation, Territory
from mosty.programmes import access as programmes_access
from mosty.programmes.models import Event

OFFICE_KIND = {TerritoryLevel.GMINA: Kind.MUNICIPAL_OFFICE,
               TerritoryLevel.POWIAT: Kind.COUNTY_OFFICE,
               TerritoryLevel.VOIVODESHIP: Kind.REGIONAL_GOVERNMENT}
COMMENTING_SECTORS = (Sector.NGO, Sector.INFORMAL)


def _offices(user: User) -> QuerySet[Organisation]:
    """The public offices `user` works in (as an official)."""
    return Organisation.objects.filter(memberships__user=user, kind__in=OFFICE_KIND.values(),
                                       municipality__isnull=False)


def editable_territories(user: Viewer) -> QuerySet[Territory]:
    """The units whose programmes `user` edits (every unit for staff)."""
    if not signed_in(user):
        return Territory.objects.none()
    if user.is_staff:
        return Territory.objects.all()
    if user.role != Role.OFFICIAL:
        return Territory.objects.none()
    match = Q(pk__in=[])
    for kind, gmina in _offices(user).values_list("kind", "municipality_id"):
        if kind == Kind.MUNICIPAL_OFFICE:
            match |= Q(code=gmina, level=TerritoryLevel.GMINA)
        elif kind == Kind.COUNTY_OFFICE:
            match |= Q(code=gmina[:4], level=TerritoryLevel.POWIAT)
        else:
            match |= Q(code=gmina[:2], level=TerritoryLevel.VOIVODESHIP)
    return Territory.objects.filter(match)


def editors(territory: Territory) -> QuerySet[User]:
    """The officials who edit the programmes of `territory` (staff left out)."""
    offices = Organisation.objects.filter(kind=OFFICE_KIND[TerritoryLevel(territory.level)],
                                          municipality__code__startswith=territory.code)
    return User.objects.filter(role=Role.OFFICIAL, is_active=True,
                               memberships__organisation__in=offices).distinct()


def can_edit_territory(user: Viewer, territory: Territory) -> bool:
    return editable_territories(user).filter(pk=territory.pk).exists()


def can_edit(user: Viewer, programme: CooperationProgramme) -> bool:
    return can_edit_territory(user, programme.territory)


def can_start(user: Viewer) -> bool:
    """Whether the "new programme" button makes sense."""
    return signed_in(user) and (user.is_staff or editable_territories(user).exists())


def visible_programmes(user: Viewer) -> QuerySet[CooperationProgramme]:
    if signed_in(user) and user.is_staff:
        return CooperationProgramme.objects.all()
    return CooperationProgramme.objects.filter(
        Q(published_at__isnull=False) | Q(territory__in=editable_territories(user)))


def get_programme(user: Viewer, pk: int) -> CooperationProgramme:
    programme = visible_programmes(user).select_related("territory").filter(pk=pk).first()
    if programme is None:
        raise Http404
    return programme


def for_edit(user: Viewer, programme: CooperationProgramme) -> None:
    """Raise 403 unless `user` may edit `programme` (which they already see)."""
    if not can_edit(user, programme):
        raise PermissionDenied


def commenting_organisations(user: Viewer) -> QuerySet[Organisation]:
    """The organisations on whose behalf `user` may comment."""
    if not signed_in(user):
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user=user,
                                       sector__in=COMMENTING_SECTORS).order_by("name")


def can_comment(user: Viewer, programme: CooperationProgramme) -> bool:
    return (programme.consultation_open_on(timezone.localdate())
            and commenting_organisations(user).exists())


def visible_comments(user: Viewer, programme: CooperationProgramme) -> QuerySet[Comment]:
    comments = programme.comments.all()
    if programme.report_published_at is not None or can_edit(user, programme):
        return comments
    if not signed_in(user):
        return comments.none()
    return comments.filter(organisation__memberships__user=user).distinct()


def visible_meetings(user: Viewer, body: DialogueBody) -> QuerySet[Event]:
    """The body's meetings in programmes `user` sees."""
    return body.meetings.filter(programme__in=programmes_access.visible_programmes(user))


def can_see_people(user: Viewer) -> bool:
    """Members' names are personal data: signed-in people see them, anonymous visitors see
    only the organisations."""
    return signed_in(user)


def get_body(pk: int) -> DialogueBody:
    """Dialogue bodies are public."""
    body = DialogueBody.objects.select_related("territory").filter(pk=pk).first()
    if body is None:
        raise Http404
    return body


def for_edit_body(user: Viewer, body: DialogueBody) -> None:
    if not can_edit_territory(user, body.territory):
        raise PermissionDenied
