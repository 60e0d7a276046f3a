"""``{% pictogram "name" %}``: one pictogram of the shared sprite, inline, drawn in the text colour.

- ``{% pictogram "back" label=True %}``: the pictogram, hidden from screen readers, then its word as a
  visible label (``label="…"`` shows that text instead): the label names the control.
- ``{% pictogram "back" decorative=True %}``: hidden from screen readers, for a control whose words
  are written next to it in the template.
- ``{% pictogram "back" %}``: stands alone, ``role="img"`` named by a translated ``<title>``.

Directional pictograms (arrows) are mirrored when the interface is right to left.
"""

from django import template
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import get_language_bidi

from core.pictograms import DIRECTIONAL, SPRITE, pictogram_word

register = template.Library()


def pictogram_classes(name, extra=""):
    classes = ["pictogram", f"pictogram--{name}"]
    if name in DIRECTIONAL and get_language_bidi():
        classes.append("pictogram--mirrored")
    if extra:
        classes.append(extra)
    return " ".join(classes)


@register.simple_tag
def pictogram(name, label=None, decorative=False, size=None, css_class=""):
    """``size`` in pixels sets width and height (the CSS default is 1.5em)."""
    word = pictogram_word(name)
    href = f"{static(SPRITE)}#{name}"
    dimensions = format_html(' width="{0}" height="{0}"', int(size)) if size else ""
    classes = pictogram_classes(name, css_class)
    if label or decorative:
        svg = format_html('<svg class="{}"{} aria-hidden="true" focusable="false"><use href="{}"/></svg>',
                          classes, dimensions, href)
        if not label:
            return svg
        text = word if label is True else label
        return format_html('{}<span class="pictogram-label">{}</span>', svg, text)
    return format_html('<svg class="{}"{} role="img" focusable="false"><title>{}</title><use href="{}"/></svg>',
                       classes, dimensions, word, href)
