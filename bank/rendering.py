"""The one Markdown pipeline: Markdown -> HTML with MathML -> sanitised by nh3.

It runs when content is saved, never while a page is served; templates print the stored result.
"""

import html
import re
import xml.etree.ElementTree as etree

import markdown
import nh3
from latex2mathml.converter import convert as latex_to_mathml
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.preprocessors import Preprocessor

# `$x$`: no space or digit right after the opening dollar, no space right before the closing one and no
# word character right after it, so "$50K to $180K" stays prose.
INLINE_MATH = r"(?<![\\$\w])\$(?![\s\d$])([^$\n]+?)(?<![\s\\])\$(?![\w$])"
DISPLAY_MATH = re.compile(r"^\$\$[ \t]*\n(?P<body>.+?)\n\$\$[ \t]*$", re.MULTILINE | re.DOTALL)
DISPLAY_MATH_ONE_LINE = re.compile(r"^\$\$(?P<body>[^\n]+?)\$\$[ \t]*$", re.MULTILINE)

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
    except Exception:  # latex2mathml raises many types on malformed input; show the source instead.
        return f"<code>{html.escape(latex)}</code>"


class InlineMathProcessor(InlineProcessor):
    def handleMatch(self, m, data):  # noqa: N802 - Markdown's API name
        placeholder = self.md.htmlStash.store(_mathml(m.group(1), display=False))
        return placeholder, m.start(0), m.end(0)


class DisplayMathPreprocessor(Preprocessor):
    """Turns `$$ ... $$` blocks into MathML. Runs after fenced code has been set aside."""

    def run(self, lines):
        text = "\n".join(lines)

        def replace(match):
            return "\n\n" + self.md.htmlStash.store(_mathml(match.group("body"), display=True)) + "\n\n"

        text = DISPLAY_MATH.sub(replace, text)
        text = DISPLAY_MATH_ONE_LINE.sub(replace, text)
        return text.split("\n")


class MathExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 - Markdown's API name
        md.preprocessors.register(DisplayMathPreprocessor(md), "display_math", 20)
        # Above emphasis (60) so `_` and `*` inside math stay math; below code spans (190).
        md.inlinePatterns.register(InlineMathProcessor(INLINE_MATH, md), "inline_math", 185)


def _markdown():
    return markdown.Markdown(
        extensions=[
            "fenced_code",
            "sane_lists",
            "tables",
            MathExtension(),
        ],
        extension_configs={"tables": {"use_align_attribute": True}},
        output_format="html",
    )


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
    """Markdown source -> safe HTML, ready to store and print with |safe."""
    if not text or not text.strip():
        return ""
    return sanitise_html(_markdown().convert(text))


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
