from django.contrib import admin
from django.urls import include, path

from mosty.accounts import views as account_views
from mosty.api import views as api_views
from mosty.api.api import api

urlpatterns = [
    path("", include("mosty.core.urls")),
    # Before programmes: "programmes/events/" is the events' list, not a programme's slug.
    path("", include("mosty.events.urls")),
    path("", include("mosty.programmes.urls")),
    path("accounts/", include("mosty.accounts.urls")),
    path("start/", include("mosty.home.urls")),
    path("directory/", include("mosty.directory.urls")),
    path("networking/", include("mosty.networking.urls")),
    path("recruitment/", include("mosty.recruitment.urls")),
    path("matching/", include("mosty.matching.urls")),
    path("knowledge/", include("mosty.knowledge.urls")),
    path("agreements/", include("mosty.agreements.urls")),
    path("initiatives/", include("mosty.initiatives.urls")),
    path("cooperation/", include("mosty.cooperation.urls")),
    path("privacy/", include("mosty.privacy.urls")),
    path("surveys/", include("mosty.surveys.urls")),
    path("api/", api.urls),
    path("accounts/tokens/", api_views.tokens, name="api_tokens"),
    path("accounts/tokens/<int:pk>/revoke/", api_views.revoke, name="api_token_revoke"),
    path("i18n/setlang/", account_views.set_language, name="set_language"),
    path("admin/", admin.site.urls),
]
