"""A list page in a fixed number of queries, whatever the page number, page size or bank size.

Deferred join: the page's ids are selected first (an index-only walk, cheap even at OFFSET 10,000), then
only those rows are fetched with what a card shows. The count and the ids are the same for every reader
and are cached under the bank version (bank/caching.py), so a repeated page costs two queries: the rows
and their companies.
"""

from django.core.paginator import Page, Paginator

from bank.caching import cached, params_key


class CountedPaginator(Paginator):
    """A Paginator told its count, so it never runs COUNT(*) itself."""

    def __init__(self, count, per_page):
        super().__init__([], per_page)
        self.__dict__["count"] = count


def page_of(queryset, params, page_number, page_size):
    """(page or None, paginator): page `page_number` of `queryset`; None when past the last page."""
    key = params_key(params, drop=("page", "page_size"))
    count = cached("count", key, queryset.count)
    paginator = CountedPaginator(count, page_size)
    if page_number > paginator.num_pages:
        return None, paginator
    bottom = (page_number - 1) * page_size
    ids = cached(
        f"ids:{page_number}:{page_size}",
        key,
        lambda: list(queryset.values_list("pk", flat=True)[bottom : bottom + page_size]),
    )
    # Re-filtering by the page's ids keeps any annotation the list adds; the order comes from `ids`.
    rows = {row.pk: row for row in queryset.for_cards().filter(pk__in=ids).order_by()}
    return Page([rows[pk] for pk in ids if pk in rows], page_number, paginator), paginator
