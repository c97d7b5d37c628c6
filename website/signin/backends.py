"""Django's model backend, loading the signed-in user together with whether the account has
a second factor: the admin asks on every page (`second_factor.satisfied`), and this way the
answer comes with the query that loads the user anyway."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from website.signin.second_factor import FLAG, any_device


class SignInBackend(ModelBackend):
    def get_user(self, user_id):
        users = get_user_model()._default_manager.annotate(**{FLAG: any_device()})
        user = users.filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
