import gc
import time
from pathlib import Path

from django.core.management.base import BaseCommand

from curation.extraction import pipeline
from curation.extraction.gazetteer import Gazetteer, builtin_entries
from sources.front_matter import article_start

_ARTICLES = Path(__file__).resolve().parents[2] / "evaluation" / "web1"


def generated_text(size: int) -> str:
    """Return about `size` characters of report text: the web-like evaluation articles repeated, pages and all."""
    articles = [path.read_text(encoding="utf-8") for path in sorted(_ARTICLES.glob("*.txt"))]
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

    def handle(self, *args, sizes, **options):
        gazetteer = Gazetteer(builtin_entries())
        self.stdout.write(f"{'characters':>12} {'seconds':>8} {'KB/s':>7}")
        for size in (int(value) for value in sizes.split(",")):
            text = generated_text(size)
            gc.collect()
            started = time.perf_counter()
            pipeline.extract(text, None, gazetteer)
            seconds = time.perf_counter() - started
            kilobytes = len(text.encode("utf-8")) / 1024
            self.stdout.write(f"{len(text):>12} {seconds:>8.2f} {kilobytes / seconds:>7.0f}")
