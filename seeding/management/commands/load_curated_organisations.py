from seeding.commands import CuratedItemsCommand
from seeding.organisations import DEFAULT_PATH, organisations_load_curated


class Command(CuratedItemsCommand):
    help = (
        "Load the curated organisations the seed articles name, with their citations. "
        "Run `import_sources seeds/` first (and `load_curated_archive`, to link decisions and operations). Existing records are left as they are, "
        "so running it again changes nothing; a bad item is reported by name, the others still load, and the command then fails."
    )
    default_path = DEFAULT_PATH
    what = "organisations"
    load = staticmethod(organisations_load_curated)
