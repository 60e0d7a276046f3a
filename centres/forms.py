from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.constants import PICTOGRAMS, PICTURE_PASSWORD_LENGTH


class PicturePasswordForm(forms.Form):
    """Three pictograms, in the order tapped, as a comma-separated list of keys."""

    pictures = forms.CharField(max_length=100, widget=forms.HiddenInput)

    def clean_pictures(self):
        keys = [k for k in self.cleaned_data["pictures"].split(",") if k]
        if len(keys) != PICTURE_PASSWORD_LENGTH or not all(k in PICTOGRAMS for k in keys):
            raise forms.ValidationError(_("Tap %(count)d pictures.") % {"count": PICTURE_PASSWORD_LENGTH})
        return keys


class PinForm(forms.Form):
    pin = forms.CharField(
        label=_("Code"), min_length=4, max_length=4,
        widget=forms.PasswordInput(attrs={"inputmode": "numeric", "autocomplete": "off", "pattern": "[0-9]*"}),
    )

    def clean_pin(self):
        pin = self.cleaned_data["pin"]
        if not (pin.isascii() and pin.isdigit()):
            raise forms.ValidationError(_("The code has 4 digits."))
        return pin


class DeviceEnrolForm(forms.Form):
    name = forms.CharField(label=_("Name of this tablet"), max_length=80)
