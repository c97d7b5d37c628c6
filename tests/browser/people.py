"""The staff accounts of the served site, shared by the process that creates them and the tests
that log in with them."""

PASSWORD = "browser-journeys-password-1"
PEOPLE = {"editor": "Editor", "publisher": "Publisher"}
