"""Placeholder until the public-site work fills it in."""

from django.http import HttpResponse
from django.views import View


class _Stub(View):
    def get(self, request, *args, **kwargs):
        return HttpResponse("placeholder")


HomeView = _Stub
