"""A centre's certified learners, for its staff: the list, a CSV export, and revoking (managers)."""

import tablib
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from centres.constants import Role
from centres.permissions import staffed_centre_or_403
from core.spreadsheet import looks_like_formula

from .. import selectors, services
from ..exceptions import ExamRefused


@login_required
@never_cache
def centre_certificates(request, centre_id):
    centre = staffed_centre_or_403(request.user, centre_id)
    certificates = selectors.centre_certificate_list(user=request.user, centre=centre)
    can_revoke = _is_manager(request.user, centre.pk)
    return render(request, "certification/centre_certificates.html", {
        "centre": centre, "certificates": certificates, "can_revoke": can_revoke,
    })


def _is_manager(user, centre_id) -> bool:
    try:
        staffed_centre_or_403(user, centre_id, roles=(Role.MANAGER,))
    except PermissionDenied:
        return False
    return True


def _cell(value) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula."""
    text = str(value)
    return f"'{text}" if looks_like_formula(text) else text


def _status(certificate):
    return pgettext("certificate", "Revoked") if certificate.is_revoked else _("Valid")


EXPORT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _certificates_dataset(user, centre):
    data = tablib.Dataset(headers=[
        _("Name as printed"), _("Name in Latin letters"), _("Level"), _("Date"), _("Verification code"), _("Status"),
    ], title=_("Certificates")[:31])
    for c in selectors.centre_certificate_list(user=user, centre=centre):
        data.append([_cell(v) for v in (c.holder_name, c.latin_name, c.level_name,
                                        formats.date_format(c.issued_at, "Y-m-d"), c.code, _status(c))])
    return data


@login_required
@never_cache
def centre_certificates_export(request, centre_id, file_format="csv"):
    """The centre's certified learners as a spreadsheet (CSV for any tool, XLSX for Excel)."""
    centre = staffed_centre_or_403(request.user, centre_id)
    data = _certificates_dataset(request.user, centre)
    if file_format == "csv":
        body = "\ufeff" + data.export("csv", delimiter=";")
    else:
        body = data.export("xlsx")
    response = HttpResponse(body, content_type=EXPORT_TYPES[file_format])
    response["Content-Disposition"] = f'attachment; filename="certificats.{file_format}"'
    return response


@require_POST
@login_required
def certificate_revoke(request, pk):
    """A manager of the issuing centre revokes a certificate, with a reason kept in its history."""
    certificate = selectors.certificates_readable_by(request.user).filter(pk=pk).first()
    if certificate is None or certificate.centre_id is None:
        raise Http404(_("No certificate here."))
    try:
        services.certificate_revoke(certificate=certificate, actor=request.user, reason=request.POST.get("reason"))
    except ExamRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Certificate %(code)s is revoked.") % {"code": certificate.code})
    return redirect("certification:centre_list", centre_id=certificate.centre_id)
