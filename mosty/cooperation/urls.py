from django.urls import path

from mosty.cooperation import views

app_name = "cooperation"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.start, name="start"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/chapters/<str:element>/", views.edit_chapter, name="chapter"),
    path("<int:pk>/do/<str:name>/", views.action, name="action"),
    path("<int:pk>/consultation/", views.consultation, name="consultation"),
    path("<int:pk>/comment/", views.comment, name="comment"),
    path("<int:pk>/answers/", views.answers, name="answers"),
    path("<int:pk>/versions/", views.versions, name="versions"),
    path("<int:pk>/report/", views.report, name="report"),
    path("<int:pk>/opinion/", views.opinion, name="opinion"),
    path("<int:pk>/<str:document>.<str:kind>", views.download, name="download"),
    path("bodies/new/", views.body_new, name="body_new"),
    path("bodies/<int:pk>/", views.body, name="body"),
    path("bodies/<int:pk>/edit/", views.body_edit, name="body_edit"),
    path("bodies/<int:pk>/members/", views.body_member, name="body_member"),
    path("bodies/<int:pk>/members/<int:member>/remove/", views.body_member_remove,
         name="body_member_remove"),
]
