from django.urls import path

from mosty.privacy import views

app_name = "privacy"

urlpatterns = [
    path("", views.index, name="index"),
    path("notice/", views.notice, name="notice"),
    path("notice/<str:version>/", views.notice, name="notice_version"),
    path("terms/", views.terms, name="terms"),
    path("terms/<str:version>/", views.terms, name="terms_version"),
    path("accept/", views.accept, name="accept"),
    path("consent/<str:purpose>/", views.consent, name="consent"),
    path("export/", views.export, name="export"),
    path("export/<str:token>/", views.download, name="download"),
    path("erase/", views.erase, name="erase"),
    path("register/", views.register, name="register"),
]
