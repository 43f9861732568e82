"""Where a quote stops matching its source: the message an editor needs to fix a quote by one character."""

# Enough context to recognise the place, short enough to fit beside a form field.
_CONTEXT = 24
_DIFFERENCE = 12


def quote_departure(*, quote: str, text: str) -> str:
    """Return where the quote first departs from the text, e.g. "matches up to '…fighting terr', then ...".

    The longest start of the quote found anywhere in the text is the editor's passage as far as it is
    right; what follows it in the source and in the quote shows the first difference.
    """
    low, high = 0, len(quote)
    # Every start of a matching start matches too, so the longest one is found by bisection.
    while low < high:
        middle = (low + high + 1) // 2
        if quote[:middle] in text:
            low = middle
        else:
            high = middle - 1
    matched = low
    if matched == 0:
        return f"even its first character {quote[:1]!r} is not in the source"
    at = text.find(quote[:matched]) + matched
    shown = quote[max(0, matched - _CONTEXT) : matched]
    lead = "…" if matched > _CONTEXT else ""
    source_next = text[at : at + _DIFFERENCE]
    quote_next = quote[matched : matched + _DIFFERENCE]
    source_part = f"the source has {source_next!r}" if source_next else "the source ends"
    return f"matches up to '{lead}{shown}', then {source_part} where the quote has {quote_next!r}"
