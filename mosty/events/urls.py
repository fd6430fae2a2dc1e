from django.urls import include, path

from mosty.events.views import cycles, participant, staff

app_name = "events"

# Included at the site root, after mosty.programmes.urls, which holds the programme's side of
# events: its list of events (events/programme/<slug>/), creating and editing one. Event slugs
# never take the words "mine", "calendar" or "programme" (mosty.programmes.services).
event_patterns = [
    path("mine/", participant.mine, name="mine"),
    path("mine/calendar/", participant.reset_feed, name="reset_feed"),
    path("calendar/<str:token>.ics", participant.person_feed, name="person_feed"),
    path("programme/<slug:slug>.ics", participant.programme_feed, name="programme_feed"),
    path("programme/<slug:slug>/cycles/", cycles.schedule, name="schedule"),
    path("programme/<slug:slug>/cycles/save/", cycles.save_template, name="save_template"),
    path("<slug:slug>.ics", participant.event_feed, name="event_feed"),
    path("<slug:slug>/register/", participant.register, name="register"),
    path("<slug:slug>/cancel/", participant.cancel, name="cancel"),
    path("<slug:slug>/decline/", participant.decline, name="decline"),
    path("<slug:slug>/certificate/", participant.my_certificate, name="my_certificate"),
    path("<slug:slug>/files/<int:pk>/", participant.download, name="file"),
    path("<slug:slug>/slots/<int:pk>/book/", participant.book_slot, name="book_slot"),
    path("<slug:slug>/slots/<int:pk>/release/", participant.release_slot, name="release_slot"),
    path("<slug:slug>/invite/", staff.invite, name="invite"),
    path("<slug:slug>/files/", staff.files, name="files"),
    path("<slug:slug>/files/<int:pk>/delete/", staff.delete_file, name="delete_file"),
    path("<slug:slug>/attendance/", staff.attendance, name="attendance"),
    path("<slug:slug>/check-in/", staff.check_in, name="check_in"),
    path("<slug:slug>/conclusions/", staff.conclusions, name="conclusions"),
    path("<slug:slug>/certificates/", staff.certificates, name="certificates"),
    path("<slug:slug>/slots/", staff.slot_list, name="slots"),
    path("<slug:slug>/slots/<int:pk>/delete/", staff.delete_slot, name="delete_slot"),
]

urlpatterns = [
    # The list and the page of an event have kept the addresses they had when programmes
    # showed them (mosty/urls.py includes these before programmes' "programmes/<slug>/").
    path("programmes/events/", participant.event_list, name="list"),
    path("programmes/events/<slug:slug>/", participant.event_detail, name="detail"),
    path("events/", include(event_patterns)),
]
