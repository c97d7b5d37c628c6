"""`/images/<app_label>.<model>/<item>/<name>`: the files of an image that are not (yet) public,
for every content type with images (news.media_privacy.image_models); `/news-images/<item>/<name>`,
the route news items had first, still answers for them, so links already handed out keep working.

The public storage serves an image once its item is public and `sync_image_privacy` has moved
its files there (news.media_privacy). Before that, pages point here: editors who may preview
items of that type get the file for their preview, never kept by a shared cache; anyone else
gets it only once the item is public by the clock (a schedule came due before the files
moved), and a 404 otherwise — the same answer as for a name, an item or a type that never
existed.
"""

import mimetypes

from django.http import FileResponse, Http404
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.decorators.http import require_safe

from core.private_media import public_or_private
from news.media_privacy import image_models, item_files
from news.views.preview import can_preview

# As long as nginx keeps /media/: a picture that is public may be kept a while.
PUBLIC_MAX_AGE = 3600


def _model(label):
    for model in image_models():
        if model._meta.label_lower == label:
            return model
    raise Http404("No such image.")


@require_safe
def content_image_view(request, model, pk, name):
    model = _model(model)
    item = (
        model.objects.filter(pk=pk)
        .only("pk", "image", "image_renditions", "status", "publish_at", "expire_at")
        .first()
    )
    if item is None or name not in item_files(item):
        raise Http404("No such image.")
    public = item.is_published
    if not public and not can_preview(request.user, model):
        raise Http404("No such image.")
    try:
        handle = public_or_private.open(name, "rb")
    except FileNotFoundError:
        raise Http404("No such image.") from None
    response = FileResponse(handle, content_type=mimetypes.guess_type(name)[0])
    if public:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    else:
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
    return response


def news_image_view(request, pk, name):
    return content_image_view(request, "news.newsitem", pk, name)
