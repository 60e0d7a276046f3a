"""H5P packages made for the test suite, in memory.

``quiz_package()`` holds a minimal content type written here, ``H5P.PasserelleQuiz`` (a
library.json and a few lines of JavaScript): one question, buttons for the answers, an xAPI
``answered`` statement with a score when one is tapped, and a saved state (the answer chosen).
``probe_package()`` is a hostile package whose script tries to reach the lesson page, the learner's
cookies and Passerelle's endpoints, and writes what it managed into its own page.
``BAD_PACKAGES`` is a corpus of packages that must be refused, each with the message expected."""

import io
import json
import stat
import struct
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

QUIZ_LIBRARY = "H5P.PasserelleQuiz-1.0"
QUIZ_CONTENT = {
    "question": "Quelle adresse e-mail est bien écrite ?",
    "answers": ["amina.diallo@exemple.fr", "amina.diallo.exemple.fr"],
    "correct": 0,
}

QUIZ_JS = r"""
var H5P = H5P || {};
H5P.PasserelleQuiz = (function ($) {
  function Quiz(params, contentId, extras) {
    H5P.EventDispatcher.call(this);
    this.params = params;
    var state = extras && extras.previousState;
    this.chosen = state && typeof state.chosen === "number" ? state.chosen : null;
  }
  Quiz.prototype = Object.create(H5P.EventDispatcher.prototype);
  Quiz.prototype.constructor = Quiz;
  Quiz.prototype.attach = function ($container) {
    var self = this;
    $container.addClass("passerelle-quiz");
    $("<p>", {"class": "passerelle-quiz__question", text: this.params.question}).appendTo($container);
    this.params.answers.forEach(function (answer, index) {
      $("<button>", {type: "button", "class": "passerelle-quiz__answer", text: answer,
                     "aria-pressed": String(index === self.chosen)})
        .on("click", function () { self.answer(index, $container); })
        .appendTo($container);
    });
  };
  Quiz.prototype.answer = function (index, $container) {
    this.chosen = index;
    $container.find(".passerelle-quiz__answer").each(function (i, button) {
      button.setAttribute("aria-pressed", String(i === index));
    });
    this.triggerXAPIScored(index === this.params.correct ? 1 : 0, 1, "answered", true, index === this.params.correct);
  };
  Quiz.prototype.getCurrentState = function () { return {chosen: this.chosen}; };
  return Quiz;
})(H5P.jQuery);
"""

QUIZ_CSS = ".passerelle-quiz__answer { display: block; margin: 0.5rem 0; padding: 1rem; }\n"

# Every way out of the sandbox it tries; the result of each is written into the frame's <body>.
PROBE_JS = r"""
var H5P = H5P || {};
H5P.PasserelleProbe = (function () {
  function Probe(params) { H5P.EventDispatcher.call(this); }
  Probe.prototype = Object.create(H5P.EventDispatcher.prototype);
  Probe.prototype.constructor = Probe;
  function attempt(fn) { try { return "read: " + String(fn()); } catch (e) { return "blocked"; } }
  Probe.prototype.attach = function ($container) {
    var site = new URL(location.href).origin;
    var filesUrl = document.querySelector("script[src*='/files/']").src;
    var results = {
      parentDocument: attempt(function () { return window.parent.document.title; }),
      topDocument: attempt(function () { return window.top.document.cookie; }),
      cookie: attempt(function () { return document.cookie; }),
      topNavigation: attempt(function () { window.top.location.href = site + "/fr/"; return "navigated"; })
    };
    var statement = {id: "0b8f5a0e-2f4c-4d9e-9a53-7b1c9f0a1e42"};
    var body = JSON.stringify({package: 1, lesson: 1, step: "x", statement: statement});
    var posts = [
      fetch(site + "/h5p/api/statements/", {method: "POST", credentials: "include",
            headers: {"Content-Type": "application/json"}, body: body})
        .then(function (r) { return "status " + r.status; }, function () { return "blocked"; }),
      fetch(filesUrl, {credentials: "include"})
        .then(function (r) { return "status " + r.status; }, function () { return "blocked"; })
    ];
    Promise.all(posts).then(function (answers) {
      results.postStatement = answers[0];
      results.fetchOwnFile = answers[1];
      document.body.setAttribute("data-probe", JSON.stringify(results));
    });
    $container.append("<p>probe</p>");
  };
  return Probe;
})();
"""


def _dependencies(refs):
    return [{"machineName": name, "majorVersion": major, "minorVersion": minor} for name, major, minor in refs]


def library_json(machine_name, major=1, minor=0, *, js=None, css=None, dependencies=()):
    data = {
        "title": machine_name, "machineName": machine_name, "majorVersion": major, "minorVersion": minor,
        "patchVersion": 3, "runnable": 1, "license": "MIT", "author": "Passerelle tests",
        "embedTypes": ["iframe", "div"],
    }
    if js:
        data["preloadedJs"] = [{"path": path} for path in js]
    if css:
        data["preloadedCss"] = [{"path": path} for path in css]
    if dependencies:
        data["preloadedDependencies"] = _dependencies(dependencies)
    return json.dumps(data)


def h5p_json(title="Adresse e-mail", main="H5P.PasserelleQuiz", dependencies=(("H5P.PasserelleQuiz", 1, 0),)):
    return json.dumps({
        "title": title, "language": "fr", "mainLibrary": main, "embedTypes": ["div"], "license": "U",
        "preloadedDependencies": _dependencies(dependencies),
    })


def quiz_files(**changes):
    """The files of the good package by name; ``changes`` replace (or with None, remove) some."""
    files = {
        "h5p.json": h5p_json(),
        "content/content.json": json.dumps(QUIZ_CONTENT),
        "content/images/enveloppe.png": b"\x89PNG\r\n\x1a\n" + b"\0" * 64,
        f"{QUIZ_LIBRARY}/library.json": library_json("H5P.PasserelleQuiz", js=["quiz.js"], css=["quiz.css"]),
        f"{QUIZ_LIBRARY}/quiz.js": QUIZ_JS,
        f"{QUIZ_LIBRARY}/quiz.css": QUIZ_CSS,
        f"{QUIZ_LIBRARY}/icon.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>',
    }
    for name, value in changes.items():
        files.pop(name, None) if value is None else files.__setitem__(name, value)
    return files


def build(files, *, infos=()):
    """A zip of ``files`` ({name: str or bytes}) plus raw ``infos`` ((ZipInfo, bytes) pairs)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
        for info, data in infos:
            archive.writestr(info, data)
    return buffer.getvalue()


def quiz_package(**changes):
    return build(quiz_files(**changes))


def probe_package():
    library = "H5P.PasserelleProbe-1.0"
    return build({
        "h5p.json": h5p_json(title="Sonde", main="H5P.PasserelleProbe", dependencies=(("H5P.PasserelleProbe", 1, 0),)),
        "content/content.json": "{}",
        f"{library}/library.json": library_json("H5P.PasserelleProbe", js=["probe.js"]),
        f"{library}/probe.js": PROBE_JS,
    })


def upload(data, name="activite.h5p"):
    return SimpleUploadedFile(name, data, content_type="application/zip")


# --- Bad packages --------------------------------------------------------------------------------


def _symlink():
    info = zipfile.ZipInfo("content/link.json")
    info.create_system = 3
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return build(quiz_files(), infos=[(info, "/etc/passwd")])


def _patch_headers(data, name, local_offset, central_offset, patch):
    """The zip with ``patch(raw, offset)`` applied to a field of ``name``'s local and central headers."""
    raw = bytearray(data)
    encoded = name.encode()
    for signature, offset, name_offset in ((b"PK\x03\x04", local_offset, 30), (b"PK\x01\x02", central_offset, 46)):
        start = 0
        while (start := raw.find(signature, start)) != -1:
            if raw[start + name_offset:start + name_offset + len(encoded)] == encoded:
                patch(raw, start + offset)
            start += 4
    return bytes(raw)


def _patched_sizes(data, name, declared):
    """The zip with ``name``'s uncompressed size rewritten to ``declared``."""
    return _patch_headers(data, name, 22, 24, lambda raw, at: struct.pack_into("<I", raw, at, declared))


def _declares_huge_size():
    return _patched_sizes(quiz_package(**{"content/notes.txt": "Bonjour"}), "content/notes.txt", 200 * 1024 * 1024)


def _declares_less_than_it_holds():
    return _patched_sizes(quiz_package(**{"content/notes.txt": "Bonjour " * 2000}), "content/notes.txt", 100)


def _high_ratio():
    return quiz_package(**{"content/padding.json": " " * (12 * 1024 * 1024)})


def _many_files():
    files = quiz_files()
    files.update({f"content/f{i}.txt": "" for i in range(20_000)})
    return build(files)


def _raw(name, data="x"):
    info = zipfile.ZipInfo(name)
    return build(quiz_files(), infos=[(info, data)])


def _encrypted():
    """A member flagged as encrypted (general purpose bit 0)."""
    data = quiz_package(**{"content/secret.json": "{}"})
    return _patch_headers(data, "content/secret.json", 6, 8, lambda raw, at: raw.__setitem__(at, raw[at] | 0x1))


def _duplicate():
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return build(quiz_files(), infos=[(zipfile.ZipInfo("content/content.json"), "{}")])


def _misnamed_library():
    files = quiz_files()
    for name in [n for n in files if n.startswith(QUIZ_LIBRARY)]:
        files[name.replace("-1.0", "-2.0")] = files.pop(name)
    return build(files)


# name: (bytes of the package, a part of the message the trainer reads)
BAD_PACKAGES = {
    "not_a_zip": (lambda: b"%PDF-1.4 this is not a zip archive", "not a zip archive"),
    "empty": (lambda: b"", "The file is empty"),
    "zip_bomb_ratio": (_high_ratio, "zip bomb"),
    "declares_huge_size": (_declares_huge_size, "each file may take 16 MB at most"),
    "declares_less_than_it_holds": (_declares_less_than_it_holds, "is damaged"),
    "dot_dot_path": (lambda: _raw("content/../../evil.json"), "paths that leave their folder"),
    "parent_path": (lambda: _raw("../evil.json"), "paths that leave their folder"),
    "absolute_path": (lambda: _raw("/etc/evil.json"), "absolute paths are not allowed"),
    "drive_path": (lambda: _raw("C:/evil.json"), "absolute paths are not allowed"),
    "backslash": (lambda: _raw("content\\evil.json"), "backslash"),
    "symlink": (_symlink, "symbolic link"),
    "php_file": (lambda: quiz_package(**{"content/shell.php": "<?php system($_GET['c']);"}), "(.php)"),
    "html_file": (lambda: quiz_package(**{f"{QUIZ_LIBRARY}/page.html": "<script>alert(1)</script>"}), "(.html)"),
    "javascript_in_content": (lambda: quiz_package(**{"content/evil.js": "alert(1)"}), "never JavaScript"),
    "svg_in_content": (lambda: quiz_package(**{"content/image.svg": "<svg onload='alert(1)'/>"}), "(.svg)"),
    "hidden_file": (lambda: quiz_package(**{"content/.htaccess": "Options +ExecCGI"}), "starting with « . » or « _ »"),
    "macos_folder": (lambda: quiz_package(**{"__MACOSX/h5p.json": "{}"}), "starting with « . » or « _ »"),
    "stray_root_file": (lambda: quiz_package(**{"readme.txt": "hello"}), "has no place at the root"),
    "no_h5p_json": (lambda: quiz_package(**{"h5p.json": None}), "no h5p.json"),
    "h5p_json_not_json": (lambda: quiz_package(**{"h5p.json": "{title: 'x',"}), "« h5p.json » is not valid JSON"),
    "h5p_json_without_title": (
        lambda: quiz_package(**{"h5p.json": json.dumps({**json.loads(h5p_json()), "title": ""})}), "no title"),
    "h5p_json_missing_library": (
        lambda: quiz_package(**{"h5p.json": h5p_json(dependencies=(("H5P.PasserelleQuiz", 1, 0),
                                                                   ("H5P.Missing", 1, 2)))}),
        "needs the library « H5P.Missing-1.2 »"),
    "main_library_not_listed": (lambda: quiz_package(**{"h5p.json": h5p_json(main="H5P.Other")}),
                                "does not list it"),
    "no_content_json": (lambda: quiz_package(**{"content/content.json": None}), "no content/content.json"),
    "content_json_not_json": (lambda: quiz_package(**{"content/content.json": "[oops"}), "is not valid JSON"),
    "library_folder_mismatch": (_misnamed_library, "does not match its library.json"),
    "library_without_library_json": (lambda: quiz_package(**{f"{QUIZ_LIBRARY}/library.json": None}),
                                     "has no library.json"),
    "library_missing_its_script": (lambda: quiz_package(**{f"{QUIZ_LIBRARY}/quiz.js": None}),
                                   "the library does not hold it"),
    "library_dependency_missing": (
        lambda: quiz_package(**{f"{QUIZ_LIBRARY}/library.json": library_json(
            "H5P.PasserelleQuiz", js=["quiz.js"], dependencies=[("H5P.JoubelUI", 1, 3)])}),
        "needs the library « H5P.JoubelUI-1.3 »"),
    "many_tiny_files": (_many_files, "may hold 10000 at most"),
    "encrypted": (_encrypted, "is encrypted"),
    "duplicate_name": (_duplicate, "twice"),
    "file_and_folder": (lambda: quiz_package(**{"content/images/enveloppe.png/x.png": b"x"}),
                        "both a file and a folder"),
}
