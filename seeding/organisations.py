"""Load the curated organisations the seed articles name, with their citations and links."""
from __future__ import annotations

from pathlib import Path

from meetings.models import Decision
from foundations.publication import PublicationStatus
from operations.models import Operation
from organisations.models import Organisation, OrganisationAlias, OrganisationCitation
from seeding.files import CURATED_DIR, curated_file_read
from seeding.items import LoadReport, items_load, source_for_item
from editorial.services import record_save

DEFAULT_PATH = CURATED_DIR / "seed_organisations.json"


def _cited_records(model, reference: dict):
    """Return the records of this model cited from a source by a quote containing the given words."""
    return model.objects.filter(
        citations__source__sha256=reference["source_sha256"],
        citations__quote__contains=reference["quote_contains"],
    ).distinct()


def _organisation_load(item: dict, report: LoadReport) -> None:
    organisation = Organisation.objects.filter(slug=item["slug"]).first()
    if organisation is None:
        organisation = Organisation(
            slug=item["slug"],
            name=item["name"],
            kind=item.get("kind", Organisation.Kind.OTHER),
            banned=item.get("banned", False),
            description=item.get("description", ""),
            status=PublicationStatus.PUBLISHED,
        )
        organisation.full_clean()
        record_save(record=organisation, user=None)
        report.created.append(f"organisation {organisation.slug}")
    else:
        report.present.append(f"organisation {organisation.slug}")
    for alias_item in item.get("aliases", []):
        _alias_load(organisation, alias_item, report)
    for citation_item in item.get("citations", []):
        source = source_for_item(reference=citation_item["source"])
        citation = OrganisationCitation(organisation=organisation, source=source, quote=citation_item["quote"], note=citation_item.get("note", ""))
        citation.full_clean()
        if not organisation.citations.filter(source=source, quote=citation.quote).exists():
            record_save(record=citation, user=None)
            report.created.append(f"citation for {organisation.slug}")
    # Decisions and operations are curated by load_curated_archive; link those already there, say which are not.
    for field, model in (("decisions", Decision), ("operations", Operation)):
        for reference in item.get(field, []):
            records = list(_cited_records(model, reference))
            if records:
                getattr(organisation, field).add(*records)
            else:
                report.notes.append(
                    f"{organisation.slug}: no {model._meta.verbose_name} cited with “{reference['quote_contains']}” yet; "
                    "run `manage.py load_curated_archive`, then this command again, to link it."
                )


def _alias_load(organisation: Organisation, item: dict, report: LoadReport) -> None:
    """Add the alias unless the organisation has it (in any case); one another record has is a clear error."""
    if organisation.aliases.filter(name__iexact=item["name"]).exists():
        report.present.append(f"alias {item['name']} of {organisation.slug}")
        return
    alias = OrganisationAlias(
        organisation=organisation,
        name=item["name"],
        kind=item.get("kind", OrganisationAlias.Kind.SPELLING),
        note=item.get("note", ""),
    )
    # Names the field and says "This alias is already recorded." when another organisation has it.
    alias.full_clean()
    record_save(record=alias, user=None)
    report.created.append(f"alias {alias.name} of {organisation.slug}")


def organisations_load_curated(*, path: Path = DEFAULT_PATH) -> LoadReport:
    """Create the curated organisations and citations that are missing and link them; change nothing already there."""
    return items_load(content=curated_file_read(path=path), steps=[("organisations", _organisation_load)])
