"""The private overview of a programme: calls, groups and the contacts of participants."""
import pytest
from django.urls import reverse

from mosty.programmes.models import GroupMember
from mosty.recruitment.tests.helpers import submit

pytestmark = pytest.mark.django_db


def test_the_dashboard_shows_calls_groups_and_private_contacts(client, programme, call, group,
                                                              organisation, applicant,
                                                              facilitator):
    submit(call, applicant, organisation)
    GroupMember.objects.create(group=group, organisation=organisation)
    client.force_login(facilitator)
    page = client.get(reverse("recruitment:manage", args=[programme.slug]))
    html = page.content.decode()
    assert call.title in html
    assert group.name in html
    assert "anna.tajna@example.org" in html  # a private contact of a participant
    [listed] = page.context["calls"]
    assert (listed.n_received, listed.n_draft) == (1, 0)
    # Facilitators see, but the management links are not offered to them.
    assert reverse("recruitment:call_create", args=[programme.slug]) not in html


def test_the_programme_page_links_its_staff_to_the_private_parts(client, programme, call,
                                                                 facilitator, outsider):
    url = reverse("programmes:detail", args=[programme.slug])
    client.force_login(outsider)
    page = client.get(url).content.decode()
    assert call.get_absolute_url() in page
    assert 'data-testid="manage-programme"' not in page
    client.force_login(facilitator)
    assert 'data-testid="manage-programme"' in client.get(url).content.decode()
