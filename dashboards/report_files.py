"""The funders' report as files: an XLSX workbook (one sheet per table) and a PDF (WeasyPrint) drawn from
the same template as the page, charts included. Small counts are « < 5 » in both."""

from dataclasses import dataclass

import tablib
from django.template.loader import render_to_string
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import gettext as _

from . import charts
from .counts import shown_count
from .exports import cell


def report_charts(indicators) -> dict:
    return {
        "months": charts.completed_by_month_svg(indicators.completed_by_month),
        "levels": charts.certificates_by_level_svg(indicators.certificates_by_level),
    }


def _sheet(title, headers, rows):
    data = tablib.Dataset(headers=[cell(h) for h in headers], title=title[:31])
    for row in rows:
        data.append([cell(v) for v in row])
    return data


def headline_rows(indicators):
    rows = [
        (_("Active learners"), shown_count(indicators.active_learners)),
        (_("New learners"), shown_count(indicators.new_learners)),
        (_("Lessons completed"), indicators.lessons_completed), (_("Learning hours"), indicators.learning_hours),
        (_("Certificates"), indicators.certificates),
    ]
    if indicators.community:
        figures = indicators.community
        rows += [
            (_("Community sessions"), figures["sessions"]),
            (_("People who came to a session"), shown_count(figures["attendees"])),
            (_("Active référents"), shown_count(figures["referents"])),
            (_("Hours given by référents"), figures["referent_hours"]),
        ]
    return rows


@dataclass
class Table:
    title: str
    rows: list  # (label, [one value per column])
    people: bool = False  # counts of people: small ones are shown as « < 5 »


def _pairs_table(title, columns, pairs_of, people):
    labels, values = [], []
    for _name, indicators in columns:
        pairs = dict(pairs_of(indicators))
        values.append(pairs)
        labels += [label for label in pairs if label not in labels]
    show = shown_count if people else (lambda n: n)
    return Table(title, [(label, [show(v.get(label, 0)) for v in values]) for label in labels], people)


def report_tables(columns) -> list[Table]:
    """The report's tables, one value per column (a centre, or each centre of a network then the total)."""
    headline = [dict(headline_rows(indicators)) for _name, indicators in columns]
    return [
        Table(_("Indicators"), [(label, [h.get(label) for h in headline]) for label in headline[0]]),
        _pairs_table(_("Certificates by level"), columns, lambda i: i.certificates_by_level, False),
        _pairs_table(_("Outcomes (learners)"), columns, lambda i: [(k.label, n) for k, n in i.outcomes], True),
        _pairs_table(_("Gender (learners who consented)"), columns, lambda i: i.genders, True),
        _pairs_table(_("Age band (learners who consented)"), columns, lambda i: i.age_bands, True),
        _pairs_table(_("Languages spoken (active learners)"), columns, lambda i: i.languages, True),
    ]


def period_text(period):
    return f"{formats.date_format(period.start, 'Y-m-d')} – {formats.date_format(period.end, 'Y-m-d')}"


def period_html(period):
    """The period isolated left to right: on an Arabic page « 2026-01-01 – 2026-12-03 » would otherwise be
    reordered by the bidi algorithm into digits groups read backwards."""
    return format_html('<bdi dir="ltr" class="ltr">{}</bdi>', period_text(period))


def report_xlsx(*, title, period, columns) -> bytes:
    """One sheet per table of ``report_tables``, a column per centre; the period heads the first sheet."""
    names = [name for name, _i in columns]
    book = tablib.Databook()
    for number, table in enumerate(report_tables(columns)):
        rows = [(label, *values) for label, values in table.rows]
        if number == 0:
            rows.insert(0, (_("Period"), *[period_text(period)] * len(columns)))
        book.add_sheet(_sheet(table.title, [title, *names], rows))
    return book.export("xlsx")


def report_pdf(context) -> bytes:
    from weasyprint import HTML  # imported here: it loads Pango when first used

    return HTML(string=render_to_string("dashboards/report_pdf.html", context)).write_pdf()
