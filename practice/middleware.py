"""Pages made for a signed-in reader are theirs alone.

Every response to a signed-in reader says `Cache-Control: private, no-store`: no proxy or shared cache
keeps a copy, and the browser does not store their answers, notes or data exports on disk. Public pages
seen by visitors are left cacheable.
"""

from django.utils.cache import patch_cache_control


class PrivateForReadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response
