"""WSGI entry point, for gunicorn in production (`gunicorn naparchive.wsgi`)."""
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "naparchive.settings")

application = get_wsgi_application()
