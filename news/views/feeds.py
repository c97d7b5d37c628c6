"""Placeholder until the public-site work fills it in."""

from django.http import HttpResponse


class NewsFeed:
    def __call__(self, request):
        return HttpResponse("placeholder")
