"""The preset mock interview loops offered on the setup page."""

from dataclasses import dataclass, field

from bank.models import Kind


@dataclass(frozen=True)
class Preset:
    slug: str
    title: str
    description: str
    kinds: tuple[str, ...]
    count: int
    minutes_total: int
    topics: tuple[str, ...] = field(default=())


PRESETS = {
    preset.slug: preset
    for preset in [
        Preset(
            "system-design",
            "ML system design",
            "One open design scenario, 30 minutes: requirements, architecture, trade-offs, failure modes.",
            (Kind.SYSTEM_DESIGN,),
            1,
            30,
        ),
        Preset(
            "production-incident",
            "Production incident",
            "One debugging scenario, 20 minutes: something broke in production; find it and fix it.",
            (Kind.SCENARIO,),
            1,
            20,
            ("serving-and-inference", "monitoring-and-drift", "feature-stores-and-data-pipelines"),
        ),
        Preset(
            "concepts",
            "Concepts round",
            "Four quick concept questions, 5 minutes each.",
            (Kind.CONCEPT,),
            4,
            20,
        ),
        Preset(
            "behavioural",
            "Behavioural round",
            "Two behavioural questions, 10 minutes each: situation, task, action, result.",
            (Kind.BEHAVIOURAL,),
            2,
            20,
        ),
    ]
}
