"""The Special Monitoring Mission's daily and spot reports (2014–2022), in every language."""

from demo.languages import per_language

SPOT_REPORT_SUBJECTS = (
    "damage to civilian housing in",
    "civilian casualties in",
    "shelling damages water pipeline near",
    "SMM facilitates repairs to power lines near",
)


# The SMM's reports: daily title, spot-report subjects (SPOT_REPORT_SUBJECTS order), body.
REPORT_TRANSLATIONS = per_language(
    (
        "{issuer} (MSO) : dernières informations reçues au {date}, 19 h 30",
        (
            "dégâts causés à des habitations civiles à {place}",
            "victimes civiles à {place}",
            "une conduite d'eau endommagée par des bombardements près {de_place}",
            "la MSO facilite la réparation de lignes électriques près {de_place}",
        ),
        (
            "La MSO a enregistré {violations} violations du cessez-le-feu dans la région de "
            "Donetsk et {luhansk} dans la région de Louhansk, la plupart près {de_place}.",
            "La liberté de circulation de la Mission a été restreinte à un poste de contrôle, et "
            "ses drones ont repéré des armes déployées en violation des lignes de retrait.",
            "La MSO a continué de surveiller les zones de désengagement et de faciliter la "
            "réparation d'infrastructures civiles essentielles près {de_place}.",
        ),
    ),
    (
        "{issuer} (SMM): Neueste Informationen, Stand {date}, 19:30 Uhr",
        (
            "Schäden an Wohnhäusern in {place}",
            "zivile Opfer in {place}",
            "Beschuss beschädigt Wasserleitung bei {place}",
            "SMM ermöglicht Reparaturen an Stromleitungen bei {place}",
        ),
        (
            "Die SMM verzeichnete {violations} Verstöße gegen die Waffenruhe im Gebiet Donezk "
            "und {luhansk} im Gebiet Luhansk, die meisten davon bei {place}.",
            "Die Bewegungsfreiheit der Mission wurde an einem Kontrollpunkt eingeschränkt; ihre "
            "unbemannten Luftfahrzeuge sichteten Waffen unter Verletzung der Rückzugslinien.",
            "Die SMM beobachtete weiterhin die Entflechtungszonen und ermöglichte Reparaturen an "
            "kritischer ziviler Infrastruktur bei {place}.",
        ),
    ),
    (
        "{issuer} (SMM): ultime notizie, informazioni ricevute fino alle 19:30 – {date}",
        (
            "danni ad abitazioni civili a {place}",
            "vittime civili a {place}",
            "bombardamenti danneggiano una condotta idrica nei pressi di {place}",
            "la SMM agevola la riparazione di linee elettriche nei pressi di {place}",
        ),
        (
            "La SMM ha registrato {violations} violazioni del cessate il fuoco nella regione di "
            "Donetsk e {luhansk} nella regione di Luhansk, per lo più nei pressi di {place}.",
            "La libertà di movimento della Missione è stata limitata a un posto di blocco e i "
            "suoi velivoli senza pilota hanno individuato armi schierate in violazione delle "
            "linee di ritiro.",
            "La SMM ha continuato a monitorare le aree di disimpegno e ad agevolare la "
            "riparazione di infrastrutture civili essenziali nei pressi di {place}.",
        ),
    ),
    (
        "{issuer} (СММ): последние новости на основе информации, полученной по состоянию на "
        "19:30 {date}",
        (
            "повреждение жилых домов в населенном пункте {place}",
            "жертвы среди мирного населения в населенном пункте {place}",
            "в результате обстрела поврежден водопровод в районе населенного пункта {place}",
            "СММ содействует ремонту линий электропередачи в районе населенного пункта {place}",
        ),
        (
            "СММ зафиксировала {violations} {violations_noun} режима прекращения огня в "
            "Донецкой области и {luhansk} — в Луганской области, большинство из них — в районе "
            "населенного пункта {place}.",
            "Свобода передвижения Миссии была ограничена на одном из блокпостов; беспилотные "
            "летательные аппараты Миссии зафиксировали вооружения, размещенные в нарушение "
            "линий отвода.",
            "СММ продолжила наблюдение в районах разведения сил и содействие ремонту критически "
            "важных объектов гражданской инфраструктуры в районе населенного пункта {place}.",
        ),
    ),
    (
        "{issuer} (MEO): últimas noticias según la información recibida hasta las 19:30 del {date}",
        (
            "daños en viviendas civiles en {place}",
            "víctimas civiles en {place}",
            "un bombardeo daña una tubería de agua cerca de {place}",
            "la MEO facilita la reparación de tendidos eléctricos cerca de {place}",
        ),
        (
            "La MEO registró {violations} violaciones del alto el fuego en la región de Donetsk "
            "y {luhansk} en la región de Luhansk, la mayoría cerca de {place}.",
            "La libertad de circulación de la Misión se vio restringida en un puesto de control, "
            "y sus vehículos aéreos no tripulados detectaron armas desplegadas en violación de "
            "las líneas de retirada.",
            "La MEO siguió vigilando las zonas de separación y facilitando la reparación de "
            "infraestructuras civiles esenciales cerca de {place}.",
        ),
    ),
)
VIOLATIONS_RU = ("нарушение", "нарушения", "нарушений")
