"""The player frame and the package files it loads.

The lesson embeds the frame in ``<iframe sandbox="allow-scripts">`` without ``allow-same-origin``,
and the frame's own Content-Security-Policy sandboxes it again (even opened on its own) and lets it
load only the player and this package's files. Its origin is opaque (``null``): its scripts cannot
read the lesson page or the learner's cookies, and its requests carry no session. Nothing in the
frame depends on who is signed in; the lesson page relays results and saved state
(``h5p/static/h5p/relay.js``)."""

import posixpath

from csp.constants import NONE
from csp.decorators import csp
from csp.utils import build_policy
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET

from ..constants import CONTENT_TYPES, LIBRARY_EXTENSIONS
from ..selectors import package_playable_get
from ..validation import PackageRefused, name_check

FILES_CACHE_SECONDS = 365 * 24 * 3600  # a package's files never change (a new upload gets a new folder)


def _origin(request):
    return f"{request.scheme}://{request.get_host()}"


def _absolute(request, url):
    return url if "://" in url else _origin(request) + url


def files_base_url(request, package):
    """The absolute URL of the package's folder (the frame's origin is opaque: no relative URLs)."""
    return _absolute(request, reverse("h5p:file", args=[package.pk, "h5p.json"]).removesuffix("h5p.json"))


def _frame_policy(request, package):
    player = _absolute(request, static("h5p-standalone/main.bundle.js")).rsplit("/", 1)[0] + "/"
    own_script = _absolute(request, static("h5p/frame.js"))
    files = files_base_url(request, package)
    return build_policy(config={
        "default-src": [NONE],
        "script-src": [player, own_script, files],
        "style-src": [player, files, "'unsafe-inline'"],
        "img-src": [player, files, "data:", "blob:"],
        "font-src": [player, files, "data:"],
        "media-src": [files, "blob:"],
        "connect-src": [files],
        "form-action": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": ["'self'"],
        "sandbox": ["allow-scripts"],
    })


def _player_options(request, package):
    files = files_base_url(request, package).rstrip("/")
    return {
        "h5pJsonPath": files,
        "contentJsonPath": f"{files}/content",
        "librariesPath": files,
        "frameJs": _absolute(request, static("h5p-standalone/frame.bundle.js")),
        "frameCss": _absolute(request, static("h5p-standalone/styles/h5p.css")),
        "xAPIObjectIRI": _absolute(request, reverse("h5p:frame", args=[package.pk])),
        "parentOrigin": _origin(request),
        "title": package.title,
    }


@require_GET
@xframe_options_sameorigin
def frame(request, pk):
    """The page inside the lesson's iframe: h5p-standalone playing one package."""
    package = package_playable_get(pk=pk)
    if package is None:
        raise Http404
    response = render(request, "h5p/frame.html", {
        "package": package, "player_options": _player_options(request, package),
        "player_js": static("h5p-standalone/main.bundle.js"),
    })
    response["Content-Security-Policy"] = _frame_policy(request, package)
    response["Referrer-Policy"] = "no-referrer"
    return response


def _content_type(path):
    return CONTENT_TYPES.get(posixpath.splitext(path)[1].lstrip(".").lower(), "application/octet-stream")


@require_GET
@csp({"default-src": [NONE], "sandbox": True})
def package_file(request, pk, path):
    """One file of a package, readable from the frame's opaque origin (CORS ``*``: these files are
    the package's own, public to whoever plays it). Opened on its own, a file is sandboxed: an SVG
    cannot run a script in Passerelle's origin."""
    try:
        name_check(path)
    except PackageRefused:
        raise Http404 from None
    if path.rsplit(".", 1)[-1].lower() not in LIBRARY_EXTENSIONS:
        raise Http404
    package = package_playable_get(pk=pk)
    if package is None:
        raise Http404
    try:
        handle = default_storage.open(f"{package.storage_prefix}/{path}", "rb")
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        raise Http404 from None
    response = FileResponse(handle, content_type=_content_type(path))
    response["Access-Control-Allow-Origin"] = "*"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = f"public, max-age={FILES_CACHE_SECONDS}, immutable"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response

