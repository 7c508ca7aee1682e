"""The WSGI entry point (gunicorn in production, runserver in development).

In production it refuses to start, with one line, when `collectstatic` has not been run: with hashed
static file names every page would otherwise answer 500.
"""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

from config.environment import require_static_manifest

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

require_static_manifest(settings)
application = get_wsgi_application()
