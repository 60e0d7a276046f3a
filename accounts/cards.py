"""Printed learner cards: a new card token per learner, its QR code, and an A4 PDF of eight cards a page.

The card's QR code holds the absolute address of the card sign-in with the token in its fragment
(``https://<host>/<lang>/carte/#<token>``): a browser never sends a fragment, so the token reaches no
access log; the page's own script posts it. The sign-in still asks for the picture password or PIN.
Issuing a card revokes the learner's earlier one.
"""

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import segno
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .services import learner_card_issue, learner_profile_ensure

CARDS_PER_PAGE = 8
QR_ERROR_LEVEL = "m"


@dataclass(frozen=True)
class PrintedCard:
    """What one printed card shows, in the learner's language."""

    name: str
    latin_name: str
    initial: str
    colour: str
    code: str
    url: str
    language: str
    rtl: bool
    code_label: str
    scan_hint: str

    @property
    def qr_svg(self) -> str:
        return card_qr_svg(self.url)


def card_qr_svg(url: str) -> str:
    """The QR code of a card address as inline SVG (sized by the stylesheet)."""
    return segno.make(url, error=QR_ERROR_LEVEL, micro=False).svg_inline(border=2, omitsize=True, dark="#000")


def _printed_card(user, *, url: str) -> PrintedCard:
    profile = learner_profile_ensure(user=user)
    language = user.preferred_language
    with translation.override(language):
        code_label, scan_hint = _("Learner code"), _("Scan me, then tap your pictures")
        rtl = translation.get_language_bidi()
    name = user.shown_name
    return PrintedCard(
        name=name, latin_name=profile.latin_name if profile.latin_name != name else "",
        initial=name[:1].upper(), colour=profile.avatar_colour, code=profile.learner_code, url=url,
        language=language, rtl=rtl, code_label=code_label, scan_hint=scan_hint,
    )


def card_url(*, origin: str, language: str, token: str) -> str:
    """The address a card's QR code holds: ``<origin>/<language>/carte/#<token>``."""
    with translation.override(language):
        path = reverse("accounts:card_sign_in")
    return f"{origin.rstrip('/')}{path}#{token}"


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def cards_issue(*, learners, url_for: Callable[[object, str], str]) -> list[PrintedCard]:
    """Issue a new card to each learner (their old card stops working) and return what to print.
    ``url_for(learner, token)`` gives an absolute address on this site: only its scheme and host are
    kept, the QR code holds ``card_url`` in the learner's language (token in the fragment)."""
    with transaction.atomic():
        return [_printed_card(learner, url=_card_url_for(learner, url_for)) for learner in learners]


def _card_url_for(learner, url_for) -> str:
    token = learner_card_issue(user=learner)
    return card_url(origin=_origin(url_for(learner, token)), language=learner.preferred_language, token=token)


def cards_pages(cards: list[PrintedCard]) -> list[list[PrintedCard]]:
    return [cards[i:i + CARDS_PER_PAGE] for i in range(0, len(cards), CARDS_PER_PAGE)]


def cards_html(cards: list[PrintedCard], *, title: str = "") -> str:
    context = {"pages": cards_pages(cards), "title": title, "language": translation.get_language()}
    return render_to_string("accounts/cards/cards_pdf.html", context)


def cards_document(cards: list[PrintedCard], *, title: str = ""):
    """The cards laid out by WeasyPrint (``.pages`` lists the A4 pages)."""
    from weasyprint import HTML  # imported here: it loads Pango when first used

    return HTML(string=cards_html(cards, title=title)).render()


def cards_pdf(cards: list[PrintedCard], *, title: str = "") -> bytes:
    return cards_document(cards, title=title).write_pdf()
