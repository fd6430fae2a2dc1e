from django.contrib import admin

from mosty.privacy.models import Consent, Erasure


@admin.register(Consent)
class ConsentAdmin(admin.ModelAdmin):
    list_display = ["user", "purpose", "version", "given_at", "withdrawn_at"]
    list_filter = ["purpose", "version"]
    search_fields = ["user__email"]
    readonly_fields = ["user", "purpose", "version", "given_at", "withdrawn_at"]


@admin.register(Erasure)
class ErasureAdmin(admin.ModelAdmin):
    list_display = ["user", "reason", "erased_at"]
    readonly_fields = ["user", "reason", "erased_at"]
