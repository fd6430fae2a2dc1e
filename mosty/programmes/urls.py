from django.urls import path

from mosty.programmes import views

app_name = "programmes"

urlpatterns = [
    path("", views.programme_list, name="list"),
    path("events/", views.event_list, name="events"),
    path("events/<slug:slug>/", views.event_detail, name="event"),
    path("<slug:slug>/", views.programme_detail, name="detail"),
]
