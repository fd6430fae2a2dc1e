from django.contrib import admin

from mosty.agreements.models import Agreement, Contribution, Party, Version


class PartyInline(admin.TabularInline):
    model = Party
    extra = 0
    fields = ["organisation", "representative", "function", "email", "approved_at"]
    raw_id_fields = ["organisation"]


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    list_display = ["title", "programme", "status", "signed_on", "review_date"]
    list_filter = ["status", "programme"]
    search_fields = ["title", "parties__organisation__name"]
    raw_id_fields = ["programme", "group", "source_event", "source_idea", "relation",
                     "created_by"]
    inlines = [PartyInline]


@admin.register(Contribution)
class ContributionAdmin(admin.ModelAdmin):
    list_display = ["description", "kind", "party"]
    raw_id_fields = ["party", "resource"]


@admin.register(Version)
class VersionAdmin(admin.ModelAdmin):
    list_display = ["agreement", "number", "created_at", "created_by"]
    raw_id_fields = ["agreement", "created_by"]
