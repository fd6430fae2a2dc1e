from django.contrib import admin

from mosty.initiatives.models import FundingSource, Idea, PresentationSession


@admin.register(Idea)
class IdeaAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "programme", "is_public", "updated_at"]
    list_filter = ["status", "is_public"]
    search_fields = ["title", "summary"]
    # Changes go through the services (versions, audit): the admin only shows.
    readonly_fields = ["title", "slug", "summary", "programme", "group", "event", "status",
                       "is_public", "created_by"]


@admin.register(PresentationSession)
class PresentationSessionAdmin(admin.ModelAdmin):
    list_display = ["title", "programme", "created_at"]


@admin.register(FundingSource)
class FundingSourceAdmin(admin.ModelAdmin):
    list_display = ["name", "funder", "kind", "deadline", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "funder"]
