"""Signing in to the admin: lockout after repeated failures, and a second factor.

- Repeated failures lock sign-in per username and per client address (django-axes, settings
  `AXES_*`); the refusal is made before the password hasher runs (`lockout`).
- Staff can enrol an authenticator app and get recovery codes (`enrolment`); from then on the
  admin's sign-in form asks for a code after the password (`forms`).
- With `OTP_REQUIRED`, every account with admin access needs a second factor: without one,
  the admin only lets it enrol (`admin_site`; `backends` loads the answer with the user).
- A staff session ends after 8 hours without an admin request (`sessions`).
"""
