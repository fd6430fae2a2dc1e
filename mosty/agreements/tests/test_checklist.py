"""The partnering-agreement checklist, on plain facts (no database)."""
from dataclasses import replace
from datetime import date

from mosty.agreements.checklist import AgreementFacts, PartyFacts, check, missing

COMPLETE_PARTY = PartyFacts("", representative="Anna Nowak", function="dyrektorka",
                            objectives="nowi odbiorcy", role="prowadzi zajęcia", contributions=1)


def complete() -> AgreementFacts:
    return AgreementFacts(
        parties=[replace(COMPLETE_PARTY, name="MDK"), replace(COMPLETE_PARTY, name="MOPS")],
        purpose="cel", scope="zakres", work_plan="plan", indicators="15 osób",
        communication="raz na kwartał", start_date=date(2019, 9, 1),
        review_date=date(2020, 2, 28), disputes="polubownie", exit_terms="wypowiedzenie")


def test_a_complete_agreement_lacks_nothing():
    assert missing(complete()) == []
    assert {item.section for item in check(complete())} == {"who", "why", "what", "how"}


def test_an_empty_draft_lacks_every_element():
    assert all(not item.ok for item in check(AgreementFacts()))


def test_per_party_items_name_the_parties_that_lack_them():
    facts = complete()
    facts = AgreementFacts(**{**facts.__dict__, "parties": [
        facts.parties[0], PartyFacts("MOPS", representative="Jan", function="",
                                     objectives="", role="r", contributions=0)]})
    lacking = {item.label: item.missing_for for item in missing(facts)}
    assert lacking == {
        "Each partner's representative and their function": ("MOPS",),
        "Each partner's own objectives": ("MOPS",),
        "Each partner's resource commitments": ("MOPS",)}


def test_one_party_is_not_a_partnership():
    facts = AgreementFacts(**{**complete().__dict__, "parties": complete().parties[:1]})
    assert [item.label for item in missing(facts)] == ["At least two partners"]
