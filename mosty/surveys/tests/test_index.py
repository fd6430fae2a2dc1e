"""The index arithmetic on hand-computed examples (no database)."""
import pytest

from mosty.surveys import index


def test_likert_answers_are_rescaled_to_0_100():
    assert [index.likert_score(v, 5) for v in (1, 2, 3, 4, 5)] == [0, 25, 50, 75, 100]
    assert index.likert_score(3, 7) == pytest.approx(100 / 3)
    with pytest.raises(ValueError, match="not on a 1–5 scale"):
        index.likert_score(6, 5)


def test_survey_indicator_needs_five_answers():
    assert index.survey_indicator("x", [5, 4, 4, 3], 5).score is None
    score = index.survey_indicator("x", [5, 4, 4, 3, 2], 5)
    # 100 + 75 + 75 + 50 + 25 = 325; 325 / 5 = 65
    assert score.score == 65
    assert score.answers == 5


def test_figures_are_scored_linearly_and_capped():
    budget = index.BY_CODE["tasks_budget_share"]  # 100 at 5 %
    assert index.figure_indicator(budget, 2.5).score == 50
    assert index.figure_indicator(budget, 12).score == 100
    assert index.figure_indicator(budget, None).score is None
    consulted = index.BY_CODE["policy_programme_consulted"]
    assert index.figure_indicator(consulted, True).score == 100
    assert index.figure_indicator(consulted, False).score == 0
    with pytest.raises(ValueError, match="cannot be negative"):
        index.figure_indicator(budget, -1)


def test_area_needs_half_of_its_indicators():
    assert index.area_score([65, 80, None]) == 72.5
    assert index.area_score([65, None, None]) is None
    assert index.area_score([60, None]) == 60  # one of two is half
    assert index.area_score([]) is None


def test_whole_index_from_answers_and_figures():
    answers = {code: [5, 4, 4, 3, 2] for code in (  # 65 each
        "policy_consultation", "policy_programme", "policy_dialogue", "policy_feedback")}
    answers |= {"tasks_calls": [3] * 5, "tasks_forms": [2] * 6, "tasks_reporting": [1] * 5}
    answers |= {"conditions_information": [5] * 5, "conditions_premises": [4] * 5}
    figures = {"policy_consultations_count": 5, "policy_programme_consulted": True,
               "tasks_budget_share": 2.5, "tasks_small_grants": None}
    result = index.compute(answers, figures)
    # policy: 65, 65, 65, 65, 50 (5 of 10 consultations), 100 → 410 / 6
    assert result.areas["policy"] == pytest.approx(410 / 6)
    # tasks: 50, 25, 0, 50 (2.5 of 5 %), small grants missing → 125 / 4
    assert result.areas["tasks"] == pytest.approx(31.25)
    # conditions: 100, 75, two missing → half available → 87.5
    assert result.areas["conditions"] == pytest.approx(87.5)
    assert result.index == pytest.approx((410 / 6 + 31.25 + 87.5) / 3)
    assert "conditions_information" in result.strengths
    assert set(result.concerns) == {"tasks_forms", "tasks_reporting"}


def test_index_is_missing_when_an_area_is():
    result = index.compute({"policy_consultation": [5] * 5}, {})
    assert result.areas["policy"] is None
    assert result.index is None


def test_every_area_has_survey_indicators_for_the_right_respondents():
    for area in index.AREAS:
        own = [i for i in index.INDICATORS if i.area == area.code]
        assert any(i.from_survey for i in own)
        for indicator in own:
            assert set(indicator.respondents) <= set(index.RESPONDENTS)
            assert indicator.from_survey == bool(indicator.respondents)


def test_partnership_factor_means_and_bands():
    from mosty.surveys import partnership

    scores = {s.factor.code: s for s in partnership.factor_scores({
        "respect": [5, 4, 4, 5, 4], "roles": [3, 4, 3, 3, 4], "means": [2, 3, 2, 3, 3],
        "vision": [5, 5, 5, 5]})}
    assert (scores["respect"].mean, scores["respect"].band) == (4.4, "strength")
    assert (scores["roles"].mean, scores["roles"].band) == (3.4, "borderline")
    assert (scores["means"].mean, scores["means"].band) == (2.6, "concern")
    assert scores["vision"].mean is None
    assert scores["vision"].band == ""
    assert len({f.category for f in partnership.FACTORS}) == len(partnership.CATEGORIES)
