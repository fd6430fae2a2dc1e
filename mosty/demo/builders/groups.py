"""The editions and groups of the seed programmes, from ``data/groups.yaml``.

Idempotent: editions and groups are found by name, members by organisation; a group's
requirements are rewritten only when the file says otherwise. Run after ``load_seeds()``.
"""
from django.db import transaction

from mosty.demo import content
from mosty.demo.builders.seeds import _date
from mosty.directory.models import Organisation
from mosty.programmes.models import Edition, Event, Group, GroupMember, GroupRequirement, Programme


def _requirements(group: Group, wanted: list[dict]) -> None:
    rows = [GroupRequirement(group=group, label=rule["label"], sectors=rule.get("sectors", []),
                             kinds=rule.get("kinds", []), minimum=1) for rule in wanted]
    existing = [(r.label, r.sectors, r.kinds, r.minimum) for r in group.requirements.all()]
    if existing != [(r.label, r.sectors, r.kinds, r.minimum) for r in rows]:
        group.requirements.all().delete()
        GroupRequirement.objects.bulk_create(rows)


@transaction.atomic
def load_groups(programme: Programme) -> dict[str, Group]:
    """Create (or bring up to date) the programme's editions and groups; returns them by name."""
    groups = {}
    for spec in content.read("groups.yaml").get(programme.slug, []):
        edition, _created = Edition.objects.update_or_create(
            programme=programme, name=spec["edition"],
            defaults={"start_date": _date(spec["start"]), "end_date": _date(spec["end"])})
        for group_spec in spec["groups"]:
            name = group_spec["name"]
            group, _created = Group.objects.update_or_create(
                edition=edition, name=name, defaults={"area_rule": group_spec["area"]})
            _requirements(group, group_spec.get("requirements", []))
            for slug in group_spec["members"]:
                GroupMember.objects.get_or_create(group=group,
                                                  organisation=Organisation.objects.get(slug=slug))
            # The seed's events name their group: "… — grupa Jadów (2019)".
            Event.objects.filter(programme=programme, title__endswith=name).update(
                edition=edition, group=group)
            groups[name] = group
    return groups


def programmes_with_groups() -> list[str]:
    return list(content.read("groups.yaml"))
