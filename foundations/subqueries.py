"""Annotations computed per row by a correlated subquery, so a paginated list only counts its own page."""
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce


def count_of(queryset, field: str):
    """Return an annotation counting the rows of `queryset` whose `field` is the outer record (0 if none)."""
    counted = queryset.filter(**{field: OuterRef("pk")}).order_by().values(field).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))
