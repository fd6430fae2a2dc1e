"""The co-design demo: the three BLISKO ideas, feedback, an accepted offer, advice; twice."""
import pytest

from mosty.core.models import AuditEntry
from mosty.demo.builders.initiatives import load_initiatives_demo
from mosty.demo.builders.seeds import load_seeds
from mosty.initiatives.models import (
    AdviceSession, Feedback, FundingSource, Idea, Partner, PresentationSession)
from mosty.initiatives.services import team_organisations

pytestmark = pytest.mark.django_db


def test_the_blisko_ideas_load_once():
    load_seeds()
    ideas = load_initiatives_demo()
    assert len(ideas) == 3
    for idea in ideas:
        assert len({o.sector for o in team_organisations(idea)}) >= 2  # mixed teams
    counts = (Idea.objects.count(), Feedback.objects.count(), Partner.objects.count(),
              FundingSource.objects.count(), AuditEntry.objects.count())
    assert counts[1] == 4
    assert counts[3] == 6
    evenings = Idea.objects.get(title="Bajkowe wieczory pod remizą")
    assert evenings.status == "developed"
    assert evenings.partners.filter(organisation__slug="fundacja-smigielskie-wiatraki",
                                    origin="offer").exists()
    assert AdviceSession.objects.get().steps.count() == 2
    assert PresentationSession.objects.get().presentations.count() == 3
    load_seeds()
    load_initiatives_demo()
    assert (Idea.objects.count(), Feedback.objects.count(), Partner.objects.count(),
            FundingSource.objects.count(), AuditEntry.objects.count()) == counts


def test_the_demo_needs_the_directory():
    with pytest.raises(LookupError):
        load_initiatives_demo()
