"""The one Markdown pipeline: Markdown -> HTML with MathML -> sanitised by nh3.

It runs when content is saved (and for the live preview), never while a page is served; templates
print the stored result.

Hostile text cannot hurt it. The parser is markdown-it-py, a CommonMark parser built to stay linear
on pathological input, with nesting capped at MAX_NESTING. What could still cost much is bounded
by a budget: text past MAX_MARKDOWN_LENGTH is refused by the forms and cut here; a flood of `[`
turns link parsing off; math expressions past a length or a count are shown as code. And if
anything still fails, the text is shown escaped, never an error.
"""

import html
import logging
import re
import xml.etree.ElementTree as etree

import nh3
from latex2mathml.converter import convert as latex_to_mathml
from markdown_it import MarkdownIt

# `$x$`: no space right after the opening dollar, no space right before the closing one and no word
# character right after it, so "$50K to $180K" stays prose. A formula may open with a digit
# (`$14 \times 25 = 350$`) when it holds a sign of LaTeX (\ ^ _ { } =), which prices do not.
INLINE_MATH = r"(?<![\\$\w])\$(?![\s$])((?!\d)[^$\n]+?|\d[^$\n]*?[\\^_{}=][^$\n]*?)(?<![\s\\])\$(?![\w$])"
INLINE_MATH_AT = re.compile(INLINE_MATH)
DISPLAY_MATH_ONE_LINE = re.compile(r"^\$\$(?P<body>[^\n]+?)\$\$[ \t]*$")
DISPLAY_MATH_FENCE = re.compile(r"^\$\$[ \t]*$")

# The budget. The longest Markdown anyone may save: reader answers are capped lower (practice.limits),
# staff fields by their model fields; this is the hard stop for anything else.
MAX_MARKDOWN_LENGTH = 50_000
# Lists in lists in quotes...: deeper than this renders as plain paragraphs.
MAX_NESTING = 20
# Past this many `[`, the text is not a document with links but a flood: links are not parsed.
MAX_LINK_BRACKETS = 500
# A formula longer than this, or past this many in one text, is shown as code.
MAX_MATH_LENGTH = 2_000
MAX_MATH_COUNT = 300

logger = logging.getLogger(__name__)

MATHML_TAGS = {
    "math",
    "semantics",
    "annotation",
    "mrow",
    "mi",
    "mn",
    "mo",
    "ms",
    "mtext",
    "mspace",
    "msub",
    "msup",
    "msubsup",
    "mfrac",
    "msqrt",
    "mroot",
    "mover",
    "munder",
    "munderover",
    "mtable",
    "mtr",
    "mtd",
    "mstyle",
    "menclose",
    "mpadded",
    "mphantom",
    "merror",
}
MATHML_ATTRIBUTES = {
    "display",
    "mathvariant",
    "stretchy",
    "fence",
    "separator",
    "lspace",
    "rspace",
    "accent",
    "accentunder",
    "linethickness",
    "minsize",
    "maxsize",
    "movablelimits",
    "largeop",
    "symmetric",
    "form",
    "width",
    "height",
    "depth",
    "notation",
    "scriptlevel",
    "displaystyle",
    "columnalign",
    "rowspacing",
    "columnspacing",
    "encoding",
}
HTML_TAGS = {
    "p",
    "br",
    "hr",
    "strong",
    "em",
    "b",
    "i",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "sup",
    "sub",
    "del",
    "dl",
    "dt",
    "dd",
    "span",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "code": {"class"},
    "th": {"align"},
    "td": {"align"},
    "ol": {"start"},
    **{tag: MATHML_ATTRIBUTES for tag in MATHML_TAGS},
}


def _mathml(latex, display):
    try:
        return latex_to_mathml(latex.strip(), display="block" if display else "inline")
    except Exception:  # latex2mathml raises many types (RecursionError too) on malformed input.
        return f"<code>{html.escape(latex)}</code>"


def _math_inline_rule(state, silent):
    """`$x$` inline; the same rule as INLINE_MATH, so `$50K` stays prose."""
    if state.src[state.pos] != "$":
        return False
    match = INLINE_MATH_AT.match(state.src, state.pos)
    if not match:
        return False
    if not silent:
        token = state.push("math_inline", "math", 0)
        token.content = match.group(1)
    state.pos = match.end()
    return True


def _math_block_rule(state, start_line, end_line, silent):
    """`$$ ... $$` on one line, or `$$` alone on a line, the formula, then `$$` alone on a line."""
    start = state.bMarks[start_line] + state.tShift[start_line]
    first = state.src[start : state.eMarks[start_line]]
    if not first.startswith("$$"):
        return False
    one_line = DISPLAY_MATH_ONE_LINE.match(first)
    if one_line:
        body, last = one_line.group("body"), start_line
    elif DISPLAY_MATH_FENCE.match(first):
        last = start_line + 1
        while last < end_line:
            line = state.src[state.bMarks[last] + state.tShift[last] : state.eMarks[last]]
            if DISPLAY_MATH_FENCE.match(line):
                break
            last += 1
        else:
            return False
        body = "\n".join(
            state.src[state.bMarks[n] + state.tShift[n] : state.eMarks[n]]
            for n in range(start_line + 1, last)
        )
    else:
        return False
    if not silent:
        token = state.push("math_block", "math", 0)
        token.content = body
        token.map = [start_line, last + 1]
        token.block = True
    state.line = last + 1
    return True


class _MathBudget:
    """Counts the formulas of one text: past the budget they are shown as code, not converted."""

    def __init__(self):
        self.used = 0

    def render(self, latex, display):
        self.used += 1
        if self.used > MAX_MATH_COUNT or len(latex) > MAX_MATH_LENGTH:
            return f"<code>{html.escape(latex)}</code>"
        return _mathml(latex, display)


def _table_cell_open(self, tokens, idx, options, env):
    """Table alignment as the `align` attribute (the sanitiser keeps it; it drops `style`)."""
    token = tokens[idx]
    style = token.attrs.pop("style", "")
    if isinstance(style, str) and style.startswith("text-align:"):
        token.attrs["align"] = style.split(":", 1)[1]
    return self.renderToken(tokens, idx, options, env)


SAFE_LINK = re.compile(r"^(https?://|mailto:|#|/(?!/))", re.IGNORECASE)


def _is_safe_link(url):
    """Links go to the web, to an e-mail address, or within this site; anything else stays text."""
    return bool(SAFE_LINK.match(url.strip()))


def _parser(links=True):
    md = MarkdownIt("commonmark", {"html": False, "maxNesting": MAX_NESTING}).enable(
        ["table", "strikethrough"]
    )
    md.validateLink = _is_safe_link
    if not links:
        md.disable(["link", "image", "reference"])
    md.inline.ruler.before("emphasis", "math_inline", _math_inline_rule)
    # A formula may follow a line of text directly (no blank line between), as it usually does in answers.
    md.block.ruler.before("paragraph", "math_block", _math_block_rule, {"alt": ["paragraph"]})
    md.add_render_rule(
        "math_inline", lambda self, tokens, idx, options, env: env["math"].render(tokens[idx].content, False)
    )
    md.add_render_rule(
        "math_block",
        lambda self, tokens, idx, options, env: env["math"].render(tokens[idx].content, True) + "\n",
    )
    md.add_render_rule("th_open", _table_cell_open)
    md.add_render_rule("td_open", _table_cell_open)
    return md


PARSER = _parser()
PARSER_WITHOUT_LINKS = _parser(links=False)


def sanitise_html(dirty):
    return nh3.clean(
        dirty,
        tags=HTML_TAGS | MATHML_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def render_markdown(text):
    """Markdown source -> safe HTML, ready to store and print with |safe. Never raises."""
    if not text or not text.strip():
        return ""
    text = text[:MAX_MARKDOWN_LENGTH]
    parser = PARSER if text.count("[") <= MAX_LINK_BRACKETS else PARSER_WITHOUT_LINKS
    try:
        rendered = parser.render(text, {"math": _MathBudget()})
    except Exception:  # RecursionError or worse: show the words, escaped, and say so in the log.
        logger.warning("Markdown could not be rendered; showing it escaped", exc_info=True)
        rendered = f"<pre>{html.escape(text)}</pre>"
    return sanitise_html(rendered).rstrip("\n")


def render_inline_markdown(text):
    """One line of Markdown (a key point, a follow-up) -> safe HTML without the wrapping paragraph."""
    rendered = render_markdown(text).strip()
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        rendered = rendered[3:-4]
    return rendered


def html_to_text(rendered):
    """Plain words of stored HTML, for the search index."""
    if not rendered:
        return ""
    try:
        words = "".join(etree.fromstring(f"<div>{rendered}</div>").itertext())
    except etree.ParseError:
        words = re.sub(r"<[^>]+>", " ", rendered)
    return " ".join(html.unescape(words).split())
