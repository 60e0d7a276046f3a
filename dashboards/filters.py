"""The filters and sort orders of a centre's learner list (django-filter), over
``selectors.centre_learner_rows``. Every choice is built from the centre's own cohorts and the catalogue:
an id from elsewhere is not a valid choice and the form says so."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from centres.selectors import centre_cohorts

from . import selectors
from .constants import LearnerStatus

YES_NO = (("yes", _("Yes")), ("no", _("No")))


class LearnerFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_search",
                                  widget=forms.TextInput(attrs={"type": "search"}))
    cohort = django_filters.ChoiceFilter(label=_("Cohort"), method="filter_cohort", empty_label=_("All"))
    course = django_filters.ChoiceFilter(label=_("Course"), method="filter_course", empty_label=_("All"))
    status = django_filters.ChoiceFilter(label=_("Progress"), choices=LearnerStatus.choices,
                                         method="filter_status", empty_label=_("All"))
    certified = django_filters.ChoiceFilter(label=_("Certified"), choices=YES_NO, method="filter_yes_no",
                                            empty_label=_("All"))
    inactive = django_filters.BooleanFilter(label=_("Inactive for 14 days or more"), method="filter_inactive",
                                            widget=forms.CheckboxInput)
    locked = django_filters.BooleanFilter(label=_("Locked out"), method="filter_locked",
                                          widget=forms.CheckboxInput)
    sort = django_filters.OrderingFilter(
        label=_("Sort by"), empty_label=_("Name (default)"),
        fields=(("display_name", "name"), ("cohort_name", "cohort"), ("lessons_completed", "completed"),
                ("seconds_spent", "time"), ("last_active", "active")),
        field_labels={"display_name": _("Name"), "cohort_name": _("Cohort"),
                      "lessons_completed": _("Lessons completed"), "seconds_spent": _("Time spent"),
                      "last_active": _("Last activity")},
    )

    def __init__(self, data=None, *args, centre, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.filters["cohort"].extra["choices"] = [(str(c.pk), c.name) for c in centre_cohorts(centre=centre)]
        self.filters["course"].extra["choices"] = [
            (str(c.translation_key), c.title) for c in selectors.catalogue_courses()
        ]

    def filter_search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(display_name__icontains=value) | Q(learner_profile__latin_name__icontains=value)
            | Q(learner_profile__learner_code__iexact=value) | Q(username__iexact=value)
        )

    def filter_cohort(self, queryset, name, value):
        return queryset.filter(cohort_id=value)

    def filter_course(self, queryset, name, value):
        return queryset.filter(selectors.enrolled_in_q(value))

    def filter_status(self, queryset, name, value):
        if value == LearnerStatus.NOT_STARTED:
            return queryset.filter(lessons_started=0)
        if value == LearnerStatus.STRUGGLING:
            return queryset.filter(is_struggling=True)
        return queryset.filter(lessons_started__gt=0)

    def filter_yes_no(self, queryset, name, value):
        return queryset.filter(is_certified=(value == "yes"))

    def filter_inactive(self, queryset, name, value):
        return queryset.filter(selectors.inactive_q()) if value else queryset

    def filter_locked(self, queryset, name, value):
        return queryset.filter(selectors.locked_q()) if value else queryset

    @property
    def qs(self):
        queryset = super().qs
        if not queryset.query.order_by:
            queryset = queryset.order_by("display_name", "pk")
        return queryset
