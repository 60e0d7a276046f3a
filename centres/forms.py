from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from accounts.forms import PicturePasswordForm, PinForm
from accounts.models import User
from core.spreadsheet import name_formula_validator

from .models import EnrolledDevice

__all__ = ["PicturePasswordForm", "PinForm", "DeviceEnrolForm", "JoinCodeForm", "NewcomerForm"]


class DeviceEnrolForm(forms.Form):
    name = forms.CharField(
        label=_("Name of this tablet"), max_length=EnrolledDevice._meta.get_field("name").max_length,
    )


AVATAR_COLOURS = ["#1f5f8b", "#1e7b46", "#a3281c", "#7b3fa0", "#b35c00", "#00695c"]


class JoinCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Join code"), max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )


class NewcomerForm(PicturePasswordForm):
    """A newcomer's own account: a name in any script, a colour, a language, three pictures."""

    display_name = forms.CharField(label=_("Your name"), max_length=User._meta.get_field("display_name").max_length)
    avatar_colour = forms.ChoiceField(
        label=_("Your colour"), choices=[(c, c) for c in AVATAR_COLOURS], widget=forms.RadioSelect,
        initial=AVATAR_COLOURS[0],
    )
    language = forms.ChoiceField(label=_("Your language"), choices=settings.LANGUAGES, widget=forms.RadioSelect)

    field_order = ["display_name", "avatar_colour", "language", "pictures"]

    def clean_display_name(self):
        name = " ".join(self.cleaned_data["display_name"].split())
        if not name:
            raise forms.ValidationError(_("Write your name."))
        name_formula_validator(name)
        return name

    def clean_pictures(self):
        keys = super().clean_pictures()
        if len(set(keys)) != len(keys):
            raise forms.ValidationError(_("Choose %(count)d different pictures.") % {"count": len(keys)})
        return keys
