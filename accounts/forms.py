from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from .constants import PICTOGRAMS, PICTURE_PASSWORD_LENGTH, PIN_LENGTH, SecretKind
from .services import normalise_learner_code
from .validators import validate_pin


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


class CardTokenForm(forms.Form):
    """The secret of a learner card: posted by the card page's script from the address's fragment, or
    pasted by hand (the whole address or what follows its « # »)."""

    token = forms.CharField(
        label=_("Card address"), max_length=300,
        widget=forms.TextInput(attrs={
            "autocomplete": "off", "autocapitalize": "none", "autocorrect": "off", "spellcheck": "false",
        }),
    )

    def clean_token(self):
        return self.cleaned_data["token"].rsplit("#", 1)[-1].strip()


class PicturePasswordForm(forms.Form):
    """Three pictograms, in the order tapped, as a comma-separated list of keys."""

    pictures = forms.CharField(max_length=100, widget=forms.HiddenInput, required=False)  # none: said below

    def clean_pictures(self):
        keys = [k for k in (self.cleaned_data.get("pictures") or "").split(",") if k]
        if len(keys) != PICTURE_PASSWORD_LENGTH or not all(k in PICTOGRAMS for k in keys):
            raise forms.ValidationError(_("Tap %(count)d pictures.") % {"count": PICTURE_PASSWORD_LENGTH})
        return keys


class PinForm(forms.Form):
    """A learner's PIN of ``PIN_LENGTH`` digits; letters are refused with a message."""

    pin = forms.CharField(
        label=_("Code"), validators=[validate_pin],
        widget=forms.PasswordInput(attrs={
            "inputmode": "numeric", "autocomplete": "off", "pattern": "[0-9]*",
            "minlength": PIN_LENGTH, "maxlength": PIN_LENGTH,
        }),
    )


SECRET_FORMS = {SecretKind.PICTURE: (PicturePasswordForm, "pictures"), SecretKind.PIN: (PinForm, "pin")}
