from django.urls import path

from mosty.recruitment.views import documents, manage, public, staff

app_name = "recruitment"

urlpatterns = [
    # Applicants
    path("", public.call_list, name="calls"),
    path("calls/<int:pk>/", public.call_detail, name="call"),
    path("calls/<int:pk>/apply/", public.apply, name="apply"),
    path("mine/", public.my_applications, name="mine"),
    path("applications/<int:pk>/", public.application_detail, name="application"),
    path("applications/<int:pk>/pdf/", public.application_document, name="application_pdf"),
    path("files/<int:pk>/", public.attachment, name="file"),
    path("organisations/search/", public.organisation_search, name="organisation_search"),
    # The programme's staff
    path("programmes/<slug:slug>/calls/new/", staff.call_create, name="call_create"),
    path("calls/<int:pk>/edit/", staff.call_edit, name="call_edit"),
    path("calls/<int:pk>/documents/", documents.call_documents, name="call_documents"),
    path("documents/<int:pk>/", documents.call_document, name="call_document"),
    path("documents/<int:pk>/delete/", documents.call_document_delete,
         name="call_document_delete"),
    path("calls/<int:pk>/applications/", staff.review_list, name="review_list"),
    path("calls/<int:pk>/applications/export/", staff.review_export, name="review_export"),
    path("review/<int:pk>/", staff.review_detail, name="review"),
    path("review/<int:pk>/score/", staff.review_score, name="review_score"),
    path("review/<int:pk>/note/", staff.review_note, name="review_note"),
    path("review/<int:pk>/decide/", staff.review_decide, name="review_decide"),
    path("review/<int:pk>/assign/", staff.review_assign, name="review_assign"),
    # Editions, groups and staff under this path are mosty.programmes.urls.
    path("programmes/<slug:slug>/manage/", manage.dashboard, name="manage"),
]
