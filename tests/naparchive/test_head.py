"""HEAD is answered wherever GET is: every address in the URLconf, walked rather than listed by hand."""
import itertools

import pytest
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

# Values tried for each URL parameter until the address reverses: ids, slugs, years, admin app labels.
CANDIDATE_VALUES = ["1", "x", "2024", "auth"]


def named_patterns(resolver: URLResolver, namespace: str = "", params: frozenset = frozenset()):
    """Yield (namespaced name, parameter names, number of positional parameters) for every named address."""
    for entry in resolver.url_patterns:
        regex = entry.pattern.regex
        entry_params = params | set(regex.groupindex)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from named_patterns(entry, inner, entry_params)
        elif isinstance(entry, URLPattern) and entry.name:
            positional = 0 if regex.groupindex else regex.groups
            yield f"{namespace}{entry.name}", sorted(entry_params), positional


def addresses() -> list[str]:
    found, unreversible = set(), []
    for name, params, positional in named_patterns(get_resolver()):
        for values in itertools.product(CANDIDATE_VALUES, repeat=len(params) or positional):
            try:
                if positional:
                    found.add(reverse(name, args=values))
                else:
                    found.add(reverse(name, kwargs=dict(zip(params, values, strict=True))))
                break
            except NoReverseMatch:
                continue
        else:
            unreversible.append(name)
    assert not unreversible, f"add candidate values so these are checked too: {unreversible}"
    return sorted(found)


def test_the_walk_finds_the_site_the_api_the_feeds_and_the_probes(db):
    found = addresses()
    for expected in ["/", "/search/", "/healthz", "/readyz", "/feeds/meetings/", "/api/v1/meetings", "/sitemap.xml", "/robots.txt"]:
        assert expected in found
    assert len(found) > 60


@pytest.mark.django_db
def test_head_is_answered_wherever_get_is(client):
    refused = []
    for path in addresses():
        get = client.get(path)
        if get.status_code == 405:
            continue  # an address that takes no GET (logout takes POST) need not take HEAD
        head = client.head(path)
        body = b"".join(head.streaming_content) if head.streaming else head.content
        if head.status_code != get.status_code or body:
            refused.append((path, get.status_code, head.status_code))
    assert refused == []


def test_head_on_an_unknown_api_address_is_the_json_404(client, db):
    assert client.head("/api/v1/nothing/").status_code == 404
