"""
Import plain-text articles as SourceDocuments.

The same service serves the `import_sources` command (paths) and, later, the admin upload (bytes and a file
name) and the admin's "Add source" (text typed or pasted, `source_ingest_text`). Every way in normalises
the text the same way before it is hashed and stored (`source_text_normalise`): a leading byte-order mark
is dropped and CRLF and CR line endings become LF. Nothing else is changed, so the same article saved on
Windows, pasted into a browser form or imported from a Unix file has one SHA-256 and is stored once.

Metadata comes only from what the file states: an optional front-matter block of `key: value` lines closed
by a `---` line, or (seed 000's convention) a first line starting with `date YYYY-MM-DD`. The one exception
is the language, which the text's script gives when nothing states it (sources/languages.py). Editors fill
in the rest in the admin.
"""
from __future__ import annotations

import enum
import os
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from curation.services import proposals_generate
from editorial.services import record_save
from foundations.slugs import free_slug, slug_base
from sources.front_matter import BOM, parse_front_matter
from sources.languages import text_language_detect
from sources.models import SourceDocument, readable_slug_text, sha256_of_text

# Whitespace controls are ordinary in text; other control characters are a sign of a binary file.
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")
_BINARY_CONTROL_SHARE = 0.10
# Far beyond any article; a file this big is a dump or an archive named by mistake, not one source.
MAX_ARTICLE_BYTES = 10 * 1024 * 1024


class Outcome(enum.StrEnum):
    IMPORTED = "imported"
    ALREADY_PRESENT = "already present"
    FAILED = "failed"


@dataclass
class ImportResult:
    """What happened to one file; with `dry_run`, what would happen (nothing is written)."""

    name: str
    outcome: Outcome
    dry_run: bool = False
    source: SourceDocument | None = None
    reasons: list[str] = field(default_factory=list)
    # In a dry run, the earlier file of the same run that would already have stored this text.
    same_as: str = ""

    @property
    def message(self) -> str:
        """Return the line a person reads about this file."""
        if self.outcome is Outcome.FAILED:
            return "skipped: " + "; ".join(self.reasons)
        description = _describe(self.source)
        if self.outcome is Outcome.ALREADY_PRESENT:
            if self.same_as:
                return f"would already be present: same text as {self.same_as}, which would be imported as {description}"
            return f"already in the archive as {description}"
        verb = "would be imported as" if self.dry_run else "imported as"
        return f"{verb} {description}"


@dataclass
class ImportPlan:
    """What a dry run has already planned, so later files in the same run are judged as a real run would."""

    digests: dict[str, tuple[SourceDocument, str]] = field(default_factory=dict)
    slugs: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class ImportTarget:
    """A file found on the command line or in a folder, or a path that cannot be a file to import."""

    path: Path
    name: str
    problem: str = ""


def _describe(source: SourceDocument | None) -> str:
    if source is None:
        return "?"
    label = source.title or source.original_filename or source.sha256[:12]
    details = [f"slug {source.slug}"]
    if source.published_on:
        details.append(f"published {source.published_on.isoformat()}")
    return f"“{label}” ({', '.join(details)})"


def source_text_normalise(text: str) -> str:
    """Return the text as the archive stores and hashes it: no leading BOM, every line ending LF."""
    return text.removeprefix(BOM).replace("\r\n", "\n").replace("\r", "\n")


# -- reading files ----------------------------------------------------------------------------------------


def source_text_decode(*, content: bytes) -> tuple[str | None, str]:
    """Return (the text, "") if the bytes are usable article text, else (None, why not)."""
    if not content:
        return None, "the file is empty (0 bytes)"
    if len(content) > MAX_ARTICLE_BYTES:
        return None, _too_large(len(content))
    if b"\x00" in content:
        return None, "binary file (it contains NUL bytes), not plain text"
    try:
        text = content.decode("utf-8")  # strict: a file that is not UTF-8 is refused, never guessed at
    except UnicodeDecodeError as error:
        controls = sum(1 for byte in content if byte < 0x20 and chr(byte) not in _TEXT_CONTROLS)
        if controls > _BINARY_CONTROL_SHARE * len(content):
            return None, "binary file (mostly control bytes), not plain text"
        line = content.count(b"\n", 0, error.start) + 1
        return None, (
            f"not UTF-8 text (byte 0x{content[error.start]:02x} on line {line} cannot be decoded); "
            "save it as UTF-8 and import it again"
        )
    text = source_text_normalise(text)
    if not text.strip():
        return None, "the file contains only whitespace"
    controls = sum(1 for char in text if unicodedata.category(char) == "Cc" and char not in _TEXT_CONTROLS)
    if controls > _BINARY_CONTROL_SHARE * len(text):
        return None, f"binary file ({controls} of {len(text)} characters are control characters), not plain text"
    return text, ""


def source_files_find(*, paths: Iterable[str | os.PathLike]) -> list[ImportTarget]:
    """
    Return the files to import, in a stable order: each path as given, a folder's files sorted by path.

    Folders are searched recursively for regular files, skipping hidden files and folders; symbolic links
    are followed. Paths that cannot be imported (missing, broken links, special files) are returned with
    the problem, so they are reported rather than forgotten.
    """
    targets: list[ImportTarget] = []
    seen: set[Path] = set()

    def add(target: ImportTarget) -> None:
        key = target.path.resolve() if not target.problem else target.path.absolute()
        if key not in seen:
            seen.add(key)
            targets.append(target)

    for given in paths:
        path = Path(given)
        name = str(given)
        if path.is_dir():
            found = _folder_files(path)
            if not found:
                add(ImportTarget(path=path, name=name, problem="the folder contains no files to import"))
            for target in found:
                add(target)
        else:
            add(ImportTarget(path=path, name=name, problem=_file_problem(path)))
    return targets


def _folder_files(folder: Path) -> list[ImportTarget]:
    found: list[ImportTarget] = []
    visited: set[Path] = set()

    def refuse(error: OSError) -> None:
        name = str(error.filename) if error.filename else str(folder)
        found.append(ImportTarget(path=Path(name), name=name, problem=f"cannot list the folder: {_os_reason(error)}"))

    for root, dirs, files in os.walk(folder, onerror=refuse, followlinks=True):
        real = Path(root).resolve()
        if real in visited:
            # A symbolic link back to a folder already searched: following it again would loop forever.
            dirs[:] = []
            continue
        visited.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.startswith("."):
                continue
            path = Path(root, name)
            if path.is_symlink() and not path.exists():
                found.append(ImportTarget(path=path, name=str(path), problem=_file_problem(path)))
            elif path.is_file():
                found.append(ImportTarget(path=path, name=str(path)))
            # Sockets, pipes and devices in a folder are not articles: leave them alone.
    return sorted(found, key=lambda target: target.path.parts)


def _file_problem(path: Path) -> str:
    if path.is_symlink() and not path.exists():
        return f"broken symbolic link (it points to {os.readlink(path)}, which does not exist)"
    if not path.exists():
        return "no such file or folder"
    if not path.is_file():
        return "not a regular file"
    return ""


def _too_large(size: int) -> str:
    return f"too large for one article ({size / 1024 / 1024:.1f} MB; the limit is {MAX_ARTICLE_BYTES // 1024 // 1024} MB)"


def _os_reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    return (error.strerror or str(error)).lower()


# -- importing --------------------------------------------------------------------------------------------


def source_import_file(*, path: str | os.PathLike, dry_run: bool = False, name: str | None = None, plan: ImportPlan | None = None) -> ImportResult:
    """Import one file, reporting (not raising) anything that keeps it out of the archive."""
    path = Path(path)
    name = name or str(path)
    problem = _file_problem(path)
    if problem:
        return ImportResult(name=name, outcome=Outcome.FAILED, dry_run=dry_run, reasons=[problem])
    try:
        if path.stat().st_size > MAX_ARTICLE_BYTES:
            return ImportResult(name=name, outcome=Outcome.FAILED, dry_run=dry_run, reasons=[_too_large(path.stat().st_size)])
        content = path.read_bytes()
    except OSError as error:
        return ImportResult(name=name, outcome=Outcome.FAILED, dry_run=dry_run, reasons=[f"cannot read it: {_os_reason(error)}"])
    return source_import_bytes(content=content, filename=path.name, dry_run=dry_run, name=name, plan=plan)


def source_import_bytes(
    *, content: bytes, filename: str, dry_run: bool = False, name: str | None = None, plan: ImportPlan | None = None
) -> ImportResult:
    """Store the bytes as a draft SourceDocument unless the same text is already in the archive (see `source_ingest`)."""
    name = name or filename
    text, problem = source_text_decode(content=content)
    if text is None:
        return ImportResult(name=name, outcome=Outcome.FAILED, dry_run=dry_run, reasons=[problem])
    return source_ingest(text=text, filename=filename, dry_run=dry_run, name=name, plan=plan)


def source_ingest(
    *,
    text: str,
    filename: str = "",
    metadata: dict[str, object] | None = None,
    user=None,
    propose: bool = True,
    dry_run: bool = False,
    name: str | None = None,
    plan: ImportPlan | None = None,
) -> ImportResult:
    """
    Store the text as a draft SourceDocument unless the same text is already in the archive, then read its proposals.

    The one way in for sources, shared by `import_sources` and the admin's "Add source". The text is
    normalised (`source_text_normalise`) before it is hashed. `metadata` (the admin form's fields) wins over
    the text's front matter where it gives a value, so a publication date typed in the form is the one
    extraction uses. With `user`, the source is saved through `editorial.services.record_save` as theirs.
    `propose=False` leaves extraction for later (a source too large to read inside a web request).

    The write happens in a transaction of its own. Two imports of the same text at once cannot both store
    it: the loser's unique-digest violation is reported as "already present", not raised.
    """
    name = name or filename or "the text"
    text = source_text_normalise(text)
    if not text.strip():
        return ImportResult(name=name, outcome=Outcome.FAILED, dry_run=dry_run, reasons=["the text is empty"])
    digest = sha256_of_text(text)

    if dry_run and plan is not None and digest in plan.digests:
        planned, earlier_name = plan.digests[digest]
        return ImportResult(name=name, outcome=Outcome.ALREADY_PRESENT, dry_run=True, source=planned, same_as=earlier_name)
    existing = _source_with_digest(digest)
    if existing is not None:
        return ImportResult(name=name, outcome=Outcome.ALREADY_PRESENT, dry_run=dry_run, source=existing)

    stated, errors = parse_front_matter(text)
    if errors:
        return ImportResult(name=name, outcome=Outcome.FAILED, dry_run=dry_run, reasons=["bad front matter: " + "; ".join(errors)])
    given = {field: value for field, value in (metadata or {}).items() if value not in (None, "")}
    metadata = {**stated, **given}
    slug = metadata.pop("slug", "")
    if not metadata.get("language"):
        # Neither the form nor the front matter says: the script does (an Urdu report is read as Urdu).
        metadata["language"] = text_language_detect(text=text)

    readable = readable_slug_text(
        outlet=str(metadata.get("outlet", "")), published_on=metadata.get("published_on"), title=str(metadata.get("title", ""))
    )
    base_slug = slug_base(SourceDocument, readable, Path(filename).stem if filename else "", filename, fallback="source")
    reserved = plan.slugs if (dry_run and plan is not None) else set()
    original_filename = PurePath(filename).name[:255] if filename else ""
    source = SourceDocument(text=text, sha256=digest, original_filename=original_filename, **metadata)

    source.slug = slug or free_slug(SourceDocument, base_slug, reserved=reserved)
    problems = _model_problems(source)
    if problems:
        existing = _source_with_digest(digest)  # the model refuses a text another import stored meanwhile
        if existing is not None:
            return ImportResult(name=name, outcome=Outcome.ALREADY_PRESENT, dry_run=dry_run, source=existing)
        return ImportResult(name=name, outcome=Outcome.FAILED, dry_run=dry_run, reasons=problems)

    if dry_run:
        if plan is not None:
            plan.digests[digest] = (source, name)
            plan.slugs.add(source.slug)
        return ImportResult(name=name, outcome=Outcome.IMPORTED, dry_run=True, source=source)

    # Another import may take the digest or the chosen slug between our checks and our insert: on a
    # violation, look for the text again, else pick a slug again; each lost attempt means another insert
    # finished, so a few attempts are plenty.
    for _attempt in range(5):
        try:
            with transaction.atomic():
                if user is None:
                    source.save(force_insert=True)
                else:
                    record_save(record=source, user=user, change_reason="Added in the admin")
                if propose:
                    # Editors review what the report proposes (meeting, attendees, decisions...) in the workbench.
                    proposals_generate(source=source)
            return ImportResult(name=name, outcome=Outcome.IMPORTED, source=source)
        except IntegrityError:
            source.pk = None
            source._state.adding = True
            existing = _source_with_digest(digest)
            if existing is not None:
                return ImportResult(name=name, outcome=Outcome.ALREADY_PRESENT, source=existing)
            source.slug = free_slug(SourceDocument, base_slug)
    return ImportResult(name=name, outcome=Outcome.FAILED, reasons=[f"could not find a free slug starting {base_slug!r}; try again"])


def sources_import_paths(*, paths: Iterable[str | os.PathLike], dry_run: bool = False) -> Iterator[tuple[int, int, ImportResult]]:
    """Import every file the paths name, yielding (position, count, result) as each file is done."""
    targets = source_files_find(paths=paths)
    plan = ImportPlan() if dry_run else None
    for position, target in enumerate(targets, start=1):
        if target.problem:
            result = ImportResult(name=target.name, outcome=Outcome.FAILED, dry_run=dry_run, reasons=[target.problem])
        else:
            result = source_import_file(path=target.path, dry_run=dry_run, name=target.name, plan=plan)
        yield position, len(targets), result


def _source_with_digest(digest: str) -> SourceDocument | None:
    # The report names the stored source; its text, possibly long, is not needed for that.
    return SourceDocument.objects.defer("text").filter(sha256=digest).first()


def _model_problems(source: SourceDocument) -> list[str]:
    """Return what the model's own validation refuses, as readable lines (empty if it is valid)."""
    try:
        # Uniqueness is left to the database constraints, which also catch concurrent imports.
        source.full_clean(validate_unique=False)
    except ValidationError as error:
        return [f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()]
    return []
