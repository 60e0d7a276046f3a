"""`{% responsive_picture %}`: AVIF and WebP at the widths a tablet displays, lazy after the
first screen. It only reads renditions generated ahead (see ``courses.tasks``)."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from ..constants import (
    CHOICE_IMAGE_SIZES,
    CHOICE_IMAGE_WIDTHS,
    COVER_IMAGE_SIZES,
    COVER_IMAGE_WIDTHS,
    STEP_IMAGE_FORMATS,
    STEP_IMAGE_SIZES,
    STEP_IMAGE_WIDTHS,
)

register = template.Library()

ROLES = {
    "step": (STEP_IMAGE_WIDTHS, STEP_IMAGE_SIZES),
    "choice": (CHOICE_IMAGE_WIDTHS, CHOICE_IMAGE_SIZES),
    "cover": (COVER_IMAGE_WIDTHS, COVER_IMAGE_SIZES),
}


def _srcset(renditions):
    return ", ".join(f"{r.url} {r.width}w" for r in renditions)


@register.simple_tag
def responsive_picture(image, role="step", alt="", eager=False, css_class=""):
    if image is None:
        return ""
    widths, sizes = ROLES[role]
    specs = {f: [f"width-{w}|format-{f}" for w in widths] for f in STEP_IMAGE_FORMATS}
    renditions = image.get_renditions(*[s for group in specs.values() for s in group])
    by_format = {f: [renditions[s] for s in group] for f, group in specs.items()}
    sources = format_html_join(
        "", '<source type="image/{}" srcset="{}" sizes="{}">',
        ((f, _srcset(by_format[f]), sizes) for f in STEP_IMAGE_FORMATS[:-1]),
    )
    fallback = by_format[STEP_IMAGE_FORMATS[-1]]
    largest = fallback[-1]
    return format_html(
        '<picture>{}<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" '
        'class="{}" decoding="async"{}></picture>',
        sources, largest.url, _srcset(fallback), sizes, largest.width, largest.height, alt,
        css_class, "" if eager else mark_safe(' loading="lazy"'),  # noqa: S308 - constant
    )
