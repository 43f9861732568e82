"""Filters every resource shares: related records by slug or id, years, date-times, yes/no, status."""
import re
from collections.abc import Callable

import django_filters
from django import forms
from django.db.models import Model
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import exceptions

from foundations.publication import PublicationStatus
from foundations.slugs import record_by_former_slug
from restapi.visibility import request_sees_drafts, visible


class _BoundedIdField(forms.ModelChoiceField):
    # A value that is not a plausible id never reaches the database (SQLite cannot even bind one
    # past 64 bits).
    def to_python(self, value):
        if value not in self.empty_values and not re.fullmatch(r"[0-9]{1,18}", str(value)):
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value})
        return super().to_python(value)


def visible_choices(model: type[Model]) -> Callable:
    """Return a FilterSet queryset callable: the records of a model this request may see."""

    def queryset(request):
        return visible(model, drafts=request_sees_drafts(request, model) if request is not None else False)

    return queryset


class _SlugOrIdField(forms.ModelChoiceField):
    # Ids never change, slugs may: a value of digits alone is an id first (no slug the archive makes
    # is digits alone), then a slug.
    def to_python(self, value):
        if value not in self.empty_values and re.fullmatch(r"[0-9]{1,18}", str(value)):
            record = self.queryset.filter(pk=int(value)).first()
            if record is not None:
                return record
        try:
            return super().to_python(value)
        except forms.ValidationError:
            record = record_by_former_slug(self.queryset, str(value)) if value not in self.empty_values else None
            if record is None:
                raise
            return record


def slug_filter(model: type[Model], field_name: str, label: str, **kwargs) -> django_filters.ModelChoiceFilter:
    """Return a filter on a related record given by slug or permanent id; an unknown one is a 400 naming it."""
    return _SlugFilter(
        field_name=field_name,
        queryset=visible_choices(model),
        to_field_name="slug",
        label=f"{label.replace(' (slug)', '').rstrip()} Give its current slug, a former slug or its permanent numeric id.",
        error_messages={"invalid_choice": f"No {model._meta.verbose_name} with the slug or id “%(value)s”."},
        **kwargs,
    )


def id_filter(model: type[Model], field_name: str, label: str, **kwargs) -> django_filters.ModelChoiceFilter:
    """Return a filter on a related record given by numeric id; an unknown id is a 400 naming it."""
    return _IdFilter(
        field_name=field_name,
        queryset=visible_choices(model),
        label=label,
        error_messages={"invalid_choice": f"No {model._meta.verbose_name} with the id “%(value)s”."},
        **kwargs,
    )


@extend_schema_field(OpenApiTypes.INT)
class _IdFilter(django_filters.ModelChoiceFilter):
    field_class = _BoundedIdField


@extend_schema_field(OpenApiTypes.STR)
class _SlugFilter(django_filters.ModelChoiceFilter):
    field_class = _SlugOrIdField


@extend_schema_field(OpenApiTypes.INT)
class YearFilter(django_filters.NumberFilter):
    """A four-digit year; anything else is a 400."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 9999)
        super().__init__(*args, **kwargs)


EARLIEST_YEAR, LATEST_YEAR = 1950, 9998


def check_datetime_range(value):
    """Refuse date-times the archive cannot mean (and that would overflow time-zone arithmetic)."""
    if value is not None and not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise forms.ValidationError(f"Give a date-time between the years {EARLIEST_YEAR} and {LATEST_YEAR}.")


class _BoundedIsoDateTimeField(django_filters.fields.IsoDateTimeField):
    default_validators = [check_datetime_range]


class BoundedIsoDateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = _BoundedIsoDateTimeField


class _RawValueWidget(forms.TextInput):
    # Django's yes/no widgets turn any unknown value into "unknown" (no filter) before the field sees it.
    pass


class StrictNullBooleanField(forms.NullBooleanField):
    """A yes/no parameter: true or false (1 or 0); anything else is an error, not "no filter"."""

    def to_python(self, value):
        if value in (True, False, None, ""):
            return super().to_python(value)
        if str(value) not in ("true", "True", "1", "false", "False", "0"):
            raise forms.ValidationError("Give true or false.", code="invalid")
        return super().to_python(value)

    def validate(self, value):
        pass


class ArchiveFilterSet(django_filters.FilterSet):
    """Filters every resource has: incremental sync on created_at/updated_at.

    Yes/no filters, whatever FilterSet declares them, refuse values other than true/false.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, declared in self.filters.items():
            if isinstance(declared, django_filters.BooleanFilter):
                declared.field_class = StrictNullBooleanField
                declared.extra["widget"] = _RawValueWidget

    updated_since = BoundedIsoDateTimeFilter(
        field_name="updated_at",
        lookup_expr="gte",
        label="Only records changed at or after this ISO 8601 date-time (with no offset: Pakistan time).",
    )
    created_since = BoundedIsoDateTimeFilter(
        field_name="created_at",
        lookup_expr="gte",
        label="Only records created at or after this ISO 8601 date-time (with no offset: Pakistan time).",
    )


class PublishableFilterSet(ArchiveFilterSet):
    """Adds `status`, which only editors may use (everyone else sees published records only)."""

    status = django_filters.ChoiceFilter(
        choices=PublicationStatus.choices,
        method="filter_status",
        label="Publication status. Editors only: anonymous clients see published records and get a 400 here.",
    )

    def filter_status(self, queryset, name, value):
        if not request_sees_drafts(self.request, queryset.model):
            raise exceptions.ValidationError(
                {"status": ["Only editors (with a token) can filter by publication status; everyone else sees published records only."]}
            )
        return queryset.filter(status=value)
