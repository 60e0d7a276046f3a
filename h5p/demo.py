"""The demo's H5P activities, made here (no package from elsewhere): ``H5P.PasserelleTiles``, a
minimal content type written for Passerelle (a ``library.json`` and a few lines of JavaScript),
and French content for it, packed into a ``.h5p`` in memory and uploaded like a trainer's file.

The demo loader (``courses/demo``) names a step's package by its key here, e.g.
``("h5p", {"package": "reponse-a-sophie", ...})``, and calls ``demo_package_ensure(key)`` by
string (courses imports nothing of this app). It is idempotent: a package already loaded (same
title, same content type) is reused."""

import io
import json
import zipfile
from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile

from . import services
from .models import H5PPackage

MACHINE_NAME = "H5P.PasserelleTiles"
MAJOR, MINOR, PATCH = 1, 0, 0
LIBRARY_DIR = f"{MACHINE_NAME}-{MAJOR}.{MINOR}"

# Tap the tiles in order to build the answer. When every tile is placed the activity reports an
# xAPI « answered » scored by the tiles in their right place; « Recommencer » starts again (a pass
# after a fail counts). The state saved is the tiles placed so far.
TILES_JS = r"""
var H5P = H5P || {};
H5P.PasserelleTiles = (function ($) {
  "use strict";

  function Tiles(params, contentId, extras) {
    H5P.EventDispatcher.call(this);
    this.params = params;
    var count = params.tiles.length;
    var state = extras && extras.previousState;
    var placed = state && Array.isArray(state.placed) ? state.placed : [];
    this.placed = placed.filter(function (i, at) {
      return typeof i === "number" && i >= 0 && i < count && placed.indexOf(i) === at;
    });
  }
  Tiles.prototype = Object.create(H5P.EventDispatcher.prototype);
  Tiles.prototype.constructor = Tiles;

  Tiles.prototype.attach = function ($container) {
    var p = this.params;
    $container.addClass("passerelle-tiles").empty();
    $("<p>", {"class": "passerelle-tiles__prompt", text: p.prompt}).appendTo($container);
    this.$answer = $("<ol>", {"class": "passerelle-tiles__answer", "aria-label": p.answerLabel}).appendTo($container);
    this.$pool = $("<div>", {"class": "passerelle-tiles__pool"}).appendTo($container);
    this.$feedback = $("<p>", {"class": "passerelle-tiles__feedback", role: "status"}).appendTo($container);
    this.$retry = $("<button>", {type: "button", "class": "passerelle-tiles__retry", text: p.retry})
      .on("click", this.restart.bind(this)).appendTo($container);
    this.render();
  };

  Tiles.prototype.score = function () {
    return this.placed.filter(function (tile, at) { return tile === at; }).length;
  };

  Tiles.prototype.render = function () {
    var self = this, p = this.params, done = this.placed.length === p.tiles.length;
    this.$answer.empty();
    this.placed.forEach(function (tile) { $("<li>", {text: p.tiles[tile]}).appendTo(self.$answer); });
    this.$pool.empty();
    p.shown.forEach(function (tile) {
      if (self.placed.indexOf(tile) >= 0) return;
      $("<button>", {type: "button", "class": "passerelle-tiles__tile", text: p.tiles[tile]})
        .on("click", function () { self.place(tile); }).appendTo(self.$pool);
    });
    var right = done && this.score() === p.tiles.length;
    this.$feedback.text(done ? (right ? p.right : p.wrong) : "");
    this.$feedback.toggleClass("passerelle-tiles__feedback--right", right);
    this.$retry.prop("hidden", !done || right);
    this.trigger("resize");
  };

  Tiles.prototype.place = function (tile) {
    if (this.placed.indexOf(tile) >= 0) return;
    this.placed.push(tile);
    this.render();
    var count = this.params.tiles.length;
    if (this.placed.length === count) {
      var score = this.score();
      this.triggerXAPIScored(score, count, "answered", true, score === count);
    }
  };

  Tiles.prototype.restart = function () {
    this.placed = [];
    this.render();
    var first = this.$pool.find("button").get(0);
    if (first) first.focus();
  };

  Tiles.prototype.getCurrentState = function () { return {placed: this.placed}; };

  return Tiles;
})(H5P.jQuery);
"""

TILES_CSS = """
.passerelle-tiles { font: 1.2rem/1.5 system-ui, sans-serif; padding: 0.5rem; }
.passerelle-tiles__answer { min-height: 3rem; border: 2px dashed #6b7280; border-radius: 0.5rem; padding: 0.5rem 2rem; }
.passerelle-tiles__pool { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 1rem 0; }
.passerelle-tiles__tile, .passerelle-tiles__retry { font: inherit; min-height: 3rem; padding: 0.5rem 1rem;
  border: 2px solid #1f5f8b; border-radius: 0.5rem; background: #fff; color: #1f5f8b; }
.passerelle-tiles__feedback { font-weight: bold; color: #a3281c; }
.passerelle-tiles__feedback--right { color: #1e7b46; }
"""


@dataclass(frozen=True)
class Activity:
    title: str
    prompt: str
    tiles: tuple  # in the right order
    shown: tuple  # the order the tiles are offered in (indices of ``tiles``)
    right: str
    wrong: str
    retry: str = "Recommencer"
    answer_label: str = "Ta réponse"

    def content(self):
        return {
            "prompt": self.prompt, "tiles": list(self.tiles), "shown": list(self.shown), "right": self.right,
            "wrong": self.wrong, "retry": self.retry, "answerLabel": self.answer_label,
        }


DEMO_ACTIVITIES = {
    "reponse-a-sophie": Activity(
        title="Répondre à Sophie : remets la réponse dans l'ordre",
        prompt="Amina répond à Sophie. Touche les morceaux dans l'ordre pour écrire sa réponse.",
        tiles=("Bonjour Sophie,", "Merci pour votre message.", "Je viens lundi à 10 heures.",
               "Bonne journée,", "Amina"),
        shown=(2, 4, 0, 3, 1),
        right="Bravo ! On dit bonjour, on écrit le message, on dit au revoir, puis on signe.",
        wrong="Pas encore. Une réponse commence par « Bonjour » et finit par ton prénom. Touche « Recommencer ».",
    ),
}


def _library_json():
    return {
        "title": "Passerelle tiles", "machineName": MACHINE_NAME, "majorVersion": MAJOR, "minorVersion": MINOR,
        "patchVersion": PATCH, "runnable": 1, "license": "MIT", "author": "Passerelle",
        "embedTypes": ["iframe", "div"], "preloadedJs": [{"path": "tiles.js"}],
        "preloadedCss": [{"path": "tiles.css"}],
    }


def _h5p_json(activity):
    return {
        "title": activity.title, "language": "fr", "mainLibrary": MACHINE_NAME, "embedTypes": ["div"],
        "license": "U",
        "preloadedDependencies": [{"machineName": MACHINE_NAME, "majorVersion": MAJOR, "minorVersion": MINOR}],
    }


def activity_package(activity) -> bytes:
    """The ``.h5p`` file of an activity: its h5p.json, its content and the tiles library."""
    files = {
        "h5p.json": json.dumps(_h5p_json(activity), ensure_ascii=False),
        "content/content.json": json.dumps(activity.content(), ensure_ascii=False),
        f"{LIBRARY_DIR}/library.json": json.dumps(_library_json()),
        f"{LIBRARY_DIR}/tiles.js": TILES_JS,
        f"{LIBRARY_DIR}/tiles.css": TILES_CSS,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def demo_package_ensure(key) -> H5PPackage:
    """The demo activity ``key``, checked and unpacked like any upload the first time, then reused."""
    activity = DEMO_ACTIVITIES[key]
    found = H5PPackage.objects.filter(title=activity.title, main_library=MACHINE_NAME).order_by("pk").first()
    if found is not None:
        return found
    upload = SimpleUploadedFile(f"{key}.h5p", activity_package(activity), content_type="application/zip")
    return services.h5p_package_create(uploaded_file=upload, by=None, title=activity.title)
