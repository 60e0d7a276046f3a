"""Figures as the dashboards show them: durations, small counts hidden."""

from django import template
from django.utils.translation import gettext as _

from ..counts import shown_count

register = template.Library()


@register.filter
def duration(seconds):
    """« 2 h 05 » or « 12 min », from seconds."""
    minutes = int(seconds or 0) // 60
    if minutes < 60:
        return _("%(minutes)d min") % {"minutes": minutes}
    return _("%(hours)d h %(minutes)02d") % {"hours": minutes // 60, "minutes": minutes % 60}


@register.filter
def suppressed(count):
    """A count of people, or « < 5 » when it is small enough to point at someone."""
    return shown_count(count)
