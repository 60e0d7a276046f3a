"""« Mes certificats »: a learner's certificates (PDF and credential downloads) and practice results."""

import json

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from .. import selectors
from ..constants import READY_SCORE
from ..credentials import credential_envelope


def _readable_certificate(user, pk):
    certificate = selectors.certificates_readable_by(user).filter(pk=pk).first()
    if certificate is None:
        raise Http404(_("No certificate here."))
    return certificate


def _practice_rows(learner):
    rows = []
    for attempt in selectors.practice_results(learner=learner)[:10]:
        to_work_on = [row["name"] for row in attempt.competence_scores.values() if row["score"] < READY_SCORE]
        rows.append({"attempt": attempt, "ready": attempt.score >= READY_SCORE, "to_work_on": to_work_on,
                     "percent": round(attempt.score * 100)})
    return rows


@login_required
@never_cache
def my_certificates(request):
    return render(request, "certification/my_certificates.html", {
        "certificates": selectors.learner_certificate_list(learner=request.user),
        "practice": _practice_rows(request.user),
    })


@login_required
@never_cache
def certificate_pdf(request, pk):
    certificate = _readable_certificate(request.user, pk)
    if not certificate.pdf:
        raise Http404(_("This certificate is still being prepared. Come back in a minute."))
    return FileResponse(certificate.pdf.open("rb"), as_attachment=True,
                        filename=f"certificat-{certificate.code}.pdf", content_type="application/pdf")


@login_required
@never_cache
def certificate_credential(request, pk):
    """The signed Open Badges credential, as the JSON file wallets and verifiers read."""
    certificate = _readable_certificate(request.user, pk)
    if not certificate.credential:
        raise Http404(_("This certificate is still being prepared. Come back in a minute."))
    body = json.dumps(credential_envelope(certificate.credential), indent=2)
    response = HttpResponse(body, content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="certificat-{certificate.code}.json"'
    return response
