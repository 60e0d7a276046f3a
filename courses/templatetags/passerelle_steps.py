"""Template helpers of the lesson steps."""

import hashlib
import hmac
import random

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

register = template.Library()


def shuffle_seed(step_id, revision_id):
    """A seed nobody can compute from the page: an HMAC of the step and the lesson's live revision
    under the server's secret. The steps HTML is shared by every learner of a revision (it is
    cached), so the seed does not depend on the learner; it changes when the lesson is published."""
    message = f"passerelle.ordering:{step_id}:{revision_id}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


@register.simple_tag(takes_context=True)
def shuffled(context, items, step_id):
    """The items in an order that the page does not give away and that is never the right one."""
    items = list(items)
    if len(items) < 2:
        return items
    page = context.get("page")
    seed = shuffle_seed(step_id, getattr(page, "live_revision_id", None))
    shuffled_items = items[:]
    random.Random(seed).shuffle(shuffled_items)  # noqa: S311 - seeded by the HMAC above
    if shuffled_items == items:
        shuffled_items = items[1:] + items[:1]
    return shuffled_items


# --- Voices: the audio each step part plays (courses.selectors.lesson_voices) ------------------------


@register.filter
def voices_of(voices, step_id):
    """The voices of one step ({part: VoiceShown}); empty in the block previews."""
    return (voices or {}).get(str(step_id), {})


def _voice_audio(shown, part):
    if shown is None:
        return ""
    return format_html(
        '<audio preload="none" src="{}" data-voice="{}"{}></audio>', shown.url, part,
        mark_safe(" data-synthetic") if shown.synthetic else "",  # noqa: S308 — a constant
    )


@register.simple_tag
def step_voice(step_voices, part):
    """The audio element of a step's part (``text`` or ``question``), or nothing."""
    return _voice_audio((step_voices or {}).get(part), part)


@register.simple_tag
def choice_voice(step_voices, choice_id):
    """The 🔊 button that reads one choice before choosing, with its voice when it has one (else the
    browser's voice reads the choice's text)."""
    part = f"choice-{choice_id}"
    shown = (step_voices or {}).get(part)
    label = gettext("Listen to this choice") + (f" ({gettext('synthetic voice')})" if shown and shown.synthetic else "")
    return format_html(
        '<button type="button" class="choice__listen" data-choice-listen aria-label="{}" title="{}">'
        '<span aria-hidden="true">🔊</span>{}</button>', label, label, _voice_audio(shown, part),
    )
