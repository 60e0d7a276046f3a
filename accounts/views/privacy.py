"""« My data »: a learner's demographics consent, the export of their data, and asking for erasure."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from .. import privacy
from ..forms_privacy import DemographicsConsentForm


def _initial(consent):
    if consent is None or not consent.consented:
        return {}
    return {"gender": consent.gender, "age_band": consent.age_band, "consent": True}


def _my_data_page(request, form=None, status=200):
    consent = privacy.demographics_get(user=request.user)
    form = form or DemographicsConsentForm(initial=_initial(consent))
    return render(request, "accounts/privacy/my_data.html", {
        "form": form, "consent": consent,
        "erasure_request": privacy.erasure_request_pending(user=request.user),
    }, status=status)


@login_required
@never_cache
def my_data(request):
    return _my_data_page(request)


@require_POST
@login_required
def consent_give(request):
    form = DemographicsConsentForm(request.POST)
    if not form.is_valid():
        return _my_data_page(request, form=form, status=400)
    privacy.demographics_consent_give(
        user=request.user, gender=form.cleaned_data["gender"], age_band=form.cleaned_data["age_band"]
    )
    messages.success(request, _("Thank you. Your answers are saved."))
    return redirect("accounts:my_data")


@require_POST
@login_required
def consent_withdraw(request):
    privacy.demographics_consent_withdraw(user=request.user)
    messages.success(request, _("Your answers are deleted. Passerelle no longer keeps them."))
    return redirect("accounts:my_data")


def export_response(data, *, filename):
    """The export as a JSON file to download."""
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@never_cache
def export_page(request):
    data = privacy.learner_data_export(user=request.user)
    return render(request, "accounts/privacy/export.html", {
        "data": data, "sections": privacy.export_sections(data), "subject": request.user,
    })


@login_required
@never_cache
def export_json(request):
    return export_response(privacy.learner_data_export(user=request.user), filename="passerelle-my-data.json")


@require_POST
@login_required
def erasure_request(request):
    privacy.erasure_request_create(user=request.user)
    messages.success(request, _("Your request is sent. A manager of your centre will confirm it."))
    return redirect("accounts:my_data")
