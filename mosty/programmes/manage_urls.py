"""Programme management pages; included by mosty/recruitment/urls.py under
"programmes/<slug>/manage/", so their names live in the "recruitment" namespace."""
from django.urls import path

from mosty.programmes import manage_views as views

urlpatterns = [
    path("", views.dashboard, name="manage"),
    path("staff/", views.staff, name="staff"),
    path("editions/new/", views.edition_create, name="edition_create"),
    path("editions/<int:pk>/", views.edition_edit, name="edition_edit"),
    path("editions/<int:edition>/groups/new/", views.group_create, name="group_create"),
    path("groups/problems/", views.group_problems, name="group_problems"),
    path("groups/<int:pk>/", views.group_detail, name="group"),
    path("groups/<int:pk>/edit/", views.group_edit, name="group_edit"),
]
