"""The report's charts, drawn as SVG on the server by pygal: the page and the PDF show the same drawing,
and no script runs in it."""

import pygal
from django.utils import formats
from django.utils.translation import gettext as _
from pygal.style import Style

STYLE = Style(
    background="#ffffff", plot_background="#ffffff", foreground="#1b1f24", foreground_strong="#1b1f24",
    foreground_subtle="#4d5660", colors=("#1f5f8b", "#1e7b46", "#a3281c", "#7a3d00"),
    font_family="DejaVu Sans, Noto Sans, Noto Sans Arabic, sans-serif",
    label_font_size=12, major_label_font_size=12, value_font_size=12, title_font_size=15,
)
CHART_SIZE = {"width": 640, "height": 300}


def _integer_ticks(values, steps=5):
    top = max(values, default=0) or 1
    step = max(1, -(-top // steps))
    return list(range(0, top + step, step))


def _bar(title, labels, values):
    """A bar chart without a title or words of ours inside (its title is the page's caption): the PDF
    renderer draws SVG text left to right, so text in Arabic would come out unshaped."""
    chart = pygal.Bar(
        style=STYLE, show_legend=False, js=[], disable_xml_declaration=True, print_values=True,
        x_label_rotation=0, truncate_label=-1, **CHART_SIZE,
    )
    chart.x_labels = labels
    chart.y_labels = _integer_ticks(values)
    chart.add(title, values)
    return chart.render(is_unicode=True)


def completed_by_month_svg(months) -> str:
    """Lessons completed per month, as an inline SVG (empty string when there is nothing to draw)."""
    if not months:
        return ""
    return _bar(_("Lessons completed per month"), [formats.date_format(m, "m/Y") for m, _n in months],
                [n for _m, n in months])


def certificates_by_level_svg(levels) -> str:
    if not levels:
        return ""
    return _bar(_("Certificates by level"), [name for name, _n in levels], [n for _name, n in levels])
