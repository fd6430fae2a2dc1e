"""The cooperation-quality index of the programme's unit and year for the implementation report,
from the closed self-assessment of the surveys app (cooperation reads surveys, never the reverse).

A self-assessment names its municipality as text (`Survey.place`), so it is found by the unit's
name; the latest closed one of the year counts. Only self-assessments run in a programme whose
organiser is in that unit count: a coordinator elsewhere cannot put figures into another
municipality's official report by naming it."""
from dataclasses import dataclass

from django.utils.translation import gettext as _

from mosty.cooperation.models import CooperationProgramme
from mosty.surveys import index, results
from mosty.surveys.models import Survey, SurveyKind, SurveyStatus, bilingual


@dataclass(frozen=True)
class Assessment:
    year: int
    responses: int
    result: index.IndexResult | None  # None below index.MIN_ANSWERS responses


@dataclass(frozen=True)
class QualityIndex:
    current: Assessment | None
    previous: Assessment | None

    @property
    def exists(self) -> bool:
        return self.current is not None


def _assessment(place: str, unit_code: str, year: int) -> Assessment | None:
    survey = Survey.objects.filter(
        kind=SurveyKind.INDEX, status=SurveyStatus.CLOSED, place__iexact=place.strip(),
        programme__organiser__municipality__code__startswith=unit_code,
        year=year).order_by("-created_at").first()
    if survey is None:
        return None
    responses = results.submitted(survey).count()
    # The surveys app's rule: nothing is shown from fewer than MIN_ANSWERS responses.
    shown = responses >= index.MIN_ANSWERS
    return Assessment(year, responses, results.cached_index(survey) if shown else None)


def quality_index(programme: CooperationProgramme) -> QualityIndex:
    """The self-assessment of the programme's year and, for comparison, of the year before."""
    place, code = programme.territory.name, programme.territory.code
    current = _assessment(place, code, programme.year)
    previous = _assessment(place, code, programme.year - 1) if current else None
    return QualityIndex(current, previous)


def _score(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}"


def _compared(value: float | None, previous: Assessment | None,
              earlier: float | None) -> str:
    if previous is None or previous.result is None:
        return _score(value)
    return _("%(value)s (%(year)s: %(previous)s)") % {
        "value": _score(value), "year": previous.year, "previous": _score(earlier)}


def paragraphs(found: QualityIndex) -> list[str]:
    """The index as sentences in the active language, for the report page and documents."""
    current, previous = found.current, found.previous
    if current is None:
        return [_("No closed cooperation-quality self-assessment was recorded in Mosty for "
                  "this year.")]
    if current.result is None:
        return [_("The cooperation-quality self-assessment of %(year)s had too few answers "
                  "to show results (%(count)s; at least %(minimum)s are needed).") % {
            "year": current.year, "count": current.responses, "minimum": index.MIN_ANSWERS}]
    result = current.result
    earlier = previous.result if previous else None
    lines = [
        _("Cooperation-quality index (0–100) from the self-assessment of %(year)s "
          "(%(count)s responses): %(value)s.") % {
            "year": current.year, "count": current.responses,
            "value": _compared(result.index, previous, earlier.index if earlier else None)},
    ]
    for area in index.AREAS:
        lines.append(_("%(area)s: %(value)s.") % {
            "area": bilingual(area.name_pl, area.name_en),
            "value": _compared(result.areas[area.code], previous,
                               earlier.areas[area.code] if earlier else None)})
    if previous is not None and previous.result is None:
        lines.append(_("The self-assessment of %(year)s had too few answers to compare.")
                     % {"year": previous.year})
    return lines
