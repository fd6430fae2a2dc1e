"""Forms of the knowledge base: they validate what people typed and hand plain values to
the services (they never save a model themselves)."""
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.forms.models import model_to_dict
from django.utils.translation import gettext as _, gettext_lazy

from mosty.directory.choices import Sector
from mosty.directory.forms import GminaField
from mosty.directory.choices import TerritoryLevel
from mosty.directory.models import Organisation, Territory
from mosty.knowledge import access, services
from mosty.knowledge.models import GlossaryTerm, GoodPractice, Publication, split_tags
from mosty.core import uploads

ANY = [("", gettext_lazy("any"))]


class VersionedForm(forms.ModelForm):
    """Fills a fresh instance only (the item being edited stays untouched until the service
    saves it) and carries the version the editor started from."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    new_file = forms.FileField(label=gettext_lazy("Add a file"), required=False,
                               help_text=gettext_lazy("PDF, DOCX, XLSX, ODT, JPEG or PNG, at "
                                                      "most 15 MB."))
    new_file_title = forms.CharField(label=gettext_lazy("Title of the file"), max_length=200,
                                     required=False)

    def __init__(self, user: Any, data: Any = None, files: Any = None,
                 item: Any = None) -> None:
        initial = model_to_dict(item, fields=self._meta.fields) if item is not None else {}
        if item is not None:
            initial["version"] = item.version
        super().__init__(data, files, initial=initial)
        programme = self.fields["programme"]
        assert isinstance(programme, forms.ModelChoiceField)
        programme.queryset = access.editable_programmes(user).order_by("name")
        programme.required = not access.can_edit_global(user)
        programme.empty_label = _("— none: shared by all programmes —")
        if item is not None and item.programme_id and not programme.queryset.filter(
                pk=item.programme_id).exists():
            programme.queryset = programme.queryset.model.objects.filter(pk=item.programme_id)
        if not self.has_files:
            del self.fields["new_file"], self.fields["new_file_title"]

    has_files = True

    def clean_new_file(self) -> UploadedFile | None:
        upload = self.cleaned_data.get("new_file")
        if not isinstance(upload, UploadedFile):
            return None
        checked = uploads.check(upload, upload.name, services.FILE_TYPES,
                                services.MAX_FILE_BYTES)
        if checked.problem:
            raise forms.ValidationError(checked.problem)
        return upload

    def upload(self) -> services.Upload | None:
        upload = self.cleaned_data.get("new_file")
        if upload is None:
            return None
        return services.Upload(upload, upload.name or "file",
                               self.cleaned_data.get("new_file_title", ""))

    @property
    def expected_version(self) -> int | None:
        value = self.cleaned_data.get("version")
        return int(value) if value else None


class TermForm(VersionedForm):
    has_files = False

    class Meta:
        model = GlossaryTerm
        fields = ["term_pl", "definition_pl", "term_en", "definition_en", "source",
                  "programme"]
        widgets = {"definition_pl": forms.Textarea(attrs={"rows": 4}),
                   "definition_en": forms.Textarea(attrs={"rows": 4})}

    def to_data(self) -> services.TermData:
        c = self.cleaned_data
        return services.TermData(term_pl=c["term_pl"], definition_pl=c["definition_pl"],
                                 term_en=c["term_en"], definition_en=c["definition_en"],
                                 source=c["source"], programme=c["programme"])


class PracticeForm(VersionedForm):
    municipality = GminaField(label=gettext_lazy("Municipality (gmina)"), required=False,
                              help_text=gettext_lazy("Type the name and pick the gmina from "
                                                     "the list."))

    class Meta:
        model = GoodPractice
        fields = ["title", "summary", "who", "municipality", "place", "what", "partners",
                  "partner_names", "outcome", "contacts", "contacts_public", "tags",
                  "sector_a", "sector_b", "status", "programme"]
        widgets = {"what": forms.Textarea(attrs={"rows": 5}),
                   "outcome": forms.Textarea(attrs={"rows": 3}),
                   "contacts": forms.Textarea(attrs={"rows": 2}),
                   "partners": forms.SelectMultiple(attrs={"size": 6})}

    def __init__(self, user: Any, data: Any = None, files: Any = None,
                 item: Any = None) -> None:
        super().__init__(user, data, files, item)
        partners = self.fields["partners"]
        assert isinstance(partners, forms.ModelMultipleChoiceField)
        partners.queryset = Organisation.objects.only("name").order_by("name")
        partners.required = False
        if item is not None:
            self.initial["partners"] = [p.pk for p in item.partners.all()]

    def to_data(self) -> services.PracticeData:
        c = self.cleaned_data
        municipality: Territory | None = c["municipality"]
        return services.PracticeData(
            title=c["title"], who=c["who"], what=c["what"], summary=c["summary"],
            municipality_code=municipality.code if municipality else "", place=c["place"],
            partner_ids=tuple(p.pk for p in c["partners"]),
            partner_names=c["partner_names"], outcome=c["outcome"], contacts=c["contacts"],
            contacts_public=c["contacts_public"], tags=tuple(split_tags(c["tags"])),
            sector_a=c["sector_a"], sector_b=c["sector_b"], status=c["status"],
            programme=c["programme"])


class PublicationForm(VersionedForm):
    class Meta:
        model = Publication
        fields = ["title", "kind", "authors", "published_on", "summary", "is_public",
                  "programme"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 4}),
                   "published_on": forms.DateInput(attrs={"type": "date"},
                                                   format="%Y-%m-%d")}

    def to_data(self) -> services.PublicationData:
        c = self.cleaned_data
        return services.PublicationData(
            title=c["title"], kind=c["kind"], summary=c["summary"], authors=c["authors"],
            published_on=c["published_on"], is_public=c["is_public"],
            programme=c["programme"])


class PracticeFilterForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("Text"), max_length=200, required=False)
    sector = forms.ChoiceField(label=gettext_lazy("Sector"), required=False,
                               choices=ANY + list(Sector.choices),
                               help_text=gettext_lazy("One of the two sectors of the "
                                                      "practice."))
    other_sector = forms.ChoiceField(label=gettext_lazy("Other sector"), required=False,
                                     choices=ANY + list(Sector.choices))
    voivodeship = forms.ChoiceField(label=gettext_lazy("Voivodeship"), required=False)
    gmina = GminaField(label=gettext_lazy("Municipality (gmina)"), required=False)
    tag = forms.CharField(label=gettext_lazy("Tag"), max_length=60, required=False)
    programme = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, data: Any = None) -> None:
        super().__init__(data)
        voivodeship = self.fields["voivodeship"]
        assert isinstance(voivodeship, forms.ChoiceField)
        units = Territory.objects.filter(level=TerritoryLevel.VOIVODESHIP).order_by("name")
        voivodeship.choices = [("", _("all voivodeships"))] + [(u.code, u.name) for u in units]
