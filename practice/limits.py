"""Every size and time limit a reader meets, in one place: services enforce them, forms declare them,
templates print them (through the `practice_limits` context processor)."""

# A written answer, on the practise page and in a mock interview.
MAX_ANSWER_LENGTH = 20_000
# A private note on a question.
MAX_NOTE_LENGTH = 5_000
# Time counted for one answer; a longer gap is a reader who walked away.
MAX_SECONDS_ON_ANSWER = 6 * 60 * 60
# The study plan: the reader's daily time budget, in minutes.
MIN_MINUTES_PER_DAY = 0
MAX_MINUTES_PER_DAY = 480
DEFAULT_MINUTES_PER_DAY = 30
# FSRS desired retention: the chance of recalling a question when it comes back. Below 0.70 the gaps
# grow long enough to forget most of the bank; above 0.97 the reviews multiply for little gain.
MIN_RETENTION = 0.70
MAX_RETENTION = 0.97
DEFAULT_RETENTION = 0.9
# A practise-page draft saved as it is typed: the same length as an answer.
MAX_DRAFT_LENGTH = MAX_ANSWER_LENGTH
# A readiness quiz.
# The review queue shows the most overdue first, this many at a time; the rest follow as these are done.
REVIEW_QUEUE_SHOWN = 50

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


# Requests allowed before a 429, in django-ratelimit's notation ("count/period", period s, m, h or d),
# counted per signed-in reader, per address (IP) and, where the request sends mail, per e-mail address
# typed. Counters live in the cache (Redis in production, shared by every app server). A real reader
# never meets them: the mock autosave fires at most every 1.5 s per tab (40 a minute), the live preview
# once per pause in typing; a classroom behind one address stays under the per-address figures.
RATE_LIMITS = {
    "preview": {"reader": "120/m", "address": "1200/m"},
    "autosave": {"reader": "120/m", "address": "1200/m"},
    "draft": {"reader": "120/m", "address": "1200/m"},
    "signup": {"address": "30/h", "email": "5/h"},
    "password_reset": {"address": "30/h", "email": "5/h"},
}
# Log in: this many failed passwords for one account from one address lock that pair (django-axes).
LOGIN_FAILURES_BEFORE_LOCKOUT = 5
LOGIN_LOCKOUT_MINUTES = 15
# A sign-up's confirmation link works once, and for this long.
CONFIRMATION_LINK_DAYS = 3
