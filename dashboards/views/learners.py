"""A trainer's view of a centre's learners: the list (search, filters, sort), a learner's page, the
cohort matrix and the questions most often answered wrong. Trainers and managers of the centre only."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from centres.permissions import staffed_centre_or_403
from centres.selectors import centre_cohorts, centres_readable_by

from .. import community, retention, selectors, services
from ..constants import CELL_SYMBOLS, LEARNERS_PER_PAGE, CellStatus
from ..filters import LearnerFilter
from ..forms import OutcomeForm
from ..models import Outcome

NOTICES_SHOWN = 20


@login_required
@never_cache
def home(request):
    """Straight to the dashboard of the staff member's centre; a choice when they staff several."""
    centres = list(centres_readable_by(request.user).order_by("name"))
    if not centres:
        raise PermissionDenied(_("Only trainers and managers of a centre can see its dashboard."))
    if len(centres) == 1:
        return redirect("dashboards:learner_list", centre_id=centres[0].pk)
    return render(request, "dashboards/home.html", {"centres": centres})


def _page(request, queryset):
    return Paginator(queryset, LEARNERS_PER_PAGE).get_page(request.GET.get("page"))


def _query_without_page(request):
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@login_required
@never_cache
def learner_list(request, centre_id):
    centre = staffed_centre_or_403(request.user, centre_id)
    filters = LearnerFilter(request.GET or None, queryset=selectors.centre_learner_rows(centre=centre), centre=centre)
    refused = filters.is_bound and not filters.is_valid()
    page = _page(request, filters.queryset.none() if refused else filters.qs)
    status = 400 if refused else 200
    return render(request, "dashboards/learner_list.html", {
        "centre": centre, "filter": filters, "page": page, "query": _query_without_page(request),
        "inactive_since": selectors.inactive_since(), "now": timezone.now(),
        "notices": retention.retention_notices_for(centre=centre)[:NOTICES_SHOWN],
    }, status=status)


def _learner_or_404(request, centre, learner_id):
    learner = selectors.centre_learner_get(user=request.user, centre=centre, learner_id=learner_id)
    if learner is None:
        raise Http404(_("No such learner at this centre."))
    return learner


@login_required
@never_cache
def learner_detail(request, centre_id, learner_id):
    centre = staffed_centre_or_403(request.user, centre_id)
    learner = _learner_or_404(request, centre, learner_id)
    form = OutcomeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.outcome_record(learner=learner, centre=centre, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Outcome recorded."))
            return redirect("dashboards:learner_detail", centre_id=centre.pk, learner_id=learner.pk)
    return render(request, "dashboards/learner_detail.html", {
        "centre": centre, "learner": learner, "courses": selectors.learner_courses(learner=learner),
        "certificates": selectors.learner_certificates(learner=learner),
        "missed": selectors.missed_questions(answers=learner.answers.all(), limit=5),
        "outcomes": Outcome.objects.filter(learner=learner, centre=centre), "form": form,
        "community": community.learner_community_activity(learner=learner, centre=centre),
    }, status=400 if form.errors else 200)


def _matrix_scope(request, centre):
    """The cohort and course chosen (ids of this centre and of the catalogue only)."""
    cohorts = list(centre_cohorts(centre=centre))
    courses = selectors.catalogue_courses()
    cohort = next((c for c in cohorts if str(c.pk) == request.GET.get("cohort")), None)
    course = next((c for c in courses if str(c.translation_key) == request.GET.get("course")), None)
    return cohorts, courses, cohort, course


@login_required
@never_cache
def cohort_matrix(request, centre_id):
    centre = staffed_centre_or_403(request.user, centre_id)
    cohorts, courses, cohort, course = _matrix_scope(request, centre)
    learners = selectors.centre_learners(centre=centre).order_by("display_name", "pk")
    if cohort is not None:
        learners = learners.filter(cohort_id=cohort.pk)
    lessons = selectors.catalogue_lessons([course] if course else courses)
    page = _page(request, learners)
    return render(request, "dashboards/matrix.html", {
        "centre": centre, "cohorts": cohorts, "courses": courses, "cohort": cohort, "course": course,
        "lessons": lessons, "page": page, "rows": selectors.matrix_rows(learners=page.object_list, lessons=lessons),
        "legend": [(status, CELL_SYMBOLS[status], status.label) for status in CellStatus],
        "query": _query_without_page(request),
    })


@login_required
@never_cache
def missed_questions(request, centre_id):
    centre = staffed_centre_or_403(request.user, centre_id)
    return render(request, "dashboards/missed_questions.html", {
        "centre": centre, "missed": selectors.missed_questions(answers=selectors.centre_answers(centre=centre)),
    })
