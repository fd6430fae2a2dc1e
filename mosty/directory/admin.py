from django.contrib import admin

from mosty.directory.models import ContactPerson, Membership, Organisation, Resource, Territory


class ContactInline(admin.TabularInline):
    model = ContactPerson
    extra = 0


class ResourceInline(admin.TabularInline):
    model = Resource
    extra = 0


class MembershipInline(admin.TabularInline):
    model = Membership
    autocomplete_fields = ["user"]
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "sector", "kind", "municipality"]
    list_filter = ["sector", "kind"]
    search_fields = ["name", "nip", "regon", "krs"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["municipality"]
    inlines = [ContactInline, ResourceInline, MembershipInline]


@admin.register(Territory)
class TerritoryAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "kind_label"]
    list_filter = ["level"]
    search_fields = ["name", "code"]
