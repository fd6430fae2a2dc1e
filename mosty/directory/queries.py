"""Filtering the directory list; the same filters feed the page and the export."""
from django.db.models import Prefetch, QuerySet

from mosty.directory.forms import DirectoryFilterForm
from mosty.directory.models import ContactPerson, Organisation, Resource


def filtered_organisations(form: DirectoryFilterForm) -> QuerySet[Organisation]:
    organisations = Organisation.objects.select_related("municipality__parent__parent")
    if not form.is_valid():
        return organisations.none()
    data = form.cleaned_data
    if data["q"]:
        for word in data["q"].lower().split():
            organisations = organisations.filter(search_text__contains=word)
    if data["sector"]:
        organisations = organisations.filter(sector=data["sector"])
    if data["kind"]:
        organisations = organisations.filter(kind=data["kind"])
    # TERYT codes nest: a gmina's code starts with its powiat's, which starts with its
    # voivodeship's, so the narrowest area given is a prefix filter.
    area = (data["gmina"].code if data["gmina"] else "") or data["powiat"] or data["voivodeship"]
    if area:
        organisations = organisations.filter(municipality__code__startswith=area)
    if data["category"] or data["resource_kind"]:
        resources = Resource.objects.all()
        if data["category"]:
            resources = resources.filter(category=data["category"])
        if data["resource_kind"]:
            resources = resources.filter(kind=data["resource_kind"])
        organisations = organisations.filter(pk__in=resources.values("organisation_id"))
    return organisations.order_by("name", "pk")


def with_profile_lists(organisations: QuerySet[Organisation]) -> QuerySet[Organisation]:
    """Prefetch resources and contacts: two queries however many organisations."""
    return organisations.prefetch_related(
        Prefetch("resources", queryset=Resource.objects.order_by("kind", "category", "id")),
        Prefetch("contacts", queryset=ContactPerson.objects.order_by("id")))
