from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centres.models import Centre

from .constants import MAX_REPORT_YEARS, MAX_RETENTION_MONTHS, MIN_RETENTION_MONTHS, OutcomeKind


class OutcomeForm(forms.Form):
    kind = forms.ChoiceField(label=_("Outcome"), choices=OutcomeKind.choices)
    occurred_on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))

    def clean_occurred_on(self):
        day = self.cleaned_data["occurred_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("This date is in the future."))
        return day


class ReportPeriodForm(forms.Form):
    """The period of a funders' report: both days included, at most ``MAX_REPORT_YEARS`` years."""

    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    end = forms.DateField(label=_("To (included)"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end:
            if end < start:
                self.add_error("end", _("The end of the period is before its start."))
            elif (end - start).days > MAX_REPORT_YEARS * 366:
                self.add_error("end", _("A report covers at most %(years)d years.") % {"years": MAX_REPORT_YEARS})
        return cleaned

    @classmethod
    def default_initial(cls):
        today = timezone.localdate()
        return {"start": today.replace(month=1, day=1), "end": today}


class CentreSettingsForm(forms.ModelForm):
    """What a manager sets for their centre: the shared tablets' idle time and tiles, and retention."""

    retention_months = forms.IntegerField(
        label=_("Keep the accounts of learners who stopped coming for (months)"),
        min_value=MIN_RETENTION_MONTHS, max_value=MAX_RETENTION_MONTHS,
        help_text=_("Then they are anonymised; the centre's managers are warned a month before."),
    )

    class Meta:
        model = Centre
        fields = ["idle_timeout_minutes", "show_learner_tiles"]
        widgets = {"idle_timeout_minutes": forms.NumberInput(attrs={"min": 1, "max": 240})}

    def clean_idle_timeout_minutes(self):
        minutes = self.cleaned_data["idle_timeout_minutes"]
        if not 1 <= minutes <= 240:
            raise forms.ValidationError(_("Choose between 1 and 240 minutes."))
        return minutes
