from django.urls import path

from mosty.networking.views import manage, phone, seating

app_name = "networking"

urlpatterns = [
    path("event/<slug:slug>/", manage.event_sessions, name="event_sessions"),
    path("my/", manage.my_sessions, name="my_sessions"),
    path("import-template.xlsx", manage.import_template, name="import_template"),
    path("s/<int:pk>/", manage.session_detail, name="session"),
    path("s/<int:pk>/edit/", manage.session_edit, name="session_edit"),
    path("s/<int:pk>/delete/", manage.session_delete, name="session_delete"),
    path("s/<int:pk>/status/", manage.session_status, name="session_status"),
    path("s/<int:pk>/participants/", manage.participants, name="participants"),
    path("s/<int:pk>/participants/members/", manage.add_members, name="add_members"),
    path("s/<int:pk>/participants/import/", manage.import_participants, name="import"),
    path("s/<int:pk>/participants/registered/", manage.add_registered, name="add_registered"),
    path("s/<int:pk>/participants/<int:participant>/", manage.participant_edit,
         name="participant_edit"),
    path("s/<int:pk>/participants/<int:participant>/remove/", manage.participant_remove,
         name="participant_remove"),
    path("s/<int:pk>/participants/<int:participant>/new-link/", manage.participant_new_link,
         name="participant_new_link"),
    path("s/<int:pk>/optimise/", seating.optimise, name="optimise"),
    path("s/<int:pk>/optimiser.json", seating.optimiser_status, name="optimiser_status"),
    path("s/<int:pk>/seating/", seating.seating, name="seating"),
    path("s/<int:pk>/seating/swap/", seating.swap, name="swap"),
    path("s/<int:pk>/seating/locks/", seating.locks, name="locks"),
    path("s/<int:pk>/clock/", seating.clock, name="clock"),
    path("s/<int:pk>/screen/", seating.screen_page, name="screen"),
    path("s/<int:pk>/screen.json", seating.screen_json, name="screen_json"),
    path("s/<int:pk>/statistics/", seating.statistics, name="statistics"),
    path("s/<int:pk>/table-cards.pdf", seating.table_cards_pdf, name="table_cards"),
    path("s/<int:pk>/agendas.pdf", seating.agendas_pdf, name="agendas"),
    path("s/<int:pk>/me/", phone.my_page, name="me"),
    path("p/<str:token>/", phone.phone, name="phone"),
    path("p/<str:token>/live.json", phone.live_json, name="live"),
    path("p/<str:token>/mark/", phone.mark, name="mark"),
    path("p/<str:token>/consent/", phone.consent, name="consent"),
    path("p/<str:token>/wishes/", phone.wishes, name="wishes"),
    path("p/<str:token>/agenda.pdf", phone.agenda_pdf, name="agenda"),
]
