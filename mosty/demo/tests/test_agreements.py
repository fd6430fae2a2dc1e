"""The demo agreement of seed 000 on top of the seed programmes and groups."""
import pytest

from mosty.agreements.models import Agreement, Status, Version
from mosty.demo.builders.agreements import load_agreements_demo
from mosty.demo.builders.recruitment import load_recruitment_demo
from mosty.demo.builders.seeds import load_seeds

pytestmark = pytest.mark.django_db


def test_the_ostrow_group_has_an_agreed_agreement_and_loading_again_changes_nothing(client):
    load_seeds()
    load_recruitment_demo()
    load_agreements_demo()
    load_seeds()  # `mosty demo` again: the resources the contributions point at stay
    load_agreements_demo()
    agreement = Agreement.objects.get()
    assert agreement.status == Status.AGREED
    assert agreement.group.name == "grupa Ostrów Mazowiecka (2019)"
    assert agreement.programme.slug == "kultura-inicjatywy"
    parties = {p.organisation.slug: p for p in agreement.parties.all()}
    assert set(parties) == {"mdk-ostrow-mazowiecka", "mops-ostrow-mazowiecka"}
    assert all(p.approved_at and p.contributions.count() == 2 for p in parties.values())
    assert all(c.resource is not None for p in parties.values() for c in p.contributions.all())
    assert agreement.source_event.conclusions.recommendations.startswith("1. Raz w miesiącu")
    assert Version.objects.filter(agreement=agreement).count() >= 2


def test_without_the_demo_programmes_nothing_is_made():
    load_agreements_demo()
    assert not Agreement.objects.exists()
