"""Learner cards, for the staff of a centre: print the cards of its learners, reissue one learner's card.
Printing issues new cards, so any earlier card of those learners stops working."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import OuterRef, Subquery
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.cards import card_url
from accounts.models import LearnerCard

from .. import selectors
from ..cards import learner_cards_issue_pdf
from ..permissions import staffed_centre_or_403


def _cohort_id(data):
    value = data.get("cohort", "")
    return int(value) if value.isdigit() else None


def _learners_with_cards(*, centre, cohort_id):
    active_card = LearnerCard.objects.filter(user=OuterRef("pk"), revoked_at__isnull=True)
    learners = selectors.centre_learner_tiles(centre=centre, cohort_id=cohort_id)
    return learners.annotate(card_issued_at=Subquery(active_card.values("issued_at")[:1]))


def _url_for(request):
    """The card address on this site, in the learner's language, the token in the fragment."""
    origin = request.build_absolute_uri("/")

    def url_for(learner, token):
        return card_url(origin=origin, language=learner.preferred_language, token=token)

    return url_for


def _pdf_response(request, centre, learners, *, name):
    title = _("Learner cards · %(centre)s") % {"centre": centre.name}
    pdf = learner_cards_issue_pdf(centre=centre, learners=learners, url_for=_url_for(request), title=title)
    response = HttpResponse(pdf, content_type="application/pdf")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="{name}-{centre.pk}-{stamp}.pdf"'
    return response


@login_required
@never_cache
def cards_index(request, centre_id):
    """The centre's learners, to print everyone's cards, a few of them, or reissue one."""
    centre = staffed_centre_or_403(request.user, centre_id)
    cohort_id = _cohort_id(request.GET)
    return render(request, "centres/cards/index.html", {
        "centre": centre, "learners": _learners_with_cards(centre=centre, cohort_id=cohort_id),
        "cohorts": selectors.centre_cohorts(centre=centre), "cohort_id": cohort_id,
    })


@require_POST
@login_required
def cards_print(request, centre_id):
    """A PDF of new cards for the chosen learners (or all of them, or all of one cohort)."""
    centre = staffed_centre_or_403(request.user, centre_id)
    learners = selectors.centre_learner_tiles(centre=centre, cohort_id=_cohort_id(request.POST))
    if request.POST.get("scope") != "all":
        chosen = [value for value in request.POST.getlist("learner") if value.isdigit()]
        learners = learners.filter(pk__in=chosen)
    learners = list(learners)
    if not learners:
        messages.error(request, _("Choose at least one learner."))
        return redirect("centres:cards_index", centre_id=centre.pk)
    return _pdf_response(request, centre, learners, name="cards")


@require_POST
@login_required
def card_reissue(request, centre_id, user_id):
    """A new card for one learner, as a PDF; their old card stops working at once."""
    centre = staffed_centre_or_403(request.user, centre_id)
    learner = selectors.centre_learner_get(centre=centre, user_id=user_id)
    if learner is None:
        raise Http404
    return _pdf_response(request, centre, [learner], name="card")
