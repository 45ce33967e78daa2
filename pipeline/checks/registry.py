"""The list of page checks `ppid check` runs, in order."""

from __future__ import annotations

from typing import Callable, Iterator

from ..content import Page, Problem
from ..schema import validate_page
from ..site import Site
from ..view import View
from . import links

PageCheck = Callable[[Site, Page, View], Iterator[Problem]]


def _schema(site: Site, page: Page, view: View) -> Iterator[Problem]:
    return validate_page(site.root, page)


def _links(site: Site, page: Page, view: View) -> Iterator[Problem]:
    return links.check(page, view)


PAGE_CHECKS: list[PageCheck] = [_schema, _links]
