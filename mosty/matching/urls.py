from django.urls import path, register_converter

from mosty.matching import views


class ScopeKindConverter:
    regex = "gmina|powiat|programme|group"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(ScopeKindConverter, "scope")

app_name = "matching"

urlpatterns = [
    path("", views.search, name="search"),
    path("organisations/<slug:slug>/", views.partners, name="partners"),
    path("organisations/<slug:slug>/action/", views.partner_action, name="partner_action"),
    path("analysis/", views.analysis, name="analysis"),
    path("<scope:kind>/<str:key>/matrix/", views.matrix, name="matrix"),
    path("<scope:kind>/<str:key>/map/", views.network, name="map"),
    path("<scope:kind>/<str:key>/map.<str:fmt>", views.network_export, name="map_export"),
    path("<scope:kind>/<str:key>/relations/", views.relation_add, name="relation_add"),
    path("<scope:kind>/<str:key>/relations/<int:pk>/delete/", views.relation_delete,
         name="relation_delete"),
]
