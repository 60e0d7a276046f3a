from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .constants import MAX_REPORT_YEARS, OutcomeKind


class OutcomeForm(forms.Form):
    kind = forms.ChoiceField(label=_("Outcome"), choices=OutcomeKind.choices)
    occurred_on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean_occurred_on(self):
        day = self.cleaned_data["occurred_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("This date is in the future."))
        return day


class ReportPeriodForm(forms.Form):
    """The period of a funders' report: both days included, at most ``MAX_REPORT_YEARS`` years."""

    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To (included)"), widget=forms.DateInput(attrs={"type": "date"}))

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
