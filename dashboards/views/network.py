"""A network of centres: its administrators see the funders' indicators of each centre and their total,
with no name of a person anywhere (pages and files)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from .. import report, report_files, selectors
from ..constants import ExportFormat, ExportKind
from .report import period_form, report_file_response


@login_required
@never_cache
def network_home(request):
    networks = list(selectors.networks_readable_by(request.user))
    if not networks:
        raise PermissionDenied(_("Only the administrators of a network of centres can see its report."))
    return render(request, "dashboards/network_home.html", {"networks": networks})


def _network_or_404(request, network_id):
    network = selectors.networks_readable_by(request.user).filter(pk=network_id).first()
    if network is None:
        raise Http404(_("No such network."))
    return network


def network_context(network, period):
    centres = list(network.centres.order_by("name"))
    columns = [(centre.name, report.indicators_of(centres=[centre], period=period)) for centre in centres]
    total = report.indicators_of(centres=centres, period=period)
    columns.append((_("All centres"), total))
    return {
        "network": network, "title": network.name, "period": period, "indicators": total, "columns": columns,
        "charts": report_files.report_charts(total), "tables": report_files.report_tables(columns),
        "period_text": report_files.period_text(period), "period_html": report_files.period_html(period),
        "is_rtl": translation.get_language_bidi(),
        "current_language": translation.get_language(),
    }


@login_required
@never_cache
def network_report(request, network_id):
    network = _network_or_404(request, network_id)
    period, form = period_form(request)
    if period is None:
        return render(request, "dashboards/network_report.html", {"network": network, "form": form}, status=400)
    return render(request, "dashboards/network_report.html", {"form": form, **network_context(network, period)})


@login_required
@never_cache
def network_report_download(request, network_id, file_format):
    network = _network_or_404(request, network_id)
    if file_format not in (ExportFormat.PDF, ExportFormat.XLSX):
        raise Http404(_("No such file."))
    period, form = period_form(request)
    if period is None:
        return render(request, "dashboards/network_report.html", {"network": network, "form": form}, status=400)
    return report_file_response(
        request=request, context=network_context(network, period), file_format=file_format,
        file_name="rapport-reseau", log={"network": network, "kind": ExportKind.NETWORK},
    )
