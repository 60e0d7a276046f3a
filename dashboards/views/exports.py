"""A centre's exports: learners with their progress (the list's filters apply) and certified learners,
as CSV (streamed, row by row) or XLSX, in the user's language. Each download is logged."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from centres.permissions import staffed_centre_or_403

from .. import exports, selectors, services
from ..constants import ExportFormat, ExportKind
from ..filters import LearnerFilter
from ..models import ExportLog

FILE_NAMES = {ExportKind.LEARNERS: "apprenants", ExportKind.CERTIFIED: "certifies"}
RECENT_EXPORTS = 20


@login_required
@never_cache
def export_index(request, centre_id):
    centre = staffed_centre_or_403(request.user, centre_id)
    return render(request, "dashboards/exports.html", {
        "centre": centre, "kinds": [ExportKind.LEARNERS, ExportKind.CERTIFIED],
        "log": ExportLog.objects.filter(centre=centre).select_related("user")[:RECENT_EXPORTS],
    })


def _learners(request, centre):
    filters = LearnerFilter(request.GET or None, queryset=selectors.centre_learner_rows(centre=centre), centre=centre)
    return filters.qs if filters.is_valid() or not filters.is_bound else filters.queryset.none()


@login_required
@never_cache
def export_download(request, centre_id, kind, file_format):
    centre = staffed_centre_or_403(request.user, centre_id)
    if kind not in FILE_NAMES or file_format not in (ExportFormat.CSV, ExportFormat.XLSX):
        raise Http404(_("No such export."))
    headers, rows, values = exports.export_rows(
        kind=kind, user=request.user, centre=centre, learners=_learners(request, centre)
    )
    services.export_log(user=request.user, centre=centre, kind=kind, file_format=file_format,
                        row_count=rows.count(), parameters=request.GET.dict())
    if file_format == ExportFormat.CSV:
        response = StreamingHttpResponse(exports.csv_lines(headers, rows, values),
                                         content_type=exports.CONTENT_TYPES["csv"])
    else:
        title = str(ExportKind(kind).label)
        response = HttpResponse(exports.xlsx_bytes(headers, rows, values, title),
                                content_type=exports.CONTENT_TYPES["xlsx"])
    response["Content-Disposition"] = f'attachment; filename="{FILE_NAMES[kind]}.{file_format}"'
    return response
