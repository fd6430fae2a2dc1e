"""The shared vocabularies of the directory: sectors, kinds of organisation, resource categories."""
from django.db import models
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    JST = "jst", _("public administration (JST)")
    PUBLIC_INSTITUTION = "public_institution", _("public institution")
    NGO = "ngo", _("non-governmental organisation")
    BUSINESS = "business", _("business")
    ACADEMIA = "academia", _("academia")
    INFORMAL = "informal", _("informal group")


class Kind(models.TextChoices):
    MUNICIPAL_OFFICE = "municipal_office", _("municipal office (urząd gminy/miasta)")
    COUNTY_OFFICE = "county_office", _("county office (starostwo)")
    REGIONAL_GOVERNMENT = "regional_government", _("voivodeship office (urząd marszałkowski)")
    SOCIAL_ASSISTANCE = "social_assistance", _("social assistance centre (OPS/MOPS/GOPS)")
    FAMILY_SUPPORT_CENTRE = "family_support_centre", _("family support centre (PCPR)")
    CULTURE_CENTRE = "culture_centre", _("culture centre (dom/centrum kultury)")
    LIBRARY = "library", _("library")
    MUSEUM = "museum", _("museum")
    SCHOOL = "school", _("school")
    KINDERGARTEN = "kindergarten", _("kindergarten")
    CULTURE_INSTITUTE = "culture_institute", _("regional culture institution")
    OTHER_PUBLIC = "other_public", _("other public institution")
    ASSOCIATION = "association", _("association (stowarzyszenie)")
    FOUNDATION = "foundation", _("foundation (fundacja)")
    RURAL_WOMEN_CIRCLE = "rural_women_circle", _("rural women's circle (KGW)")
    FIRE_BRIGADE = "fire_brigade", _("volunteer fire brigade (OSP)")
    SPORTS_CLUB = "sports_club", _("sports club")
    SOCIAL_COOPERATIVE = "social_cooperative", _("social cooperative")
    OTHER_NGO = "other_ngo", _("other non-governmental organisation")
    COMPANY = "company", _("company")
    BUSINESS_ASSOCIATION = "business_association", _("business association")
    UNIVERSITY = "university", _("university")
    INFORMAL_GROUP = "informal_group", _("informal group")
    OTHER = "other", _("other")


class ResourceCategory(models.TextChoices):
    SPACE = "space", _("space and rooms")
    EQUIPMENT = "equipment", _("equipment")
    EXPERTISE = "expertise", _("expertise and training")
    VOLUNTEERS = "volunteers", _("people and volunteers")
    TARGET_GROUP = "target_group", _("access to a target group")
    PROMOTION = "promotion", _("promotion and media")
    FUNDING = "funding", _("funding")
    TRANSPORT = "transport", _("transport")
    CONTACTS = "contacts", _("contacts and partnerships")
    OTHER = "other", _("other")


class ResourceKind(models.TextChoices):
    OFFER = "offer", _("resource we offer")
    NEED = "need", _("need")


class Cost(models.TextChoices):
    UNSPECIFIED = "", _("not specified")
    FREE = "free", _("free of charge")
    PAID = "paid", _("paid")
    NEGOTIABLE = "negotiable", _("to be agreed")


class TerritoryLevel(models.TextChoices):
    VOIVODESHIP = "voivodeship", _("voivodeship")
    POWIAT = "powiat", _("powiat")
    GMINA = "gmina", _("gmina")
