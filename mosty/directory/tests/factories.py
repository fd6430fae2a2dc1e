from typing import cast

import factory

from mosty.accounts.models import User
from mosty.directory.models import Membership, Organisation, Resource
from mosty.directory.services import refresh_search_text, search_text_for


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"osoba{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Osoba {n}")
    password = factory.PostGenerationMethodCall("set_password", "haslo-testowe-123")

    @factory.post_generation
    def save_password(self, create, extracted, **kwargs):
        if create:
            self.save()


class OrganisationFactory(factory.django.DjangoModelFactory[Organisation]):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Stowarzyszenie Testowe {n}")
    slug = factory.Sequence(lambda n: f"organizacja-{n}")
    sector = "ngo"
    kind = "association"
    municipality_id = "3064011"

    @factory.post_generation
    def index(self, create, extracted, **kwargs):
        if create:
            # factory_boy hands the created organisation to a post-generation hook as `self`.
            self.search_text = search_text_for(cast(Organisation, self), [])
            self.save(update_fields=["search_text"])


class ResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resource

    organisation = factory.SubFactory(OrganisationFactory)
    kind = "offer"
    category = "space"
    description = "sala konferencyjna"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)


def library_in_smigiel() -> Organisation:
    """The `organisation` fixture's library: an offer, a need and a private contact."""
    org = OrganisationFactory.create(name="Miejska Biblioteka Publiczna w Śmiglu",
                                     sector="public_institution", kind="library",
                                     municipality_id="3011053")
    ResourceFactory(organisation=org, kind="offer", category="space",
                    description="sala na 60 osób z rzutnikiem")
    ResourceFactory(organisation=org, kind="need", category="volunteers",
                    description="wolontariusze do pomocy przy festynie")
    org.contacts.create(name="Anna Tajna", email="anna.tajna@example.org", phone="600100200")
    refresh_search_text(org)
    return org
