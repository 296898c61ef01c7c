"""Printing checklists: clean A4 sheets without the site's chrome, boxes empty or ticked, items never split.

Chromium prints to PDF with the print stylesheet; poppler (pdfinfo, pdftotext, pdftoppm) reads the
result back: page size, the text on each page, and the pixels. A sheet and an agenda are printed from
the Zensical build as well (Material's successor, with its own print styles).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .browser_helpers import wait_for_checklist, wait_for_page_scripts

BOXES = 'article input[type="checkbox"][data-item]'
# A sheet's header: the definition list right after its title (or after the checklist marker).
SHEET_HEADS = ":is(.cp-sheet-title, .cp-checklist) + dl"
A4_POINTS = (595, 842)
HEADER_INDIGO = (0x40, 0x51, 0xB5)  # Material's indigo header and tabs; must not reach paper


def _tool(name: str) -> str:
    path = shutil.which(name)
    if not path:
        pytest.fail(f"{name} not found: install Debian's poppler-utils (apt-get install -y poppler-utils)", pytrace=False)
    return path


def print_pdf(page, path: Path) -> Path:
    page.emulate_media(media="print")
    page.pdf(path=str(path), prefer_css_page_size=True, print_background=True)
    page.emulate_media(media="screen")
    return path


def pdf_pages_text(pdf: Path) -> list[str]:
    text = subprocess.run([_tool("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def pdf_info(pdf: Path) -> dict[str, str]:
    out = subprocess.run([_tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


def render(pdf: Path, out: Path, page_no: int = 1, dpi: int = 60) -> tuple[int, int, bytes]:
    """The page as RGB pixels (pdftoppm writes binary PPM, read here without an imaging library)."""
    prefix = out / f"{pdf.stem}-p{page_no}"
    subprocess.run([_tool("pdftoppm"), "-r", str(dpi), "-f", str(page_no), "-l", str(page_no), "-singlefile",
                    str(pdf), str(prefix)], check=True)
    data = prefix.with_suffix(".ppm").read_bytes()
    match = re.match(rb"P6\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    assert match, "pdftoppm did not write a binary PPM"
    width, height = int(match.group(1)), int(match.group(2))
    return width, height, data[match.end():]


def count_pixels(pixels: bytes, test) -> int:
    return sum(1 for i in range(0, len(pixels) - 2, 3) if test(pixels[i], pixels[i + 1], pixels[i + 2]))


def near(colour, tolerance=24):
    return lambda r, g, b: abs(r - colour[0]) <= tolerance and abs(g - colour[1]) <= tolerance and abs(b - colour[2]) <= tolerance


def normal(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = text.replace("\ufb01", "fi").replace("\ufb02", "fl")
    return re.sub(r"\s+", " ", text).strip()


def squash(text: str) -> str:
    """Text without any whitespace: lines wrap differently on paper (even inside long web addresses)."""
    return re.sub(r"\s+", "", normal(text))


def chrome_texts(page) -> dict[str, str]:
    """Text of the site's chrome as the screen shows it (site name, banner, footer, controls): none may reach paper.

    Navigation labels are left out: they are words like "Deadlines" that the sheet itself may use; the
    indigo of the header and tabs is looked for in the pixels instead.
    """
    return page.evaluate("""() => {
        const texts = {};
        const pick = (name, sel) => document.querySelectorAll(sel).forEach((el, i) => {
            const t = el.innerText.trim(); if (t) texts[name + (i ? ' ' + i : '')] = t; });
        pick('site name in the header', '.md-header__topic:first-child');
        pick('announce banner', '.md-banner');
        pick('footer copyright', '.md-copyright');
        pick('footer previous/next', '.md-footer__title');
        pick('table of contents title', '.md-nav--secondary > .md-nav__title');
        pick('checklist button', '.cp-checklist-tools button');
        pick('privacy notice', '.cp-checklist-notice');
        return texts;
    }""")


def indigo_band(width: int, pixels: bytes) -> int:
    """The height in pixels of the tallest run of rows more than half indigo: the header or the tabs are
    a band; a link in the text (indigo too) is a row or two of underline."""
    row, indigo = width * 3, near(HEADER_INDIGO)
    tallest = run = 0
    for start in range(0, len(pixels) - row + 1, row):
        run = run + 1 if count_pixels(pixels[start:start + row], indigo) > width // 2 else 0
        tallest = max(tallest, run)
    return tallest


def printed_clean(page, pdf: Path, chrome: dict[str, str], tmp_path: Path) -> str:
    """The printed text, once checked: A4, no page left blank, none of the site's chrome, no indigo bar."""
    size = re.findall(r"[\d.]+", pdf_info(pdf)["Page size"])
    assert (round(float(size[0])), round(float(size[1]))) == A4_POINTS, f"not A4: {pdf_info(pdf)['Page size']}"
    pages = pdf_pages_text(pdf)
    blank = [i + 1 for i, t in enumerate(pages) if not t.strip()]
    assert not blank, f"blank pages {blank} of {len(pages)}"
    text = normal(" ".join(pages))
    leaked = {name: t for name, t in chrome.items() if squash(t) in squash(text)}
    assert not leaked, f"site chrome printed: {leaked}"
    width, height, pixels = render(pdf, tmp_path)
    assert indigo_band(width, pixels) < 4, "the indigo header or tabs printed"
    return text


def _title(page) -> str:
    return normal(page.locator("h1").first.inner_text()).rstrip("¶ ")  # without the permalink sign


def test_a_sheet_prints_on_a4_without_chrome(built_page, urls, tmp_path):
    page = built_page
    page.goto(urls["checklist"])
    wait_for_checklist(page)
    first_item = normal(page.locator(f"{BOXES} + label").first.inner_text())
    title = _title(page)
    chrome = chrome_texts(page)
    assert chrome, "could not read the site's header and navigation"
    page.locator(BOXES).first.check()

    pdf = print_pdf(page, tmp_path / "sheet.pdf")
    text = printed_clean(page, pdf, chrome, tmp_path)
    assert squash(title) in squash(text)
    assert squash(first_item) in squash(text)
    assert "Conference date" in text and "Notes" in text  # room to write, on paper only
    for label in ("Authority", "Conference", "Sources", "Site version"):
        assert label in text
    width, height, pixels = render(pdf, tmp_path)
    assert count_pixels(pixels, near(HEADER_INDIGO)) == 0, "indigo printed on the sheet's first page"


def test_an_agenda_prints_on_a4_without_chrome(built_page, urls, tmp_path):
    """A page that is not a checklist: its title and every heading on paper, the site's chrome not."""
    page = built_page
    page.goto(urls["agenda"])
    wait_for_page_scripts(page)
    headings = [squash(t).rstrip("¶") for t in page.locator("article :is(h1, h2, h3)").all_inner_texts()]
    chrome = chrome_texts(page)
    assert chrome and len(headings) > 2
    text = printed_clean(page, print_pdf(page, tmp_path / "agenda.pdf"), chrome, tmp_path)
    missing = [h for h in headings if h not in squash(text)]
    assert not missing, f"headings not on paper: {missing}"


def test_ticked_boxes_print_ticked_and_empty_boxes_print_empty(page, urls, tmp_path):
    page.goto(urls["checklist"])
    wait_for_checklist(page)
    dark = lambda r, g, b: r < 90 and g < 90 and b < 90  # noqa: E731
    empty = render(print_pdf(page, tmp_path / "empty.pdf"), tmp_path, 1, 72)[2]
    for i in range(min(3, page.locator(BOXES).count())):
        page.locator(BOXES).nth(i).check()
    ticked = render(print_pdf(page, tmp_path / "ticked.pdf"), tmp_path, 1, 72)[2]
    assert count_pixels(ticked, dark) > count_pixels(empty, dark) + 100, "ticked boxes look the same as empty ones on paper"


def test_the_conference_pack_prints_as_one_document_and_splits_no_item(page, urls, tmp_path):
    page.goto(urls["conference pack"])
    wait_for_checklist(page)
    assert page.locator(SHEET_HEADS).count() == 1, "one header for the whole pack"
    sheet_titles = [squash(t).rstrip("¶") for t in page.locator(".cp-sheet-title").all_inner_texts()]
    items = [squash(t) for t in page.locator(f"{BOXES} + label").all_inner_texts()]
    pdf = print_pdf(page, tmp_path / "pack.pdf")
    pages = [squash(p) for p in pdf_pages_text(pdf)]
    assert len(sheet_titles) > 1
    everything = "".join(pages)
    assert all(t in everything for t in sheet_titles), "a sheet's title is missing on paper"
    assert sum("Conferencedate" in p for p in pages) == 1, "the header (with its date field) printed more than once"
    # no item split across pages: each item's whole text is found on a single page
    split = [item[:60] for item in items if not any(item in p for p in pages)]
    assert not split, f"items split across pages (or missing): {split[:5]}"


def _lines(page_text: str) -> int:
    return sum(1 for line in page_text.splitlines() if line.strip())


def test_the_unnamed_authoritys_review_pack_fits_ten_pages_with_its_disagreement(page, content, tmp_path):
    """14 A4 pages before the sheets became sections of one pack; the budget is 10, no item dropped,
    no page left nearly empty, and the documents' disagreement on the core group after a review on paper."""
    authority = next((a for a in content.local_authorities if not a.meta.get("name_given_in_sources", True)), None)
    if authority is None:
        pytest.skip("no unnamed authority in the content")
    page.goto(f"/{authority.id}/checklists/rcpc/pack/")
    wait_for_checklist(page)
    items = [squash(t) for t in page.locator(f"{BOXES} + label").all_inner_texts()]
    pdf = print_pdf(page, tmp_path / "rcpc-pack.pdf")
    count = int(pdf_info(pdf)["Pages"])
    assert count <= 10, f"{count} A4 pages"
    texts = pdf_pages_text(pdf)
    pages = [squash(p) for p in texts]
    missing = [item[:60] for item in items if not any(item in p for p in pages)]
    assert not missing, f"items not on paper (or split): {missing[:5]}"
    full = max(_lines(t) for t in texts)
    sparse = [i + 1 for i, t in enumerate(texts) if _lines(t) < full // 4]
    assert not sparse, f"nearly empty pages: {sparse} (a full page has {full} lines)"
    on_paper = normal(" ".join(texts))
    assert "The documents disagree on this timing" in on_paper
    # both timings together, each with its source, in the same box
    block = on_paper[on_paper.index("The documents disagree on this timing"):][:700]
    assert "within 28 days" in block and "within 20 working days" in block, block
    assert "Guide for Social Workers" in block and "Review Child Protection Conference" in block, block
    assert "safe" in block
