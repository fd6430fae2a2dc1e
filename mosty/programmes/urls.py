"""Included at the site root: the public pages live under "programmes/", the management pages
under "recruitment/programmes/<slug>/manage/" and the events' under "events/" (where they were
when recruitment and events held them)."""
from django.urls import include, path

from mosty.programmes.views import audit, edit, events, manage, public

app_name = "programmes"

manage_patterns = [
    path("staff/", manage.staff, name="staff"),
    path("staff/<int:pk>/remove/", manage.staff_remove, name="staff_remove"),
    path("editions/new/", manage.edition_create, name="edition_create"),
    path("editions/<int:pk>/", manage.edition_edit, name="edition_edit"),
    path("editions/<int:edition>/groups/new/", manage.group_create, name="group_create"),
    path("groups/problems/", manage.group_problems, name="group_problems"),
    path("groups/<int:pk>/", manage.group_detail, name="group"),
    path("groups/<int:pk>/edit/", manage.group_edit, name="group_edit"),
    path("groups/<int:pk>/members/<int:member>/remove/", manage.group_member_remove,
         name="group_member_remove"),
]

# Included before mosty.events.urls, whose "events/<slug>/…" pages share the prefix: event
# slugs never take the word "programme" (services.RESERVED_SLUGS).
event_patterns = [
    path("programme/<slug:slug>/", events.manage, name="events_manage"),
    path("programme/<slug:slug>/new/", events.create, name="event_create"),
    path("<slug:slug>/edit/", events.edit, name="event_edit"),
]

urlpatterns = [
    path("", public.home, name="home"),
    path("programmes/", public.programme_list, name="list"),
    # Before the programme's own address: "new" is never a programme's slug.
    path("programmes/new/", edit.programme_create, name="create"),
    path("programmes/<slug:slug>/", public.programme_detail, name="detail"),
    path("programmes/<slug:slug>/edit/", edit.programme_edit, name="edit"),
    # The overview page itself, recruitment:manage, lists calls too, so recruitment has it.
    path("recruitment/programmes/<slug:slug>/manage/", include(manage_patterns)),
    path("events/", include(event_patterns)),
    path("audit/", audit.audit_log, name="audit"),
]
