from django.core.management.base import BaseCommand, CommandError

from curation.selectors import gazetteer_build
from curation.services import proposals_generate
from sources.models import SourceDocument


class Command(BaseCommand):
    help = (
        "Propose records for sources imported before assisted curation existed (or added another way). "
        "Sources that already have proposals are left alone unless --again, which re-reads their pending proposals "
        "with the gazetteer as it now stands (accepted and rejected proposals are kept)."
    )

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", help="Slugs of the sources to read; all sources when none is given.")
        parser.add_argument("--again", action="store_true", help="Read sources that already have proposals again (pending ones only).")

    def handle(self, *args, slugs, again, **options):
        sources = SourceDocument.objects.order_by("id")
        if slugs:
            sources = sources.filter(slug__in=slugs)
            missing = sorted(set(slugs) - set(sources.values_list("slug", flat=True)))
            if missing:
                raise CommandError(f"No source with slug {', '.join(missing)}.")
        gazetteer = gazetteer_build()
        created = 0
        for source in sources:
            before = source.proposals.count()
            proposals = proposals_generate(source=source, gazetteer=gazetteer, replace_pending=again)
            pending = sum(1 for proposal in proposals if proposal.state == "pending")
            if source.proposals.count() == before and not again:
                self.stdout.write(f"{source.slug}: already has {before} proposals")
                continue
            created += pending
            self.stdout.write(f"{source.slug}: {pending} pending proposals")
        self.stdout.write(f"Done: {created} pending proposals made for {sources.count()} sources.")
