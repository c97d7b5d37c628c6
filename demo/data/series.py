"""How each meeting series looks: title, organiser, topics, places and its description,
in English and the other languages."""

import datetime
from dataclasses import dataclass

from demo.languages import per_language


@dataclass(frozen=True)
class SeriesProfile:
    """How one meeting series looks. `title` may use {year}, {city}, {ordinal}, {number}."""

    keyword: str  # matched against the series' name
    title: str
    organiser: tuple  # structure names, first known wins
    topics: tuple
    description: str
    places: tuple = (("Vienna", "AT"),)  # or "chair": the Chairpersonship's capital
    month: int | None = None
    days: int = 2
    # For numbered series: the day numbering starts from and meetings per year.
    numbering: tuple | None = None


SERIES_PROFILES = (
    SeriesProfile(
        "Summit", "OSCE Summit, {city} {year}", ("Chairpersonship",),
        ("conflict", "arms-control", "human-rights"),
        "Heads of State or Government of the participating States meet to set the "
        "Organization's priorities at the highest political level.",
        places="chair", month=12,
    ),
    SeriesProfile(
        "Ministerial Council", "{ordinal} Meeting of the Ministerial Council, {city} {year}",
        ("Chairpersonship", "Ministerial Council"), ("conflict", "security-sector"),
        "The foreign ministers of the participating States review the Organization's "
        "activities and take decisions for the year ahead.",
        places="chair", month=12, numbering=(datetime.date(1994, 1, 1), 1),
    ),
    SeriesProfile(
        "Plenary meetings of the Permanent Council",
        "{number} Plenary Meeting of the Permanent Council", ("Permanent Council",),
        ("conflict",),
        "The permanent representatives of the participating States meet weekly to discuss "
        "developments in the OSCE area and to take decisions.",
        days=1, numbering=(datetime.date(1993, 4, 1), 47),
    ),
    SeriesProfile(
        "Plenary Meetings of the Forum for Security Co-operation",
        "{number} Plenary Meeting of the Forum for Security Co-operation",
        ("Forum for Security Co-operation",), ("arms-control", "security-sector"),
        "Delegations discuss military aspects of security, including arms control and "
        "confidence- and security-building measures.",
        days=1, numbering=(datetime.date(1992, 9, 1), 33),
    ),
    SeriesProfile(
        "Security Review Conferences", "Annual Security Review Conference {year}",
        ("Conflict Prevention Centre",), ("conflict", "arms-control", "terrorism"),
        "The conference reviews the work of the OSCE and its participating States in the "
        "politico-military dimension of security.",
        month=6, days=3,
    ),
    SeriesProfile(
        "Review Conferences", "OSCE Review Conference {year}", ("Chairpersonship",),
        ("human-rights", "democratization", "conflict"),
        "Participating States review the implementation of their commitments across all "
        "three dimensions of security ahead of a Summit.",
        places=(("Vienna", "AT"), ("Warsaw", "PL")), month=10, days=5,
    ),
    SeriesProfile(
        "Annual Implementation Assessment Meetings",
        "Annual Implementation Assessment Meeting {year}", ("Forum for Security Co-operation",),
        ("arms-control",),
        "Participating States discuss how they implement agreed confidence- and "
        "security-building measures, including the Vienna Document.",
        month=3,
    ),
    SeriesProfile(
        "Economic and Environmental Dimension Implementation",
        "Economic and Environmental Dimension Implementation Meeting {year}",
        ("Office of the Co-ordinator of OSCE Economic and Environmental Activities",),
        ("economic", "environment", "good-governance"),
        "Participating States review how they implement their commitments in the economic "
        "and environmental dimension.",
        month=10,
    ),
    SeriesProfile(
        "Economic and Environmental Forum", "{ordinal} OSCE Economic and Environmental Forum",
        ("Office of the Co-ordinator of OSCE Economic and Environmental Activities",),
        ("economic", "environment", "good-governance"),
        "The Forum brings together governments, business and civil society to discuss "
        "economic and environmental challenges to security.",
        places=(("Prague", "CZ"), ("Vienna", "AT")), month=9, days=3,
        numbering=(datetime.date(1993, 1, 1), 1),
    ),
    SeriesProfile(
        "Human rights", "Warsaw Human Dimension Conference {year}",
        ("Office for Democratic Institutions and Human Rights",),
        ("human-rights", "democratization", "tolerance"),
        "Europe's largest human rights conference brings together government officials, "
        "civil society and international organizations.",
        places=(("Warsaw", "PL"),), month=9, days=10,
    ),
    SeriesProfile(
        "Media", "{region} Media Conference {year}",
        ("Representative on Freedom of the Media",), ("media",),
        "Journalists, editors, officials and experts discuss media freedom, safety of "
        "journalists and media self-regulation in the region.",
        places=(("Bishkek", "KG"), ("Dushanbe", "TJ"), ("Tbilisi", "GE"), ("Sarajevo", "BA")),
        month=10,
    ),
    SeriesProfile(
        "Cyber", "OSCE-wide Conference on Cyber/ICT Security {year}",
        ("Transnational Threats Department",), ("cyber",),
        "Experts and officials discuss confidence-building measures to reduce the risks of "
        "conflict stemming from the use of information and communication technologies.",
        month=11,
    ),
    SeriesProfile(
        "Trafficking", "{ordinal} Alliance against Trafficking in Persons Conference",
        ("Office of the Special Representative and Co-ordinator for Combating Trafficking "
         "in Human Beings",),
        ("trafficking",),
        "The Alliance brings together international organizations and civil society to "
        "strengthen the response to trafficking in human beings.",
        month=4, numbering=(datetime.date(2000, 1, 1), 1),
    ),
    SeriesProfile(
        "Gender", "OSCE Gender Equality Review Conference {year}",
        ("Gender Issues Programme",), ("gender",),
        "The conference reviews progress in implementing the OSCE Action Plan for the "
        "Promotion of Gender Equality.",
        month=6,
    ),
    SeriesProfile(
        "Mediterranean", "{year} OSCE Mediterranean Conference", ("Chairpersonship",),
        ("conflict", "migration", "terrorism"),
        "The OSCE and its Mediterranean Partners for Co-operation discuss shared security "
        "challenges.",
        places=(("Valletta", "MT"), ("Rome", "IT"), ("Amman", "JO"), ("Rabat", "MA")),
        month=10,
    ),
    SeriesProfile(
        "Asian", "{year} OSCE Asian Conference", ("Secretariat",),
        ("conflict", "cyber", "environment"),
        "The OSCE and its Asian Partners for Co-operation exchange experience on security "
        "and co-operation.",
        places=(("Tokyo", "JP"), ("Seoul", "KR"), ("Bangkok", "TH"), ("Canberra", "AU")),
        month=6,
    ),
)  # fmt: skip
GENERIC_SERIES = SeriesProfile(
    "", "{series} {year}", ("Secretariat",), ("conflict",),
    "Participating States and experts meet to review commitments and exchange good practice.",
)  # fmt: skip


# Each series' title pattern and description in other languages, by profile keyword. Titles
# use {city}, {region} and {series} in the language, and ordinals as {ordinal_m},
# {ordinal_f} or {ordinal_n} for the noun they qualify.
SERIES_TRANSLATIONS = {
    "Summit": (
        per_language(
            "Sommet de l'OSCE, {city} {year}",
            "OSZE-Gipfeltreffen, {city} {year}",
            "Vertice OSCE, {city} {year}",
            "Саммит ОБСЕ, {city}, {year}",
            "Cumbre de la OSCE, {city} {year}",
        ),
        per_language(
            "Les chefs d'État ou de gouvernement des États participants se réunissent pour "
            "fixer les priorités de l'Organisation au plus haut niveau politique.",
            "Die Staats- und Regierungschefs der Teilnehmerstaaten treten zusammen, um die "
            "Prioritäten der Organisation auf höchster politischer Ebene festzulegen.",
            "I Capi di Stato o di Governo degli Stati partecipanti si riuniscono per definire "
            "le priorità dell'Organizzazione al più alto livello politico.",
            "Главы государств и правительств государств-участников собираются, чтобы определить "
            "приоритеты Организации на высшем политическом уровне.",
            "Los Jefes de Estado o de Gobierno de los Estados participantes se reúnen para "
            "fijar las prioridades de la Organización al más alto nivel político.",
        ),
    ),
    "Ministerial Council": (
        per_language(
            "{ordinal_f} réunion du Conseil ministériel, {city} {year}",
            "{ordinal_n} Treffen des Ministerrats, {city} {year}",
            "{ordinal_f} riunione del Consiglio dei ministri, {city} {year}",
            "{ordinal_n} заседание Совета министров ОБСЕ, {city}, {year}",
            "{ordinal_f} Reunión del Consejo Ministerial, {city} {year}",
        ),
        per_language(
            "Les ministres des affaires étrangères des États participants examinent les "
            "activités de l'Organisation et prennent des décisions pour l'année à venir.",
            "Die Außenministerinnen und Außenminister der Teilnehmerstaaten überprüfen die "
            "Tätigkeit der Organisation und treffen Beschlüsse für das kommende Jahr.",
            "I ministri degli Esteri degli Stati partecipanti esaminano le attività "
            "dell'Organizzazione e adottano decisioni per l'anno successivo.",
            "Министры иностранных дел государств-участников рассматривают деятельность "
            "Организации и принимают решения на предстоящий год.",
            "Los ministros de Asuntos Exteriores de los Estados participantes examinan las "
            "actividades de la Organización y adoptan decisiones para el año siguiente.",
        ),
    ),
    "Plenary meetings of the Permanent Council": (
        per_language(
            "{ordinal_f} séance plénière du Conseil permanent",
            "{ordinal_f} Plenarsitzung des Ständigen Rates",
            "{ordinal_f} seduta plenaria del Consiglio permanente",
            "{ordinal_n} пленарное заседание Постоянного совета",
            "{ordinal_f} sesión plenaria del Consejo Permanente",
        ),
        per_language(
            "Les représentants permanents des États participants se réunissent chaque semaine "
            "pour examiner l'évolution de la situation dans l'espace de l'OSCE et prendre des "
            "décisions.",
            "Die Ständigen Vertreterinnen und Vertreter der Teilnehmerstaaten treten wöchentlich "
            "zusammen, um Entwicklungen im OSZE-Raum zu erörtern und Beschlüsse zu fassen.",
            "I rappresentanti permanenti degli Stati partecipanti si riuniscono ogni settimana "
            "per discutere degli sviluppi nell'area dell'OSCE e adottare decisioni.",
            "Постоянные представители государств-участников еженедельно собираются, чтобы "
            "обсудить развитие событий в регионе ОБСЕ и принять решения.",
            "Los representantes permanentes de los Estados participantes se reúnen "
            "semanalmente para debatir la evolución de la situación en el área de la OSCE y "
            "adoptar decisiones.",
        ),
    ),
    "Plenary Meetings of the Forum for Security Co-operation": (
        per_language(
            "{ordinal_f} séance plénière du Forum pour la coopération en matière de sécurité",
            "{ordinal_f} Plenarsitzung des Forums für Sicherheitskooperation",
            "{ordinal_f} seduta plenaria del Foro di cooperazione per la sicurezza",
            "{ordinal_n} пленарное заседание Форума по сотрудничеству в области безопасности",
            "{ordinal_f} sesión plenaria del Foro de Cooperación en materia de Seguridad",
        ),
        per_language(
            "Les délégations examinent les aspects militaires de la sécurité, notamment la "
            "maîtrise des armements et les mesures de confiance et de sécurité.",
            "Die Delegationen erörtern militärische Aspekte der Sicherheit, darunter "
            "Rüstungskontrolle sowie vertrauens- und sicherheitsbildende Maßnahmen.",
            "Le delegazioni discutono degli aspetti militari della sicurezza, tra cui il "
            "controllo degli armamenti e le misure miranti a rafforzare la fiducia e la "
            "sicurezza.",
            "Делегации обсуждают военные аспекты безопасности, в том числе контроль над "
            "вооружениями и меры укрепления доверия и безопасности.",
            "Las delegaciones debaten los aspectos militares de la seguridad, incluidos el "
            "control de armamentos y las medidas de fomento de la confianza y la seguridad.",
        ),
    ),
    "Security Review Conferences": (
        per_language(
            "Conférence annuelle d'examen des questions de sécurité {year}",
            "Jährliche Sicherheitsüberprüfungskonferenz {year}",
            "Conferenza annuale di riesame della sicurezza {year}",
            "Ежегодная конференция по обзору проблем в области безопасности {year} года",
            "Conferencia Anual para el Examen de la Seguridad {year}",
        ),
        per_language(
            "La conférence examine les travaux de l'OSCE et de ses États participants dans la "
            "dimension politico-militaire de la sécurité.",
            "Die Konferenz überprüft die Arbeit der OSZE und ihrer Teilnehmerstaaten in der "
            "politisch-militärischen Dimension der Sicherheit.",
            "La conferenza esamina l'operato dell'OSCE e dei suoi Stati partecipanti nella "
            "dimensione politico-militare della sicurezza.",
            "Конференция рассматривает работу ОБСЕ и ее государств-участников в "
            "военно-политическом измерении безопасности.",
            "La conferencia examina la labor de la OSCE y de sus Estados participantes en la "
            "dimensión político-militar de la seguridad.",
        ),
    ),
    "Review Conferences": (
        per_language(
            "Conférence d'examen de l'OSCE {year}",
            "OSZE-Überprüfungskonferenz {year}",
            "Conferenza di riesame dell'OSCE {year}",
            "Обзорная конференция ОБСЕ {year} года",
            "Conferencia de Examen de la OSCE {year}",
        ),
        per_language(
            "Les États participants examinent la mise en œuvre de leurs engagements dans les "
            "trois dimensions de la sécurité en vue d'un Sommet.",
            "Die Teilnehmerstaaten überprüfen im Vorfeld eines Gipfeltreffens die Umsetzung "
            "ihrer Verpflichtungen in allen drei Dimensionen der Sicherheit.",
            "Gli Stati partecipanti esaminano l'attuazione dei loro impegni in tutte e tre le "
            "dimensioni della sicurezza in vista di un Vertice.",
            "Государства-участники рассматривают выполнение своих обязательств во всех трех "
            "измерениях безопасности в преддверии саммита.",
            "Los Estados participantes examinan el cumplimiento de sus compromisos en las tres "
            "dimensiones de la seguridad con vistas a una Cumbre.",
        ),
    ),
    "Annual Implementation Assessment Meetings": (
        per_language(
            "Réunion annuelle d'évaluation de l'application {year}",
            "Jährliches Treffen zur Beurteilung der Umsetzung {year}",
            "Riunione annuale di valutazione dell'applicazione {year}",
            "Ежегодное совещание по оценке выполнения {year} года",
            "Reunión Anual de Evaluación de la Aplicación {year}",
        ),
        per_language(
            "Les États participants examinent la manière dont ils appliquent les mesures de "
            "confiance et de sécurité convenues, notamment le Document de Vienne.",
            "Die Teilnehmerstaaten erörtern, wie sie vereinbarte vertrauens- und "
            "sicherheitsbildende Maßnahmen umsetzen, einschließlich des Wiener Dokuments.",
            "Gli Stati partecipanti discutono di come applicano le misure miranti a rafforzare "
            "la fiducia e la sicurezza concordate, tra cui il Documento di Vienna.",
            "Государства-участники обсуждают выполнение согласованных мер укрепления доверия и "
            "безопасности, в том числе Венского документа.",
            "Los Estados participantes debaten cómo aplican las medidas de fomento de la "
            "confianza y la seguridad acordadas, incluido el Documento de Viena.",
        ),
    ),
    "Economic and Environmental Dimension Implementation": (
        per_language(
            "Réunion sur la mise en œuvre des engagements de la dimension économique et "
            "environnementale {year}",
            "Treffen zur Umsetzung der Verpflichtungen in der Wirtschafts- und Umweltdimension "
            "{year}",
            "Riunione di attuazione sulla dimensione economica e ambientale {year}",
            "Совещание по рассмотрению выполнения обязательств в экономической и экологической "
            "сфере {year} года",
            "Reunión de Aplicación de la Dimensión Económica y Medioambiental {year}",
        ),
        per_language(
            "Les États participants examinent la mise en œuvre de leurs engagements dans la "
            "dimension économique et environnementale.",
            "Die Teilnehmerstaaten überprüfen die Umsetzung ihrer Verpflichtungen in der "
            "Wirtschafts- und Umweltdimension.",
            "Gli Stati partecipanti esaminano l'attuazione dei loro impegni nella dimensione "
            "economica e ambientale.",
            "Государства-участники рассматривают выполнение своих обязательств в экономическом "
            "и экологическом измерении.",
            "Los Estados participantes examinan el cumplimiento de sus compromisos en la "
            "dimensión económica y medioambiental.",
        ),
    ),
    "Economic and Environmental Forum": (
        per_language(
            "{ordinal_m} Forum économique et environnemental de l'OSCE",
            "{ordinal_n} Wirtschafts- und Umweltforum der OSZE",
            "{ordinal_m} Foro economico e ambientale dell'OSCE",
            "{ordinal_m} Экономический и экологический форум ОБСЕ",
            "{ordinal_m} Foro Económico y Medioambiental de la OSCE",
        ),
        per_language(
            "Le Forum réunit des gouvernements, des entreprises et la société civile pour "
            "débattre des défis économiques et environnementaux pour la sécurité.",
            "Das Forum bringt Regierungen, Wirtschaft und Zivilgesellschaft zusammen, um "
            "wirtschaftliche und ökologische Herausforderungen für die Sicherheit zu erörtern.",
            "Il Foro riunisce governi, imprese e società civile per discutere delle sfide "
            "economiche e ambientali alla sicurezza.",
            "Форум объединяет представителей правительств, деловых кругов и гражданского "
            "общества для обсуждения экономических и экологических вызовов безопасности.",
            "El Foro reúne a gobiernos, empresas y sociedad civil para debatir los desafíos "
            "económicos y medioambientales para la seguridad.",
        ),
    ),
    "Human rights": (
        per_language(
            "Conférence de Varsovie sur la dimension humaine {year}",
            "Warschauer Konferenz zur menschlichen Dimension {year}",
            "Conferenza di Varsavia sulla dimensione umana {year}",
            "Варшавская конференция по человеческому измерению {year} года",
            "Conferencia de Varsovia sobre la Dimensión Humana {year}",
        ),
        per_language(
            "La plus grande conférence d'Europe consacrée aux droits de l'homme réunit des "
            "représentants des gouvernements, de la société civile et des organisations "
            "internationales.",
            "Europas größte Menschenrechtskonferenz bringt Regierungsvertreter, "
            "Zivilgesellschaft und internationale Organisationen zusammen.",
            "La più grande conferenza europea sui diritti umani riunisce funzionari "
            "governativi, società civile e organizzazioni internazionali.",
            "Крупнейшая в Европе конференция по правам человека объединяет представителей "
            "правительств, гражданского общества и международных организаций.",
            "La mayor conferencia de derechos humanos de Europa reúne a funcionarios "
            "gubernamentales, sociedad civil y organizaciones internacionales.",
        ),
    ),
    "Media": (
        per_language(
            "Conférence régionale sur les médias – {region}, {year}",
            "Regionale Medienkonferenz – {region}, {year}",
            "Conferenza regionale sui media – {region}, {year}",
            "Региональная конференция по СМИ — {region}, {year}",
            "Conferencia Regional sobre los Medios – {region}, {year}",
        ),
        per_language(
            "Journalistes, rédacteurs en chef, responsables publics et experts débattent de la "
            "liberté des médias, de la sécurité des journalistes et de l'autorégulation des "
            "médias dans la région.",
            "Journalistinnen und Journalisten, Redakteure, Behördenvertreter und Fachleute "
            "erörtern Medienfreiheit, die Sicherheit von Journalisten und die Selbstregulierung "
            "der Medien in der Region.",
            "Giornalisti, redattori, funzionari ed esperti discutono di libertà dei media, "
            "sicurezza dei giornalisti e autoregolamentazione dei media nella regione.",
            "Журналисты, редакторы, должностные лица и эксперты обсуждают свободу СМИ, "
            "безопасность журналистов и саморегулирование СМИ в регионе.",
            "Periodistas, editores, funcionarios y expertos debaten sobre la libertad de los "
            "medios, la seguridad de los periodistas y la autorregulación de los medios en la "
            "región.",
        ),
    ),
    "Cyber": (
        per_language(
            "Conférence de l'OSCE sur la cybersécurité et la sécurité des TIC {year}",
            "OSZE-weite Konferenz zu Cyber- und IKT-Sicherheit {year}",
            "Conferenza OSCE sulla sicurezza informatica e delle TIC {year}",
            "Общеобсеевская конференция по кибербезопасности и безопасности ИКТ {year} года",
            "Conferencia de la OSCE sobre Ciberseguridad y Seguridad de las TIC {year}",
        ),
        per_language(
            "Experts et responsables examinent les mesures de confiance visant à réduire les "
            "risques de conflit découlant de l'utilisation des technologies de l'information et "
            "de la communication.",
            "Fachleute und Behördenvertreter erörtern vertrauensbildende Maßnahmen, die das "
            "Risiko von Konflikten durch die Nutzung von Informations- und "
            "Kommunikationstechnologien verringern.",
            "Esperti e funzionari discutono delle misure di rafforzamento della fiducia per "
            "ridurre i rischi di conflitto derivanti dall'uso delle tecnologie "
            "dell'informazione e della comunicazione.",
            "Эксперты и должностные лица обсуждают меры укрепления доверия, направленные на "
            "снижение рисков возникновения конфликтов в результате использования "
            "информационно-коммуникационных технологий.",
            "Expertos y funcionarios debaten medidas de fomento de la confianza para reducir "
            "los riesgos de conflicto derivados del uso de las tecnologías de la información y "
            "la comunicación.",
        ),
    ),
    "Trafficking": (
        per_language(
            "{ordinal_f} Conférence de l'Alliance contre la traite des personnes",
            "{ordinal_f} Konferenz der Allianz gegen Menschenhandel",
            "{ordinal_f} Conferenza dell'Alleanza contro la tratta di persone",
            "{ordinal_f} конференция Альянса против торговли людьми",
            "{ordinal_f} Conferencia de la Alianza contra la Trata de Personas",
        ),
        per_language(
            "L'Alliance réunit des organisations internationales et la société civile afin de "
            "renforcer la lutte contre la traite des êtres humains.",
            "Die Allianz bringt internationale Organisationen und Zivilgesellschaft zusammen, "
            "um die Bekämpfung des Menschenhandels zu stärken.",
            "L'Alleanza riunisce organizzazioni internazionali e società civile per rafforzare "
            "la risposta alla tratta di esseri umani.",
            "Альянс объединяет международные организации и гражданское общество в целях "
            "повышения эффективности борьбы с торговлей людьми.",
            "La Alianza reúne a organizaciones internacionales y a la sociedad civil para "
            "reforzar la respuesta a la trata de seres humanos.",
        ),
    ),
    "Gender": (
        per_language(
            "Conférence d'examen de l'OSCE sur l'égalité des genres {year}",
            "OSZE-Überprüfungskonferenz zur Gleichstellung der Geschlechter {year}",
            "Conferenza di riesame dell'OSCE sulla parità di genere {year}",
            "Конференция ОБСЕ по обзору положения в области гендерного равенства {year} года",
            "Conferencia de Examen de la OSCE sobre la Igualdad de Género {year}",
        ),
        per_language(
            "La conférence fait le point sur la mise en œuvre du Plan d'action de l'OSCE pour "
            "la promotion de l'égalité entre les sexes.",
            "Die Konferenz überprüft die Fortschritte bei der Umsetzung des OSZE-Aktionsplans "
            "zur Förderung der Gleichstellung der Geschlechter.",
            "La conferenza esamina i progressi nell'attuazione del Piano d'azione dell'OSCE per "
            "la promozione della parità di genere.",
            "Конференция рассматривает ход выполнения Плана действий ОБСЕ по содействию "
            "обеспечению равенства мужчин и женщин.",
            "La conferencia examina los avances en la aplicación del Plan de Acción de la OSCE "
            "para el Fomento de la Igualdad de Género.",
        ),
    ),
    "Mediterranean": (
        per_language(
            "Conférence méditerranéenne de l'OSCE {year}",
            "Mittelmeerkonferenz der OSZE {year}",
            "Conferenza mediterranea dell'OSCE {year}",
            "Средиземноморская конференция ОБСЕ {year} года",
            "Conferencia Mediterránea de la OSCE {year}",
        ),
        per_language(
            "L'OSCE et ses partenaires méditerranéens pour la coopération examinent des défis "
            "communs en matière de sécurité.",
            "Die OSZE und ihre Kooperationspartner im Mittelmeerraum erörtern gemeinsame "
            "sicherheitspolitische Herausforderungen.",
            "L'OSCE e i suoi Partner mediterranei per la cooperazione discutono delle sfide "
            "comuni alla sicurezza.",
            "ОБСЕ и ее средиземноморские партнеры по сотрудничеству обсуждают общие вызовы "
            "безопасности.",
            "La OSCE y sus Socios mediterráneos para la Cooperación debaten desafíos comunes en "
            "materia de seguridad.",
        ),
    ),
    "Asian": (
        per_language(
            "Conférence asiatique de l'OSCE {year}",
            "Asiatische Konferenz der OSZE {year}",
            "Conferenza asiatica dell'OSCE {year}",
            "Азиатская конференция ОБСЕ {year} года",
            "Conferencia Asiática de la OSCE {year}",
        ),
        per_language(
            "L'OSCE et ses partenaires asiatiques pour la coopération échangent leurs "
            "expériences en matière de sécurité et de coopération.",
            "Die OSZE und ihre asiatischen Kooperationspartner tauschen Erfahrungen zu "
            "Sicherheit und Zusammenarbeit aus.",
            "L'OSCE e i suoi Partner asiatici per la cooperazione si scambiano esperienze in "
            "materia di sicurezza e cooperazione.",
            "ОБСЕ и ее азиатские партнеры по сотрудничеству обмениваются опытом в области "
            "безопасности и сотрудничества.",
            "La OSCE y sus Socios asiáticos para la Cooperación intercambian experiencias en "
            "materia de seguridad y cooperación.",
        ),
    ),
    "": (
        per_language(
            "{series} {year}",
            "{series} {year}",
            "{series} {year}",
            "{series}, {year}",
            "{series} {year}",
        ),
        per_language(
            "Les États participants et des experts se réunissent pour examiner les engagements "
            "et échanger de bonnes pratiques.",
            "Teilnehmerstaaten und Fachleute kommen zusammen, um Verpflichtungen zu überprüfen "
            "und bewährte Verfahren auszutauschen.",
            "Stati partecipanti ed esperti si riuniscono per esaminare gli impegni e scambiare "
            "buone pratiche.",
            "Государства-участники и эксперты собираются, чтобы рассмотреть выполнение "
            "обязательств и обменяться передовым опытом.",
            "Los Estados participantes y expertos se reúnen para examinar los compromisos e "
            "intercambiar buenas prácticas.",
        ),
    ),
}
# Where and when: (upcoming, past). Russian states both as a list ("Место проведения: ...").
MEETING_SENTENCES = per_language(
    ("La réunion a lieu {in_city} {when}.", "La réunion a eu lieu {in_city} {when}."),
    ("Das Treffen findet {when} {in_city} statt.", "Das Treffen fand {when} {in_city} statt."),
    ("L'incontro si svolge {in_city} {when}.", "L'incontro si è svolto {in_city} {when}."),
    ("Место проведения: {city}. {dates}: {when}.",) * 2,
    ("La reunión se celebra {in_city} {when}.", "La reunión se celebró {in_city} {when}."),
)
