"""What the extractor proposes: a kind, the values, and the exact passage they come from."""
from dataclasses import dataclass, field

MEETING = "meeting"
ATTENDEE = "attendee"
OPERATION = "operation"
ORGANISATION = "organisation"
DECISION = "decision"
FIGURE = "figure"


@dataclass
class Proposed:
    """One proposed record. `quote` is text[start:end] exactly, so a Citation can be made from it."""

    kind: str
    values: dict
    quote: str
    start: int
    end: int
    note: str = ""
    confident: bool = True
    extra: dict = field(default_factory=dict)

    def check(self, text: str) -> "Proposed":
        if text[self.start : self.end] != self.quote:
            raise ValueError(f"Quote offsets {self.start}:{self.end} do not match the quote {self.quote!r}.")
        return self
