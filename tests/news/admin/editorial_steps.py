"""Steps shared by the working-draft, review and preview tests: open a change form as a
browser would, change what a person would type, and press a named button."""

from django.urls import reverse

from tests.security.forms import form_data


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def opened(client, obj):
    """The change form's data as the page rendered it, without its save button."""
    response = client.get(change_url(obj))
    assert response.status_code == 200
    data = form_data(response, f"{obj._meta.model_name}_form")
    data.pop("_save")
    return data


def press(client, obj, data, button, **typed):
    return client.post(change_url(obj), {**data, **typed, button: "x"})
