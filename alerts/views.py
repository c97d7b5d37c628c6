"""The alert pages: subscribe (from any listing), confirm, manage one subscription, see all of
an address's subscriptions, and the one-click unsubscribe endpoint of RFC 8058.

Every page that carries a token is `never_cache` and sends a Referer only to this site, so a
signed link never reaches a cache or another site. The subscribe page answers the same
whatever the address (no enumeration); what differs goes only to the mailbox. Bad or expired
links get a 400 page in the site's layout, too many requests a 429 one, never an error page.
"""

from django.http import Http404, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from core import languages
from core.client_ip import client_ip

from . import ratelimit, services, tokens
from .filters import describe, normalise
from .forms import FrequencyForm, SubscribeForm
from .models import Frequency, Listing, Subscriber, Subscription

LISTING_PAGES = {
    Listing.NEWS: "news:list",
    Listing.MEETINGS: "news:meeting_list",
    Listing.PROJECTS: "projects:list",
    Listing.DOCUMENTS: "documents:list",
}


def _private(response):
    # Not `no-referrer`: browsers then send `Origin: null` with the page's own forms, which
    # CSRF protection rightly refuses. `same-origin` keeps the token in the URL from other
    # sites all the same.
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex"
    return response


def render_page(request, template, context=None, status=200):
    base = {
        "breadcrumbs": [
            (_("Home"), reverse("website:home")),
            (_("E-mail alerts"), reverse("alerts:index")),
        ],
    }
    base.update(context or {})
    return _private(render(request, template, base, status=status))


def bad_link(request):
    return render_page(request, "alerts/bad_link.html", status=400)


@never_cache
def index(request):
    return render_page(request, "alerts/index.html")


def _listing_url(listing, query):
    url = reverse(LISTING_PAGES[listing])
    return f"{url}?{query}" if query else url


@never_cache
@sensitive_post_parameters("email")
@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request, listing):
    if listing not in Listing.values:
        raise Http404
    page_language = languages.active()
    if request.method == "POST":
        form = SubscribeForm(request.POST)
        raw_query = QueryDict(request.POST.get("filter", "")[:2000])
        query = normalise(listing, raw_query, page_language)
    else:
        raw_query = request.GET
        query = normalise(listing, raw_query, page_language)
        form = SubscribeForm(
            initial={"language": page_language, "frequency": Frequency.IMMEDIATE, "filter": query}
        )
    context = {
        "form": form,
        "listing": listing,
        "description": describe(listing, page_language, query),
        "listing_url": _listing_url(listing, query),
    }
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if not ratelimit.allow(email, client_ip(request)):
            response = render_page(request, "alerts/rate_limited.html", status=429)
            response["Retry-After"] = str(ratelimit.retry_after())
            return response
        language = form.cleaned_data["language"]
        services.subscribe(
            email,
            listing,
            language,
            normalise(listing, raw_query, language),
            form.cleaned_data["frequency"],
        )
        # The same page whatever happened: the mailbox's owner learns the rest.
        return render_page(request, "alerts/check_mailbox.html", context)
    return render_page(request, "alerts/subscribe.html", context)


def _subscription(pair, *, by_filter=False):
    if pair is None:
        return None
    pk, other = pair
    lookup = {"pk": pk, "filter_id" if by_filter else "subscriber_id": other}
    return Subscription.objects.select_related("filter", "subscriber").filter(**lookup).first()


def _described(subscription):
    alert_filter = subscription.filter
    return {
        "subscription": subscription,
        "description": describe(alert_filter.listing, languages.active(), alert_filter.query),
        "listing_url": _listing_url(alert_filter.listing, alert_filter.query),
    }


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    """GET shows a button, POST confirms: a mail scanner that fetches every link in a mail
    confirms nothing on its reader's behalf."""
    subscription = _subscription(tokens.read_confirm(token), by_filter=True)
    if subscription is None:
        return bad_link(request)
    context = _described(subscription)
    if request.method == "POST":
        services.confirm(subscription)
        context["manage_token"] = tokens.manage_token(subscription)
        return render_page(request, "alerts/confirmed.html", context)
    return render_page(request, "alerts/confirm.html", context)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def manage(request, token):
    subscription = _subscription(tokens.read_manage(token))
    if subscription is None or subscription.confirmed_at is None:
        return bad_link(request)
    context = _described(subscription)
    form = FrequencyForm(initial={"frequency": subscription.frequency})
    if request.method == "POST":
        if request.POST.get("unsubscribe"):
            services.unsubscribe(subscription)
            return render_page(request, "alerts/unsubscribed.html", context)
        form = FrequencyForm(request.POST)
        if form.is_valid():
            services.set_frequency(subscription, form.cleaned_data["frequency"])
            context["saved"] = True
            form = FrequencyForm(initial={"frequency": subscription.frequency})
    context.update(
        form=form,
        token=token,
        address_token=tokens.address_token(subscription.subscriber),
    )
    return render_page(request, "alerts/manage.html", context)


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    """The `List-Unsubscribe` URL. POST (RFC 8058 one-click, sent by mail clients with
    `List-Unsubscribe=One-Click` and no cookies, hence exempt from CSRF, only here) ends the
    subscription; GET asks first, as a link prefetched by a scanner must not unsubscribe."""
    subscription = _subscription(tokens.read_manage(token))
    if request.method == "POST":
        if subscription is not None:
            context = _described(subscription)
            services.unsubscribe(subscription)
            return render_page(request, "alerts/unsubscribed.html", context)
        if tokens.read_manage(token) is not None:
            # Already gone: unsubscribing twice is done, not an error.
            return render_page(request, "alerts/unsubscribed.html")
        return bad_link(request)
    if subscription is None:
        if tokens.read_manage(token) is not None:
            return render_page(request, "alerts/unsubscribed.html")
        return bad_link(request)
    return render_page(request, "alerts/unsubscribe.html", _described(subscription))


@never_cache
def address(request, token):
    pk = tokens.read_address(token)
    subscriber = Subscriber.objects.filter(pk=pk).first() if pk is not None else None
    if subscriber is None:
        return bad_link(request)
    subscriptions = [
        {**_described(subscription), "manage_token": tokens.manage_token(subscription)}
        for subscription in subscriber.subscriptions.filter(confirmed_at__isnull=False)
        .select_related("filter", "subscriber")
        .order_by("created_at")
    ]
    return render_page(
        request,
        "alerts/address.html",
        {"subscriptions": subscriptions, "suspended": subscriber.suspended_at is not None},
    )
