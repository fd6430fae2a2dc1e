from django.urls import path

from mosty.core import views

app_name = "core"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path(".well-known/security.txt", views.security_txt_file, name="security_txt"),
    path("display/", views.set_display, name="set_display"),
    path("undo/<int:pk>/", views.undo_deletion, name="undo"),
]
