import django.utils.timezone
from django.db import migrations, models
from django.db.models import F


def confirm_existing_accounts(apps, schema_editor):
    """Accounts made before e-mail confirmation existed count as confirmed."""
    User = apps.get_model("accounts", "User")
    User.objects.filter(email_confirmed_at=None).update(email_confirmed_at=F("date_joined"))


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0002_user_language"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="email_confirmed_at",
            field=models.DateTimeField(blank=True, null=True,
                                       verbose_name="e-mail address confirmed"),
        ),
        migrations.AddField(
            model_name="user",
            name="confirmation_sent_at",
            field=models.DateTimeField(blank=True, null=True,
                                       verbose_name="confirmation link last sent"),
        ),
        migrations.RunPython(confirm_existing_accounts, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="user",
            name="email_confirmed_at",
            field=models.DateTimeField(blank=True, default=django.utils.timezone.now, null=True,
                                       verbose_name="e-mail address confirmed"),
        ),
    ]
