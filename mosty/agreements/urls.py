from django.urls import path, re_path

from mosty.agreements import views

app_name = "agreements"

urlpatterns = [
    path("", views.agreement_list, name="list"),
    path("standard-template.docx", views.standard_template, name="standard_template"),
    path("from-event/<slug:slug>/", views.create_from_event, name="from_event"),
    path("from-idea/<slug:slug>/", views.create_from_idea, name="from_idea"),
    path("for-organisation/<slug:slug>/", views.create_for_organisation,
         name="for_organisation"),
    path("link/<str:token>/", views.party_link, name="link"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/versions/", views.versions, name="versions"),
    path("<int:pk>/template/", views.template, name="template"),
    re_path(r"^(?P<pk>[0-9]+)/agreement\.(?P<kind>docx|pdf)$", views.download, name="download"),
    path("<int:pk>/parties/add/", views.party_add, name="party_add"),
    path("<int:pk>/parties/<int:party>/", views.party_edit, name="party"),
    path("<int:pk>/parties/<int:party>/remove/", views.party_remove, name="party_remove"),
    path("<int:pk>/parties/<int:party>/approve/", views.approve, name="approve"),
    path("<int:pk>/parties/<int:party>/contributions/<int:contribution>/remove/",
         views.contribution_remove, name="contribution_remove"),
    path("<int:pk>/sign/", views.sign, name="sign"),
    path("<int:pk>/scan/", views.scan, name="scan"),
    path("<int:pk>/scan/download/", views.scan_download, name="scan_download"),
    path("<int:pk>/end/", views.end, name="end"),
    path("<int:pk>/practice/", views.practice, name="practice"),
]
