from django.contrib.admin.apps import AdminConfig


class SignInAdminConfig(AdminConfig):
    """Django's admin app, with our site as `admin.site`, so every `@admin.register` in the
    apps lands on the site that checks the second factor."""

    default_site = "website.signin.admin_site.SignInAdminSite"
