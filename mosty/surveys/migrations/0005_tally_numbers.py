"""Numbers are tallied per value from now on (mosty.surveys.tallies): count those already
given, so that the results read their mean, lowest and highest from the tallies."""
from django.db import migrations
from django.db.models import Count


def _value(number: float) -> str:  # tallies.value_of, as it is when this is written
    short = f"{number:g}"
    return short if float(short) == number else repr(number)


def count_numbers(apps, schema_editor):
    Answer = apps.get_model("surveys", "Answer")
    Tally = apps.get_model("surveys", "Tally")
    Tally.objects.filter(question__kind="number", kind="value").delete()
    rows = Answer.objects.filter(question__kind="number", number__isnull=False,
                                 response__submitted_on__isnull=False) \
        .values_list("question_id", "item", "number").annotate(n=Count("id")).order_by()
    Tally.objects.bulk_create([Tally(question_id=question_id, kind="value", item=item,
                                     value=_value(number), count=n)
                               for question_id, item, number, n in rows], batch_size=1000)


def forget_numbers(apps, schema_editor):
    apps.get_model("surveys", "Tally").objects.filter(question__kind="number",
                                                      kind="value").delete()


class Migration(migrations.Migration):

    dependencies = [
        ("surveys", "0004_answer_index_by_response"),
    ]

    operations = [
        migrations.RunPython(count_numbers, forget_numbers),
    ]
