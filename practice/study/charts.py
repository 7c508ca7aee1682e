"""Numbers -> geometry for the dashboard's SVG charts, drawn on the server (no JavaScript)."""

from dataclasses import dataclass


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
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
                x=round(index * step, 1),
                y=round(height - bar_height, 1),
                width=round(bar_width, 1),
                height=bar_height,
                label=label,
                value=value,
            )
        )
    return bars


def percent(share):
    return None if share is None else round(share * 100)
