from django.db import migrations


def load(apps, schema_editor):  # type: ignore[no-untyped-def]
    from mosty.directory.teryt import load_terc

    load_terc(apps.get_model("directory", "Territory"))


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
