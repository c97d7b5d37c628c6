"""Where demo stories happen, and the places' names in the other languages."""

from demo.languages import per_language

CAPITALS = {
    "AL": "Tirana", "AD": "Andorra la Vella", "AM": "Yerevan", "AT": "Vienna", "AZ": "Baku",
    "BE": "Brussels", "BY": "Minsk", "BA": "Sarajevo", "BG": "Sofia", "CA": "Ottawa",
    "HR": "Zagreb", "CY": "Nicosia", "CZ": "Prague", "DK": "Copenhagen", "EE": "Tallinn",
    "FI": "Helsinki", "FR": "Paris", "GE": "Tbilisi", "DE": "Berlin", "GR": "Athens",
    "VA": "Vatican City", "HU": "Budapest", "IS": "Reykjavik", "IE": "Dublin", "IT": "Rome",
    "KZ": "Astana", "KG": "Bishkek", "LV": "Riga", "LI": "Vaduz", "LT": "Vilnius",
    "LU": "Luxembourg", "MT": "Valletta", "MD": "Chisinau", "MC": "Monaco",
    "MN": "Ulaanbaatar", "ME": "Podgorica", "NL": "The Hague", "MK": "Skopje", "NO": "Oslo",
    "PL": "Warsaw", "PT": "Lisbon", "RO": "Bucharest", "RU": "Moscow", "SM": "San Marino",
    "RS": "Belgrade", "SK": "Bratislava", "SI": "Ljubljana", "ES": "Madrid",
    "SE": "Stockholm", "CH": "Bern", "TJ": "Dushanbe", "TR": "Ankara", "TM": "Ashgabat",
    "UA": "Kyiv", "GB": "London", "US": "Washington", "UZ": "Tashkent", "DZ": "Algiers",
    "EG": "Cairo", "JO": "Amman", "MA": "Rabat", "TN": "Tunis", "AF": "Kabul",
    "AU": "Canberra", "JP": "Tokyo", "KR": "Seoul", "TH": "Bangkok",
}  # fmt: skip

# Other towns where field operations work, so items are not all set in capitals.
TOWNS = {
    "AL": ["Shkodër", "Durrës", "Vlorë", "Korçë"],
    "BA": ["Banja Luka", "Mostar", "Tuzla", "Bihać"],
    "ME": ["Nikšić", "Bar", "Bijelo Polje"],
    "RS": ["Novi Sad", "Niš", "Kragujevac", "Bujanovac"],
    "MK": ["Tetovo", "Bitola", "Kumanovo", "Štip"],
    "MD": ["Comrat", "Bălți", "Cahul"],
    "KG": ["Osh", "Jalal-Abad", "Karakol", "Batken"],
    "TJ": ["Khujand", "Kulob", "Khorog", "Bokhtar"],
    "KZ": ["Almaty", "Shymkent", "Karaganda", "Aktobe"],
    "UZ": ["Samarkand", "Nukus", "Fergana", "Bukhara"],
    "TM": ["Mary", "Turkmenbashi", "Dashoguz"],
    "UA": ["Kharkiv", "Odesa", "Lviv", "Dnipro"],
    "GE": ["Batumi", "Kutaisi", "Gori"],
    "AM": ["Gyumri", "Vanadzor"],
    "AZ": ["Ganja", "Sumgait"],
    "HR": ["Split", "Osijek", "Vukovar"],
}
KOSOVO_TOWNS = ["Pristina", "Prizren", "Mitrovicë/Mitrovica", "Pejë/Peć", "Gjilan/Gnjilane"]
DONBAS_PLACES = [
    "Avdiivka", "Shyrokyne", "Stanytsia Luhanska", "Debaltseve", "Mariupol", "Popasna",
    "Horlivka", "Zolote", "Marinka", "Yasynuvata", "Svitlodarsk", "Pisky",
]  # fmt: skip

REGIONS = {
    "South-Eastern Europe": ["AL", "BA", "ME", "RS", "MK", "HR"],
    "Central Asia": ["KZ", "KG", "TJ", "TM", "UZ"],
    "Eastern Europe": ["MD", "UA"],
    "South Caucasus": ["AM", "AZ", "GE"],
}
# Articles for names that need one mid-sentence ("in the Russian Federation").
COUNTRIES_WITH_ARTICLE = {"RU", "GB", "US", "NL", "VA", "KR", "CZ"}


# Cities under their names in each language (the English name where this has none).
CITY_NAMES = {
    "Tirana": ("Tirana", "Tirana", "Tirana", "Тирана", "Tirana"),
    "Andorra la Vella": (
        "Andorre-la-Vieille", "Andorra la Vella", "Andorra la Vella", "Андорра-ла-Велья",
        "Andorra la Vieja",
    ),
    "Yerevan": ("Erevan", "Jerewan", "Erevan", "Ереван", "Ereván"),
    "Vienna": ("Vienne", "Wien", "Vienna", "Вена", "Viena"),
    "Baku": ("Bakou", "Baku", "Baku", "Баку", "Bakú"),
    "Brussels": ("Bruxelles", "Brüssel", "Bruxelles", "Брюссель", "Bruselas"),
    "Minsk": ("Minsk", "Minsk", "Minsk", "Минск", "Minsk"),
    "Sarajevo": ("Sarajevo", "Sarajevo", "Sarajevo", "Сараево", "Sarajevo"),
    "Sofia": ("Sofia", "Sofia", "Sofia", "София", "Sofía"),
    "Ottawa": ("Ottawa", "Ottawa", "Ottawa", "Оттава", "Ottawa"),
    "Zagreb": ("Zagreb", "Zagreb", "Zagabria", "Загреб", "Zagreb"),
    "Nicosia": ("Nicosie", "Nikosia", "Nicosia", "Никосия", "Nicosia"),
    "Prague": ("Prague", "Prag", "Praga", "Прага", "Praga"),
    "Copenhagen": ("Copenhague", "Kopenhagen", "Copenaghen", "Копенгаген", "Copenhague"),
    "Tallinn": ("Tallinn", "Tallinn", "Tallinn", "Таллин", "Tallin"),
    "Helsinki": ("Helsinki", "Helsinki", "Helsinki", "Хельсинки", "Helsinki"),
    "Paris": ("Paris", "Paris", "Parigi", "Париж", "París"),
    "Tbilisi": ("Tbilissi", "Tiflis", "Tbilisi", "Тбилиси", "Tiflis"),
    "Berlin": ("Berlin", "Berlin", "Berlino", "Берлин", "Berlín"),
    "Athens": ("Athènes", "Athen", "Atene", "Афины", "Atenas"),
    "Vatican City": (
        "Cité du Vatican", "Vatikanstadt", "Città del Vaticano", "Ватикан", "Ciudad del Vaticano",
    ),
    "Budapest": ("Budapest", "Budapest", "Budapest", "Будапешт", "Budapest"),
    "Reykjavik": ("Reykjavik", "Reykjavík", "Reykjavík", "Рейкьявик", "Reikiavik"),
    "Dublin": ("Dublin", "Dublin", "Dublino", "Дублин", "Dublín"),
    "Rome": ("Rome", "Rom", "Roma", "Рим", "Roma"),
    "Astana": ("Astana", "Astana", "Astana", "Астана", "Astaná"),
    "Bishkek": ("Bichkek", "Bischkek", "Bishkek", "Бишкек", "Biskek"),
    "Riga": ("Riga", "Riga", "Riga", "Рига", "Riga"),
    "Vaduz": ("Vaduz", "Vaduz", "Vaduz", "Вадуц", "Vaduz"),
    "Vilnius": ("Vilnius", "Vilnius", "Vilnius", "Вильнюс", "Vilna"),
    "Luxembourg": ("Luxembourg", "Luxemburg", "Lussemburgo", "Люксембург", "Luxemburgo"),
    "Valletta": ("La Valette", "Valletta", "La Valletta", "Валлетта", "La Valeta"),
    "Chisinau": ("Chișinău", "Chișinău", "Chișinău", "Кишинев", "Chisináu"),
    "Monaco": ("Monaco", "Monaco", "Monaco", "Монако", "Mónaco"),
    "Ulaanbaatar": ("Oulan-Bator", "Ulaanbaatar", "Ulan Bator", "Улан-Батор", "Ulán Bator"),
    "Podgorica": ("Podgorica", "Podgorica", "Podgorica", "Подгорица", "Podgorica"),
    "The Hague": ("La Haye", "Den Haag", "L'Aia", "Гаага", "La Haya"),
    "Skopje": ("Skopje", "Skopje", "Skopje", "Скопье", "Skopie"),
    "Oslo": ("Oslo", "Oslo", "Oslo", "Осло", "Oslo"),
    "Warsaw": ("Varsovie", "Warschau", "Varsavia", "Варшава", "Varsovia"),
    "Lisbon": ("Lisbonne", "Lissabon", "Lisbona", "Лиссабон", "Lisboa"),
    "Bucharest": ("Bucarest", "Bukarest", "Bucarest", "Бухарест", "Bucarest"),
    "Moscow": ("Moscou", "Moskau", "Mosca", "Москва", "Moscú"),
    "San Marino": ("Saint-Marin", "San Marino", "San Marino", "Сан-Марино", "San Marino"),
    "Belgrade": ("Belgrade", "Belgrad", "Belgrado", "Белград", "Belgrado"),
    "Bratislava": ("Bratislava", "Bratislava", "Bratislava", "Братислава", "Bratislava"),
    "Ljubljana": ("Ljubljana", "Ljubljana", "Lubiana", "Любляна", "Liubliana"),
    "Madrid": ("Madrid", "Madrid", "Madrid", "Мадрид", "Madrid"),
    "Stockholm": ("Stockholm", "Stockholm", "Stoccolma", "Стокгольм", "Estocolmo"),
    "Bern": ("Berne", "Bern", "Berna", "Берн", "Berna"),
    "Dushanbe": ("Douchanbé", "Duschanbe", "Dushanbe", "Душанбе", "Dusambé"),
    "Ankara": ("Ankara", "Ankara", "Ankara", "Анкара", "Ankara"),
    "Ashgabat": ("Achgabat", "Aschgabat", "Ashgabat", "Ашхабад", "Asjabad"),
    "Kyiv": ("Kyiv", "Kyjiw", "Kyiv", "Киев", "Kiev"),
    "London": ("Londres", "London", "Londra", "Лондон", "Londres"),
    "Washington": ("Washington", "Washington", "Washington", "Вашингтон", "Washington"),
    "Tashkent": ("Tachkent", "Taschkent", "Tashkent", "Ташкент", "Taskent"),
    "Amman": ("Amman", "Amman", "Amman", "Амман", "Amán"),
    "Rabat": ("Rabat", "Rabat", "Rabat", "Рабат", "Rabat"),
    "Tokyo": ("Tokyo", "Tokio", "Tokyo", "Токио", "Tokio"),
    "Seoul": ("Séoul", "Seoul", "Seul", "Сеул", "Seúl"),
    "Bangkok": ("Bangkok", "Bangkok", "Bangkok", "Бангкок", "Bangkok"),
    "Canberra": ("Canberra", "Canberra", "Canberra", "Канберра", "Canberra"),
    "Pristina": ("Pristina", "Pristina", "Pristina", "Приштина", "Pristina"),
    "Kharkiv": ("Kharkiv", "Charkiw", "Charkiv", "Харьков", "Járkov"),
    "Odesa": ("Odessa", "Odessa", "Odessa", "Одесса", "Odesa"),
    "Lviv": ("Lviv", "Lwiw", "Leopoli", "Львов", "Leópolis"),
    "Samarkand": ("Samarcande", "Samarkand", "Samarcanda", "Самарканд", "Samarcanda"),
    "Bukhara": ("Boukhara", "Buchara", "Bukhara", "Бухара", "Bujará"),
    "Khujand": ("Khodjent", "Chudschand", "Khujand", "Худжанд", "Juyand"),
    "Osh": ("Och", "Osch", "Osh", "Ош", "Osh"),
    "Almaty": ("Almaty", "Almaty", "Almaty", "Алматы", "Almaty"),
    "Batumi": ("Batoumi", "Batumi", "Batumi", "Батуми", "Batumi"),
}  # fmt: skip
CITY_NAMES = {city: per_language(*names) for city, names in CITY_NAMES.items()}


# The regions of the field operations: name, "in the region", "from the region".
REGION_NAMES = {
    "South-Eastern Europe": per_language(
        ("Europe du Sud-Est", "en Europe du Sud-Est", "d'Europe du Sud-Est"),
        ("Südosteuropa", "in Südosteuropa", "aus Südosteuropa"),
        ("Europa sudorientale", "nell'Europa sudorientale", "dell'Europa sudorientale"),
        ("Юго-Восточная Европа", "в Юго-Восточной Европе", "из стран Юго-Восточной Европы"),
        ("Europa Sudoriental", "en Europa Sudoriental", "de Europa Sudoriental"),
    ),
    "Central Asia": per_language(
        ("Asie centrale", "en Asie centrale", "d'Asie centrale"),
        ("Zentralasien", "in Zentralasien", "aus Zentralasien"),
        ("Asia centrale", "in Asia centrale", "dell'Asia centrale"),
        ("Центральная Азия", "в Центральной Азии", "из стран Центральной Азии"),
        ("Asia Central", "en Asia Central", "de Asia Central"),
    ),
    "Eastern Europe": per_language(
        ("Europe orientale", "en Europe orientale", "d'Europe orientale"),
        ("Osteuropa", "in Osteuropa", "aus Osteuropa"),
        ("Europa orientale", "nell'Europa orientale", "dell'Europa orientale"),
        ("Восточная Европа", "в Восточной Европе", "из стран Восточной Европы"),
        ("Europa Oriental", "en Europa Oriental", "de Europa Oriental"),
    ),
    "South Caucasus": per_language(
        ("Caucase du Sud", "dans le Caucase du Sud", "du Caucase du Sud"),
        ("Südkaukasus", "im Südkaukasus", "aus dem Südkaukasus"),
        ("Caucaso meridionale", "nel Caucaso meridionale", "del Caucaso meridionale"),
        ("Южный Кавказ", "на Южном Кавказе", "из стран Южного Кавказа"),
        ("Cáucaso Meridional", "en el Cáucaso Meridional", "del Cáucaso Meridional"),
    ),
    "OSCE": per_language(
        ("espace de l'OSCE", "dans l'espace de l'OSCE", "de l'espace de l'OSCE"),
        ("OSZE-Raum", "im OSZE-Raum", "aus dem OSZE-Raum"),
        ("area dell'OSCE", "nell'area dell'OSCE", "dell'area dell'OSCE"),
        ("регион ОБСЕ", "в регионе ОБСЕ", "из стран региона ОБСЕ"),
        ("área de la OSCE", "en el área de la OSCE", "del área de la OSCE"),
    ),
}


DONBAS_RU = {
    "Avdiivka": "Авдеевка", "Shyrokyne": "Широкино", "Stanytsia Luhanska": "Станица Луганская",
    "Debaltseve": "Дебальцево", "Mariupol": "Мариуполь", "Popasna": "Попасная",
    "Horlivka": "Горловка", "Zolote": "Золотое", "Marinka": "Марьинка",
    "Yasynuvata": "Ясиноватая", "Svitlodarsk": "Светлодарск", "Pisky": "Пески",
}  # fmt: skip
