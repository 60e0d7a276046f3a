from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from .constants import PICTOGRAMS, PICTURE_PASSWORD_LENGTH
from .services import normalise_learner_code


class SignInForm(AuthenticationForm):
    """Username and password, for staff (learners sign in with pictures or their code)."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("This name and password do not match. Try again."),
    }

    username = forms.CharField(
        label=_("Name"), max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none"}),
    )
    password = forms.CharField(
        label=_("Password"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
    )


class LearnerCodeForm(forms.Form):
    """A learner's code typed at home: spaces, dashes and lower case are forgiven."""

    code = forms.CharField(
        label=_("Your learner code"), max_length=30,
        widget=forms.TextInput(attrs={
            "autocomplete": "off", "autocapitalize": "characters", "autocorrect": "off", "spellcheck": "false",
            "class": "code-input",
        }),
    )

    def clean_code(self):
        code = normalise_learner_code(self.cleaned_data["code"])
        if not code.isascii() or not code.isalnum() or len(code) > 12:
            raise forms.ValidationError(_("We do not know this code. Check it and try again."))
        return code


class PicturePasswordForm(forms.Form):
    """Three pictograms, in the order tapped, as a comma-separated list of keys."""

    pictures = forms.CharField(max_length=100, widget=forms.HiddenInput)

    def clean_pictures(self):
        keys = [k for k in self.cleaned_data["pictures"].split(",") if k]
        if len(keys) != PICTURE_PASSWORD_LENGTH or not all(k in PICTOGRAMS for k in keys):
            raise forms.ValidationError(_("Tap %(count)d pictures.") % {"count": PICTURE_PASSWORD_LENGTH})
        return keys


class PinForm(forms.Form):
    """A learner's 4-digit PIN; letters are refused with a message."""

    pin = forms.CharField(
        label=_("Code"), min_length=4, max_length=4,
        widget=forms.PasswordInput(attrs={"inputmode": "numeric", "autocomplete": "off", "pattern": "[0-9]*"}),
    )

    def clean_pin(self):
        pin = self.cleaned_data["pin"]
        if not (pin.isascii() and pin.isdigit()):
            raise forms.ValidationError(_("The code has 4 digits."))
        return pin
