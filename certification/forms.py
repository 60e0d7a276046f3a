"""Forms of the exam day: a trainer opening a session, the supervisor's adaptations and incidents,
and the candidate typing the session's code on the tablet."""

from datetime import datetime, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .constants import ACCESS_CODE_LENGTH, PRINTED_NAME_MAX_LENGTH
from .models import CertificationLevel
from .services.sessions import INCIDENT_MAX_LENGTH, MAX_EXTRA_TIME_PERCENT

SESSION_DEFAULT_MINUTES = 90


def _window_now():
    """A session open from the last quarter hour for SESSION_DEFAULT_MINUTES (not past midnight):
    what a trainer opening one on the morning of the exam wants."""
    now = timezone.localtime()
    start = now.replace(minute=now.minute - now.minute % 15, second=0, microsecond=0)
    end = min(start + timedelta(minutes=SESSION_DEFAULT_MINUTES), start.replace(hour=23, minute=59))
    return start, end


class ExamSessionOpenForm(forms.Form):
    level = forms.ModelChoiceField(label=_("Level"), queryset=CertificationLevel.objects.all(), empty_label=None)
    room = forms.CharField(label=_("Room"), max_length=80, required=False,
                           widget=forms.TextInput(attrs={"dir": "auto", "autocomplete": "off"}))
    day = forms.DateField(label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    starts = forms.TimeField(label=_("From"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    ends = forms.TimeField(label=_("To"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            start, end = _window_now()
            self.initial.update(day=start.date(), starts=start.time(), ends=end.time())

    def clean(self):
        data = super().clean()
        if {"day", "starts", "ends"} <= data.keys():
            data["opens_at"] = timezone.make_aware(datetime.combine(data["day"], data["starts"]))
            data["closes_at"] = timezone.make_aware(datetime.combine(data["day"], data["ends"]))
        return data


class AdaptationsForm(forms.Form):
    extra_time_percent = forms.IntegerField(
        label=_("Extra time (%)"), min_value=0, max_value=MAX_EXTRA_TIME_PERCENT, initial=0,
        widget=forms.NumberInput(attrs={"step": 5, "inputmode": "numeric"}),
    )
    read_aloud = forms.BooleanField(label=_("Questions read aloud"), required=False)
    large_text = forms.BooleanField(label=_("Larger text"), required=False)


class IncidentForm(forms.Form):
    note = forms.CharField(label=_("What happened?"), max_length=INCIDENT_MAX_LENGTH,
                           widget=forms.TextInput(attrs={"dir": "auto", "autocomplete": "off"}))


class ExamJoinForm(forms.Form):
    code = forms.CharField(
        label=_("The code on the board"), max_length=ACCESS_CODE_LENGTH + 4,
        widget=forms.TextInput(attrs={
            "autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false", "dir": "ltr",
            "class": "exam-code", "size": ACCESS_CODE_LENGTH + 2,
        }),
    )
    printed_name = forms.CharField(
        label=_("Your name on the certificate"), max_length=PRINTED_NAME_MAX_LENGTH * 2,
        help_text=_("As you want it printed, in any script."),
        widget=forms.TextInput(attrs={"dir": "auto", "autocomplete": "off"}),
    )
    latin_name = forms.CharField(
        label=_("Your name in Latin letters"), max_length=PRINTED_NAME_MAX_LENGTH * 2, required=False,
        help_text=_("Optional: printed under your name, for an employer who does not read your script."),
        widget=forms.TextInput(attrs={"dir": "ltr", "autocomplete": "off"}),
    )
