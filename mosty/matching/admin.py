from django.contrib import admin

from mosty.matching.models import HiddenPartner, Relation


@admin.register(Relation)
class RelationAdmin(admin.ModelAdmin):
    list_display = ["org_a", "org_b", "kind", "origin", "programme", "created_at"]
    list_filter = ["kind", "origin"]
    search_fields = ["org_a__name", "org_b__name"]
    autocomplete_fields = ["org_a", "org_b", "created_by"]
    list_select_related = ["org_a", "org_b", "programme"]


@admin.register(HiddenPartner)
class HiddenPartnerAdmin(admin.ModelAdmin):
    list_display = ["organisation", "partner", "created_by", "created_at"]
    autocomplete_fields = ["organisation", "partner", "created_by"]
    list_select_related = ["organisation", "partner", "created_by"]
