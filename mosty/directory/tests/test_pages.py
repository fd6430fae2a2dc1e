import pytest
from django.urls import reverse

from mosty.directory.models import Membership, Organisation
from mosty.directory.tests.factories import OrganisationFactory, ResourceFactory

pytestmark = pytest.mark.django_db


def names(response) -> set[str]:
    return {org.name for org in response.context["page"].object_list}


@pytest.fixture
def directory(organisation, other_organisation):
    business = OrganisationFactory(name="Bajgle Króla Jana", sector="business", kind="company",
                                   municipality_id="3064011", description="Kawiarnia w Poznaniu")
    ResourceFactory(organisation=business, kind="offer", category="space",
                    description="kawiarnia na spotkania")
    OrganisationFactory(name="Fundacja z Białegostoku", sector="ngo", kind="foundation",
                        municipality_id="2061011")
    return business


SMIGIEL = {"Miejska Biblioteka Publiczna w Śmiglu", "Ochotnicza Straż Pożarna w Śmiglu"}


@pytest.mark.parametrize(("query", "expected"), [
    ("sector=business", {"Bajgle Króla Jana"}),
    ("voivodeship=30", {"Bajgle Króla Jana", "Miejska Biblioteka Publiczna w Śmiglu",
                        "Ochotnicza Straż Pożarna w Śmiglu"}),
    ("powiat=3011", SMIGIEL),
    ("gmina=3011053", SMIGIEL),
    ("gmina=Śmigiel", SMIGIEL),
    ("kind=fire_brigade", {"Ochotnicza Straż Pożarna w Śmiglu"}),
    ("category=volunteers", {"Miejska Biblioteka Publiczna w Śmiglu"}),
    ("category=space&resource_kind=offer", {"Miejska Biblioteka Publiczna w Śmiglu",
                                            "Bajgle Króla Jana"}),
    ("resource_kind=need", {"Miejska Biblioteka Publiczna w Śmiglu"}),
    ("q=ŚMIGLU", {"Miejska Biblioteka Publiczna w Śmiglu", "Ochotnicza Straż Pożarna w Śmiglu"}),
    ("q=kawiarnia", {"Bajgle Króla Jana"}),
    ("q=wolontariusze", {"Miejska Biblioteka Publiczna w Śmiglu"}),
])
def test_directory_filters(client, directory, query, expected):
    response = client.get(reverse("directory:list") + "?" + query)
    assert response.status_code == 200
    assert names(response) == expected


def test_unknown_gmina_in_the_filter_is_explained(client, directory):
    response = client.get(reverse("directory:list") + "?gmina=Atlantyda")
    assert "Żadna gmina nie nazywa się" in response.content.decode() or \
        response.context["form"].errors["gmina"]


def test_directory_list_query_count_does_not_grow_with_the_data(client, count_queries):
    for index in range(3):
        ResourceFactory(organisation=OrganisationFactory(), description=f"zasób {index}")
    with count_queries() as few:
        client.get(reverse("directory:list"))
    for index in range(30):
        org = OrganisationFactory()
        ResourceFactory(organisation=org, kind="need")
        org.contacts.create(name=f"Osoba {index}")
    with count_queries() as many:
        response = client.get(reverse("directory:list"))
    assert len(response.context["page"].object_list) == 20
    assert len(many) == len(few)


def test_directory_cards_show_each_category_once_in_category_order(client):
    organisation = OrganisationFactory(name="Fundacja Kart")
    ResourceFactory(organisation=organisation, kind="offer", category="space")
    ResourceFactory(organisation=organisation, kind="offer", category="equipment")
    ResourceFactory(organisation=organisation, kind="offer", category="space",
                    description="druga sala")
    ResourceFactory(organisation=organisation, kind="need", category="funding")
    OrganisationFactory(name="Fundacja Bez Zasobów")
    html = client.get(reverse("directory:list")).content.decode()
    card = html[html.index("Fundacja Kart"):html.index("</li>", html.index("Fundacja Kart"))]
    assert card.count('<span class="badge">') == 2
    assert card.index("oferuje: sprzęt") < card.index("oferuje: przestrzeń i sale")
    assert '<span class="badge badge-need">potrzebuje: finansowanie</span>' in card
    assert "stowarzyszenie" in card  # the kind's label
    other = html[html.index("Fundacja Bez Zasobów"):]
    assert "badge" not in other[:other.index("</li>")]


def test_directory_list_takes_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    for index in range(25):
        organisation = OrganisationFactory()
        ResourceFactory(organisation=organisation, kind="offer" if index % 2 else "need")
    # The territories, the count, the page, its categories (anonymous: no user, no menu).
    with django_assert_max_num_queries(4):
        response = client.get(reverse("directory:list"))
    assert response.status_code == 200


def test_profile_query_count_does_not_grow_with_resources(client, organisation, count_queries):
    with count_queries() as few:
        client.get(organisation.get_absolute_url())
    for index in range(20):
        ResourceFactory(organisation=organisation, description=f"zasób {index}")
    with count_queries() as many:
        client.get(organisation.get_absolute_url())
    assert len(many) == len(few)


def test_directory_paginates(client):
    for _ in range(45):
        OrganisationFactory()
    response = client.get(reverse("directory:list") + "?page=3")
    assert len(response.context["page"].object_list) == 5
    assert "strona 3 z 3" in response.content.decode()


def edit_data(organisation: Organisation, **changes: str) -> dict[str, str]:
    data = {
        "name": organisation.name, "sector": organisation.sector, "kind": organisation.kind,
        "municipality": organisation.municipality_id or "", "address": "", "website": "",
        "email": "", "phone": "", "description": organisation.description, "krs": "",
        "regon": "", "nip": "", "version": str(organisation.version),
    }
    for prefix, rows in (("offers", list(organisation.resources.filter(kind="offer"))),
                         ("needs", list(organisation.resources.filter(kind="need"))),
                         ("contacts", list(organisation.contacts.all()))):
        data[f"{prefix}-TOTAL_FORMS"] = str(len(rows) + 1)
        data[f"{prefix}-INITIAL_FORMS"] = str(len(rows))
        data[f"{prefix}-MIN_NUM_FORMS"] = "0"
        data[f"{prefix}-MAX_NUM_FORMS"] = "30"
        for index, row in enumerate(rows):
            data[f"{prefix}-{index}-id"] = str(row.pk)
            data[f"{prefix}-{index}-organisation"] = str(organisation.pk)
            for field in ("category", "description", "conditions", "cost", "name", "position",
                          "email", "phone"):
                if hasattr(row, field):
                    data[f"{prefix}-{index}-{field}"] = getattr(row, field)
    data.update(changes)
    return data


def test_member_edits_profile_and_adds_a_need(client, member, organisation):
    client.force_login(member)
    url = reverse("directory:edit", args=[organisation.slug])
    data = edit_data(organisation, description="Nowy opis biblioteki",
                     **{"needs-1-category": "transport", "needs-1-description": "bus na wycieczkę"})
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    organisation.refresh_from_db()
    assert organisation.description == "Nowy opis biblioteki"
    assert organisation.version == 2
    assert organisation.resources.filter(kind="need", category="transport").exists()
    assert "bus na wycieczkę" in organisation.search_text


def test_invalid_input_is_explained_in_polish_and_keeps_the_form(client, member, organisation):
    client.force_login(member)
    url = reverse("directory:edit", args=[organisation.slug])
    data = edit_data(organisation, description="Opis, którego nie wolno zgubić",
                     nip="123-456-78-90", municipality="Atlantyda")
    response = client.post(url, data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "To nie jest poprawny NIP" in page
    assert "Żadna gmina nie nazywa się tak" in page
    assert "Opis, którego nie wolno zgubić" in page
    organisation.refresh_from_db()
    assert organisation.description == ""


def test_concurrent_edit_is_detected_and_nothing_is_lost(client, member, organisation):
    client.force_login(member)
    url = reverse("directory:edit", args=[organisation.slug])
    stale = edit_data(organisation, description="Moja wersja")
    assert client.post(url, edit_data(organisation, description="Wersja kolegi")).status_code == 302
    response = client.post(url, stale)
    assert response.status_code == 200
    assert "ktoś inny zapisał" in response.content.decode().lower()
    assert "Moja wersja" in response.content.decode()
    organisation.refresh_from_db()
    assert organisation.description == "Wersja kolegi"
    # Saving again knowingly overwrites: the form now carries the current version.
    assert client.post(url, {**stale, "version": str(organisation.version)}).status_code == 302


def test_creating_an_organisation_makes_the_creator_a_member(client, outsider):
    client.force_login(outsider)
    data = {"name": "Koło Gospodyń Wiejskich w Czaczu", "sector": "ngo",
            "kind": "rural_women_circle", "municipality": "Śmigiel", "nip": "",
            "regon": "", "krs": "", "version": "",
            "offers-TOTAL_FORMS": "1", "offers-INITIAL_FORMS": "0",
            "offers-0-category": "expertise", "offers-0-description": "warsztaty kulinarne",
            "needs-TOTAL_FORMS": "0", "needs-INITIAL_FORMS": "0",
            "contacts-TOTAL_FORMS": "0", "contacts-INITIAL_FORMS": "0"}
    response = client.post(reverse("directory:create"), data)
    assert response.status_code == 302
    organisation = Organisation.objects.get(name="Koło Gospodyń Wiejskich w Czaczu")
    assert organisation.slug == "kolo-gospodyn-wiejskich-w-czaczu"
    assert organisation.municipality_id == "3011053"
    assert Membership.objects.filter(user=outsider, organisation=organisation).exists()
    assert organisation.resources.get().description == "warsztaty kulinarne"


def test_gmina_search_suggests_by_name_with_powiat(client, db):
    results = client.get(reverse("directory:gmina_search") + "?q=śmig").json()["results"]
    assert results[0]["code"] == "3011053"
    assert "pow. kościański" in results[0]["label"]
