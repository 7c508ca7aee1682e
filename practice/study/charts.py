"""Numbers -> geometry for the dashboard's SVG charts, drawn on the server (no JavaScript), and the
rows of the tables that give their numbers."""

from dataclasses import dataclass

from django.utils.dates import MONTHS_3, WEEKDAYS_ABBR


def _svg_number(value):
    """12.0 -> "12", 3.25 -> "3.2": an SVG attribute, written once here rather than localised by the
    template for each of a chart's hundreds of numbers (a tenth of the dashboard's rendering time)."""
    return f"{value:.1f}".removesuffix(".0")


@dataclass
class Bar:
    x: str
    y: str
    width: str
    height: str
    label: str
    value: int


def column_chart(points, *, width=720, height=140):
    """[(label, value)] -> bars scaled to the tallest one, ready for <rect> attributes."""
    if not points:
        return []
    tallest = max(value for _, value in points) or 1
    step = width / len(points)
    bar_width = max(step - 2, 1)
    bars = []
    for index, (label, value) in enumerate(points):
        bar_height = round(height * value / tallest, 1)
        bars.append(
            Bar(
                x=_svg_number(index * step),
                y=_svg_number(height - bar_height),
                width=_svg_number(bar_width),
                height=_svg_number(bar_height),
                label=label,
                value=value,
            )
        )
    return bars


def percent(share):
    return None if share is None else round(share * 100)


def day_rows(days, *, skip_empty=False):
    """[(date, count)] -> [(date, "Mon 3 Mar", count)] for a chart's table, as the template's
    `date:"D j M"` would write them. The names are translated once per call, not once per row: the
    activity table's 90 dates through the date filter were a fifth of the dashboard's rendering."""
    weekdays = {number: str(name) for number, name in WEEKDAYS_ABBR.items()}
    months = {number: str(name).title() for number, name in MONTHS_3.items()}
    return [
        (day, f"{weekdays[day.weekday()]} {day.day} {months[day.month]}", count)
        for day, count in days
        if count or not skip_empty
    ]
