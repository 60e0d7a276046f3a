"""Checks of an uploaded ``.h5p`` file, following the H5P specification, made before anything is
written: first the zip's central directory (names, kinds, sizes, compression ratio, file
whitelists), then every file is read once in memory-sized pieces (so a damaged or lying archive is
refused now, not halfway through unpacking), then ``h5p.json``, ``content/content.json`` and each
library's ``library.json``. Functions here only read; each refusal is a ``PackageRefused`` whose
message tells the trainer why, in their language."""

import json
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .constants import (
    CONTENT_DIR,
    CONTENT_EXTENSIONS,
    CONTENT_JSON,
    H5P_JSON,
    LIBRARY_EXTENSIONS,
    LIBRARY_JSON,
    MAX_COMPRESSION_RATIO,
    MAX_FILE_BYTES,
    MAX_FILE_COUNT,
    MAX_PATH_LENGTH,
    MAX_TOTAL_BYTES,
    MAX_UPLOAD_BYTES,
    MB,
    RATIO_CHECK_FROM_BYTES,
)

READ_CHUNK = 256 * 1024
# Patterns of the H5P specification (h5p.json and library.json schemas).
MACHINE_NAME = re.compile(r"^[\w\-.]{1,255}$")
MAIN_LIBRARY = re.compile(r"^[$a-z_][0-9a-z_.$]{1,254}$", re.IGNORECASE)
LANGUAGE = re.compile(r"^[-a-zA-Z]{1,10}$")
VERSION = re.compile(r"^[0-9]{1,5}$")
EMBED_TYPES = {"iframe", "div"}
DRIVE = re.compile(r"^[A-Za-z]:")


class PackageRefused(Exception):
    """An uploaded package that Passerelle will not store, with the reason to show the trainer."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class LibraryRef:
    machine_name: str
    major: int
    minor: int

    @property
    def folder(self):
        return f"{self.machine_name}-{self.major}.{self.minor}"


@dataclass
class Library:
    ref: LibraryRef
    patch: int
    dependencies: list = field(default_factory=list)


@dataclass
class CheckedPackage:
    """What the checks learnt: the package's description and the files to unpack."""

    title: str
    language: str
    main_library: str
    main_library_version: str
    files: list  # zipfile.ZipInfo of every file to unpack
    size_bytes: int

    @property
    def file_count(self):
        return len(self.files)


def _megabytes(size):
    return f"{size / MB:.0f}"


# --- The package as a whole ----------------------------------------------------------------------


def package_check(uploaded_file) -> CheckedPackage:
    """Check an uploaded file (any file-like object) and describe it; raise ``PackageRefused``."""
    _check_upload_size(uploaded_file)
    archive = _open_zip(uploaded_file)
    with archive:
        files = entries_check(archive.infolist())
        _check_readable(archive, files)
        description = h5p_json_check(_read_json(archive, H5P_JSON, missing=_(
            "This package has no h5p.json file: it is not an H5P package. Export it again from your H5P editor.")))
        _read_json(archive, CONTENT_JSON, missing=_(
            "This package has no content/content.json file: export it again from your H5P editor."))
        libraries = libraries_check(archive, files)
    dependencies_check(description["preloadedDependencies"], libraries)
    main = _main_library(description, libraries)
    return CheckedPackage(
        title=description["title"].strip(), language=description["language"],
        main_library=main.ref.machine_name, main_library_version=f"{main.ref.major}.{main.ref.minor}.{main.patch}",
        files=files, size_bytes=sum(info.file_size for info in files),
    )


def _check_upload_size(uploaded_file):
    size = getattr(uploaded_file, "size", None)
    if size == 0:
        raise PackageRefused(_("The file is empty. Choose the .h5p file exported from your H5P editor."))
    if size is not None and size > MAX_UPLOAD_BYTES:
        raise PackageRefused(_("The file is too large (%(size)s MB); an H5P package may weigh %(max)s MB at most.")
                             % {"size": _megabytes(size), "max": _megabytes(MAX_UPLOAD_BYTES)})


def _open_zip(uploaded_file):
    try:
        uploaded_file.seek(0)
        return zipfile.ZipFile(uploaded_file)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise PackageRefused(_(
            "This file is not an H5P package (it is not a zip archive). Choose the .h5p file exported "
            "from your H5P editor.")) from None


# --- Entries of the central directory ------------------------------------------------------------


def entries_check(infos) -> list:
    """Every entry's name, kind and size, then the layout; returns the files (not folders)."""
    if len(infos) > MAX_FILE_COUNT:
        raise PackageRefused(_("This package holds %(count)s files; an H5P package may hold %(max)s at most.")
                             % {"count": len(infos), "max": MAX_FILE_COUNT})
    seen = set()
    for info in infos:
        name_check(info.filename)
        _check_kind(info)
        _check_size(info)
        if info.filename in seen:
            raise PackageRefused(_("The package holds « %(name)s » twice.") % {"name": info.filename})
        seen.add(info.filename)
    files = [info for info in infos if not info.is_dir()]
    total = sum(info.file_size for info in files)
    if total > MAX_TOTAL_BYTES:
        raise PackageRefused(_("Unpacked, this package would take %(size)s MB; the limit is %(max)s MB.")
                             % {"size": _megabytes(total), "max": _megabytes(MAX_TOTAL_BYTES)})
    for info in files:
        _check_place(info.filename)
    _check_no_file_is_a_folder(files)
    return files


def _check_no_file_is_a_folder(files):
    folders = set()
    for info in files:
        parts = info.filename.split("/")[:-1]
        folders.update("/".join(parts[:depth]) for depth in range(1, len(parts) + 1))
    for info in files:
        if info.filename in folders:
            raise PackageRefused(_("« %(name)s » is both a file and a folder.") % {"name": info.filename})


def name_check(name):
    """A name inside a package: relative, with forward slashes, no ``..``, nothing hidden."""
    if not name or len(name) > MAX_PATH_LENGTH or any(ord(c) < 32 or c == "\x7f" for c in name):
        raise PackageRefused(_("The package holds a file whose name cannot be read."))
    if "\\" in name:
        raise PackageRefused(_("« %(name)s »: file names may not contain a backslash (\\).") % {"name": name})
    if name.startswith("/") or DRIVE.match(name):
        raise PackageRefused(_("« %(name)s »: absolute paths are not allowed in a package.") % {"name": name})
    parts = name.removesuffix("/").split("/")
    if any(part in ("..", ".", "") for part in parts):
        raise PackageRefused(_("« %(name)s »: paths that leave their folder (..) are not allowed.") % {"name": name})
    if any(part[0] in "._" for part in parts):
        raise PackageRefused(_(
            "« %(name)s »: names starting with « . » or « _ » are not allowed (hidden or system files). "
            "Export the package again from your H5P editor rather than re-zipping it.") % {"name": name})


def _check_kind(info):
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise PackageRefused(_("« %(name)s » is a symbolic link; links are not allowed in a package.")
                             % {"name": info.filename})
    if stat.S_IFMT(mode) not in (0, stat.S_IFREG, stat.S_IFDIR):
        raise PackageRefused(_("« %(name)s » is not an ordinary file.") % {"name": info.filename})
    if info.flag_bits & 0x1:
        raise PackageRefused(_("« %(name)s » is encrypted; export the package without a password.")
                             % {"name": info.filename})
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise PackageRefused(_("« %(name)s » uses a compression H5P does not use; export the package again.")
                             % {"name": info.filename})


def _check_size(info):
    if info.file_size > MAX_FILE_BYTES:
        raise PackageRefused(_("« %(name)s » would take %(size)s MB unpacked; each file may take %(max)s MB at most.")
                             % {"name": info.filename, "size": _megabytes(info.file_size),
                                "max": _megabytes(MAX_FILE_BYTES)})
    bomb = info.file_size > RATIO_CHECK_FROM_BYTES and info.file_size > MAX_COMPRESSION_RATIO * info.compress_size
    stored_lies = info.compress_type == zipfile.ZIP_STORED and info.compress_size != info.file_size
    if bomb or stored_lies:
        raise PackageRefused(_(
            "« %(name)s » claims to unpack to far more than it weighs: this looks like a zip bomb.")
            % {"name": info.filename})


def _extension(name):
    return name.rsplit(".", 1)[-1].lower() if "." in name.rsplit("/", 1)[-1] else ""


def _check_place(name):
    """H5P's layout and whitelists: h5p.json, content files, and files of library folders."""
    if name == H5P_JSON:
        return
    if "/" not in name:
        raise PackageRefused(_("« %(name)s » has no place at the root of an H5P package.") % {"name": name})
    extension = _extension(name)
    if name.startswith(CONTENT_DIR + "/"):
        if extension not in CONTENT_EXTENSIONS:
            raise PackageRefused(_(
                "« %(name)s »: this kind of file (.%(extension)s) is not allowed in the content folder; "
                "only media, documents and JSON are (never JavaScript or web pages).")
                % {"name": name, "extension": extension or "?"})
    elif extension not in LIBRARY_EXTENSIONS:
        raise PackageRefused(_(
            "« %(name)s »: this kind of file (.%(extension)s) is not allowed in an H5P library.")
            % {"name": name, "extension": extension or "?"})


def _check_readable(archive, files):
    """Unpack every file to nowhere: a CRC or size that does not match refuses the package now."""
    for info in files:
        try:
            with archive.open(info) as member:
                while member.read(READ_CHUNK):
                    pass
        except (zipfile.BadZipFile, EOFError, zlib.error, OSError, ValueError, NotImplementedError):
            raise PackageRefused(_("« %(name)s » is damaged in the archive; export the package again.")
                                 % {"name": info.filename}) from None


# --- h5p.json, content.json and library.json -----------------------------------------------------


def _read_json(archive, name, *, missing):
    try:
        raw = archive.read(name)
    except KeyError:
        raise PackageRefused(missing) from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        data = None
    if not isinstance(data, dict):
        raise PackageRefused(_("« %(name)s » is not valid JSON.") % {"name": name})
    return data


def _version(value):
    if isinstance(value, bool) or not isinstance(value, int | str) or not VERSION.match(str(value)):
        return None
    return int(value)


def library_ref(data):
    """A dependency or library.json's (machineName, majorVersion, minorVersion), or None if invalid."""
    if not isinstance(data, dict):
        return None
    name, major, minor = data.get("machineName"), _version(data.get("majorVersion")), _version(data.get("minorVersion"))
    if not isinstance(name, str) or not MACHINE_NAME.match(name) or major is None or minor is None:
        return None
    return LibraryRef(name, major, minor)


def _dependency_refs(data, key, where):
    values = data.get(key, [])
    refs = [library_ref(value) for value in values] if isinstance(values, list) else [None]
    if None in refs:
        raise PackageRefused(_("« %(file)s »: the list « %(key)s » is not valid.") % {"file": where, "key": key})
    return refs


def h5p_json_check(data) -> dict:
    """The package's description: title, language, main library and its dependencies."""
    title = data.get("title")
    if not isinstance(title, str) or not title.strip() or len(title) > 255:
        raise PackageRefused(_("h5p.json gives no title (or one longer than 255 characters)."))
    language = data.get("language")
    if not isinstance(language, str) or not LANGUAGE.match(language):
        raise PackageRefused(_("h5p.json gives no valid language (such as « fr »)."))
    main = data.get("mainLibrary")
    if not isinstance(main, str) or not MAIN_LIBRARY.match(main):
        raise PackageRefused(_("h5p.json does not name its main library (mainLibrary)."))
    dependencies = _dependency_refs(data, "preloadedDependencies", H5P_JSON)
    if not dependencies:
        raise PackageRefused(_("h5p.json lists no library (preloadedDependencies)."))
    if main not in {ref.machine_name for ref in dependencies}:
        raise PackageRefused(_("h5p.json names « %(name)s » as its main library but does not list it "
                               "among its dependencies.") % {"name": main})
    embed_types = data.get("embedTypes", ["iframe"])
    if not isinstance(embed_types, list) or not set(embed_types) <= EMBED_TYPES:
        raise PackageRefused(_("h5p.json: « embedTypes » may only hold « iframe » and « div »."))
    return {**data, "title": title, "preloadedDependencies": dependencies}


def _library_folders(files):
    folders = {}
    for info in files:
        top, _sep, rest = info.filename.partition("/")
        if top != CONTENT_DIR and rest:
            folders.setdefault(top, set()).add(rest)
    return folders


def libraries_check(archive, files) -> dict:
    """{LibraryRef: Library} of every library folder, each matching its library.json."""
    libraries = {}
    for folder, names in sorted(_library_folders(files).items()):
        library = _library_check(archive, folder, names)
        libraries[library.ref] = library
    return libraries


def _library_check(archive, folder, names):
    where = f"{folder}/{LIBRARY_JSON}"
    data = _read_json(archive, where, missing=_(
        "The folder « %(folder)s » has no library.json: it is not an H5P library.") % {"folder": folder})
    ref, patch = library_ref(data), _version(data.get("patchVersion"))
    title, runnable = data.get("title"), data.get("runnable")
    if ref is None or patch is None or not isinstance(title, str) or not title or runnable not in (0, 1):
        raise PackageRefused(_("« %(file)s » is not a valid library description (machineName, title, "
                               "majorVersion, minorVersion, patchVersion, runnable).") % {"file": where})
    if folder != ref.folder:
        raise PackageRefused(_("The library folder « %(folder)s » does not match its library.json, "
                               "which describes « %(expected)s ».") % {"folder": folder, "expected": ref.folder})
    for key in ("preloadedJs", "preloadedCss"):
        _check_listed_files(data, key, names, where)
    dependencies = _dependency_refs(data, "preloadedDependencies", where) + _dependency_refs(
        data, "dynamicDependencies", where)
    return Library(ref=ref, patch=patch, dependencies=dependencies)


def _check_listed_files(data, key, names, where):
    entries = data.get(key, [])
    if not isinstance(entries, list):
        raise PackageRefused(_("« %(file)s »: the list « %(key)s » is not valid.") % {"file": where, "key": key})
    for entry in entries:
        path = entry.get("path") if isinstance(entry, dict) else None
        if not isinstance(path, str) or path not in names:
            raise PackageRefused(_("« %(file)s » lists « %(path)s » in %(key)s, but the library does not hold it.")
                                 % {"file": where, "path": path, "key": key})


def dependencies_check(main_dependencies, libraries):
    """Every library that h5p.json or a library needs is in the package (H5P offers no shared ones here)."""
    needs = [(H5P_JSON, ref) for ref in main_dependencies]
    needs += [(library.ref.folder, ref) for library in libraries.values() for ref in library.dependencies]
    for needed_by, ref in needs:
        if ref not in libraries:
            raise PackageRefused(_(
                "« %(needed_by)s » needs the library « %(library)s », which the package does not hold. "
                "Export the package again with its libraries (Lumi's .h5p export includes them).")
                % {"needed_by": needed_by, "library": ref.folder})


def _main_library(description, libraries):
    main = description["mainLibrary"]
    ref = next(ref for ref in description["preloadedDependencies"] if ref.machine_name == main)
    return libraries[ref]
