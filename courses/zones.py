"""Target zones on an image: rectangles in fractions of the image (0–1), so they hold at any size."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

EDGE = 1e-6  # rounding of fractions computed in the browser


@dataclass(frozen=True)
class Zone:
    x: float
    y: float
    w: float
    h: float

    def contains(self, px: float, py: float) -> bool:
        return self.x <= px <= self.x + self.w and self.y <= py <= self.y + self.h


def zones_from_value(value) -> list[Zone]:
    """Parse and check a list of ``{"x", "y", "w", "h"}`` dicts; raise ValidationError if unusable."""
    if not isinstance(value, list) or not value:
        raise ValidationError(_("Draw at least one target zone on the image."))
    zones = []
    for item in value:
        try:
            zone = Zone(*(float(item[k]) for k in ("x", "y", "w", "h")))
        except (KeyError, TypeError, ValueError):
            raise ValidationError(_("A target zone is damaged; draw it again.")) from None
        inside = zone.x + zone.w <= 1 + EDGE and zone.y + zone.h <= 1 + EDGE
        if not (0 <= zone.x < 1 and 0 <= zone.y < 1 and 0 < zone.w <= 1 and 0 < zone.h <= 1 and inside):
            raise ValidationError(_("A target zone lies outside the image; draw it again."))
        zones.append(zone)
    return zones


def point_in_zones(zones, px: float, py: float) -> bool:
    return any(zone.contains(px, py) for zone in zones)
