"""Each answer on an authority's page for parents fits about one phone screen (issue 14): a parent on a
phone (390x844) sees an answer whole, with the rest one tap away, before opening anything."""

from __future__ import annotations

import pytest

from .test_family import PHONE, family_ready

MOST = 1100  # px from an answer's heading to the next heading: about one 844 px screen, and a little


@pytest.fixture
def phone(browser, server):
    context = browser.new_context(base_url=server, viewport=PHONE, has_touch=True, is_mobile=True)
    yield context.new_page()
    context.close()


# Every question linked from the jump links: its h2, and how far the next h2 of the page is below it
# (for the page's last answer, as on a page whose papers give a parent no dates, the article's end).
HEIGHTS = """() => {
  const headings = [...document.querySelectorAll('article h2')];
  const top = el => el.getBoundingClientRect().top + scrollY;
  const end = el => el.getBoundingClientRect().bottom + scrollY;
  return [...document.querySelectorAll('.cp-jump a')].map(a => {
    const h2 = document.getElementById(decodeURIComponent(a.hash.slice(1)));
    const next = headings[headings.indexOf(h2) + 1];
    const below = next ? top(next) : end(h2.closest('article'));
    return {question: a.textContent.trim(), anchor: h2.id, height: below - top(h2),
            open: [...document.querySelectorAll('article details[open]')].length};
  });
}"""


def test_each_answer_fits_about_one_phone_screen(phone, content):
    too_long, measured = [], 0
    for authority in content.local_authorities:
        phone.goto(f"/{authority.id}/parents/")
        family_ready(phone)
        answers = phone.evaluate(HEIGHTS)
        assert answers, f"{authority.id}: no jump links to answers"
        for answer in answers:
            assert answer["open"] == 0, f"{authority.id}: something is open before the parent opens it"
            measured += 1
            if answer["height"] > MOST:
                too_long.append(f"{authority.name}: {answer['question']!r} (#{answer['anchor']}) is "
                                f"{answer['height']:.0f} px tall at 390x844, more than {MOST}")
    assert measured >= 3 * len(content.local_authorities)
    assert not too_long, "\n".join(too_long)
