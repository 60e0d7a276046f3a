"""Template helpers of the lesson steps."""

import hashlib
import hmac
import random

from django import template
from django.conf import settings

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
