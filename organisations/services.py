"""Load the curated organisations the seed articles name, with their citations and links."""
from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from figures.services import LoadReport, validation_error_text, curated_file_read, source_for_curated_item
from meetings.models import Decision
from foundations.publication import PublicationStatus
from operations.models import Operation
from organisations.models import Organisation, OrganisationCitation

DEFAULT_CURATED_ORGANISATIONS = Path(__file__).resolve().parent / "curated" / "seed_organisations.json"


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
        organisation.save()
        report.created.append(f"organisation {organisation.slug}")
    else:
        report.present.append(f"organisation {organisation.slug}")
    for citation_item in item.get("citations", []):
        source = source_for_curated_item(reference=citation_item["source"])
        citation = OrganisationCitation(organisation=organisation, source=source, quote=citation_item["quote"], note=citation_item.get("note", ""))
        citation.full_clean()
        if not organisation.citations.filter(source=source, quote=citation.quote).exists():
            citation.save()
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


def organisations_load_curated(*, path: Path = DEFAULT_CURATED_ORGANISATIONS) -> LoadReport:
    """Create the curated organisations and citations that are missing and link them; change nothing already there."""
    content = curated_file_read(path=path)
    report = LoadReport()
    for position, item in enumerate(content.get("organisations", []), start=1):
        label = f"organisations #{position} ({item.get('slug', '?')})" if isinstance(item, dict) else f"organisations #{position}"
        try:
            with transaction.atomic():
                _organisation_load(item, report)
        except ValidationError as error:
            report.failed.append(f"{label}: {validation_error_text(error)}")
        except (KeyError, TypeError, ValueError) as error:
            report.failed.append(f"{label}: malformed item ({error!r})")
    return report
