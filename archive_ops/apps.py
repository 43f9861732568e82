from django.apps import AppConfig


class ArchiveOpsConfig(AppConfig):
    """Operating the archive in production: backups, synthetic data for benchmarks, cache invalidation."""

    name = "archive_ops"
    verbose_name = "Archive operations"
