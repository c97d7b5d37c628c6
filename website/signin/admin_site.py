"""The admin site (`admin.site`, made ours by `apps.SignInAdminConfig`).

It signs in with `forms.SignInForm` and, beyond Django's staff check, lets in only sessions
that satisfy the second factor (`second_factor.satisfied`). An account that must enrol is
sent to the enrolment page from the sign-in page, which is where the admin sends everyone it
does not let in; signing out is always allowed. Each admin request keeps the session alive
(`sessions`).
"""

from functools import partial

from django.contrib.admin import AdminSite
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import path, reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.i18n import JavaScriptCatalog

from website.admin_language import choose_language
from website.dashboard import dashboard
from website.link_chooser import link_chooser
from website.schedule_calendar import MONTH_PARAMETER, month_calendar
from website.signin import enrolment, second_factor
from website.signin.forms import SignInForm
from website.signin.sessions import keep_alive


class SignInAdminSite(AdminSite):
    login_form = SignInForm
    login_template = "admin/signin.html"

    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        if request.path == reverse("admin:logout", current_app=self.name):
            return True
        return second_factor.satisfied(request.user)

    def admin_view(self, view, cacheable=False):
        return super().admin_view(keep_alive(view), cacheable)

    def login(self, request, extra_context=None):
        if second_factor.must_enrol(request.user):
            return redirect("admin:second_factor")
        response = super().login(request, extra_context)
        # Signed in just now with the password alone: enrolment comes before anything else.
        # The sign-in's own redirect is kept, with the cookies it sets (a new CSRF token).
        if second_factor.must_enrol(request.user):
            response["Location"] = reverse("admin:second_factor", current_app=self.name)
        return response

    def index(self, request, extra_context=None):
        """The newsroom's dashboard above the list of models (website.dashboard)."""
        context = {
            "dashboard": dashboard(request.user),
            "schedule_calendar": month_calendar(request.user, request.GET.get(MONTH_PARAMETER)),
            **(extra_context or {}),
        }
        return super().index(request, context)

    def i18n_javascript(self, request, extra_context=None):
        """The admin's catalogue plus the rich-text editor's (its dialogs, and our
        `djangojs` translations of its buttons in `locale/`)."""
        return JavaScriptCatalog.as_view(packages=["django.contrib.admin", "django_prose_editor"])(
            request
        )

    def get_urls(self):
        # Here, not at the top: the view stands on the news admin's revisions, whose import
        # registers models with this very site.
        from website.reschedule import reschedule_view

        return [
            path("second-factor/", self.enrolment_view, name="second_factor"),
            path(
                "reschedule/<str:app_label>/<str:model_name>/<int:pk>/",
                self.admin_view(partial(reschedule_view, admin_site=self)),
                name="reschedule",
            ),
            path("link-chooser/", self.admin_view(link_chooser), name="link_chooser"),
            path("language/", self.admin_view(choose_language), name="choose_language"),
            *super().get_urls(),
        ]

    @property
    def enrolment_view(self):
        @never_cache
        @csrf_protect
        @keep_alive
        def view(request):
            user = request.user
            if not (user.is_active and user.is_staff):
                return redirect_to_login(
                    request.get_full_path(), reverse("admin:login", current_app=self.name)
                )
            return enrolment.second_factor(request, self)

        return view
