"""The languages the demo writes besides English, and the grammatical forms it agrees with.

An item's languages are drawn first; its templates are then chosen among those translated into
all of them, so every version of an item says the same thing (an English-only item may use any
template). Every tuple of translations under `demo.data` is in OTHER_LANGUAGES order.

Translated templates use the English placeholders, spelled for each language by
`NewsGenerator._local_context`: {the_issuer} carries its article ("la Mission de l'OSCE en
Serbie"), {in_country} and {in_city} their preposition ("au Kazakhstan", "in der Ukraine"),
{on_date} its preposition ("am 5. März 2020"), {phrase} the case its sentences need (Russian:
genitive, after "по вопросам"; French also as {de_phrase}, elided). Russian sentences name
bodies, countries and places only in the nominative, so no proper name is ever inflected.
"[m|f|n|pl]", "[m|f|pl]" and "[singular|plural]" give the form that agrees with the issuing
body's grammatical gender and number.
"""

OTHER_LANGUAGES = ("fr", "de", "it", "ru", "es")
MASCULINE, FEMININE, NEUTER, PLURAL = range(4)


def per_language(*texts):
    """Tables list translations as tuples to stay readable; code looks them up by language."""
    return dict(zip(OTHER_LANGUAGES, texts, strict=True))
