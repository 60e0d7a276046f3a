import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.staticfiles import finders
from django.http import FileResponse, Http404
from django.urls import include, path, re_path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from certification.views import verify as certification_verify
from courses.routing import serve as page_serve

from .views import after_sign_in

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/setlang/", set_language, name="set_language"),
    # The certificate issuer's public keys, at a stable address outside any language.
    path(".well-known/jwks.json", certification_verify.jwks, name="certification_jwks"),
    # H5P player frames, their package files and the results endpoint (no language prefix: the
    # frame's files are loaded from an opaque origin by absolute URL).
    path("h5p/", include("h5p.urls")),
]

# How long a tablet may keep a media file. A rendition's name is never used twice
# (courses/storage.py): it is kept a year without asking again. An original upload may be
# replaced and its name reused: an hour.
RENDITION_CACHE_CONTROL = "public, max-age=31536000, immutable"
UPLOAD_CACHE_CONTROL = "public, max-age=3600"
H5P_MEDIA_PREFIX = "h5p/"


def favicon(request):
    """/favicon.ico, asked for by browsers and tools whatever the page links."""
    response = FileResponse(open(finders.find("favicon.ico"), "rb"), content_type="image/x-icon")  # noqa: SIM115 - FileResponse closes it
    response["Cache-Control"] = "public, max-age=86400"
    return response


urlpatterns = [path("favicon.ico", favicon)] + urlpatterns

if settings.DEBUG or settings.SERVE_MEDIA:
    from django.views.static import serve as serve_file

    def media_serve(request, path):
        """Uploaded files from MEDIA_ROOT (read at request time, so tests can move it). Unpacked H5P
        packages are someone else's scripts and SVG: only h5p's own view serves them, sandboxed."""
        if path.startswith(H5P_MEDIA_PREFIX):
            raise Http404
        response = serve_file(request, path, document_root=settings.MEDIA_ROOT)
        response["Cache-Control"] = RENDITION_CACHE_CONTROL if path.startswith("images/") else UPLOAD_CACHE_CONTROL
        return response

    # Not django.conf.urls.static.static(): it serves nothing unless DEBUG is on.
    media_prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
    urlpatterns += [re_path(rf"^{media_prefix}(?P<path>.*)$", media_serve)]

urlpatterns += i18n_patterns(
    path("bienvenue-a-bord/", after_sign_in, name="after_sign_in"),
    path("", include("accounts.urls")),
    path("", include("centres.urls")),
    path("", include("courses.urls")),
    path("", include("certification.urls")),
    path("", include("community.urls")),
    path("", include("dashboards.urls")),
    # Wagtail's page serving, with resolved URLs remembered (see courses/routing.py).
    re_path(r"^((?:[\w\-]+/)*)$", page_serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
