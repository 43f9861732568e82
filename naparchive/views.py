from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@never_cache
@require_GET
def healthz(request):
    """Answer as long as the process serves requests; it touches no database."""
    return JsonResponse({"status": "ok"})
