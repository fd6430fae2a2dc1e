"""The demo's accounts open the demo without being asked to accept the terms."""
from typing import cast

import pytest

from mosty.accounts.models import User
from mosty.demo.builders.privacy import load_privacy_demo
from mosty.directory.tests.factories import UserFactory
from mosty.privacy.models import Consent
from mosty.privacy.services import has_current_terms

pytestmark = pytest.mark.django_db


def test_every_demo_account_has_accepted_the_current_terms_once():
    people = [cast(User, UserFactory()), cast(User, UserFactory())]
    load_privacy_demo()
    load_privacy_demo()
    assert all(has_current_terms(person) for person in people)
    assert Consent.objects.count() == 2
