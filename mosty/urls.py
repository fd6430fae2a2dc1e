from django.contrib import admin
from django.urls import include, path

from mosty.api import views as api_views
from mosty.core import views as core_views
from mosty.api.api import api

urlpatterns = [
    path("", include("mosty.core.urls")),
    path("accounts/", include("mosty.accounts.urls")),
    path("directory/", include("mosty.directory.urls")),
    path("programmes/", include("mosty.programmes.urls")),
    path("networking/", include("mosty.networking.urls")),
    path("recruitment/", include("mosty.recruitment.urls")),
    path("events/", include("mosty.events.urls")),
    path("matching/", include("mosty.matching.urls")),
    path("api/", api.urls),
    path("accounts/tokens/", api_views.tokens, name="api_tokens"),
    path("accounts/tokens/<int:pk>/revoke/", api_views.revoke, name="api_token_revoke"),
    path("i18n/setlang/", core_views.set_language, name="set_language"),
    path("admin/", admin.site.urls),
]
