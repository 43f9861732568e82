from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@never_cache
@require_safe
def healthz(request):
    """Answer as long as the process serves requests; it touches no database."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_safe
def readyz(request):
    """Answer 200 when the database answers a query, else 503, so a load balancer stops sending traffic here."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return JsonResponse({"status": "unavailable", "database": "unreachable", "error": type(error).__name__}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
