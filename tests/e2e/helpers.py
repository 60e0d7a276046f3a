"""What the browser tests use besides fixtures: translations, axe-core, screenshots, an enrolled tablet."""

import html
import json
import os
from pathlib import Path

from django.conf import settings
from django.template import Context, Template
from django.utils import translation

from centres import services as centres_services

from .requirements import required

AXE_JS = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
SCREENS = Path(os.environ.get("PASSERELLE_SCREENS", "/tmp/screens"))
BLOCKING_IMPACTS = {"serious", "critical"}


def t(message, language, **values):
    """A ``{% translate %}`` message as a page in ``language`` shows it (the msgid until translated),
    with ``%(name)s`` placeholders filled the way the player's JavaScript fills them."""
    with translation.override(language):
        # Unescaped: the browser shows « l'étape », the template writes « l&#x27;étape ».
        text = html.unescape(Template("{% load i18n %}{% translate message %}").render(Context({"message": message})))
    for name, value in values.items():
        text = text.replace(f"%({name})s", str(value))
    return text.replace("%%", "%") if values else text


def tb(message, language, **values):
    """A ``{% blocktranslate %}`` message with its variables, as a page in ``language`` shows it."""
    with translation.override(language):
        return translation.gettext(message) % values


def check_accessibility(page, where, *, strict=False):
    """axe-core inside the page: no serious or critical violation (``strict``: none of any impact)."""
    required("axe-core (npm ci)", AXE_JS)
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_JS.read_text())  # evaluated by the browser tools: the site's CSP blocks inline tags
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    blocking = [v for v in results["violations"] if strict or v["impact"] in BLOCKING_IMPACTS]
    minor = sorted(f"{v['id']} ({v['impact']})" for v in results["violations"] if v not in blocking)
    if minor:
        print(f"axe on {where}, not blocking: {', '.join(minor)}")
    report = [
        {"id": v["id"], "impact": v["impact"], "help": v["help"],
         "nodes": [{"target": n["target"], "summary": n.get("failureSummary", "")} for n in v["nodes"][:5]]}
        for v in blocking
    ]
    assert not blocking, f"accessibility problems on {where}:\n{json.dumps(report, indent=1, ensure_ascii=False)}"


def screenshot(page, name):
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENS / f"{name}.png"), full_page=False)


# Elements whose content must stay inside them (answer labels, choice cards, buttons, bars), measured by
# their bounding boxes in the page: ``page.evaluate(OVERFLOWS)`` lists those that overflow (empty: none).
OVERFLOWS = """() => {
  const shown = el => el.checkVisibility();
  const found = [];
  const width = document.documentElement.clientWidth;
  const boxes = '.choice, .choice__text, .button, .player__nav, .player__foot, .ordering__item, .feedback, .typed';
  for (const el of document.querySelectorAll(boxes)) {
    if (!shown(el)) continue;
    const box = el.getBoundingClientRect();
    if (el.scrollWidth > el.clientWidth + 1 || box.left < -1 || box.right > width + 1) {
      const where = `${Math.round(box.left)}..${Math.round(box.right)} of ${width}`;
      found.push(`${el.className}: ${el.textContent.trim().slice(0, 40)} (${where})`);
    }
  }
  return found;
}"""


def tablet_enrol(page, base_url, *, centre, name="Tablette 1"):
    """The browser of ``page`` becomes a tablet of ``centre``, enrolled by a manager; its device."""
    device, cookie = centres_services.device_enrol(centre=centre, name=name, by=None)
    page.context.add_cookies([{"name": centres_services.DEVICE_COOKIE, "value": cookie, "url": base_url}])
    return device
