from django.contrib import admin

from mosty.cooperation.models import Comment, CooperationProgramme, ImplementationReport


@admin.register(CooperationProgramme)
class CooperationProgrammeAdmin(admin.ModelAdmin):
    list_display = ["title", "territory", "year", "status"]
    list_filter = ["status", "year"]
    raw_id_fields = ["territory", "based_on"]
    readonly_fields = ["version"]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["organisation", "programme", "kind", "decision", "created_at"]
    list_filter = ["decision", "kind"]
    raw_id_fields = ["programme", "paragraph", "organisation", "author", "answered_by"]


admin.site.register(ImplementationReport)
