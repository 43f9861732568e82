"""Who may do what through the API (its own module: DRF reads its settings, which name this, on import)."""
from rest_framework.permissions import SAFE_METHODS, DjangoModelPermissionsOrAnonReadOnly


class ArchivePermissions(DjangoModelPermissionsOrAnonReadOnly):
    """Anyone may read; writing needs the model's add/change permission (the editors' groups).

    Reads are let through before the parent class builds the view's whole queryset only to learn
    its model: it asks no permission for a read anyway.
    """

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            return True
        return super().has_permission(request, view)
