import gc
import time
from pathlib import Path

from django.core.management.base import BaseCommand

from curation.extraction import pipeline
from curation.extraction.gazetteer import Gazetteer, builtin_entries
from sources.front_matter import article_start

_EVALUATION = Path(__file__).resolve().parents[2] / "evaluation"


def generated_text(size: int, articles_set: str = "web1") -> str:
    """Return about `size` characters of report text: the web-like evaluation articles repeated, pages and all."""
    articles = [path.read_text(encoding="utf-8") for path in sorted((_EVALUATION / articles_set).glob("*.txt"))]
    bodies = [text[article_start(text) :] for text in articles]
    parts, length, index = [], 0, 0
    while length < size:
        parts.append(bodies[index % len(bodies)])
        length += len(parts[-1]) + 1
        index += 1
    return "\n".join(parts)


class Command(BaseCommand):
    help = "Print how fast extraction reads text (KB/s, one core) on generated texts of growing size, up to 10 MB by default."

    def add_arguments(self, parser):
        parser.add_argument("--sizes", default="100000,1000000,10485760", help="Comma-separated text sizes in characters.")
        parser.add_argument("--articles", default="web1", choices=["web1", "ur1"],
                            help="The evaluation set repeated to make the text: web1 (English) or ur1 (Urdu).")

    def handle(self, *args, sizes, articles, **options):
        gazetteer = Gazetteer(builtin_entries())
        self.stdout.write(f"{'characters':>12} {'seconds':>8} {'KB/s':>7}")
        for size in (int(value) for value in sizes.split(",")):
            text = generated_text(size, articles)
            gc.collect()
            started = time.perf_counter()
            pipeline.extract(text, None, gazetteer)
            seconds = time.perf_counter() - started
            kilobytes = len(text.encode("utf-8")) / 1024
            self.stdout.write(f"{len(text):>12} {seconds:>8.2f} {kilobytes / seconds:>7.0f}")
