from django.contrib import admin

from mosty.networking.models import ContinueMark, NetworkingSession, Participant, Seat, Wish


class ParticipantInline(admin.TabularInline):
    model = Participant
    fields = ["name", "organisation_name", "sector", "host", "email", "share_contact"]
    extra = 0
    show_change_link = True


@admin.register(NetworkingSession)
class NetworkingSessionAdmin(admin.ModelAdmin):
    list_display = ["title", "event", "status", "rounds", "table_size", "mode",
                    "optimiser_state"]
    list_filter = ["status", "mode"]
    search_fields = ["title", "event__title"]
    raw_id_fields = ["event", "created_by"]
    readonly_fields = ["setup_version", "scheduled_setup_version", "schedule_version",
                       "live_version", "stats", "optimiser_state", "optimiser_run_id",
                       "optimiser_worker", "optimiser_started_at", "optimiser_deadline",
                       "optimiser_message", "clock_round", "clock_started_at",
                       "clock_paused_at"]
    inlines = [ParticipantInline]


@admin.register(Participant)
class ParticipantAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation_name", "sector", "session", "share_contact"]
    list_filter = ["sector"]
    search_fields = ["name", "organisation_name", "email"]
    raw_id_fields = ["session", "user", "organisation"]
    exclude = ["token"]


@admin.register(Seat)
class SeatAdmin(admin.ModelAdmin):
    list_display = ["session", "round", "table", "participant", "locked"]
    list_filter = ["locked"]
    raw_id_fields = ["session", "participant"]


@admin.register(Wish)
class WishAdmin(admin.ModelAdmin):
    list_display = ["from_participant", "to_participant", "kind"]
    raw_id_fields = ["session", "from_participant", "to_participant"]


@admin.register(ContinueMark)
class ContinueMarkAdmin(admin.ModelAdmin):
    list_display = ["from_participant", "to_participant", "created_at"]
    raw_id_fields = ["session", "from_participant", "to_participant"]
