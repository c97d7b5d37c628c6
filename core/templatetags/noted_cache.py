"""`{% cache %}` that keeps, with the fragment, what it shows (core.page_dependencies), and
`{% cache_shown %}`, a fragment kept under what it shows (core.fragments).

Django's `{% cache %}` reused a fragment without a trace: a page built from it could not say
which items it shows, so it had to depend on everything. This one records the notes taken
while the fragment is rendered (the item versions read, the rows loaded) and stores them with
its HTML; where the fragment is reused, they are passed on to the page being rendered. The
same arguments as Django's tag (`{% cache timeout name vary_on... %}`), the default cache; its
keys name what the fragment depends on (a state), so this process keeps a copy of what it read
(core.fragments.LOCAL) and asks the shared cache only for what it has not seen.

`{% cache_shown timeout name vary_on... [shown=versions] %}…{% endcache_shown %}` names only
what the fragment is of (an item, a language) and keeps it as long as the versions it shows
and the listing and base states hold; `shown` adds versions its view read before it (the
page's own item).
"""

from django import template
from django.core.cache.utils import make_template_fragment_key
from django.templatetags.cache import do_cache
from django.utils.safestring import mark_safe

from core import fragments, page_dependencies

register = template.Library()


class NotedCacheNode(template.Node):
    def __init__(self, node):
        self.node = node

    def render(self, context):
        node = self.node
        timeout = node.expire_time_var.resolve(context)
        seconds = None if timeout is None else int(timeout)
        vary_on = [var.resolve(context) for var in node.vary_on]
        key = make_template_fragment_key(node.fragment_name, vary_on)
        # A timeout of 0 stores nothing (a preview): nothing is read either.
        stored = fragments.shared(key, seconds) if seconds != 0 else None
        if isinstance(stored, list | tuple) and len(stored) == 2:
            html, notes = stored
            page_dependencies.replay(notes)
            return mark_safe(html)  # our own template's output
        with page_dependencies.fragment() as notes:
            html = node.nodelist.render(context)
        if seconds is None or seconds > 0:
            fragments.store(key, [html, notes.plain()], seconds)
        return html


class ShownCacheNode(template.Node):
    def __init__(self, nodelist, timeout, name, vary_on, shown):
        self.nodelist = nodelist
        self.timeout = timeout
        self.name = name
        self.vary_on = vary_on
        self.shown = shown

    def render(self, context):
        timeout = self.timeout.resolve(context)
        seconds = None if timeout is None else int(timeout)
        if seconds == 0:
            return self.nodelist.render(context)
        vary_on = [var.resolve(context) for var in self.vary_on]
        key = "shown:" + make_template_fragment_key(self.name, vary_on)
        shown = self.shown.resolve(context) if self.shown is not None else None
        html, _hit = fragments.shown_fragment(
            key, seconds, lambda: self.nodelist.render(context), shown
        )
        return mark_safe(html)  # our own template's output


@register.tag("cache")
def noted_cache(parser, token):
    return NotedCacheNode(do_cache(parser, token))


@register.tag("cache_shown")
def cache_shown(parser, token):
    nodelist = parser.parse(("endcache_shown",))
    parser.delete_first_token()
    bits = token.split_contents()
    shown = None
    if bits[-1].startswith("shown="):
        shown = parser.compile_filter(bits.pop().removeprefix("shown="))
    if len(bits) < 3:
        raise template.TemplateSyntaxError(f"{bits[0]!r} needs a timeout and a name.")
    return ShownCacheNode(
        nodelist,
        parser.compile_filter(bits[1]),
        bits[2],
        [parser.compile_filter(bit) for bit in bits[3:]],
        shown,
    )
