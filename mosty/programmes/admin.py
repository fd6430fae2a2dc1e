from django.contrib import admin

from mosty.programmes.models import Event, Programme, ProgrammePartner


class PartnerInline(admin.TabularInline):
    model = ProgrammePartner
    autocomplete_fields = ["organisation"]
    extra = 0


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name", "organiser", "start_date", "end_date", "is_public"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["organiser"]
    inlines = [PartnerInline]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "programme", "kind", "start", "audience"]
    list_filter = ["kind", "audience", "programme"]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title"]}
