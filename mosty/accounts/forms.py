from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.translation import gettext, gettext_lazy as _

from mosty.accounts.models import User
from mosty.accounts.services import TERMS, SignUp


def _terms_help() -> str:
    text = gettext('Read the <a href="{}">terms of use</a> and the <a href="{}">privacy '
                   'notice</a>.')
    return format_html(text, reverse("privacy:terms"), reverse("privacy:notice"))


class EmailAuthenticationForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )


class SignupForm(forms.ModelForm):
    password1 = forms.CharField(label=_("Password"), strip=False,
                                widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
                                help_text=password_validation.password_validators_help_text_html())
    password2 = forms.CharField(label=_("Repeat the password"), strip=False,
                                widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))
    accept_terms = forms.BooleanField(
        label=_("I accept the terms of use and I have read the privacy notice"),
        help_text=lazy(_terms_help, str)())
    newsletter = forms.BooleanField(
        label=_("I want to receive the programme's newsletter by e-mail (optional; I can "
                "withdraw this consent at any time on my account page)"), required=False)

    class Meta:
        model = User
        fields = ["full_name", "email"]
        widgets = {"email": forms.EmailInput(attrs={"autocomplete": "email"}),
                   "full_name": forms.TextInput(attrs={"autocomplete": "name"})}

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("An account with this e-mail address already exists."))
        return email

    def clean(self) -> dict:
        super().clean()
        cleaned = self.cleaned_data
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords differ."))
        elif p1:
            user = User(email=cleaned.get("email", ""), full_name=cleaned.get("full_name", ""))
            try:
                password_validation.validate_password(p1, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned

    def sign_up_data(self, language: str) -> SignUp:
        consents = ((TERMS,) if self.cleaned_data.get("accept_terms") else ()) + (
            ("newsletter",) if self.cleaned_data.get("newsletter") else ())
        return SignUp(email=self.cleaned_data["email"], password=self.cleaned_data["password1"],
                      full_name=self.cleaned_data.get("full_name", ""), language=language,
                      consents=consents)


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "phone"]
