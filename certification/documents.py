"""The certificate as a printable A4 landscape PDF (WeasyPrint): the holder's name in their own
script (Arabic shaped, right to left), the level, competences, centre, date, code and a QR code
that opens the public verification page. Fonts are embedded by WeasyPrint."""

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import formats, translation

from .credentials import verification_url
from .names import text_direction

QR_ERROR_LEVEL = "m"


def qr_svg(url: str) -> str:
    return segno.make(url, error=QR_ERROR_LEVEL, micro=False).svg_inline(border=2, omitsize=True, dark="#000")


def certificate_html(certificate) -> str:
    """The PDF's HTML, in the site's first language (the certificate is read by French employers)."""
    url = verification_url(certificate.code)
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string("certification/certificate_pdf.html", {
            "certificate": certificate, "verify_url": url, "qr_svg": qr_svg(url),
            "issued_on": formats.date_format(certificate.issued_at, "j F Y"),
            "language": settings.LANGUAGE_CODE, "holder_dir": text_direction(certificate.holder_name),
        })


def certificate_pdf(certificate) -> bytes:
    from weasyprint import HTML  # imported here: it loads Pango when first used

    return HTML(string=certificate_html(certificate)).write_pdf()
