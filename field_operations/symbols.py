"""Document symbols (`PC.DEC/1162`, `MC.DEC/3/16/Corr.1`) and the address that opens the
document they name.

The documents app owns `/documents/symbol/<symbol>/` (it redirects to the document in the
reader's language); this app only builds that address, so it does not import the documents
app and a symbol typed before its document is uploaded is still a link that will work.
"""

import re

from django.core.validators import RegexValidator
from django.urls import reverse
from django.utils.encoding import iri_to_uri
from django.utils.translation import gettext_lazy as _

# An issuing body's prefix in capitals (with dots: PC.DEC, MC.DEC, FSC.DEC, CIO.GAL), then one
# or more parts after a slash; no spaces, nothing a URL would have to escape but "(" and ")".
SYMBOL_PATTERN = r"^[A-Z][A-Z0-9.\-]*(/[A-Za-z0-9.\-()]+)+$"

validate_symbol = RegexValidator(
    re.compile(SYMBOL_PATTERN),
    _("Enter a document symbol such as PC.DEC/1162: capitals before the first slash, no spaces."),
    code="invalid_symbol",
)


def symbol_url(symbol):
    """`/documents/symbol/PC.DEC/1162/` under the active language's prefix, or "" for none."""
    if not symbol:
        return ""
    return iri_to_uri(f"{reverse('website:home')}documents/symbol/{symbol}/")
