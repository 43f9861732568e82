from django.apps import AppConfig


class SynonymsConfig(AppConfig):
    name = "synonyms"
    verbose_name = "Search synonyms"
