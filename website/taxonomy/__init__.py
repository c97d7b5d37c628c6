"""Load the organisation's taxonomy from the data files in the repository.

The files (`countries/data/`, `structures/data/`, `news/data/`) are the source of truth for a
fresh site, but once loaded the rows belong to the editors. So every row remembers the entry
it came from (`source_key`) and a checksum of the values as last loaded (`source_checksum`):

- a row whose current values still match its checksum is untouched and follows the file;
- a row whose values no longer match has been edited in the admin and is left alone;
- a row an editor created by hand before the first load is adopted (matched by its unique
  slug, name, ISO code or year); only its empty fields are filled in, and it is stored with
  the file's checksum so that from then on it counts as edited unless it equals the file.

Translations: an entry's `translations` object holds its text in the other languages
(`{"ru": {"name": ..., "description": ...}}`); a country's name in other languages comes from
the CLDR through Babel (by ISO code) unless its entry names it. A missing translation is left
empty, and the site shows the English text with a notice.

Country names follow one policy in every language: the official short names the organisation
uses (as on osce.org: "Kyrgyzstan"/"Кыргызстан", "Russian Federation"/"Российская Федерация",
"United States of America"/"États-Unis d'Amérique"). Where the CLDR has an everyday name
instead ("Киргизия", "Россия", "Russie"), `countries/data/countries.json` names the country.

Aliases are added when missing and never deleted. The whole load is one transaction.
"""
