from django.urls import path

from mosty.directory import views

app_name = "directory"

urlpatterns = [
    path("", views.organisation_list, name="list"),
    path("new/", views.organisation_create, name="create"),
    path("import/", views.organisation_import, name="import"),
    path("import/template/", views.import_template, name="import_template"),
    path("import/<int:pk>/", views.import_status, name="import_status"),
    path("export/", views.organisation_export, name="export"),
    path("gminas/", views.gmina_search, name="gmina_search"),
    path("invitations/<int:pk>/", views.answer_invitation, name="answer_invitation"),
    path("<slug:slug>/", views.organisation_detail, name="detail"),
    path("<slug:slug>/edit/", views.organisation_edit, name="edit"),
    path("<slug:slug>/members/", views.organisation_members, name="members"),
    path("<slug:slug>/members/<int:pk>/remove/", views.member_remove, name="member_remove"),
    path("<slug:slug>/invitations/<int:pk>/withdraw/", views.invitation_withdraw,
         name="invitation_withdraw"),
]
