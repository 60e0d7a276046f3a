"""A centre's funders' report for a period: the page (with its charts), the PDF and the XLSX workbook.
Trainers and managers of the centre only; a wrong period gets the form back with the reason."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from centres.permissions import staffed_centre_or_403

from .. import report, report_files, services
from ..constants import ExportFormat, ExportKind
from ..exports import CONTENT_TYPES
from ..forms import ReportPeriodForm


def period_form(request):
    """The period asked for (the current year until today by default), and the form to show."""
    form = ReportPeriodForm(request.GET if "start" in request.GET else None,
                            initial=ReportPeriodForm.default_initial())
    if not form.is_bound:
        initial = ReportPeriodForm.default_initial()
        return report.Period(initial["start"], initial["end"]), form
    if form.is_valid():
        return report.Period(form.cleaned_data["start"], form.cleaned_data["end"]), form
    return None, form


def centre_report_context(centre, period):
    indicators = report.indicators_of(centres=[centre], period=period)
    return {
        "centre": centre, "title": centre.name, "period": period, "indicators": indicators,
        "columns": [(centre.name, indicators)], "charts": report_files.report_charts(indicators),
        "tables": report_files.report_tables([(centre.name, indicators)]),
        "period_text": report_files.period_text(period), "period_html": report_files.period_html(period),
        "is_rtl": translation.get_language_bidi(),
        "current_language": translation.get_language(),
    }


@login_required
@never_cache
def funders_report(request, centre_id):
    centre = staffed_centre_or_403(request.user, centre_id)
    period, form = period_form(request)
    context = {"centre": centre, "form": form, "query": request.GET.urlencode()}
    if period is None:
        return render(request, "dashboards/report.html", context, status=400)
    context.update(centre_report_context(centre, period))
    return render(request, "dashboards/report.html", context)


def report_file_response(*, request, context, file_format, file_name, log):
    if file_format == ExportFormat.PDF:
        body = report_files.report_pdf(context)
    else:
        body = report_files.report_xlsx(title=context["title"], period=context["period"], columns=context["columns"])
    services.export_log(user=request.user, file_format=file_format, row_count=len(context["columns"]),
                        parameters={"start": str(context["period"].start), "end": str(context["period"].end)}, **log)
    response = HttpResponse(body, content_type=CONTENT_TYPES[file_format])
    response["Content-Disposition"] = f'attachment; filename="{file_name}.{file_format}"'
    return response


@login_required
@never_cache
def funders_report_download(request, centre_id, file_format):
    centre = staffed_centre_or_403(request.user, centre_id)
    if file_format not in (ExportFormat.PDF, ExportFormat.XLSX):
        raise Http404(_("No such file."))
    period, form = period_form(request)
    if period is None:
        return render(request, "dashboards/report.html", {"centre": centre, "form": form}, status=400)
    return report_file_response(
        request=request, context=centre_report_context(centre, period), file_format=file_format,
        file_name="rapport", log={"centre": centre, "kind": ExportKind.REPORT},
    )
