"""Limits and names of the H5P app. The file whitelists are those of the H5P specification
(h5p-php-library's defaults), without Flash (``swf``), which no tablet plays."""

from django.db import models
from django.utils.translation import gettext_lazy as _

MB = 1024 * 1024

# What a package may hold, read from the zip's central directory before anything is extracted.
MAX_UPLOAD_BYTES = 64 * MB  # the .h5p file itself
MAX_FILE_BYTES = 16 * MB  # each file, unpacked
MAX_TOTAL_BYTES = 64 * MB  # all files, unpacked
MAX_FILE_COUNT = 10_000
MAX_PATH_LENGTH = 255
# A file that unpacks to more than this many times its packed size (and to more than
# RATIO_CHECK_FROM_BYTES) is a zip bomb: real packages compress text about 10 times at most.
MAX_COMPRESSION_RATIO = 100
RATIO_CHECK_FROM_BYTES = 1 * MB

H5P_JSON = "h5p.json"
CONTENT_DIR = "content"
CONTENT_JSON = "content/content.json"
LIBRARY_JSON = "library.json"

CONTENT_EXTENSIONS = frozenset(
    "json png jpg jpeg gif bmp tif tiff eot ttf woff woff2 otf webm mp4 ogg mp3 m4a wav txt pdf rtf "
    "doc docx xls xlsx ppt pptx odt ods odp csv diff patch md textile vtt webvtt gltf glb".split()
)
LIBRARY_EXTENSIONS = CONTENT_EXTENSIONS | {"js", "css", "svg", "xml"}

# Where unpacked packages and uploaded .h5p files live in the default storage.
PACKAGES_PREFIX = "h5p/packages"
UPLOADS_DIR = "h5p/uploads"

# The name of the H5P step in a lesson's ``steps`` (``LessonStepsBlock``): ``h5p = H5PStepBlock()``.
H5P_STEP_TYPE = "h5p"
DEFAULT_PASS_THRESHOLD = 60

# What the player may send back.
MAX_STATEMENT_BYTES = 64 * 1024
MAX_STATE_BYTES = 64 * 1024

# Content types of the files a package may hold (served with nosniff).
CONTENT_TYPES = {
    "js": "text/javascript; charset=utf-8",
    "css": "text/css; charset=utf-8",
    "json": "application/json",
    "svg": "image/svg+xml",
    "xml": "application/xml",
    "txt": "text/plain; charset=utf-8",
    "md": "text/plain; charset=utf-8",
    "textile": "text/plain; charset=utf-8",
    "csv": "text/plain; charset=utf-8",
    "diff": "text/plain; charset=utf-8",
    "patch": "text/plain; charset=utf-8",
    "vtt": "text/vtt; charset=utf-8",
    "webvtt": "text/vtt; charset=utf-8",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "bmp": "image/bmp",
    "tif": "image/tiff",
    "tiff": "image/tiff",
    "eot": "application/vnd.ms-fontobject",
    "ttf": "font/ttf",
    "otf": "font/otf",
    "woff": "font/woff",
    "woff2": "font/woff2",
    "webm": "video/webm",
    "mp4": "video/mp4",
    "ogg": "audio/ogg",
    "mp3": "audio/mpeg",
    "m4a": "audio/mp4",
    "wav": "audio/wav",
    "pdf": "application/pdf",
    "gltf": "model/gltf+json",
    "glb": "model/gltf-binary",
}


class XapiVerb(models.TextChoices):
    """The verbs of the top-level activity that Passerelle keeps (others are acknowledged and dropped)."""

    ANSWERED = "http://adlnet.gov/expapi/verbs/answered", _("answered")
    COMPLETED = "http://adlnet.gov/expapi/verbs/completed", _("completed")
    PASSED = "http://adlnet.gov/expapi/verbs/passed", _("passed")
    FAILED = "http://adlnet.gov/expapi/verbs/failed", _("failed")

