"""Readers never meet internal identifiers: every public page of the seeded archive, read as text."""
import html
import re

# A seed file's number ("000" ... "004") standing alone in prose, its full name, or a SHA-256 / hex digest.
FILE_NUMBER = re.compile(r"(?<![\w.,/-])00\d(?![\w.,%])")
FILE_NAME = re.compile(r"\b\d{3}_[0-9a-f]{16}(\.txt)?\b")
HEX_DIGEST = re.compile(r"\b[0-9a-f]{16,}\b")
BARE_DATE_LINE = re.compile(r"^\s*“?date \d{4}-\d{2}-\d{2}”?\s*$")
SKIPPED_PREFIXES = ("/admin/", "/api/", "/static/", "/feeds/", "/sitemap")


def visible_text(page: str) -> str:
    """Return what a reader sees: the page without tags, scripts, styles or attribute values."""
    page = re.sub(r"<(script|style)\b[^>]*>.*?</\1>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "\n", page))


def crawl(client, start="/"):
    """Yield (path, html) for every public HTML page reachable from `start` by links without a query."""
    seen, queue = set(), [start]
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        page = response.content.decode()
        yield path, page
        for link in re.findall(r'href="(/[^"#?]*)"', page):
            if not link.startswith(SKIPPED_PREFIXES) and link not in seen:
                queue.append(link)


def test_no_public_page_shows_a_file_number_name_or_hash(client, seeded_archive):
    problems, pages = [], 0
    for path, page in crawl(client):
        pages += 1
        for line in visible_text(page).splitlines():
            for pattern in (FILE_NUMBER, FILE_NAME, HEX_DIGEST):
                if match := pattern.search(line):
                    problems.append(f"{path}: {match.group(0)!r} in {line.strip()[:140]!r}")
    assert pages > 50, "the crawl should reach every page of the seeded archive"
    assert problems == []


def test_no_quote_is_a_bare_date_line(client, seeded_archive):
    problems = []
    for path, page in crawl(client):
        quotes = re.findall(r"<blockquote\b[^>]*>(.*?)</blockquote>", page, re.S)
        quotes += re.findall(r'<p class="passage-quote">(.*?)(?: · |</p>)', page, re.S)
        problems += [f"{path}: {quote.strip()}" for quote in map(visible_text, quotes) if BARE_DATE_LINE.match(quote)]
    assert problems == []
