"""Terms at sign-up, optional consents given and withdrawn with one click, new terms asked."""
import pytest
from django.urls import reverse

from mosty.accounts import services as accounts
from mosty.accounts.models import User
from mosty.core.models import AuditEntry
from mosty.privacy import services, texts
from mosty.privacy.models import Consent
from mosty.privacy.texts import Purpose

pytestmark = pytest.mark.django_db
PASSWORD = "haslo-testowe-123"


def sign_up_form(**extra):
    return {"full_name": "Ola Nowak", "email": "ola@example.org", "password1": PASSWORD,
            "password2": PASSWORD, **extra}


def test_the_sign_up_page_links_the_terms_and_the_notice(client):
    page = client.get(reverse("accounts:signup")).content.decode()
    assert reverse("privacy:terms") in page
    assert reverse("privacy:notice") in page


def test_sign_up_without_accepting_the_terms_creates_no_account(client):
    response = client.post(reverse("accounts:signup"), sign_up_form())
    assert response.status_code == 200
    assert "accept_terms" in response.context["form"].errors
    assert not User.objects.filter(email="ola@example.org").exists()
    with pytest.raises(accounts.AccountError):
        accounts.sign_up(accounts.SignUp(email="ola@example.org", password=PASSWORD))
    assert not User.objects.filter(email="ola@example.org").exists()


def test_sign_up_records_who_when_what_and_which_version(client):
    assert accounts.TERMS == Purpose.TERMS  # accounts names the purpose privacy records
    response = client.post(reverse("accounts:signup"),
                           sign_up_form(accept_terms="on", newsletter="on"))
    assert response.status_code == 302
    user = User.objects.get(email="ola@example.org")
    consents = {c.purpose: c for c in Consent.objects.filter(user=user)}
    assert set(consents) == {Purpose.TERMS, Purpose.NEWSLETTER}
    assert consents[Purpose.TERMS].version == texts.VERSIONS[Purpose.TERMS]
    assert consents[Purpose.TERMS].given_at is not None
    assert consents[Purpose.TERMS].withdrawn_at is None
    assert AuditEntry.objects.filter(action="privacy.consent.given", user=user).count() == 2


def test_an_optional_consent_is_given_and_withdrawn_with_one_click(client, outsider):
    client.force_login(outsider)
    url = reverse("privacy:consent", args=[Purpose.NEWSLETTER])
    page = client.get(reverse("accounts:profile")).content.decode()
    assert 'data-testid="consent-newsletter"' in page
    client.post(url, {"give": "1"})
    assert services.active_purposes(outsider) == {Purpose.NEWSLETTER}
    client.post(url)
    assert services.active_purposes(outsider) == set()
    # The record of the consent stays, with when it was withdrawn.
    consent = Consent.objects.get(user=outsider, purpose=Purpose.NEWSLETTER)
    assert consent.withdrawn_at is not None
    assert AuditEntry.objects.filter(action="privacy.consent.withdrawn").count() == 1


def test_the_terms_cannot_be_withdrawn_on_their_own(outsider):
    services.give_consent(outsider, Purpose.TERMS)
    with pytest.raises(services.PrivacyError):
        services.withdraw_consent(outsider, Purpose.TERMS)


def test_new_terms_ask_signed_in_people_again(client, outsider, settings, monkeypatch):
    settings.PRIVACY_ASK_FOR_TERMS = True
    services.give_consent(outsider, Purpose.TERMS)
    client.force_login(outsider)
    assert client.get(reverse("accounts:profile")).status_code == 200

    monkeypatch.setitem(texts.VERSIONS, Purpose.TERMS, "2027-06-01")
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("privacy:accept"))
    page = client.get(response.url).content.decode()
    assert 'data-testid="terms-changed"' in page
    assert reverse("privacy:erase") in page  # a way to leave instead
    # The texts and the erase page stay open before accepting.
    assert client.get(reverse("privacy:erase")).status_code == 200

    response = client.post(reverse("privacy:accept"), {"next": reverse("accounts:profile")})
    assert response.url == reverse("accounts:profile")
    assert client.get(reverse("accounts:profile")).status_code == 200
    assert set(Consent.objects.filter(user=outsider, purpose=Purpose.TERMS)
               .values_list("version", flat=True)) == {"2026-12-03", "2027-06-01"}


def test_the_texts_are_public_in_both_languages(client, settings):
    settings.PRIVACY_CONTROLLER = "Gmina Śmigiel"
    settings.PRIVACY_DPO_EMAIL = "iod@smigiel.example"
    page = client.get(reverse("privacy:notice")).content.decode()
    assert "Gmina Śmigiel" in page
    assert "iod@smigiel.example" in page
    assert "art. 6 ust. 1 lit. e RODO" in page
    client.cookies["django_language"] = "en"
    page = client.get(reverse("privacy:notice")).content.decode()
    assert "art. 6(1)(e) GDPR" in page
    assert "Your account" in client.get(reverse("privacy:terms")).content.decode()
    assert client.get(reverse("privacy:terms_version", args=["1999-01-01"])).status_code == 404
