"""Who may apply to a call: sectors or kinds of organisation, and the rules for pairs.

An organisation may apply when its sector is one of the call's sectors OR its kind is one of
the call's kinds ("NGOs, and OPS and schools"); a call that lists neither is open to all.
"""
from django.utils.translation import gettext as _

from mosty.directory.choices import Kind, Sector
from mosty.directory.models import Organisation
from mosty.programmes.rules import AREA_PREFIX
from mosty.recruitment.choices import ApplicantMode
from mosty.recruitment.models import RecruitmentCall


def allowed_labels(call: RecruitmentCall) -> list[str]:
    sectors = dict(Sector.choices)
    kinds = dict(Kind.choices)
    return [str(sectors.get(s, s)) for s in call.allowed_sectors] + \
        [str(kinds.get(k, k)) for k in call.allowed_kinds]


def may_apply(call: RecruitmentCall, organisation: Organisation) -> bool:
    if not call.allowed_sectors and not call.allowed_kinds:
        return True
    return organisation.sector in call.allowed_sectors or organisation.kind in call.allowed_kinds


def organisation_problem(call: RecruitmentCall, organisation: Organisation) -> str | None:
    if may_apply(call, organisation):
        return None
    return _("%(name)s cannot apply to this call: it is open to %(allowed)s.") % {
        "name": organisation.name, "allowed": ", ".join(allowed_labels(call))}


def pair_problem(call: RecruitmentCall, organisation: Organisation,
                 partner: Organisation | None) -> str | None:
    """Why this pair (or this organisation alone) may not apply; None when it may."""
    if partner is None:
        if call.applicant_mode == ApplicantMode.PAIR:
            return _("This call takes applications from pairs: name your partner organisation.")
        return None
    if call.applicant_mode == ApplicantMode.SINGLE:
        return _("This call takes applications from single organisations, not pairs.")
    if partner.pk == organisation.pk:
        return _("The partner must be another organisation.")
    problem = organisation_problem(call, partner)
    if problem:
        return problem
    if call.pair_area_rule in AREA_PREFIX:
        length = AREA_PREFIX[call.pair_area_rule]
        here, there = organisation.municipality_id, partner.municipality_id
        if not here or not there or here[:length] != there[:length]:
            return {
                "gmina": _("Both organisations of a pair must be from the same gmina."),
                "powiat": _("Both organisations of a pair must be from the same powiat."),
                "voivodeship": _("Both organisations of a pair must be from the same "
                                 "voivodeship."),
            }[call.pair_area_rule]
    return None
