"""The knowledge base: shared definitions, good practices and published documents.

Each item is global (no programme) or belongs to one programme; who sees and edits it is
answered in mosty.knowledge.access only.
"""
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from mosty.directory.choices import Sector
from mosty.directory.models import Organisation, Territory, TerritoryLevel
from mosty.programmes.models import Programme
from mosty.core.personal_data import Basis, Category, Erase, PersonalData, WITH_RECORD


class KnowledgeItem(models.Model):
    """What glossary terms, practices and publications share."""

    slug = models.SlugField(_("address in Mosty"), max_length=120, unique=True)
    programme = models.ForeignKey(
        Programme, null=True, blank=True, on_delete=models.CASCADE, related_name="+",
        verbose_name=_("programme"),
        help_text=_("Leave empty for an item shared by all programmes."))
    # Lower-cased text and its lemmas: what the knowledge search looks in (set by services).
    search_text = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Bumped on every save through a service; detects concurrent edits.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        abstract = True


class GlossaryTerm(KnowledgeItem):
    """A shared definition, in Polish and English."""

    term_pl = models.CharField(_("term (Polish)"), max_length=200)
    term_en = models.CharField(_("term (English)"), max_length=200, blank=True)
    definition_pl = models.TextField(_("definition (Polish)"))
    definition_en = models.TextField(_("definition (English)"), blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True,
                              help_text=_("Where the definition comes from, e.g. a workshop "
                                          "or an act."))

    class Meta:
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        ordering = ["term_pl"]

    def __str__(self) -> str:
        return self.term_pl

    def get_absolute_url(self) -> str:
        return reverse("knowledge:term", args=[self.slug])

    @property
    def term(self) -> str:
        """The term in the current language (Polish when there is no English one)."""
        if translation.get_language() == "en" and self.term_en:
            return self.term_en
        return self.term_pl

    @property
    def definition(self) -> str:
        if translation.get_language() == "en" and self.definition_en:
            return self.definition_en
        return self.definition_pl

    @property
    def other_term(self) -> str:
        """The term in the other language, shown next to the current one."""
        other = self.term_pl if self.term == self.term_en else self.term_en
        return "" if other == self.term else other


class PracticeStatus(models.TextChoices):
    DRAFT = "draft", _("draft (seen by its editors only)")
    PUBLISHED = "published", _("published")


class GoodPractice(KnowledgeItem):
    """A case of cross-sector cooperation worth repeating: who, where, what, with whom, outcome."""

    PERSONAL_DATA = PersonalData(
        Category.CONTENT, _("good practices with their contacts"), Basis.PUBLIC_TASK, WITH_RECORD,
        actors=("created_by",), fields=("contacts",), erase=Erase.KEEP)

    title = models.CharField(_("title"), max_length=255)
    who = models.CharField(_("who"), max_length=300,
                           help_text=_("The organisation or people who led it."))
    municipality = models.ForeignKey(
        Territory, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        limit_choices_to={"level": TerritoryLevel.GMINA}, verbose_name=_("municipality (gmina)"))
    place = models.CharField(_("where"), max_length=300, blank=True,
                             help_text=_("Town, district or venue."))
    summary = models.CharField(_("in one sentence"), max_length=300, blank=True)
    what = models.TextField(_("what was done"))
    partners = models.ManyToManyField(Organisation, blank=True, related_name="+",
                                      verbose_name=_("partner organisations in Mosty"))
    partner_names = models.CharField(
        _("other partners"), max_length=500, blank=True,
        help_text=_("Partners that have no profile in Mosty, separated by commas."))
    outcome = models.TextField(_("outcome"), blank=True)
    contacts = models.TextField(_("contacts"), blank=True,
                                help_text=_("Who to ask about it: names, e-mails, phones."))
    contacts_public = models.BooleanField(
        _("contacts are public"), default=False,
        help_text=_("Otherwise only signed-in people see them (they are personal data)."))
    tags = models.CharField(_("tags"), max_length=300, blank=True,
                            help_text=_("Separated by commas, e.g. seniors, culture, "
                                        "volunteering."))
    sector_a = models.CharField(_("first sector"), max_length=20, choices=Sector.choices,
                                blank=True)
    sector_b = models.CharField(_("second sector"), max_length=20, choices=Sector.choices,
                                blank=True)
    status = models.CharField(_("status"), max_length=12, choices=PracticeStatus.choices,
                              default=PracticeStatus.PUBLISHED)
    # Where the case was written down from ("agreement:12", a web page): set by the
    # service that created it, shown as a link back when it is an address.
    source = models.CharField(_("source"), max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["sector_a", "sector_b"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:practice", args=[self.slug])

    @property
    def tag_list(self) -> list[str]:
        return split_tags(self.tags)

    @property
    def partner_name_list(self) -> list[str]:
        return split_tags(self.partner_names)

    @property
    def sector_pair_label(self) -> str:
        labels = [str(Sector(s).label) for s in (self.sector_a, self.sector_b) if s]
        return " × ".join(labels)


class PublicationKind(models.TextChoices):
    BROCHURE = "brochure", _("brochure")
    CONCLUSIONS = "conclusions", _("conclusions")
    REPORT = "report", _("report")
    GUIDE = "guide", _("guide")
    OTHER = "other", _("other")


class Publication(KnowledgeItem):
    """A published document (brochure, conclusions, report) with its files."""

    PERSONAL_DATA = PersonalData(
        Category.CONTENT, _("publications with their authors"), Basis.PUBLIC_TASK, WITH_RECORD,
        actors=("created_by",), fields=("authors",), erase=Erase.KEEP)

    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20, choices=PublicationKind.choices)
    authors = models.CharField(_("authors or publisher"), max_length=300, blank=True)
    published_on = models.DateField(_("publication date"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    is_public = models.BooleanField(
        _("public"), default=False,
        help_text=_("A public publication has a page anyone can open; otherwise only its "
                    "editors see it."))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = ["-published_on", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:publication", args=[self.slug])


def split_tags(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def upload_path(instance: "KnowledgeFile", filename: str) -> str:
    # Random-free but collision-safe: the storage adds a suffix to a taken name.
    return f"knowledge/{instance.owner_folder}/{PurePath(filename).name}"


class KnowledgeFile(models.Model):
    title = models.CharField(_("title"), max_length=200, blank=True)
    file = models.FileField(_("file"), upload_to=upload_path, max_length=250)
    # Recognised by content at upload (mosty.core.uploads), never by the name.
    file_type = models.CharField(_("file type"), max_length=10)
    size = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["id"]

    owner_folder = ""

    def __str__(self) -> str:
        return self.title or PurePath(self.file.name).name

    @property
    def filename(self) -> str:
        return PurePath(self.file.name).name


class PracticeFile(KnowledgeFile):
    practice = models.ForeignKey(GoodPractice, on_delete=models.CASCADE, related_name="files")

    owner_folder = "practices"

    class Meta(KnowledgeFile.Meta):
        verbose_name = _("file of a good practice")
        verbose_name_plural = _("files of good practices")


class PublicationFile(KnowledgeFile):
    publication = models.ForeignKey(Publication, on_delete=models.CASCADE,
                                    related_name="files")

    owner_folder = "publications"

    class Meta(KnowledgeFile.Meta):
        verbose_name = _("file of a publication")
        verbose_name_plural = _("files of publications")
