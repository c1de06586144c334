"""The quality gate covers every kind of page the site builds."""

import pytest

from page_types import CORE_TYPES, LANGS, pages_of, representatives


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", CORE_TYPES)
def test_core_page_types_are_built_in_both_languages(site, name, lang):
    assert representatives(site, name, lang), f"no {name} page in {lang}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_built_page_has_a_page_type(site, lang):
    unclassified = [file.relative_to(site.root).as_posix() for file in pages_of(site, None, lang)]
    assert not unclassified, (
        "pages of no known type (add a row to PAGE_TYPES in tests/page_types.py so the "
        f"gate checks them): {unclassified}")
