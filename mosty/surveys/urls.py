from django.urls import path

from mosty.surveys import respond, views

app_name = "surveys"

urlpatterns = [
    path("", views.survey_list, name="list"),
    path("new/", views.create, name="create"),
    path("method/", views.method, name="method"),
    path("compare/", views.compare, name="compare"),
    path("a/<str:token>/", respond.public, name="public"),
    path("i/<str:token>/", respond.invitation, name="invitation"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/edit/", views.edit, name="edit"),
    path("<slug:slug>/questions/new/", views.question, name="question_new"),
    path("<slug:slug>/questions/<int:pk>/", views.question, name="question"),
    # Before question_action: the same address asks first.
    path("<slug:slug>/questions/<int:pk>/delete/", views.question_delete,
         name="question_delete"),
    path("<slug:slug>/questions/<int:pk>/<str:action>/", views.question_action,
         name="question_action"),
    path("<slug:slug>/sections/", views.add_section, name="add_section"),
    path("<slug:slug>/status/", views.status, name="status"),
    path("<slug:slug>/invite/", views.invite, name="invite"),
    path("<slug:slug>/copy/", views.copy, name="copy"),
    path("<slug:slug>/figures/", views.figures, name="figures"),
    path("<slug:slug>/results/", views.results_page, name="results"),
    path("<slug:slug>/answers.<str:fmt>", views.export, name="export"),
    path("<slug:slug>/exports/", views.export_list, name="exports"),
    path("<slug:slug>/exports/<int:pk>/", views.export_download, name="export_download"),
    path("<slug:slug>/qr.svg", views.qr, name="qr"),
    path("<slug:slug>/report.pdf", views.pdf_report, name="report"),
]
