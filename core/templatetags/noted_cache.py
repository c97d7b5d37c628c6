"""`{% cache %}` that keeps, with the fragment, what it shows (core.page_dependencies).

Django's `{% cache %}` reused a fragment without a trace: a page built from it could not say
which items it shows, so it had to depend on everything. This one records the notes taken
while the fragment is rendered (the item versions read, the rows loaded) and stores them with
its HTML; where the fragment is reused, they are passed on to the page being rendered. The
same arguments as Django's tag (`{% cache timeout name vary_on... %}`), the default cache.
"""

from django import template
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.templatetags.cache import do_cache
from django.utils.safestring import mark_safe

from core import page_dependencies

register = template.Library()


class NotedCacheNode(template.Node):
    def __init__(self, node):
        self.node = node

    def render(self, context):
        node = self.node
        timeout = node.expire_time_var.resolve(context)
        vary_on = [var.resolve(context) for var in node.vary_on]
        key = make_template_fragment_key(node.fragment_name, vary_on)
        stored = cache.get(key)
        if isinstance(stored, list | tuple) and len(stored) == 2:
            html, notes = stored
            page_dependencies.replay(notes)
            return mark_safe(html)  # our own template's output
        with page_dependencies.fragment() as notes:
            html = node.nodelist.render(context)
        if timeout is None or int(timeout) > 0:
            cache.set(key, [html, notes.plain()], None if timeout is None else int(timeout))
        return html


@register.tag("cache")
def noted_cache(parser, token):
    return NotedCacheNode(do_cache(parser, token))
