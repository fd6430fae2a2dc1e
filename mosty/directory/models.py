from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mosty.directory.choices import (
    Cost,
    Kind,
    ResourceCategory,
    ResourceKind,
    Sector,
    TerritoryLevel,
)
from mosty.directory.validators import validate_krs, validate_nip, validate_regon
from mosty.core.personal_data import (
    Basis, Category, Erase, NoPersonalData, PersonalData, UNTIL_ERASED,
)


class Territory(models.Model):
    """A unit of the TERYT register: voivodeship (2 digits), powiat (4) or gmina (7).

    Codes nest by prefix, so "all organisations of powiat 3011" is a prefix filter.
    """

    PERSONAL_DATA = NoPersonalData("names of municipalities and regions")

    code = models.CharField(_("TERYT code"), max_length=7, primary_key=True)
    name = models.CharField(_("name"), max_length=100)
    level = models.CharField(_("level"), max_length=12, choices=TerritoryLevel.choices)
    kind_label = models.CharField(_("kind"), max_length=60, blank=True)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="children", verbose_name=_("parent unit"))

    class Meta:
        verbose_name = _("territorial unit")
        verbose_name_plural = _("territorial units")
        ordering = ["code"]
        indexes = [models.Index(fields=["level", "name"])]

    def __str__(self) -> str:
        return self.name

    @property
    def voivodeship_code(self) -> str:
        return self.code[:2]

    @property
    def powiat_code(self) -> str:
        return self.code[:4]


class Organisation(models.Model):
    PERSONAL_DATA = PersonalData(
        Category.CONTACT, _("the directory of organisations; contact details may name a person"),
        Basis.PUBLIC_TASK, _("as long as the organisation is in the directory"),
        actors=("created_by",), fields=("email", "phone", "address"), erase=Erase.KEEP)

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("address in Mosty"), max_length=120, unique=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    municipality = models.ForeignKey(
        Territory, null=True, blank=True, on_delete=models.PROTECT,
        limit_choices_to={"level": TerritoryLevel.GMINA}, related_name="organisations",
        verbose_name=_("municipality (gmina)"),
        help_text=_("Leave empty for organisations based outside Poland."))
    address = models.CharField(_("address"), max_length=255, blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    description = models.TextField(_("description"), blank=True)
    krs = models.CharField(_("KRS"), max_length=10, blank=True, validators=[validate_krs])
    regon = models.CharField(_("REGON"), max_length=14, blank=True, validators=[validate_regon])
    nip = models.CharField(_("NIP"), max_length=10, blank=True, validators=[validate_nip])
    # Lower-cased name, description and resources: what the directory search looks in.
    search_text = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    # Who added it (by hand or by import): a coordinator keeps it until members join.
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+",
                                   verbose_name=_("added by"))
    # Every change of the profile or of its resources moves this forward (services see to
    # it), so caches such as the partner-matching index know what to refresh.
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    # Bumped on every save through the edit form; detects concurrent edits.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        indexes = [models.Index(fields=["sector"]), models.Index(fields=["kind"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("directory:detail", args=[self.slug])

    def _category_labels(self, kind: str) -> list[str]:
        """Distinct category names, from prefetched resources (no query per organisation)."""
        labels: list[str] = []
        for resource in self.resources.all():
            label = resource.get_category_display()
            if resource.kind == kind and label not in labels:
                labels.append(label)
        return labels

    @property
    def offered_categories(self) -> list[str]:
        return self._category_labels(ResourceKind.OFFER)

    @property
    def needed_categories(self) -> list[str]:
        return self._category_labels(ResourceKind.NEED)


class Membership(models.Model):
    """A person belongs to an organisation (a person may belong to several)."""

    PERSONAL_DATA = PersonalData(
        Category.MEMBERSHIP, _("acting for an organisation"), Basis.CONTRACT, UNTIL_ERASED,
        person=("user",), fields=("position",), erase=Erase.DELETE)

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="memberships", verbose_name=_("person"))
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE,
                                     related_name="memberships", verbose_name=_("organisation"))
    position = models.CharField(_("position"), max_length=120, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["user", "organisation"],
                                               name="unique_membership")]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation}"


class MembershipInvitation(models.Model):
    """A member invites a colleague by e-mail; the colleague joins only by accepting it."""

    PERSONAL_DATA = PersonalData(
        Category.CONTACT, _("inviting a person to an organisation"), Basis.CONTRACT,
        _("until accepted, withdrawn or the person's erasure"), actors=("invited_by",),
        fields=("email",), erase=Erase.DELETE)

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE,
                                     related_name="invitations", verbose_name=_("organisation"))
    email = models.EmailField(_("e-mail address"))
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership invitation")
        verbose_name_plural = _("membership invitations")
        constraints = [models.UniqueConstraint(fields=["organisation", "email"],
                                               name="unique_membership_invitation")]

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation}"


class ContactPerson(models.Model):
    PERSONAL_DATA = PersonalData(
        Category.CONTACT, _("contact persons of organisations"), Basis.PUBLIC_TASK,
        _("until the organisation removes them or the person's erasure"),
        fields=("name", "position", "email", "phone"), erase=Erase.DELETE)

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE,
                                     related_name="contacts", verbose_name=_("organisation"))
    name = models.CharField(_("full name"), max_length=200)
    position = models.CharField(_("position"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    is_public = models.BooleanField(
        _("show publicly"), default=False,
        help_text=_("Otherwise only members of the organisation and coordinators see this person."))

    class Meta:
        verbose_name = _("contact person")
        verbose_name_plural = _("contact people")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class Resource(models.Model):
    """A resource or potential an organisation offers, or a need it has."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE,
                                     related_name="resources", verbose_name=_("organisation"))
    kind = models.CharField(_("offer or need"), max_length=5, choices=ResourceKind.choices)
    category = models.CharField(_("category"), max_length=20, choices=ResourceCategory.choices)
    description = models.CharField(_("description"), max_length=500)
    conditions = models.CharField(_("conditions (when, for whom)"), max_length=500, blank=True)
    cost = models.CharField(_("cost"), max_length=12, choices=Cost.choices, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("resource or need")
        verbose_name_plural = _("resources and needs")
        ordering = ["kind", "category", "id"]
        indexes = [models.Index(fields=["kind", "category"])]

    def __str__(self) -> str:
        return f"{self.get_category_display()}: {self.description}"


class ImportState(models.TextChoices):
    QUEUED = "queued", _("waiting in the queue")
    RUNNING = "running", _("being checked")
    DONE = "done", _("import finished")
    FAILED = "failed", _("import failed")


class DirectoryImport(models.Model):
    """A big spreadsheet imported by the task queue: the file until it is read, then the
    report (mosty.directory.importer.ImportResult.to_json)."""

    PERSONAL_DATA = PersonalData(
        Category.TECHNICAL, _("importing a spreadsheet into the directory in the background"),
        Basis.PUBLIC_TASK, _("the uploaded file until it is read; the report with the import"),
        person=("created_by",), erase=Erase.DELETE)

    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                   related_name="+", verbose_name=_("imported by"))
    file = models.FileField(upload_to="directory-imports/", blank=True)
    original_name = models.CharField(max_length=200, blank=True)
    state = models.CharField(max_length=8, choices=ImportState.choices,
                             default=ImportState.QUEUED)
    report = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("directory import")
        verbose_name_plural = _("directory imports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.original_name or str(self.pk)

    @property
    def is_finished(self) -> bool:
        return self.state in (ImportState.DONE, ImportState.FAILED)
