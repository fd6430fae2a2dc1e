"""Install the cycle templates Mosty ships (seed 000's three workshops, seed 003's blocks)."""
from django.db import migrations


def install(apps, schema_editor):  # type: ignore[no-untyped-def]
    from mosty.events.cycle_data import install_templates

    install_templates(apps.get_model("events", "CycleTemplate"),
                      apps.get_model("events", "CycleStep"),
                      apps.get_model("events", "CycleModule"))


def remove(apps, schema_editor):  # type: ignore[no-untyped-def]
    from mosty.events.cycle_data import TEMPLATES

    apps.get_model("events", "CycleTemplate").objects.filter(
        slug__in=[t["slug"] for t in TEMPLATES]).delete()


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial")]
    operations = [migrations.RunPython(install, remove)]
