from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("mosty.core.urls")),
    path("accounts/", include("mosty.accounts.urls")),
    path("directory/", include("mosty.directory.urls")),
    path("programmes/", include("mosty.programmes.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
