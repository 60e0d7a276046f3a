"""The public verification page: anyone (an employer, a social worker) types a code or arrives
from the QR code, or uploads the credential file, and sees whether the certificate is genuine.
Guessing codes is limited per address (misses only); nothing here needs signing in."""

from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accounts.ratelimit import client_address, counter_add, counter_value

from .. import selectors
from ..codes import verification_code_parse
from ..constants import CREDENTIAL_UPLOAD_MAX_BYTES, VERIFY_MISSES_LIMIT, VERIFY_MISSES_WINDOW_SECONDS
from ..credentials import CredentialRefused, credential_token_read, credential_verify
from ..keys import public_jwks


def _misses_key(request):
    return f"certificate-verify:{client_address(request)}"


def _page(request, *, status=200, **context):
    return render(request, "certification/verify.html", {"typed": "", **context}, status=status)


def _too_many(request):
    return _page(request, status=429, error=_("Too many codes were tried from here. Try again in 15 minutes."))


@require_http_methods(["GET", "POST"])
def verify(request):
    """The form; a typed code goes to its own address (the one the QR code holds)."""
    if request.method == "POST":
        return _verify_upload(request)
    typed = request.GET.get("code")
    if typed is None:
        return _page(request)
    code = verification_code_parse(typed)
    if code is None:
        return _page(request, status=400, typed=typed[:40], error=_(
            "A code looks like PN-7K3M-Q9TX: PN, then 8 letters and digits. Check it and type it again."))
    return redirect("certification:verify_code", code=code)


@require_GET
def verify_code(request, code):
    if counter_value(_misses_key(request)) >= VERIFY_MISSES_LIMIT:
        return _too_many(request)
    canonical = verification_code_parse(code)
    certificate = selectors.certificate_by_code(code=canonical) if canonical else None
    if certificate is None:
        counter_add(_misses_key(request), window_seconds=VERIFY_MISSES_WINDOW_SECONDS)
        return _page(request, status=404, typed=code[:40], error=_(
            "No certificate has this code. Check each letter and digit and try again."))
    return _page(request, certificate=certificate)


def _uploaded_bytes(request):
    upload = request.FILES.get("credential")
    if upload is not None:
        if upload.size > CREDENTIAL_UPLOAD_MAX_BYTES:
            raise CredentialRefused(_("This file is too large to be a Passerelle credential."))
        return upload.read()
    text = request.POST.get("token", "")
    if not text.strip():
        raise CredentialRefused(_("Choose the credential file (.json) first."))
    return text.encode()[:CREDENTIAL_UPLOAD_MAX_BYTES + 1]


def _verify_upload(request):
    try:
        claims = credential_verify(credential_token_read(_uploaded_bytes(request)))
    except CredentialRefused as refused:
        return _page(request, status=400, upload_error=refused.message)
    certificate = selectors.certificate_by_credential_id(credential_id=claims["jti"])
    if certificate is None:
        return _page(request, status=404, upload_error=_("This credential's certificate is unknown."))
    return _page(request, certificate=certificate, signature_checked=True)


def jwks(request):
    """The issuer's public keys (JWKS), at a stable address for any verifier."""
    response = JsonResponse(public_jwks())
    response["Cache-Control"] = "public, max-age=3600"
    response["Access-Control-Allow-Origin"] = "*"
    return response
