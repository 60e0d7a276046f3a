"""Forms a trainer fills in to add learners: one at a time, or a whole list from a file."""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from accounts.constants import PICTOGRAMS, PICTURE_PASSWORD_LENGTH, PIN_LENGTH
from accounts.validators import validate_pin
from core.spreadsheet import name_formula_validator, no_formula_validator

from .imports import FILE_TOO_LARGE, MAX_FILE_BYTES, max_length
from .learners import DEFAULT_COLOUR
from .models import Cohort

PICTURE_CHOICES = [("", _("At random"))] + list(PICTOGRAMS.items())
AVATAR_CHOICES = [("", _("First letter of the name"))] + list(PICTOGRAMS.items())


class LearnerCreateForm(forms.Form):
    display_name = forms.CharField(
        label=_("Name"), max_length=max_length("display_name"), validators=[name_formula_validator],
        help_text=_("As the learner writes it, in any script."),
        widget=forms.TextInput(attrs={"dir": "auto", "autocomplete": "off"}),
    )
    latin_name = forms.CharField(
        label=_("Name in Latin letters"), max_length=max_length("latin_name"), required=False,
        validators=[name_formula_validator],
        help_text=_("Optional, for staff who do not read the learner's script."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    avatar = forms.ChoiceField(label=_("Avatar"), choices=AVATAR_CHOICES, required=False)
    avatar_colour = forms.CharField(
        label=_("Colour"), initial=DEFAULT_COLOUR, max_length=max_length("avatar_colour"),
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Write the colour like #2a6f97."))],
        widget=forms.TextInput(attrs={"type": "color"}),
    )
    languages_spoken = forms.CharField(
        label=_("Languages spoken"), max_length=max_length("languages_spoken"), required=False,
        validators=[no_formula_validator], widget=forms.TextInput(attrs={"dir": "auto"}),
    )
    cohort = forms.ModelChoiceField(label=_("Cohort"), queryset=Cohort.objects.none(), required=False)
    picture_1 = forms.ChoiceField(label=_("First picture"), choices=PICTURE_CHOICES, required=False)
    picture_2 = forms.ChoiceField(label=_("Second picture"), choices=PICTURE_CHOICES, required=False)
    picture_3 = forms.ChoiceField(label=_("Third picture"), choices=PICTURE_CHOICES, required=False)
    pin = forms.CharField(
        label=_("PIN"), required=False, min_length=PIN_LENGTH, max_length=PIN_LENGTH,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "pattern": "[0-9]*"}),
    )

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort"].queryset = Cohort.objects.filter(centre=centre).order_by("name")
        self.fields["pin"].help_text = _("%(count)d digits, if your centre uses PINs.") % {"count": PIN_LENGTH}

    def picture_fields(self):
        return [self[f"picture_{i}"] for i in range(1, PICTURE_PASSWORD_LENGTH + 1)]

    def clean_pin(self):
        pin = self.cleaned_data["pin"]
        if pin:
            validate_pin(pin)
        return pin

    def clean(self):
        cleaned = super().clean()
        chosen = [cleaned.get(f"picture_{i}") for i in range(1, PICTURE_PASSWORD_LENGTH + 1)]
        if any(chosen) and not all(chosen):
            self.add_error("picture_1", _("Choose all three pictures, or none to get them at random."))
        elif all(chosen) and len(set(chosen)) != len(chosen):
            self.add_error("picture_1", _("Choose three different pictures."))
        cleaned["pictures"] = chosen if all(chosen) else None
        return cleaned


class LearnerImportForm(forms.Form):
    file = forms.FileField(
        label=_("File (CSV or XLSX)"),
        help_text=_("At most 2 MB and 5 000 rows. Nothing is created before you confirm."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        if uploaded.size > MAX_FILE_BYTES:
            raise forms.ValidationError(FILE_TOO_LARGE)
        return uploaded

    @classmethod
    def refused(cls, message):
        """A form that shows ``message`` on the file field, for a request refused before its body was read."""
        form = cls(data={}, files={})
        form.full_clean()
        form.errors["file"] = form.error_class([message])
        return form


class ImportConfirmForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput, max_length=100)
