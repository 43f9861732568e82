from seeding.commands import CuratedItemsCommand
from seeding.figures import DEFAULT_PATH, figures_load_curated


class Command(CuratedItemsCommand):
    help = (
        "Load the curated figures (regions, measures, figures quoted by the seed articles). "
        "Run `import_sources seeds/` first: each figure cites an imported source. Existing records are left as they are, "
        "so running it again changes nothing; a bad item is reported by name, the others still load, and the command then fails."
    )
    default_path = DEFAULT_PATH
    what = "figures"
    load = staticmethod(figures_load_curated)
