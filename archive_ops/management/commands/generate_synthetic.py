import time

from django.core.management.base import BaseCommand, CommandError

from archive_ops.synthetic import (
    DEFAULT_COUNTS,
    SLUG_PREFIX,
    SYNTHETIC_OUTLET,
    SyntheticArchive,
    archive_real_records,
    synthetic_plan,
)
from meetings.models import Meeting


class Command(BaseCommand):
    help = (
        "Fill the database with a synthetic archive for benchmarks (default: "
        + ", ".join(f"{count:,} {name}" for name, count in DEFAULT_COUNTS.items())
        + f", citations throughout). Every record is marked: outlet “{SYNTHETIC_OUTLET}”, slugs “{SLUG_PREFIX}…”. "
        "Refuses a database holding real records unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="Multiply every default count (0.01 for a quick run).")
        for name in DEFAULT_COUNTS:
            parser.add_argument(f"--{name}", type=int, default=None, help=f"Exact number of {name} (overrides --scale).")
        parser.add_argument("--seed", type=int, default=1, help="Random seed: the same seed gives the same archive.")
        parser.add_argument("--batch-size", type=int, default=5000, help="Rows per INSERT.")
        parser.add_argument("--force", action="store_true", help="Generate even though the database holds real records.")

    def handle(self, *args, scale, seed, batch_size, force, **options):
        if scale <= 0 or batch_size <= 0:
            raise CommandError("--scale and --batch-size must be positive.")
        counts = {name: options[name] for name in DEFAULT_COUNTS}
        if any(value is not None and value < 1 for value in counts.values()):
            raise CommandError("Every count must be at least 1.")
        real = archive_real_records()
        if real and not force:
            raise CommandError(
                "Refusing to mix synthetic records into a database that holds real ones ("
                + ", ".join(f"{count:,} {kind}" for kind, count in real.items())
                + "). Use an empty database, or --force if you really mean it."
            )
        if Meeting.objects.filter(slug__startswith=SLUG_PREFIX).exists():
            raise CommandError("This database already holds a synthetic archive: generate into a fresh database.")
        plan = synthetic_plan(scale=scale, seed=seed, batch_size=batch_size, **counts)
        self.stdout.write(
            f"Generating a synthetic archive (seed {plan.seed}): {plan.meetings:,} meetings, {plan.decisions:,} decisions, "
            f"{plan.attendees:,} attendees, {plan.sources:,} sources."
        )
        started = time.monotonic()
        created = SyntheticArchive(plan, progress=self.stdout.write).generate()
        elapsed = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"Done in {elapsed:.1f} s:"))
        width = max(len(name) for name in created)
        for name, count in created.items():
            self.stdout.write(f"  {name:<{width}}  {count:>10,}")
        self.stdout.write(f"  {'total rows':<{width}}  {sum(created.values()):>10,}  ({sum(created.values()) / elapsed:,.0f} rows/s)")
