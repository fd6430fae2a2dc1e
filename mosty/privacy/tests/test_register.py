"""The register of processing comes from declarations, and every personal model has one."""
from django.core.management import call_command
from django.db import models
from django.test.utils import isolate_apps
from django.urls import reverse

from mosty.core.personal_data import Basis, Category, Erase, PersonalData
from mosty.privacy.register import declaration_problems, entries, mosty_models


def test_every_model_that_looks_personal_declares_its_personal_data():
    problems = [problem for model in mosty_models() for problem in declaration_problems(model)]
    assert problems == [], "\n\n".join(problems)


@isolate_apps("mosty.privacy")
def test_the_check_names_what_to_add_for_an_undeclared_model():
    class Volunteer(models.Model):
        email = models.EmailField()
        user = models.ForeignKey("accounts.User", on_delete=models.CASCADE)

        class Meta:
            app_label = "privacy"

        def __str__(self) -> str:
            return str(self.pk)

    [problem] = declaration_problems(Volunteer)
    assert "privacy.Volunteer" in problem
    assert "(email, user)" in problem
    assert "PERSONAL_DATA = PersonalData(Category." in problem
    assert "fields=('email', )" in problem
    assert "NoPersonalData" in problem


@isolate_apps("mosty.privacy")
def test_a_declaration_must_match_the_model():
    class Survey(models.Model):
        author = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="+")
        editor = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="+")
        PERSONAL_DATA = PersonalData(Category.SURVEY, "answers", Basis.CONSENT, "a year",
                                     person=("author", "organisation"), fields=("phone",),
                                     erase=Erase.DELETE)

        class Meta:
            app_label = "privacy"

        def __str__(self) -> str:
            return str(self.pk)

    problems = "\n".join(declaration_problems(Survey))
    assert "names 'phone', which is no field" in problems
    assert "the lookup 'organisation' does not resolve" in problems
    assert "Survey.editor links to a user but is in neither" in problems


def test_the_register_lists_categories_purposes_and_retention(capsys):
    labels = {entry.label for entry in entries()}
    assert {"accounts.User", "recruitment.Application", "core.AuditEntry",
            "privacy.Consent", "directory.ContactPerson"} <= labels
    call_command("privacy_register")
    out = capsys.readouterr().out
    assert "## dane kontaktowe" in out
    assert "`recruitment.Application`" in out
    assert "art. 6 ust. 1 lit. e RODO" in out


def test_staff_see_the_register_page_and_others_do_not(client, staff, outsider):
    client.force_login(outsider)
    assert client.get(reverse("privacy:register")).status_code == 302
    register = reverse("privacy:register")
    assert register not in client.get(reverse("accounts:profile")).content.decode()
    client.force_login(staff)
    assert register in client.get(reverse("accounts:profile")).content.decode()
    page = client.get(reverse("privacy:register")).content.decode()
    assert 'data-testid="register"' in page
    assert "recruitment.Application" in page
