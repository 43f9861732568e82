from django.apps import AppConfig
from django.db.backends.signals import connection_created


class ArchiveOpsConfig(AppConfig):
    """Operating the archive in production: backups, synthetic data for benchmarks, cache invalidation."""

    name = "archive_ops"
    verbose_name = "Archive operations"

    def ready(self):
        from foundations.caching import install_write_tracking

        # Every connection reports writes to the archive, so cached answers are never stale.
        connection_created.connect(install_write_tracking, dispatch_uid="archive_ops.write_tracking")
