"""Target zones on an image: rectangles in fractions of the image (0–1), so they hold at any size."""

import json
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


ZONE_KEYS = ("x", "y", "w", "h")


def _as_browser_number(value):
    # JSON.stringify writes 1.0 as 1 (Python's json writes 1.0).
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _as_browser_zone(item):
    if not isinstance(item, dict):
        return item
    known = {key: _as_browser_number(item[key]) for key in ZONE_KEYS if key in item}
    return {**known, **{key: value for key, value in item.items() if key not in known}}


def zones_json(value) -> str:
    """The zones as the zone editor writes them (``JSON.stringify`` of x, y, w, h in that order), so an
    untouched value goes back to the server byte for byte and the editor never sees a change that is
    only a matter of spaces, key order or ``1.0`` against ``1``."""
    zones = [_as_browser_zone(item) for item in value] if isinstance(value, list) else (value or [])
    return json.dumps(zones, separators=(",", ":"), ensure_ascii=False)
