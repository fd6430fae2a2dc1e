from django.urls import path

from mosty.initiatives.views import ideas, workshop

app_name = "initiatives"

urlpatterns = [
    path("", ideas.index, name="index"),
    path("new/", ideas.create, name="create"),
    path("funding/", workshop.funding, name="funding"),
    path("funding/new/", workshop.edit_source, name="source_create"),
    path("funding/<slug:slug>/edit/", workshop.edit_source, name="source_edit"),
    path("sessions/new/", workshop.create_session, name="session_create"),
    path("sessions/<int:pk>/", workshop.session_page, name="session"),
    path("sessions/<int:pk>/clock/", workshop.move_clock, name="clock"),
    path("sessions/<int:pk>/order/<slug:slug>/", workshop.reorder, name="reorder"),
    path("sessions/<int:pk>/screen/", workshop.screen, name="screen"),
    path("sessions/<int:pk>/screen.json", workshop.screen_json, name="screen_json"),
    path("sessions/<int:pk>/feedback/<slug:slug>/", workshop.session_feedback,
         name="session_feedback"),
    path("offers/<int:pk>/answer/", ideas.answer, name="answer"),
    path("steps/<int:pk>/", workshop.mark_step, name="mark_step"),
    path("<slug:slug>/", ideas.detail, name="idea"),
    path("<slug:slug>/edit/", ideas.edit, name="edit"),
    path("<slug:slug>/status/", ideas.set_status, name="status"),
    path("<slug:slug>/practice/", ideas.practice, name="practice"),
    path("<slug:slug>/sections/<str:key>/", ideas.edit_section, name="section"),
    path("<slug:slug>/sections/<str:key>/history/", ideas.history, name="history"),
    path("<slug:slug>/sections/<str:key>/restore/<int:version>/", ideas.restore,
         name="restore"),
    path("<slug:slug>/partners/", ideas.partners, name="partners"),
    path("<slug:slug>/team/", ideas.add_member, name="add_member"),
    path("<slug:slug>/team/<int:pk>/remove/", ideas.remove_member, name="remove_member"),
    path("<slug:slug>/partners/<int:pk>/remove/", ideas.remove_partner, name="remove_partner"),
    path("<slug:slug>/invite/", ideas.invite, name="invite"),
    path("<slug:slug>/files/", ideas.upload, name="upload"),
    path("<slug:slug>/files/<int:pk>/", ideas.download, name="download"),
    path("<slug:slug>/files/<int:pk>/remove/", ideas.remove_file, name="remove_file"),
    path("<slug:slug>/needs-survey/", ideas.start_needs_survey, name="needs_survey"),
    path("<slug:slug>/needs-survey/<int:pk>/close/", ideas.close_needs_survey,
         name="close_needs_survey"),
    path("<slug:slug>/advice/", workshop.advice, name="advice"),
    path("<slug:slug>/export.<str:kind>", ideas.export, name="export"),
]
