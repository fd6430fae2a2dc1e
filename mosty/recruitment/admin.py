from django.contrib import admin

from mosty.recruitment.models import (
    Application, ApplicationFile, Criterion, Note, Question, RecruitmentCall, Review)


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0


@admin.register(RecruitmentCall)
class RecruitmentCallAdmin(admin.ModelAdmin):
    list_display = ["title", "edition", "opens_at", "deadline", "is_published"]
    list_filter = ["is_published", "edition__programme"]
    search_fields = ["title"]
    inlines = [QuestionInline, CriterionInline]


class FileInline(admin.TabularInline):
    model = ApplicationFile
    extra = 0
    readonly_fields = ["question", "original_name", "size", "file_type", "uploaded_at"]
    exclude = ["file"]


class ReviewInline(admin.TabularInline):
    model = Review
    extra = 0
    readonly_fields = ["reviewer", "scores", "total", "comment"]


class NoteInline(admin.TabularInline):
    model = Note
    extra = 0
    readonly_fields = ["author", "text", "created_at"]


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "applicant", "submitted_at"]
    list_filter = ["status", "call"]
    search_fields = ["organisation__name", "applicant__email"]
    raw_id_fields = ["applicant", "organisation", "partner", "decided_by", "group_member"]
    inlines = [FileInline, ReviewInline, NoteInline]
