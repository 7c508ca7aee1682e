from django import template

register = template.Library()


@register.filter
def duration(seconds):
    """1234 -> "20 min 34 s"; 45 -> "45 s"."""
    try:
        seconds = int(seconds)
    except (TypeError, ValueError):
        return ""
    minutes, seconds = divmod(max(seconds, 0), 60)
    if minutes >= 60:
        hours, minutes = divmod(minutes, 60)
        return f"{hours} h {minutes} min"
    return f"{minutes} min {seconds} s" if minutes else f"{seconds} s"


@register.filter
def percent(share):
    """0.625 -> "63%"; None -> "–"."""
    if share is None:
        return "–"
    return f"{round(share * 100)}%"
