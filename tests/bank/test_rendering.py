from bank.rendering import html_to_text, render_markdown


def test_it_renders_tables_fenced_code_and_lists():
    html = render_markdown(
        "| Metric | Threshold |\n|:--|--:|\n| PSI | 0.2 |\n\n```python\nprint('hi')\n```\n\n- one\n- two\n\n1. first\n2. second"
    )
    assert "<table>" in html and '<td align="right">0.2</td>' in html
    assert '<pre><code class="language-python">' in html
    assert "<ul>" in html and "<ol>" in html


def test_it_renders_inline_latex_as_mathml():
    html = render_markdown("Concept drift changes $P(y|X)$ while data drift changes $P(X)$.")
    assert html.count("<math") == 2
    assert "<mi>y</mi>" in html
    assert "$" not in html


def test_it_renders_display_math_as_a_block():
    html = render_markdown("$$\n\\mathrm{PSI} = \\sum_i (a_i - e_i) \\ln \\frac{a_i}{e_i}\n$$")
    assert '<math display="block">' in html
    assert "<mfrac>" in html


def test_it_leaves_dollar_amounts_alone():
    html = render_markdown("The bill went from $180K to $50K a month, a $130K saving.")
    assert "<math" not in html
    assert "$180K to $50K" in html


def test_it_renders_a_formula_that_opens_with_a_number():
    html = render_markdown(
        r"Sizing: $14 \times 25 = 350$ GPU-hours, or $207{,}000 / 12.5 \approx 16{,}600$ s."
    )
    assert html.count("<math") == 2
    assert "\\times" not in html and "{,}" not in html


def test_it_leaves_two_prices_with_nothing_mathematical_between_them_alone():
    html = render_markdown("Plans cost $5 and $10 a month; a $5 = $10 mix-up is a typo.")
    assert "<math" not in html


def test_it_renders_display_math_that_directly_follows_a_line_of_text():
    html = render_markdown("The minimum is\n$$\nN = \\frac{10}{4}\n$$\nHeadroom comes next.")
    assert '<math display="block">' in html
    assert "$$" not in html
    assert "<p>Headroom comes next.</p>" in html


def test_it_leaves_math_inside_code_as_code():
    html = render_markdown("Write `$x$` literally.\n\n```\ncost = $y$\n```")
    assert "<math" not in html
    assert "<code>$x$</code>" in html


def test_it_shows_broken_latex_as_code_instead_of_failing():
    html = render_markdown("Broken: $\\frac{1}{$ here")
    assert "Broken" in html


def test_it_shows_raw_html_as_text():
    html = render_markdown('<p onclick="steal()">hi</p>')
    assert html == '<p>&lt;p onclick="steal()"&gt;hi&lt;/p&gt;</p>'


def test_it_leaves_links_it_cannot_trust_as_text():
    assert "<a" not in render_markdown("[x](data:text/html;base64,PHNjcmlwdD4=)")
    assert "<a" not in render_markdown("[x](//evil.example/path)")
    assert '<a href="/questions/"' in render_markdown("[the list](/questions/)")


def test_text_that_cannot_be_parsed_is_shown_escaped(monkeypatch, caplog):
    from bank import rendering

    def explode(text, env):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(rendering.PARSER, "render", explode)
    assert render_markdown("- <b>deep</b>") == "<pre>- &lt;b&gt;deep&lt;/b&gt;</pre>"
    assert "could not be rendered" in caplog.text


def test_it_keeps_safe_links_and_marks_them_nofollow():
    html = render_markdown("[MLflow](https://mlflow.org/docs/latest/)")
    assert 'href="https://mlflow.org/docs/latest/"' in html
    assert "nofollow" in html


def test_it_returns_nothing_for_blank_input():
    assert render_markdown("") == ""
    assert render_markdown("   \n") == ""


def test_html_to_text_keeps_the_words():
    assert html_to_text(render_markdown("Use **Feast** for *features*.")) == "Use Feast for features."
