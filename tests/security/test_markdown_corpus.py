"""Every hostile input of the corpus renders, and renders inert: nothing runs, leaves or restyles."""

import pytest

from bank.rendering import render_inline_markdown, render_markdown
from tests.security.corpus import ALL, FLOODS, XSS, inert_problems


def test_the_corpus_is_large_enough():
    assert len(XSS) >= 80 and len(FLOODS) >= 20


@pytest.mark.parametrize("text", ALL, ids=lambda text: repr(text[:40]))
def test_it_renders_inert(text):
    assert inert_problems(render_markdown(text)) == []
    assert inert_problems(render_inline_markdown(text[:500])) == []
