"""Every public page type, as the accessibility and validity sweeps visit them.

The paths are filled in from the manifest `tests/browser/site_data.py` prints, so they name
records that exist on the served site.
"""

PAGES = {
    "home": "/",
    "news-listing": "/news/",
    "news-listing-filtered": "/news/?field_of_work={field_of_work}&country={country}",
    "news-listing-empty": "/news/?q=xylophone+quartz",
    # A ticked option in a group ("+N" next to the others) and a ticked structure whose units
    # show as included.
    "news-listing-ticked-groups": (
        "/news/?field_of_work={field_of_work}&issued_by=secretariat&issued_by={structure}"
    ),
    "news-listing-page-2": "/news/?page=2",
    "news-item-with-image": "/news/{news_with_image}/",
    "news-item-without-image": "/news/{news_without_image}/",
    "news-item-with-table": "/news/{news_with_table}/",
    "fields-of-work": "/fields-of-work/",
    "field-of-work": "/fields-of-work/{field_of_work}/",
    "countries": "/countries/",
    "country": "/countries/{country}/",
    "structures": "/structures/",
    "structure": "/structures/{structure}/",
    "meetings": "/meetings/",
    "meetings-of-a-series": "/meetings/?type={meeting_type}",
    "meeting": "/meetings/{meeting}/",
    "projects-listing": "/projects/",
    "projects-listing-filtered": (
        "/projects/?field_of_work={field_of_work}&status=completed&year_from=2018"
    ),
    "projects-listing-empty": "/projects/?q=xylophone+quartz",
    "project": "/projects/{project}/",
    "project-russian": "/ru/projects/{project}/",
    "project-not-translated": "/ru/projects/{project_in_english_only}/",
    # A field operation's page with its profile (seed_demo's) and the comparison table.
    "field-operation-profile-german": "/de/structures/{structure}/",
    "field-operations": "/field-operations/",
    "field-operations-by-budget": "/field-operations/?sort=budget&status=open",
    "documents-listing": "/documents/",
    "documents-listing-filtered": "/documents/?type=guidebook&language=ru&year_from=2015",
    "documents-listing-search": "/documents/?q=intelligence",
    "document": "/documents/{document}/",
    "document-russian": "/ru/documents/{document}/",
    "search": "/search/?q=police",
    "alerts": "/alerts/",
    "alerts-subscribe": "/alerts/news/?field_of_work={field_of_work}&country={country}",
    "alerts-subscribe-meetings": "/alerts/meetings/?type={meeting_type}",
    "alerts-subscribe-projects": "/alerts/projects/?field_of_work={field_of_work}&status=ongoing",
    "alerts-subscribe-documents": "/alerts/documents/?type=guidebook&language=ru",
    "api-docs": "/api/v1/docs/",
    "api-docs-german": "/de/api/v1/docs/",
    "news-listing-russian": "/ru/news/",
    "news-item-russian": "/ru/news/{news_in_russian}/",
    "news-item-not-translated": "/ru/news/{news_in_english_only}/",
    "home-german": "/de/",
    # Simple pages (pages/0002 ships them): one with children, one inside another, one in
    # German, one shown in English on a Russian URL.
    "simple-page": "/about/",
    "simple-page-child": "/about/contacts/",
    "simple-page-german": "/de/accessibility/",
    "simple-page-not-translated": "/ru/privacy/",
    "not-found": "/no-such-page/",
}


# The admin's pages an editor or publisher works in, swept signed in as the publisher.
ADMIN_PAGES = {
    "admin-dashboard": "/admin/",
    "admin-dashboard-calendar": "/admin/?month={calendar_month}",
    "admin-news-changelist": "/admin/news/newsitem/",
    "admin-news-change": "/admin/news/newsitem/{restore_item_id}/change/",
    "admin-meeting-change": "/admin/news/meeting/{meeting_id}/change/",
    "admin-projects-changelist": "/admin/projects/project/",
    "admin-project-change": "/admin/projects/project/{project_id}/change/",
    "admin-document-change": "/admin/documents/document/{document_id}/change/",
    "admin-page-changelist": "/admin/pages/page/",
    "admin-field-operation-profile-change": (
        "/admin/field_operations/fieldoperationprofile/{field_operation_profile_id}/change/"
    ),
    "admin-page-change": "/admin/pages/page/{page_id}/change/",
    "admin-news-history": "/admin/news/newsitem/{restore_item_id}/history/",
    "admin-news-compare": (
        "/admin/news/newsitem/{restore_item_id}/history/compare/"
        "?before={first_version}&after={last_version}"
    ),
    "admin-news-restore": "/admin/news/newsitem/{restore_item_id}/history/{first_version}/",
    "admin-redirects-changelist": "/admin/redirects/slugredirect/",
    "admin-reschedule": "/admin/reschedule/news/newsitem/{calendar_keyboard_id}/",
    # The media library: thumbnails and usage counts, the focal point picker, the items using
    # an image, and the refusal to delete one in use.
    "admin-library-changelist": "/admin/media_library/image/",
    "admin-library-add": "/admin/media_library/image/add/",
    "admin-library-change": "/admin/media_library/image/{library_image_id}/change/",
    "admin-library-usage": "/admin/media_library/image/{library_image_id}/usage/",
    "admin-library-delete-refused": "/admin/media_library/image/{library_image_id}/delete/",
}


def page_path(name, data):
    return {**PAGES, **ADMIN_PAGES}[name].format(**data)
