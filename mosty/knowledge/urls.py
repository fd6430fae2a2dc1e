from django.urls import path, register_converter

from mosty.knowledge import views


class KindConverter:
    regex = "glossary|practices|publications"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class FileKindConverter(KindConverter):
    regex = "practices|publications"


register_converter(KindConverter, "knowledge_kind")
register_converter(FileKindConverter, "knowledge_file_kind")

app_name = "knowledge"

urlpatterns = [
    path("", views.index, name="index"),
    path("glossary/", views.glossary, name="glossary"),
    path("practices/", views.practices, name="practices"),
    path("publications/", views.publications, name="publications"),
    path("<knowledge_kind:kind>/new/", views.create, name="create"),
    path("glossary/<slug:slug>/", views.term_detail, name="term"),
    path("practices/<slug:slug>/", views.practice_detail, name="practice"),
    path("publications/<slug:slug>/", views.publication_detail, name="publication"),
    path("<knowledge_kind:kind>/<slug:slug>/edit/", views.edit, name="edit"),
    path("<knowledge_file_kind:kind>/<slug:slug>/files/<int:pk>/", views.download,
         name="download"),
    path("<knowledge_file_kind:kind>/<slug:slug>/files/<int:pk>/remove/", views.remove_file,
         name="remove_file"),
]
