from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AgeBand, Gender


class DemographicsConsentForm(forms.Form):
    """Two optional questions, kept only if the learner ticks the consent box."""

    gender = forms.ChoiceField(
        label=_("You are"), required=False, widget=forms.RadioSelect,
        choices=[("", _("I do not answer"))] + list(Gender.choices),
    )
    age_band = forms.ChoiceField(
        label=_("Your age"), required=False, widget=forms.RadioSelect,
        choices=[("", _("I do not answer"))] + list(AgeBand.choices),
    )
    consent = forms.BooleanField(
        label=_("I agree that Passerelle keeps these answers. They are only counted with other learners' "
                "answers, never shown with my name. I can take them back at any time."),
        error_messages={"required": _("Tick the box to agree, or leave this page.")},
    )
