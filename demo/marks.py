"""How demo content is told apart from what editors write, so a new run replaces only it.

News items carry a `source_url` under a reserved domain that never resolves; meetings a slug
prefix.
"""

DEMO_URL_PREFIX = "https://demo.invalid/"
DEMO_MEETING_PREFIX = "demo-"
