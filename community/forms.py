"""Forms of community sessions. They check the shape of what was typed; the rules (no past start, seats
between 1 and 200, an end after the start…) are the services', whose messages are shown next to the field."""

from datetime import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .constants import MAX_WEEKLY_REPEATS, SESSION_LANGUAGES, PlaceKind
from .services.sessions import SessionPlan


class SessionPlanForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    start_time = forms.TimeField(label=_("Starts at"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    end_time = forms.TimeField(label=_("Ends at"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    capacity = forms.IntegerField(
        label=_("Seats"), initial=12, widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"), choices=SESSION_LANGUAGES, widget=forms.CheckboxSelectMultiple,
    )
    topics = forms.MultipleChoiceField(
        label=_("Topics (lessons covered)"), required=False, widget=forms.CheckboxSelectMultiple,
    )
    place_kind = forms.ChoiceField(
        label=_("Place"), choices=PlaceKind.choices, initial=PlaceKind.CENTRE, widget=forms.RadioSelect,
    )
    place_name = forms.CharField(label=_("Name and address of the public place"), required=False, max_length=200)
    childcare = forms.BooleanField(label=_("Childcare on site"), required=False)
    step_free = forms.BooleanField(label=_("Step-free access"), required=False)
    weeks = forms.IntegerField(
        label=_("Number of weeks"), initial=1, min_value=1, max_value=MAX_WEEKLY_REPEATS,
        help_text=_("1 for a single session; more to repeat it every week at the same time."),
    )

    def __init__(self, *args, topic_choices=(), editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].choices = topic_choices
        if editing:  # a series is planned once; each of its sessions is changed on its own
            del self.fields["weeks"]

    @staticmethod
    def initial_for(session):
        local = timezone.localtime(session.starts_at)
        return {
            "title": session.title, "date": local.date(), "start_time": local.time().replace(second=0),
            "end_time": timezone.localtime(session.ends_at).time().replace(second=0), "capacity": session.capacity,
            "languages": session.language_codes, "topics": [str(t.lesson_key) for t in session.topics.all()],
            "place_kind": session.place_kind, "place_name": session.place_name, "childcare": session.childcare,
            "step_free": session.step_free,
        }

    def plan(self) -> SessionPlan:
        data = self.cleaned_data

        def at(time):
            return timezone.make_aware(datetime.combine(data["date"], time))

        return SessionPlan(
            title=data["title"], starts_at=at(data["start_time"]), ends_at=at(data["end_time"]),
            capacity=data["capacity"], languages=data["languages"], place_kind=data["place_kind"],
            place_name=data["place_name"], childcare=data["childcare"], step_free=data["step_free"],
            lesson_keys=data["topics"], weeks=data.get("weeks") or 1,
        )

    def refuse(self, refused):
        """Show a service's refusal next to its field (or above the form)."""
        field = refused.field if refused.field in self.fields else None
        if refused.field == "ends_at":
            field = "end_time"
        self.add_error(field, refused.message)


class SessionNotesForm(forms.Form):
    notes = forms.CharField(
        label=_("Notes after the session"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
    )
    covered = forms.MultipleChoiceField(
        label=_("Topics actually covered"), required=False, widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, topic_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["covered"].choices = topic_choices


class SignOffForm(forms.Form):
    learner = forms.TypedChoiceField(label=_("Who"), coerce=int)
    competence = forms.TypedChoiceField(label=_("Skill they showed"), coerce=int)
    evidence = forms.CharField(
        label=_("What they did"), widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: sent an e-mail with a photo attached, on their own."),
    )

    def __init__(self, *args, attendees=(), competences=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["learner"].choices = [("", "—")] + [(p.pk, p.shown_name) for p in attendees]
        self.fields["competence"].choices = [("", "—")] + [(c.pk, str(c)) for c in competences]


class PhoneForm(forms.Form):
    number = forms.RegexField(
        label=_("Mobile number for SMS reminders"), regex=r"^\+?[0-9 .]{6,20}$", required=False,
        error_messages={"invalid": _("Type a phone number: digits, spaces, and + at the start.")},
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
