import pytest

from mosty.core.models import AuditEntry
from mosty.directory import access, services
from mosty.directory.models import Membership
from mosty.directory.services import ContactInput, OrganisationInput, ResourceInput

pytestmark = pytest.mark.django_db


def profile(**changes) -> OrganisationInput:
    values = {"name": "Koło Gospodyń Wiejskich w Bielewie", "sector": "ngo", "kind": "association",
              "resources": [ResourceInput("offer", "space", "świetlica wiejska")],
              "contacts": [ContactInput("Zofia Kowal", email="zofia@example.org")]}
    return OrganisationInput(**(values | changes))


def test_create_organisation_saves_lists_membership_and_audit(outsider):
    organisation = services.create_organisation(outsider, profile())
    assert organisation.slug == "kolo-gospodyn-wiejskich-w-bielewie"
    assert [r.description for r in organisation.resources.all()] == ["świetlica wiejska"]
    assert [c.name for c in organisation.contacts.all()] == ["Zofia Kowal"]
    assert Membership.objects.filter(user=outsider, organisation=organisation).exists()
    assert "świetlica" in organisation.search_text
    entry = AuditEntry.objects.get(action="directory.organisation.created")
    assert entry.data["changes"]["name"] == [None, "Koło Gospodyń Wiejskich w Bielewie"]
    assert entry.data["changes"]["offers"] == [None, ["świetlica wiejska"]]


def test_update_organisation_changes_adds_and_deletes_rows_and_logs_before_after(
        member, organisation):
    offer = organisation.resources.get(kind="offer")
    old_name, version = organisation.name, organisation.version
    data = profile(
        municipality=None, address="ul. Lipowa 3",
        resources=[ResourceInput("offer", "space", "sala na 80 osób", id=offer.pk),
                   ResourceInput("need", "equipment", "dotacja na remont")],
        contacts=[])
    services.update_organisation(member, organisation, data, version)
    organisation.refresh_from_db()
    assert organisation.version == version + 1
    assert organisation.municipality is None
    assert organisation.resources.get(pk=offer.pk).description == "sala na 80 osób"
    assert sorted(organisation.resources.values_list("description", flat=True)) == [
        "dotacja na remont", "sala na 80 osób"]
    assert not organisation.contacts.exists()
    changes = AuditEntry.objects.get(action="directory.organisation.updated").data["changes"]
    assert changes["name"] == [old_name, "Koło Gospodyń Wiejskich w Bielewie"]
    assert changes["municipality"] == ["3011053", None]
    assert changes["address"] == ["", "ul. Lipowa 3"]
    assert changes["offers"] == [["sala na 60 osób z rzutnikiem"], ["sala na 80 osób"]]
    assert changes["needs"] == [["wolontariusze do pomocy przy festynie"],
                                ["dotacja na remont"]]
    assert changes["contacts"] == [["Anna Tajna"], []]


def test_update_organisation_leaves_lists_alone_when_not_given(member, organisation):
    services.update_organisation(member, organisation, profile(resources=None, contacts=None))
    assert organisation.resources.count() == 2
    assert organisation.contacts.count() == 1


def test_update_organisation_refuses_a_stale_version(member, organisation):
    with pytest.raises(services.ConcurrentEditError):
        services.update_organisation(member, organisation, profile(), organisation.version - 1)
    organisation.refresh_from_db()
    assert organisation.name == "Miejska Biblioteka Publiczna w Śmiglu"
    assert not AuditEntry.objects.filter(action="directory.organisation.updated").exists()


def test_bad_input_raises_a_translated_error_and_saves_nothing(member, organisation):
    with pytest.raises(services.OrganisationError) as error:
        services.update_organisation(member, organisation, profile(krs="123"))
    assert error.value.field == "krs"
    assert "10 cyfr" in error.value.message
    with pytest.raises(services.OrganisationError):
        services.update_organisation(member, organisation, profile(
            resources=[ResourceInput("gift", "space", "coś")]))
    organisation.refresh_from_db()
    assert organisation.name == "Miejska Biblioteka Publiczna w Śmiglu"
    assert organisation.resources.count() == 2


def test_editing_a_need_keeps_the_cost_an_import_set(member, organisation):
    """The needs form has no cost field: saving it must not wipe a cost from elsewhere."""
    need = organisation.resources.get(kind="need")
    need.cost = "free"
    need.save(update_fields=["cost"])
    services.update_organisation(member, organisation, profile(
        resources=[ResourceInput("need", "volunteers", "wolontariusze na festyn", id=need.pk)],
        contacts=None), organisation.version)
    need.refresh_from_db()
    assert (need.description, need.cost) == ("wolontariusze na festyn", "free")


def test_a_coordinator_adds_an_organisation_for_others_and_keeps_it_until_someone_joins(
        coordinator, outsider):
    organisation = services.create_organisation(coordinator, profile())
    assert not organisation.memberships.exists()
    assert organisation.created_by == coordinator
    assert access.can_edit(coordinator, organisation)
    assert access.can_see_private_contacts(coordinator, organisation)
    Membership.objects.create(user=outsider, organisation=organisation)
    coordinator = type(coordinator).objects.get(pk=coordinator.pk)  # a new request
    assert not access.can_edit(coordinator, organisation)
    assert access.can_edit(outsider, organisation)
