from django.http import HttpResponse


def trivial(request):
    """The framework's floor: the whole middleware stack, no database, no template."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")
