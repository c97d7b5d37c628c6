"""Which country fields are translated (django-modeltranslation adds name_fr, name_ru, ...).

Names in other languages come from the CLDR through Babel when the taxonomy is loaded
(website.taxonomy); an editor's own wording wins and is kept on later loads.
"""

from modeltranslation.translator import TranslationOptions, register

from countries.models import Country


@register(Country)
class CountryTranslation(TranslationOptions):
    fields = ("name", "description")
