"""
Import plain-text articles as SourceDocuments.

The same service serves the `import_sources` command (paths) and, later, the admin upload (bytes and a file
name). A file's bytes are stored exactly as received: decoded as strict UTF-8 and never altered, so the
stored text's SHA-256 is the file's own and importing the same text twice finds the first copy.

Metadata comes only from what the file states: an optional front-matter block of `key: value` lines closed
by a `---` line, or (seed 000's convention) a first line starting with `date YYYY-MM-DD`. Editors fill in
the rest in the admin.
"""
from __future__ import annotations

import datetime
import enum
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import slugify

from curation.services import proposals_generate
from foundations.safe_text import INVALID_WEB_URL, web_url_problem
from sources.models import SourceDocument, sha256_of_text

FRONT_MATTER_KEYS = ("title", "outlet", "author", "url", "published", "language", "kind")
# Front-matter keys are named for authors; these are the model fields they fill.
_FIELD_FOR_KEY = {"published": "published_on"}

_CLOSING_LINE = "---"
_KEY_VALUE_LINE = re.compile(r"^\s*(?P<key>[A-Za-z][A-Za-z0-9_-]{0,39})\s*:(?P<value>.*)$")
# Seed 000 opens with " date 2024-06-23 A meeting of ...": the date is a prefix of the first line.
_DATE_PREFIX = re.compile(r"^\s*date:?\s+(?P<date>\d{4}-\d{2}-\d{2})(?=\s|$)")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
# Whitespace controls are ordinary in text; other control characters are a sign of a binary file.
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")
_BINARY_CONTROL_SHARE = 0.10
_BOM = "\ufeff"
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


# -- metadata ---------------------------------------------------------------------------------------------


def parse_front_matter(text: str) -> tuple[dict[str, object], list[str]]:
    """
    Return the metadata a text states about itself, keyed by SourceDocument field, and what is wrong with it.

    A front matter is a block at the very top of `key: value` lines (blank lines allowed) closed by a `---`
    line, optionally opened by one too. Lines that look like `ISLAMABAD: Prime Minister ...` but are not
    closed by `---` are the article itself, not metadata. Without a front matter, a first line starting
    `date YYYY-MM-DD` gives the publication date.
    """
    lines = text.removeprefix(_BOM).splitlines()
    if lines and lines[0].rstrip() == _CLOSING_LINE and not any(line.rstrip() == _CLOSING_LINE for line in lines[1:]):
        return {}, ["line 1 opens a front matter with `---` but no `---` line closes it"]
    block = _front_matter_lines(lines)
    if block is None:
        return _date_prefix_metadata(lines[0] if lines else "")
    first_line_number, block_lines, body_lines = block

    metadata: dict[str, object] = {}
    errors: list[str] = []
    for number, line in enumerate(block_lines, start=first_line_number):
        if not line.strip():
            continue
        match = _KEY_VALUE_LINE.match(line)
        if match is None:
            errors.append(f"line {number}: {line.strip()!r} is not a `key: value` line")
            continue
        key = match["key"].lower()
        value = _unquote(match["value"].strip())
        if key not in FRONT_MATTER_KEYS:
            hint = " (the publication date goes in `published:`)" if key == "date" else ""
            errors.append(f"line {number}: unknown key {match['key']!r}{hint}; known keys: {', '.join(FRONT_MATTER_KEYS)}")
            continue
        field_name = _FIELD_FOR_KEY.get(key, key)
        if field_name in metadata:
            errors.append(f"line {number}: {key!r} is given twice")
            continue
        if not value:
            continue
        cleaned, error = _clean_value(key, value)
        if error:
            errors.append(f"line {number}: {error}")
        else:
            metadata[field_name] = cleaned
    if not any(line.strip() for line in body_lines):
        errors.append("there is no article text after the front matter")
    return metadata, errors


def _front_matter_lines(lines: list[str]) -> tuple[int, list[str], list[str]] | None:
    """Return (number of the block's first line, the block's lines, the lines after it), or None if there is no block."""
    if not lines:
        return None
    opened = lines[0].rstrip() == _CLOSING_LINE
    start = 1 if opened else 0
    has_key_value = False
    for index in range(start, len(lines)):
        line = lines[index]
        if line.rstrip() == _CLOSING_LINE:
            if opened or has_key_value:
                return start + 1, lines[start:index], lines[index + 1 :]
            return None
        if _KEY_VALUE_LINE.match(line):
            has_key_value = True
        elif line.strip() and not opened:
            # Prose before any `---`: an article whose first line merely contains a colon ("ISLAMABAD: ...").
            return None
    return None


def _date_prefix_metadata(first_line: str) -> tuple[dict[str, object], list[str]]:
    match = _DATE_PREFIX.match(first_line)
    if match is None:
        return {}, []
    try:
        return {"published_on": datetime.date.fromisoformat(match["date"])}, []
    except ValueError:
        return {}, [f"line 1: the date {match['date']!r} is not a real calendar date"]


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1].strip()
    return value


def _clean_value(key: str, value: str) -> tuple[object, str]:
    """Return (the value as the model stores it, "") or (None, what is wrong with it)."""
    field_name = _FIELD_FOR_KEY.get(key, key)
    if key == "published":
        if not _ISO_DATE.match(value):
            return None, f"published {value!r} is not an ISO date (write it as YYYY-MM-DD, e.g. 2024-06-23)"
        try:
            return datetime.date.fromisoformat(value), ""
        except ValueError:
            return None, f"published {value!r} is not a real calendar date"
    if key == "kind":
        kinds = SourceDocument.Kind.values
        if value not in kinds:
            return None, f"kind {value!r} is not one of: {', '.join(kinds)}"
        return value, ""
    if key == "language":
        if not _LANGUAGE_TAG.match(value) or len(value) > SourceDocument._meta.get_field("language").max_length:
            return None, f"language {value!r} is not a language tag such as en or ur"
        return value, ""
    if key == "url" and (problem := web_url_problem(value)):
        detail = "" if problem == INVALID_WEB_URL else f": {problem}"
        return None, f"url {value!r} is not a valid http(s) URL{detail}"
    max_length = SourceDocument._meta.get_field(field_name).max_length
    if max_length and len(value) > max_length:
        return None, f"{key} is {len(value)} characters long; the most is {max_length}"
    return value, ""


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
        text = content.decode("utf-8")  # strict: a BOM stays part of the text, as it is part of the file
    except UnicodeDecodeError as error:
        controls = sum(1 for byte in content if byte < 0x20 and chr(byte) not in _TEXT_CONTROLS)
        if controls > _BINARY_CONTROL_SHARE * len(content):
            return None, "binary file (mostly control bytes), not plain text"
        line = content.count(b"\n", 0, error.start) + 1
        return None, (
            f"not UTF-8 text (byte 0x{content[error.start]:02x} on line {line} cannot be decoded); "
            "save it as UTF-8 and import it again"
        )
    if not text.removeprefix(_BOM).strip():
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
    """
    Store the bytes as a draft SourceDocument unless the same text is already in the archive.

    The write happens in a transaction of its own. Two imports of the same text at once cannot both store
    it: the loser's unique-digest violation is reported as "already present", not raised.
    """
    name = name or filename
    text, problem = source_text_decode(content=content)
    if text is None:
        return ImportResult(name=name, outcome=Outcome.FAILED, dry_run=dry_run, reasons=[problem])
    digest = sha256_of_text(text)

    if dry_run and plan is not None and digest in plan.digests:
        planned, earlier_name = plan.digests[digest]
        return ImportResult(name=name, outcome=Outcome.ALREADY_PRESENT, dry_run=True, source=planned, same_as=earlier_name)
    existing = _source_with_digest(digest)
    if existing is not None:
        return ImportResult(name=name, outcome=Outcome.ALREADY_PRESENT, dry_run=dry_run, source=existing)

    metadata, errors = parse_front_matter(text)
    if errors:
        return ImportResult(name=name, outcome=Outcome.FAILED, dry_run=dry_run, reasons=["bad front matter: " + "; ".join(errors)])

    base_slug = _base_slug(title=str(metadata.get("title", "")), filename=filename)
    reserved = plan.slugs if (dry_run and plan is not None) else set()
    original_filename = PurePath(filename).name[:255]
    source = SourceDocument(text=text, sha256=digest, original_filename=original_filename, **metadata)

    source.slug = _free_slug(base_slug, reserved=reserved)
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
                source.save(force_insert=True)
                # Editors review what the report proposes (meeting, attendees, decisions...) in the admin.
                proposals_generate(source=source)
            return ImportResult(name=name, outcome=Outcome.IMPORTED, source=source)
        except IntegrityError:
            source.pk = None
            source._state.adding = True
            existing = _source_with_digest(digest)
            if existing is not None:
                return ImportResult(name=name, outcome=Outcome.ALREADY_PRESENT, source=existing)
            source.slug = _free_slug(base_slug, reserved=set())
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


def _base_slug(*, title: str, filename: str) -> str:
    max_length = SourceDocument._meta.get_field("slug").max_length - 10  # room for a "-N" suffix
    for candidate in (title, Path(filename).stem, filename):
        slug = slugify(candidate)[:max_length].strip("-_")
        if slug:
            return slug
    return "source"


def _free_slug(base: str, *, reserved: set[str]) -> str:
    taken = set(SourceDocument.objects.filter(slug__startswith=base).values_list("slug", flat=True)) | reserved
    if base not in taken:
        return base
    suffix = 2
    while f"{base}-{suffix}" in taken:
        suffix += 1
    return f"{base}-{suffix}"


def _model_problems(source: SourceDocument) -> list[str]:
    """Return what the model's own validation refuses, as readable lines (empty if it is valid)."""
    try:
        # Uniqueness is left to the database constraints, which also catch concurrent imports.
        source.full_clean(validate_unique=False)
    except ValidationError as error:
        return [f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()]
    return []
