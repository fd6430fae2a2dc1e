from django.contrib import admin

from mosty.events.models import (
    Conclusions, ConsultationSlot, CycleModule, CycleStep, CycleTemplate, EventFile, Registration)


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["event", "user", "status", "queued_at", "attended_at", "reminder_sent_at"]
    list_filter = ["status", "event__programme"]
    search_fields = ["user__email", "user__full_name", "event__title"]
    autocomplete_fields = ["user"]
    raw_id_fields = ["event", "checked_in_by"]


@admin.register(EventFile)
class EventFileAdmin(admin.ModelAdmin):
    list_display = ["title", "event", "kind", "is_public", "created_at"]
    list_filter = ["kind", "is_public"]
    search_fields = ["title", "event__title"]
    raw_id_fields = ["event", "uploaded_by"]


@admin.register(Conclusions)
class ConclusionsAdmin(admin.ModelAdmin):
    list_display = ["event", "is_published", "published_at", "updated_at"]
    list_filter = ["is_published"]
    raw_id_fields = ["event", "updated_by"]


@admin.register(ConsultationSlot)
class ConsultationSlotAdmin(admin.ModelAdmin):
    list_display = ["event", "expert", "start", "end", "booked_by"]
    raw_id_fields = ["event", "expert", "booked_by"]


class CycleStepInline(admin.TabularInline):
    model = CycleStep
    extra = 0
    show_change_link = True


@admin.register(CycleTemplate)
class CycleTemplateAdmin(admin.ModelAdmin):
    list_display = ["name", "programme"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [CycleStepInline]


class CycleModuleInline(admin.TabularInline):
    model = CycleModule
    extra = 0


@admin.register(CycleStep)
class CycleStepAdmin(admin.ModelAdmin):
    list_display = ["title", "template", "position", "kind", "days"]
    inlines = [CycleModuleInline]
