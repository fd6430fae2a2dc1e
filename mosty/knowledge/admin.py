from typing import Any

from django.contrib import admin
from django.forms import ModelForm
from django.http import HttpRequest

from mosty.knowledge.services import search_text_for
from mosty.knowledge.models import (
    GlossaryTerm, GoodPractice, PracticeFile, Publication, PublicationFile)


class KnowledgeAdmin(admin.ModelAdmin):
    """Changes made here bypass the services: keep at least the search in step."""

    def save_related(self, request: HttpRequest, form: ModelForm, formsets: Any,
                     change: bool) -> None:
        super().save_related(request, form, formsets, change)
        item = form.instance
        # Registered below for the three searchable kinds only.
        assert isinstance(item, (GlossaryTerm, GoodPractice, Publication))
        item.search_text = search_text_for(item)
        item.save(update_fields=["search_text"])


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(KnowledgeAdmin):
    list_display = ["term_pl", "term_en", "programme"]
    list_filter = ["programme"]
    search_fields = ["term_pl", "term_en", "definition_pl"]
    readonly_fields = ["version"]


class PracticeFileInline(admin.TabularInline):
    model = PracticeFile
    extra = 0
    readonly_fields = ["file_type", "size"]


@admin.register(GoodPractice)
class GoodPracticeAdmin(KnowledgeAdmin):
    list_display = ["title", "who", "municipality", "status", "programme"]
    list_filter = ["status", "sector_a", "sector_b", "programme"]
    search_fields = ["title", "who", "what", "tags"]
    raw_id_fields = ["municipality", "created_by"]
    autocomplete_fields = ["partners"]
    readonly_fields = ["version"]
    inlines = [PracticeFileInline]


class PublicationFileInline(admin.TabularInline):
    model = PublicationFile
    extra = 0
    readonly_fields = ["file_type", "size"]


@admin.register(Publication)
class PublicationAdmin(KnowledgeAdmin):
    list_display = ["title", "kind", "published_on", "is_public", "programme"]
    list_filter = ["kind", "is_public", "programme"]
    search_fields = ["title", "authors", "summary"]
    raw_id_fields = ["created_by"]
    readonly_fields = ["version"]
    inlines = [PublicationFileInline]
