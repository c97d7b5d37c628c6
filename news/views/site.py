"""Placeholder until the public-site work fills it in."""

from django.http import HttpResponse


def robots_txt(request):
    return HttpResponse("placeholder")


def healthz(request):
    return HttpResponse("placeholder")
