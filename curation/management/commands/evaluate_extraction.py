import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from curation import evaluation
from curation.selectors import gazetteer_build
from curation.services import proposals_generate
from sources.importing import Outcome, source_import_bytes


class _RollBack(Exception):
    """Raised to leave the scratch transaction, undoing every write of the evaluation."""


class Command(BaseCommand):
    help = (
        "Import the articles of ARTICLES_DIR into a scratch transaction (rolled back at the end: the database is left "
        "untouched), generate proposals for each, and print precision and recall per field against ANSWERS_JSON. "
        "The answer key's format and how names match are described in curation/README.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("articles_dir", help="Folder holding the article files named in the answer key.")
        parser.add_argument("answers_json", help="The answer key: a JSON list of objects, one per article file.")
        parser.add_argument("--verbose-misses", action="store_true", help="List, per article, what was missed or proposed wrongly.")

    def handle(self, *args, articles_dir, answers_json, verbose_misses, **options):
        folder = Path(articles_dir)
        if not folder.is_dir():
            raise CommandError(f"{articles_dir}: not a folder.")
        try:
            answers = evaluation.answers_validate(json.loads(Path(answers_json).read_text(encoding="utf-8")))
        except OSError as error:
            raise CommandError(f"{answers_json}: cannot read it ({error.strerror or error}).") from error
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise CommandError(f"{answers_json}: not a JSON file ({error}).") from error
        except evaluation.AnswerKeyError as error:
            raise CommandError(f"{answers_json}: {error}") from error

        tallies = {name: evaluation.Tally() for name in evaluation.FIELDS}
        problems: list[str] = []
        scored = 0
        try:
            with transaction.atomic():
                scored = self._evaluate(folder, answers, tallies, problems, verbose_misses)
                raise _RollBack
        except _RollBack:
            pass

        self.stdout.write("")
        self.stdout.write(f"{'field':<22} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>10} {'recall':>8}")
        for name in evaluation.FIELDS:
            tally = tallies[name]
            self.stdout.write(
                f"{name:<22} {tally.true_positives:>4} {tally.false_positives:>4} {tally.false_negatives:>4} "
                f"{evaluation.format_ratio(tally.precision):>10} {evaluation.format_ratio(tally.recall):>8}"
            )
        total = evaluation.Tally(
            sum(t.true_positives for t in tallies.values()),
            sum(t.false_positives for t in tallies.values()),
            sum(t.false_negatives for t in tallies.values()),
        )
        self.stdout.write(
            f"{'all fields':<22} {total.true_positives:>4} {total.false_positives:>4} {total.false_negatives:>4} "
            f"{evaluation.format_ratio(total.precision):>10} {evaluation.format_ratio(total.recall):>8}"
        )
        self.stdout.write(f"\nSummary: {scored} of {len(answers)} articles evaluated; the database was left unchanged.")
        if problems:
            raise CommandError(f"{len(problems)} article(s) could not be evaluated: " + "; ".join(problems))

    def _evaluate(self, folder: Path, answers: list[dict], tallies, problems: list[str], verbose_misses: bool) -> int:
        scored = 0
        for position, answer in enumerate(answers, start=1):
            name = answer["file"]
            path = folder / name
            prefix = f"[{position}/{len(answers)}] {name}"
            try:
                content = path.read_bytes()
            except OSError as error:
                problems.append(f"{name}: cannot read it ({error.strerror or error})")
                self.stderr.write(f"{prefix}: cannot read it ({error.strerror or error})")
                continue
            result = source_import_bytes(content=content, filename=path.name, name=name)
            if result.outcome is Outcome.FAILED:
                problems.append(f"{name}: " + "; ".join(result.reasons))
                self.stderr.write(f"{prefix}: {'; '.join(result.reasons)}")
                continue
            source = result.source
            if result.outcome is Outcome.ALREADY_PRESENT:
                # Already in the archive: read it afresh (the transaction is rolled back, so its own proposals stay).
                source.refresh_from_db()
                source.proposals.all().delete()
            gazetteer = gazetteer_build()
            proposals = proposals_generate(source=source, gazetteer=gazetteer)
            prediction = evaluation.prediction_from_proposals(proposals)
            article = evaluation.score_article(answer, prediction, gazetteer, tallies)
            scored += 1
            status = "ok" if not article.misses else f"{len(article.misses)} field(s) differ"
            self.stdout.write(
                f"{prefix}: body={prediction.meeting_body or '-'} date={prediction.meeting_date or '-'} "
                f"chair={prediction.chair or '-'} attendees={len(prediction.attendee_offices)} "
                f"operations={len(prediction.operations)} organisations={len(prediction.banned_organisations)} ({status})"
            )
            if verbose_misses:
                for miss in article.misses:
                    self.stdout.write(f"      {miss}")
        return scored
