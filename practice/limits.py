"""Every size and time limit a reader meets, in one place: services enforce them, forms declare them,
templates print them (through the `practice_limits` context processor)."""

# A written answer, on the practise page and in a mock interview.
MAX_ANSWER_LENGTH = 20_000
# A private note on a question.
MAX_NOTE_LENGTH = 5_000
# Time counted for one answer; a longer gap is a reader who walked away.
MAX_SECONDS_ON_ANSWER = 6 * 60 * 60
# A readiness quiz.
MAX_QUIZ_QUESTIONS = 20
# A mock interview.
MAX_MOCK_QUESTIONS = 10
MAX_MOCK_MINUTES = 180
# A suggestion to improve a sample answer (Markdown), and how many one reader may send.
MAX_SUGGESTION_LENGTH = 5_000
MAX_SUGGESTIONS_PER_DAY = 10
# "I was asked this": a company typed in, and how far back a report may go.
MAX_COMPANY_NAME_LENGTH = 100
MAX_REPORT_AGE_YEARS = 5
# A curator's reason for turning a suggestion or a report down.
MAX_REASON_LENGTH = 1_000


def as_context():
    """The limits for templates, e.g. {{ limits.MAX_NOTE_LENGTH }}."""
    return {name: value for name, value in globals().items() if name.startswith("MAX_")}
