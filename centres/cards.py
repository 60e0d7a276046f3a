"""Printing a centre's learner cards: a write (every printed learner gets a new card, the old one stops
working), so it is a service that views call, not something a view does by hand."""

from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.db import transaction

from accounts.cards import cards_issue, cards_pdf

from .constants import Role


@transaction.atomic
def learner_cards_issue_pdf(*, centre, learners, url_for: Callable[[object, str], str], title: str) -> bytes:
    """New cards for those of ``learners`` who are learners of ``centre``, and their A4 PDF, ordered by name.

    Cards and PDF are made in one transaction: if the PDF cannot be made, no card changes and the old
    ones still work. The learners' rows are locked first, so a double click waits for the first print
    instead of failing on the one-active-card rule. ``url_for(learner, token)`` builds the address that a
    card's QR code holds."""
    ids = [learner.pk for learner in learners]
    locked = (
        get_user_model().objects.select_for_update(of=("self",)).select_related("learner_profile")
        .filter(pk__in=ids, memberships__centre=centre, memberships__role=Role.LEARNER)
        .order_by("display_name", "pk")
    )
    return cards_pdf(cards_issue(learners=list(locked), url_for=url_for), title=title)
