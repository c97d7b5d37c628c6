"""Demo content (`manage.py seed_demo`): realistic news items and meetings on the real taxonomy.

What it makes is deterministic: the same `--news N --seed S` on the same taxonomy and the
same day gives the same titles, slugs, issuers, bodies and languages (dates are spread up to
"today").

It is multilingual the way the real site is: every item is in English, about a third also (or
only) in Russian and a few in French, German, Spanish or Italian; meetings are in all six
languages. The other languages' texts are translations of the English templates, filled in
with the taxonomy's own names for bodies and countries ("Other languages" below).

Demo content is marked so it can be replaced without touching anything an editor wrote:
news items by a `source_url` under `https://demo.invalid/` (a reserved domain that never
resolves), meetings by a slug starting with `demo-`. Running the generator again deletes the
previous demo content first.

It must make 100,000 items in well under three minutes on SQLite, so items and their
relations are written with `bulk_create` in large batches, slugs are numbered in memory, and
bodies are assembled from templates that are safe HTML by construction (the model fields
still sanitise them in `pre_save`, which `bulk_create` calls).
"""

import datetime
import functools
import html
import io
import random
import re
import string
from bisect import bisect
from dataclasses import dataclass, field
from itertools import accumulate

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFilter

from core.publishing import Status
from countries.models import Chairpersonship, Country, CountryStatus
from news.models import Meeting, MeetingType, NewsItem, NewsItemIssuer, NewsType
from news.naming import SlugAllocator, TaxonomyNames, name_key
from news.renditions import build_renditions
from structures.models import Structure, StructureKind

DEMO_URL_PREFIX = "https://demo.invalid/"
DEMO_MEETING_PREFIX = "demo-"
FIRST_DAY = datetime.date(2000, 1, 1)
BATCH_SIZE = 2000
IMAGE_SHARE = 0.2
JOINT_SHARE = 0.15
IMAGE_SIZE = (1600, 900)


# --- Places --------------------------------------------------------------------------------

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


# --- People --------------------------------------------------------------------------------

FIRST_NAMES = """Ana Marko Jelena Aida Besa Dritan Elira Nikola Milica Goran Ajla Emir Sanja
Aleksandar Vesna Igor Olena Andriy Iryna Natalia Dmitri Aigerim Nurlan Gulnara Timur Dilnoza
Rustam Zarina Farrukh Aziza Bakyt Ainura Giorgi Nino Armen Lusine Leyla Rashad Ion Maria
Elena Stefan Katarzyna Tomasz Eva Jan Sophie Thomas Anna Lukas Claire Pierre Laura Matteo
Giulia Carlos Lucía Ingrid Lars Kaisa Mikko Sarah James Emily Michael Helena Petra""".split()
SURNAMES = """Petrović Hoxha Kovačević Begić Nikolovski Ivanova Shevchenko Kuznetsova
Nurmagambetov Tokayeva Rakhimov Saidova Abdullaev Mamatova Beridze Grigoryan Aliyev
Rusu Popescu Nowak Kowalska Novák Horvath Müller Schmidt Dubois Martin Rossi Bianchi García
López Andersen Johansson Virtanen Korhonen Smith Brown Wilson O'Brien Jansen de Vries
Papadopoulos Kaya Demir Marić Lekić Osmani Berisha Toskić Dimitrov""".split()
DONORS = """Austria, Canada, Finland, France, Germany, Italy, Japan, Liechtenstein, Luxembourg,
Norway, Poland, Sweden, Switzerland, the Netherlands, the United Kingdom, the United States,
the European Union""".replace("\n", " ").split(", ")


# --- What items are about: one topic per field of work ----------------------------------------
#
# Placeholders: {issuer} names the issuer at the start of a title ("OSCE Mission to Serbia"),
# {the_issuer} mid-sentence ("the OSCE Mission to Serbia"), {country} / {in_country}
# ("Serbia" / "in Serbia"), {city}, {region}, {n} (participants), {days}, {person} and
# {role} (a quoted speaker), {donors}, {year}. A template is only used when the item has
# every placeholder it needs (no {city} for an item without a country).


@dataclass(frozen=True)
class Topic:
    field_of_work: str
    phrase: str
    titles: tuple
    paragraphs: tuple
    points: tuple
    audiences: tuple = ("officials", "civil society representatives", "experts")


TOPICS = {
    "policing": Topic(
        "Policing",
        "police reform and community policing",
        (
            "{issuer} trains police officers in {city} on community policing",
            "{issuer} hosts regional workshop on intelligence-led policing",
            "{issuer} helps police {in_country} respond to domestic violence",
            "Police officers {in_country} complete OSCE course on crime scene investigation",
            "{issuer} supports introduction of body-worn cameras for traffic police {in_country}",
            "{issuer} and police academy in {city} launch course on cybercrime investigations",
            "{issuer} donates forensic equipment to police {in_country}",
        ),
        (
            "The course brought together {n} police officers, prosecutors and analysts and "
            "focused on how information can guide decisions on where and how police work.",
            "Participants worked through case studies on gathering evidence, protecting "
            "victims and co-operating with prosecutors from the first hour of an investigation.",
            "Community policing builds trust between the police and the people they serve, "
            "and {the_issuer} has supported it {in_country} since the first pilot projects.",
        ),
        (
            "risk assessment",
            "evidence handling",
            "victim support",
            "data protection",
            "co-operation with prosecutors",
        ),
        ("police officers", "police commanders", "criminal analysts"),
    ),
    "elections": Topic(
        "Elections",
        "democratic elections",
        (
            "{issuer} trains election commissioners in {city} on counting and tabulation",
            "{issuer} supports voter education campaign ahead of local elections {in_country}",
            "{issuer} helps election administration {in_country} make polling stations accessible",
            "{issuer} supports working group on electoral reform {in_country}",
            "{issuer} trains domestic observers in {city}",
        ),
        (
            "Election commissioners practised counting, the completion of results protocols "
            "and the handling of complaints, with {n} members of commissions taking part.",
            "Voters with disabilities, first-time voters and national minorities were among "
            "the groups the campaign set out to reach.",
            "The working group is reviewing the recommendations of earlier election "
            "observation missions and will present draft amendments to parliament.",
        ),
        (
            "voter registration",
            "accessibility of polling stations",
            "complaints and appeals",
            "training of election officials",
        ),
        ("election officials", "members of election commissions", "domestic observers"),
    ),
    "observation": Topic(
        "Elections",
        "democratic elections",
        (
            "{issuer} opens election observation mission {in_country}",
            "{issuer} deploys limited election observation mission to {country}",
            "{issuer} publishes final report on parliamentary elections {in_country}",
            "Presidential election {in_country} offered voters a genuine choice, "
            "international observers say",
            "International observers present preliminary conclusions on early parliamentary "
            "elections {in_country}",
            "{issuer} presents recommendations on electoral reform {in_country}",
        ),
        (
            "The mission's core team of {n} experts is based in {city}; long-term observers "
            "will follow the campaign across the country, and short-term observers will "
            "join them for election day.",
            "Observers assess whether elections respect fundamental freedoms, are conducted "
            "by impartial administrations and give voters a genuine choice.",
            "The final report offers recommendations on the legal framework, the registration "
            "of voters and candidates, campaign finance and the resolution of disputes.",
        ),
        (
            "voter registration",
            "campaign finance",
            "media coverage of the campaign",
            "election dispute resolution",
            "participation of women and minorities",
        ),
        ("election officials", "members of election commissions", "domestic observers"),
    ),
    "media": Topic(
        "Media freedom and development",
        "media freedom and the safety of journalists",
        (
            "{issuer} concerned about detention of journalist {in_country}",
            "{issuer} calls for swift investigation into attack on reporter in {city}",
            "{issuer} welcomes adoption of access to information law {in_country}",
            "{issuer} trains journalists in {city} on safety online",
            "{issuer} presents legal analysis of draft media law {in_country}",
            "{issuer} discusses safety of journalists with authorities in {city}",
        ),
        (
            "Journalists must be able to work without fear of violence, harassment or "
            "prosecution for what they publish.",
            "The analysis finds that the draft would improve transparency of media ownership "
            "but recommends narrowing provisions that could be used to restrict reporting.",
            "Some {n} journalists and editors discussed digital security, reporting from "
            "protests and dealing with abuse online, which disproportionately targets women.",
        ),
        (
            "safety of journalists",
            "media pluralism",
            "access to information",
            "self-regulation",
            "online harassment",
        ),
        ("journalists", "editors", "media lawyers"),
    ),
    "minorities": Topic(
        "National minority issues",
        "the rights of national minorities",
        (
            "{issuer} visits {country} to discuss minority language education",
            "{issuer} welcomes progress on integration of society {in_country}",
            "{issuer} supports multilingual education in schools {in_country}",
            "{issuer} presents recommendations on the use of minority languages in public life",
            "{issuer} meets community leaders in {city}",
        ),
        (
            "The High Commissioner's mandate is to prevent tensions involving national "
            "minorities from turning into conflict, through quiet diplomacy and early action.",
            "Multilingual education helps children learn the state language while keeping "
            "their mother tongue, and has been piloted in {n} schools.",
            "Integration works when everyone has a stake in society and minorities take part "
            "in public life on equal terms.",
        ),
        (
            "minority language education",
            "participation in public life",
            "access to media",
            "cross-border co-operation",
            "policing in multi-ethnic societies",
        ),
        ("teachers", "community leaders", "officials"),
    ),
    "trafficking": Topic(
        "Combating trafficking in human beings",
        "combating trafficking in human beings",
        (
            "{issuer} runs simulation-based training on human trafficking cases",
            "{issuer} helps labour inspectors {in_country} identify victims of trafficking",
            "{issuer} supports national referral mechanism for trafficking victims {in_country}",
            "{issuer} calls for action against trafficking in supply chains",
            "Prosecutors and judges from {region} train on financial investigations "
            "into trafficking",
        ),
        (
            "Over {days} days, {n} participants followed a realistic case from the first "
            "indicators of exploitation to the trial, playing the roles they hold at work.",
            "Victims of trafficking must be identified early and referred to assistance, "
            "whatever their status and whether or not they co-operate with investigators.",
            "Following the money is one of the most effective ways to dismantle trafficking "
            "networks and to compensate victims.",
        ),
        (
            "victim identification",
            "financial investigations",
            "labour exploitation",
            "online recruitment",
            "compensation for victims",
        ),
        ("prosecutors", "labour inspectors", "social workers"),
    ),
    "gender": Topic(
        "Gender equality",
        "gender equality",
        (
            "{issuer} supports women's leadership in local government {in_country}",
            "{issuer} launches campaign against gender-based violence in {city}",
            "{issuer} trains mediators on including women in peace processes",
            "{issuer} presents survey on the well-being and safety of women {in_country}",
            "Women entrepreneurs in {city} complete OSCE-supported business course",
        ),
        (
            "Security is stronger when women take part in decisions on an equal footing, from "
            "town councils to negotiating tables.",
            "The campaign runs for {days} days and reaches schools, workplaces and social "
            "media, with a hotline for people who need help.",
            "Some {n} women from across the country took part, and many will mentor others "
            "in their communities.",
        ),
        (
            "women's political participation",
            "gender-based violence",
            "economic empowerment",
            "women, peace and security",
            "gender mainstreaming",
        ),
        ("women leaders", "local councillors", "civil society representatives"),
    ),
    "youth": Topic(
        "Youth",
        "young people's participation",
        (
            "{issuer} brings together young leaders from {region}",
            "{issuer} supports youth councils in {city}",
            "Young people {in_country} design projects on peace and security with OSCE support",
            "{issuer} launches youth ambassadors programme",
        ),
        (
            "Young people are not only the leaders of tomorrow: they shape their communities "
            "today, and {the_issuer} works with them as partners.",
            "During {days} days, {n} participants aged 18 to 30 developed project ideas on "
            "dialogue, the environment and digital safety.",
        ),
        (
            "dialogue across communities",
            "digital literacy",
            "volunteering",
            "youth participation in decision-making",
        ),
        ("young people", "students", "youth workers"),
    ),
    "rule-of-law": Topic(
        "Rule of law",
        "the rule of law and fair trials",
        (
            "{issuer} trains judges on hate crime cases",
            "{issuer} supports reform of the criminal procedure code {in_country}",
            "{issuer} publishes trial monitoring report {in_country}",
            "{issuer} and judicial academy in {city} launch course on judicial ethics",
            "{issuer} helps courts {in_country} reduce backlog of cases",
        ),
        (
            "Trial monitoring shows where practice falls short of fair-trial standards and "
            "gives the courts concrete recommendations.",
            "The course covered the European Convention on Human Rights, the independence of "
            "the judiciary and the reasoning of judgments, with {n} judges taking part.",
            "An independent and efficient judiciary is the basis for trust in institutions.",
        ),
        (
            "fair-trial guarantees",
            "judicial independence",
            "case management",
            "legal aid",
            "juvenile justice",
        ),
        ("judges", "prosecutors", "defence lawyers"),
    ),
    "tolerance": Topic(
        "Tolerance and non-discrimination",
        "tolerance and non-discrimination",
        (
            "{issuer} trains police and prosecutors on hate crime {in_country}",
            "{issuer} publishes hate crime data for {year}",
            "{issuer} supports inter-faith dialogue in {city}",
            "{issuer} holds seminar on countering antisemitism and intolerance against Muslims",
        ),
        (
            "Hate crimes send a message of exclusion to whole communities, which is why they "
            "must be recorded, investigated and prosecuted as such.",
            "Participants learned to recognise bias indicators and to support victims through "
            "the criminal justice process.",
        ),
        ("bias indicators", "victim support", "data collection", "inter-faith dialogue"),
        ("police officers", "prosecutors", "community leaders"),
    ),
    "roma": Topic(
        "Roma and Sinti",
        "the inclusion of Roma and Sinti",
        (
            "{issuer} supports Roma mediators in schools {in_country}",
            "{issuer} reviews implementation of Action Plan on Roma and Sinti",
            "{issuer} helps Roma communities in {city} obtain personal documents",
            "{issuer} meets Roma youth activists in {city}",
        ),
        (
            "Without personal documents, people cannot enrol children in school, see a "
            "doctor or register to vote; {n} families have received help so far.",
            "Roma and Sinti still face discrimination in housing, education and employment, "
            "and in their contact with the police.",
        ),
        (
            "civil registration",
            "access to education",
            "political participation",
            "policing and Roma communities",
        ),
        ("Roma mediators", "community activists", "municipal officials"),
    ),
    "human-rights": Topic(
        "Human rights",
        "human rights and fundamental freedoms",
        (
            "{issuer} monitors freedom of peaceful assembly {in_country}",
            "{issuer} trains human rights defenders from {region}",
            "{issuer} presents report on the rights of persons in detention",
            "{issuer} supports national human rights institution {in_country}",
        ),
        (
            "Human rights defenders need a safe environment in which to work, and the "
            "participating States have committed themselves to protect them.",
            "Monitors observed {n} assemblies and found that most were facilitated "
            "peacefully, though some restrictions went beyond what international standards "
            "allow.",
        ),
        (
            "freedom of assembly",
            "torture prevention",
            "human rights defenders",
            "freedom of religion or belief",
        ),
        ("human rights defenders", "ombudsperson staff", "lawyers"),
    ),
    "democratization": Topic(
        "Democratization",
        "democratic institutions",
        (
            "{issuer} supports parliament {in_country} in drafting legislation openly",
            "{issuer} helps municipalities {in_country} involve citizens in budgeting",
            "{issuer} holds conference on political party regulation",
            "{issuer} trains members of parliament {in_country} on oversight of the security "
            "sector",
        ),
        (
            "Laws drafted openly, with public consultation and impact assessment, are better "
            "laws and are more likely to be respected.",
            "Representatives of {n} municipalities shared how they publish budgets and ask "
            "residents to choose local priorities.",
        ),
        ("law-making", "public consultation", "parliamentary oversight", "local self-government"),
        ("members of parliament", "municipal officials", "parliamentary staff"),
    ),
    "good-governance": Topic(
        "Good governance",
        "good governance and the fight against corruption",
        (
            "{issuer} supports anti-corruption agency {in_country}",
            "{issuer} trains public procurement officials in {city}",
            "{issuer} holds regional conference on asset declarations",
            "{issuer} helps {country} strengthen anti-money laundering framework",
        ),
        (
            "Corruption undermines trust in institutions and weakens security and economic "
            "development alike.",
            "The training covered risk assessment, conflicts of interest and the electronic "
            "procurement system, with {n} officials taking part.",
        ),
        (
            "asset declarations",
            "public procurement",
            "anti-money laundering",
            "beneficial ownership",
        ),
        ("civil servants", "auditors", "procurement officers"),
    ),
    "economic": Topic(
        "Economic activities",
        "economic co-operation",
        (
            "{issuer} supports trade facilitation at border crossings {in_country}",
            "{issuer} helps small businesses in {city} go digital",
            "{issuer} holds workshop on connectivity and transport in {region}",
        ),
        (
            "Faster, more transparent procedures at borders cut costs for traders and leave "
            "less room for corruption.",
            "{n} entrepreneurs took part, half of them women, and many have since opened "
            "online shops.",
        ),
        ("trade facilitation", "digitalization", "transport connectivity"),
        ("entrepreneurs", "customs officers", "business associations"),
    ),
    "environment": Topic(
        "Environmental activities",
        "the environment and security",
        (
            "{issuer} supports Aarhus Centre in {city}",
            "{issuer} helps communities {in_country} prepare for floods and wildfires",
            "{issuer} holds training on hazardous waste management",
            "{issuer} presents assessment of climate-related security risks in {region}",
        ),
        (
            "Aarhus Centres give people access to environmental information and a say in "
            "decisions that affect their surroundings.",
            "Climate change multiplies existing risks, from water scarcity to disasters, and "
            "co-operation across borders reduces them.",
        ),
        (
            "disaster risk reduction",
            "water co-operation",
            "hazardous waste",
            "public participation in environmental decisions",
        ),
        ("environmental inspectors", "local officials", "activists"),
    ),
    "border": Topic(
        "Border management",
        "border security and management",
        (
            "{issuer} trains border guards {in_country} on detecting forged documents",
            "{issuer} supports co-operation between border agencies in {region}",
            "{issuer} opens training centre for border officers in {city}",
        ),
        (
            "Open but secure borders make trade and travel easier while stopping "
            "smuggling and trafficking.",
            "{n} border and customs officers practised risk analysis and the profiling of "
            "travellers and cargo.",
        ),
        ("document security", "risk analysis", "cross-border co-operation"),
        ("border guards", "customs officers"),
    ),
    "terrorism": Topic(
        "Countering terrorism",
        "countering terrorism and violent extremism",
        (
            "{issuer} holds workshop on preventing violent extremism and radicalization",
            "{issuer} trains officials {in_country} on travel document security",
            "{issuer} supports community resilience to violent extremism in {city}",
            "{issuer} hosts expert meeting on countering the financing of terrorism",
        ),
        (
            "Prevention works best when police, schools, social services and communities "
            "act together and respect human rights.",
            "Experts from {n} participating States exchanged good practices on "
            "rehabilitation and reintegration.",
        ),
        (
            "prevention of radicalization",
            "terrorist financing",
            "rehabilitation",
            "protection of critical infrastructure",
        ),
        ("police officers", "social workers", "community leaders"),
    ),
    "cyber": Topic(
        "Cyber/ICT Security",
        "cyber/ICT security",
        (
            "{issuer} holds national workshop on cyber confidence-building measures",
            "{issuer} trains officials {in_country} on responding to cyber incidents",
            "{issuer} supports cyber resilience of critical infrastructure in {region}",
        ),
        (
            "Confidence-building measures reduce the risk that a cyber incident between "
            "States is misread and escalates.",
            "{n} officials practised a simulated incident, from detection to communication "
            "with their counterparts abroad.",
        ),
        ("points of contact", "incident response", "protection of critical infrastructure"),
        ("officials", "incident responders"),
    ),
    "arms-control": Topic(
        "Arms control",
        "arms control and confidence-building",
        (
            "{issuer} helps {country} destroy surplus ammunition",
            "{issuer} supports safe storage of small arms and light weapons {in_country}",
            "{issuer} holds seminar on the Vienna Document",
            "{issuer} completes project on security of ammunition depots {in_country}",
        ),
        (
            "Surplus ammunition in poor storage is a danger to nearby communities; {n} tonnes "
            "have been safely destroyed under the project.",
            "Transparency about military forces and activities builds confidence between States.",
        ),
        ("stockpile security", "destruction of surplus", "confidence-building measures"),
        ("defence officials", "military officers"),
    ),
    "conflict": Topic(
        "Conflict prevention and resolution",
        "conflict prevention and resolution",
        (
            "{issuer} visits {country} to support dialogue",
            "{issuer} calls for restraint and a return to dialogue",
            "{issuer} trains mediators from {region}",
            "{issuer} holds talks on confidence-building measures",
            "{issuer} welcomes agreement on freedom of movement",
        ),
        (
            "Dialogue is the only way to lasting solutions, and the OSCE stands ready to "
            "support the sides in finding them.",
            "The talks addressed freedom of movement, the reopening of crossing points and "
            "the exchange of detainees.",
        ),
        ("early warning", "mediation", "confidence-building measures", "dialogue facilitation"),
        ("mediators", "officials", "civil society representatives"),
    ),
    "security-sector": Topic(
        "Reform and co-operation in the security sector",
        "security sector governance and reform",
        (
            "{issuer} supports parliamentary oversight of the security sector {in_country}",
            "{issuer} holds regional dialogue on security sector governance",
            "{issuer} helps {country} draft national security strategy",
        ),
        (
            "Security institutions that are accountable to parliament and the public are "
            "more effective and more trusted.",
            "{n} officials and members of parliament discussed oversight, budgets and the "
            "role of civil society.",
        ),
        ("parliamentary oversight", "accountability", "strategic planning"),
        ("members of parliament", "defence officials"),
    ),
    "migration": Topic(
        "Migration",
        "migration governance",
        (
            "{issuer} supports labour migration policies {in_country}",
            "{issuer} holds workshop on integration of migrants in {city}",
        ),
        (
            "Well-governed labour migration benefits both countries of origin and "
            "destination, and the migrants themselves.",
            "Participants discussed pre-departure information, recognition of skills and "
            "remittances.",
        ),
        ("labour migration", "integration", "remittances"),
        ("officials", "employers' associations"),
    ),
    "education": Topic(
        "Education",
        "education for security and peace",
        (
            "{issuer} supports civic education in schools {in_country}",
            "{issuer} launches online course on the OSCE for students",
            "{issuer} trains teachers in {city} on inclusive classrooms",
        ),
        (
            "Education that teaches critical thinking and respect for diversity is an "
            "investment in security.",
            "{n} teachers took part and will pass on what they learned to colleagues in "
            "their schools.",
        ),
        ("civic education", "inclusive education", "media literacy"),
        ("teachers", "students", "school principals"),
    ),
}

# Fields of work an item on a topic often carries as well.
RELATED_TOPICS = {
    "policing": ("tolerance", "human-rights", "cyber", "gender", "trafficking", "terrorism"),
    "elections": ("democratization", "human-rights", "gender"),
    "observation": ("democratization", "human-rights", "media", "gender"),
    "media": ("human-rights", "democratization", "gender"),
    "minorities": ("education", "conflict", "tolerance", "human-rights"),
    "trafficking": ("policing", "migration", "gender", "human-rights"),
    "gender": ("human-rights", "youth", "policing"),
    "youth": ("education", "tolerance", "democratization"),
    "rule-of-law": ("human-rights", "tolerance", "good-governance"),
    "tolerance": ("human-rights", "rule-of-law", "policing", "roma"),
    "roma": ("tolerance", "human-rights", "education"),
    "human-rights": ("rule-of-law", "tolerance", "democratization"),
    "democratization": ("good-governance", "elections", "gender"),
    "good-governance": ("rule-of-law", "economic"),
    "economic": ("good-governance", "environment", "migration"),
    "environment": ("economic", "good-governance"),
    "border": ("policing", "terrorism", "trafficking", "migration"),
    "terrorism": ("policing", "cyber", "youth"),
    "cyber": ("policing", "terrorism"),
    "arms-control": ("conflict", "security-sector"),
    "conflict": ("arms-control", "human-rights", "security-sector"),
    "security-sector": ("democratization", "policing", "arms-control"),
    "migration": ("trafficking", "economic", "human-rights"),
    "education": ("youth", "minorities", "tolerance"),
}
# The institution or unit a field operation works with on a topic, when an item is joint.
TOPIC_PARTNERS = {
    "elections": "odihr", "human-rights": "odihr", "tolerance": "odihr", "roma": "odihr",
    "democratization": "odihr", "rule-of-law": "odihr", "minorities": "hcnm",
    "education": "hcnm", "media": "rfom", "policing": "spmu", "cyber": "tntd",
    "terrorism": "tntd", "border": "tntd", "trafficking": "cthb", "economic": "oceea",
    "environment": "oceea", "good-governance": "oceea", "migration": "oceea",
    "gender": "gender", "youth": "youth", "arms-control": "fsc-support", "conflict": "cpc",
    "security-sector": "cpc",
}  # fmt: skip

LEADS = (
    "{The_issuer} organised a {days}-day event in {city} on {date}, bringing together {n} "
    "{audience} to discuss {phrase}.",
    "On {date}, {the_issuer} brought together {n} {audience} {in_country} to discuss {phrase}.",
    "{n} {audience} took part in an event on {phrase} that {the_issuer} held in {city} on {date}.",
    "{The_issuer} held a meeting on {phrase} on {date} with {n} {audience} from across the "
    "OSCE region.",
)
STATEMENT_LEADS = (
    "{The_issuer} made the following statement on {date} on {phrase} {in_country}.",
    "Speaking on {date}, {the_issuer} underlined the importance of {phrase}.",
)
STATEMENT_TITLES = (
    "{issuer} welcomes progress on {phrase} {in_country}",
    "{issuer} calls on all sides to respect commitments on {phrase}",
    "Statement by {issuer} on {phrase}",
    "{issuer} concerned about developments affecting {phrase} {in_country}",
)
GENERIC_PARAGRAPHS = (
    "“{quote}” said {person}, {role}.",
    "The event was organised by {the_issuer} together with national partners and was "
    "made possible by contributions from {donors}.",
    "{The_issuer} will continue to work with the authorities and civil society {in_country} "
    "on {phrase}.",
    "It is part of a project that runs until {next_year} and has so far reached more than "
    "{reach} {audience}.",
)
QUOTES = (
    "This is work that takes patience, but the results speak for themselves",
    "We are committed to supporting our partners for as long as they need us",
    "What we saw today shows how much can be achieved when institutions work together",
    "The participating States have made commitments, and our task is to help them keep them",
    "Trust is built step by step, and every step matters",
    "Our partners are taking ownership, which is exactly what we hoped for",
)
HEADINGS = ("Background", "Next steps", "What the programme covers", "Key recommendations")


# --- Other languages -----------------------------------------------------------------------
#
# An item's languages are drawn first; its templates are then chosen among those translated
# into all of them, so every version of an item says the same thing (an English-only item may
# use any template). Every tuple of translations below is in OTHER_LANGUAGES order.
#
# Translated templates use the English placeholders, spelled for each language by
# `NewsGenerator._local_context`: {the_issuer} carries its article ("la Mission de l'OSCE en
# Serbie"), {in_country} and {in_city} their preposition ("au Kazakhstan", "in der Ukraine"),
# {on_date} its preposition ("am 5. März 2020"), {phrase} the case its sentences need (Russian:
# genitive, after "по вопросам"; French also as {de_phrase}, elided). Russian sentences name
# bodies, countries and places only in the nominative, so no proper name is ever inflected.
# "[m|f|n|pl]", "[m|f|pl]" and "[singular|plural]" give the form that agrees with the issuing
# body's grammatical gender and number.

OTHER_LANGUAGES = ("fr", "de", "it", "ru", "es")
RUSSIAN_ONLY_SHARE = 0.03
RUSSIAN_SHARE = 0.30  # in English and Russian, besides the Russian-only items
ALSO_IN = (("fr", 0.08), ("de", 0.05), ("es", 0.05), ("it", 0.03))
MASCULINE, FEMININE, NEUTER, PLURAL = range(4)


def _other(*texts):
    return dict(zip(OTHER_LANGUAGES, texts, strict=True))


MONTHS = {
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre "
    "novembre dicembre",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
    "diciembre",
}
MONTHS = {language: names.split() for language, names in MONTHS.items()}


def _date_text(language, date, month=True, year=True):
    """A date as the language writes it; a range leaves out what its end already says."""
    day = str(date.day)
    if date.day == 1 and language in ("fr", "it"):
        day = "1er" if language == "fr" else "1º"
    if language == "de":
        day += "."
    joiner = " de " if language == "es" else " "
    text = day
    if month:
        text += joiner + MONTHS[language][date.month - 1]
    if year:
        text += joiner + str(date.year) + (" года" if language == "ru" else "")
    return text


def _italian_elided(preposition, day):
    """Italian elides before the numbers that start with a vowel: "dal 5", "dall'8"."""
    return f"{preposition}ll'" if day in (8, 11) else f"{preposition}l "


def _on_date(language, date):
    text = _date_text(language, date)
    if language == "it":
        return ("l'" if date.day in (8, 11) else "il ") + text
    prefix = {"fr": "le ", "de": "am ", "es": "el "}.get(language, "")
    return prefix + text


def _date_span(language, start, end):
    if start == end:
        return _on_date(language, start)
    same_year = start.year == end.year
    first = _date_text(
        language, start, month=not (same_year and start.month == end.month), year=not same_year
    )
    last = _date_text(language, end)
    if language == "it":
        return f"{_italian_elided('da', start.day)}{first} {_italian_elided('a', end.day)}{last}"
    before, between = {
        "fr": ("du", "au"), "de": ("vom", "bis"), "es": ("del", "al"), "ru": ("с", "по"),
    }[language]  # fmt: skip
    return f"{before} {first} {between} {last}"


def _capitalised(text):
    return text[:1].upper() + text[1:]


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
CITY_NAMES = {city: _other(*names) for city, names in CITY_NAMES.items()}


def _city(language, city):
    return CITY_NAMES.get(city, {}).get(language, city)


def _in_city(language, name):
    if language == "fr":
        return f"à {name}"
    if language == "it":
        if name.startswith("L'"):
            return f"all'{name[2:]}"
        return f"{'ad' if name[:1] in 'Aa' else 'a'} {name}"
    return f"{'in' if language == 'de' else 'en'} {name}"


# How "in <country>" reads where the plain preposition is wrong (ISO codes).
COUNTRY_PREPOSITIONS = {
    "fr": {"CY": "à", "MT": "à", "MC": "à", "SM": "à", "NL": "aux", "US": "aux"},
    "de": dict.fromkeys(("CH", "TR", "SK", "MN", "UA", "MD", "VA"), "in der"),
    "it": {"CY": "a", "MT": "a", "MC": "a", "SM": "a"},
    "es": {},
}
COUNTRY_PHRASES = {
    "de": {
        "GB": "im Vereinigten Königreich", "US": "in den Vereinigten Staaten",
        "NL": "in den Niederlanden",
    },
    "it": {"GB": "nel Regno Unito", "US": "negli Stati Uniti", "NL": "nei Paesi Bassi"},
    "es": {"GB": "en el Reino Unido", "NL": "en los Países Bajos"},
}  # fmt: skip
VOWELS = "aeiouyàâäéèêëîïôöùûüáíóú"


def _in_country(language, country, name):
    code = country.iso_code
    if code in COUNTRY_PHRASES.get(language, {}):
        return COUNTRY_PHRASES[language][code]
    preposition = COUNTRY_PREPOSITIONS[language].get(code)
    if preposition is None and language == "fr":
        # "en Serbie", "en Ouzbékistan", but "au Kazakhstan": feminine or vowel-initial.
        first = name.split()[0]
        preposition = "en" if first[:1].lower() in VOWELS or first.endswith("e") else "au"
    return f"{preposition or {'de': 'in', 'it': 'in', 'es': 'en'}[language]} {name}"


def _french_de(text):
    return f"d'{text}" if text[:1].lower() in VOWELS.replace("y", "") else f"de {text}"


# The regions of the field operations: name, "in the region", "from the region".
REGION_NAMES = {
    "South-Eastern Europe": _other(
        ("Europe du Sud-Est", "en Europe du Sud-Est", "d'Europe du Sud-Est"),
        ("Südosteuropa", "in Südosteuropa", "aus Südosteuropa"),
        ("Europa sudorientale", "nell'Europa sudorientale", "dell'Europa sudorientale"),
        ("Юго-Восточная Европа", "в Юго-Восточной Европе", "из стран Юго-Восточной Европы"),
        ("Europa Sudoriental", "en Europa Sudoriental", "de Europa Sudoriental"),
    ),
    "Central Asia": _other(
        ("Asie centrale", "en Asie centrale", "d'Asie centrale"),
        ("Zentralasien", "in Zentralasien", "aus Zentralasien"),
        ("Asia centrale", "in Asia centrale", "dell'Asia centrale"),
        ("Центральная Азия", "в Центральной Азии", "из стран Центральной Азии"),
        ("Asia Central", "en Asia Central", "de Asia Central"),
    ),
    "Eastern Europe": _other(
        ("Europe orientale", "en Europe orientale", "d'Europe orientale"),
        ("Osteuropa", "in Osteuropa", "aus Osteuropa"),
        ("Europa orientale", "nell'Europa orientale", "dell'Europa orientale"),
        ("Восточная Европа", "в Восточной Европе", "из стран Восточной Европы"),
        ("Europa Oriental", "en Europa Oriental", "de Europa Oriental"),
    ),
    "South Caucasus": _other(
        ("Caucase du Sud", "dans le Caucase du Sud", "du Caucase du Sud"),
        ("Südkaukasus", "im Südkaukasus", "aus dem Südkaukasus"),
        ("Caucaso meridionale", "nel Caucaso meridionale", "del Caucaso meridionale"),
        ("Южный Кавказ", "на Южном Кавказе", "из стран Южного Кавказа"),
        ("Cáucaso Meridional", "en el Cáucaso Meridional", "del Cáucaso Meridional"),
    ),
    "OSCE": _other(
        ("espace de l'OSCE", "dans l'espace de l'OSCE", "de l'espace de l'OSCE"),
        ("OSZE-Raum", "im OSZE-Raum", "aus dem OSZE-Raum"),
        ("area dell'OSCE", "nell'area dell'OSCE", "dell'area dell'OSCE"),
        ("регион ОБСЕ", "в регионе ОБСЕ", "из стран региона ОБСЕ"),
        ("área de la OSCE", "en el área de la OSCE", "del área de la OSCE"),
    ),
}


# --- The issuing bodies' names in other languages ------------------------------------------
#
# A structure's translated name comes from the taxonomy (`name_ru`, ...; the English name when
# it has none). Texts name the organisation with it, as osce.org does: "Миссия ОБСЕ в Сербии",
# "Mission de l'OSCE en Serbie", "OSZE-Mission in Serbien", "Hoher Kommissar der OSZE für
# nationale Minderheiten". The grammatical gender, which articles and Russian verbs agree
# with, is read from the name's head noun.

ACRONYM = {"fr": "OSCE", "de": "OSZE", "it": "OSCE", "ru": "ОБСЕ", "es": "OSCE"}
# The acronym goes before the first of these words; a name without one ends with it.
ACRONYM_BEFORE = {
    "fr": {"en", "à", "au", "aux", "pour", "sur", "auprès", "dans"},
    "it": {"in", "a", "ad", "per", "su", "presso", "nel", "nella"},
    "ru": {"в", "во", "на", "по", "при", "для", "у", "с", "со", "о", "об"},
    "es": {"en", "para", "sobre", "ante", "a"},
}
ACRONYM_INSIDE = {"fr": "de l'OSCE", "it": "OSCE", "ru": "ОБСЕ", "es": "de la OSCE"}
ACRONYM_AT_END = {"fr": "de l'OSCE", "it": "dell'OSCE", "ru": "ОБСЕ", "es": "de la OSCE"}
RUSSIAN_ADJECTIVE_ENDINGS = ("ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые")
FRENCH_FEMININE = {"cour", "équipe", "cellule", "section", "unité", "assemblée", "présence"}
FRENCH_MASCULINE = {"comité", "musée", "lycée"}
FRENCH_FEMININE_ENDINGS = ("ion", "ence", "ance", "té", "ée", "ure", "ie", "ette", "elle", "ade")
ITALIAN_MASCULINE = {"programma", "sistema", "tema", "forum"}
ITALIAN_FEMININE = {"corte", "sede", "unione"}
SPANISH_MASCULINE = {"programa", "sistema", "tema", "día", "foro"}
GERMAN_ADJECTIVE_ENDINGS = ("er", "es", "ische", "iche", "ige", "ale", "ene", "ete", "ere")
GERMAN_ADJECTIVAL_NOUNS = ("agter", "ender", "neter")  # der Beauftragte, der Vorsitzende
GERMAN_FEMININE_ENDINGS = (
    "ung", "heit", "keit", "schaft", "ion", "tät", "enz", "anz", "ei", "in", "e",
)  # fmt: skip
GERMAN_NEUTER_ENDINGS = ("büro", "um", "at", "ment", "amm", "o")
GERMAN_ARTICLES = ("der", "die", "das", "die")
# Names the English texts give a person or an acronym rather than the structure's name.
ISSUER_NAMES = {
    "chair": _other(
        ("Président en exercice de l'OSCE", MASCULINE),
        ("Amtierender Vorsitzender der OSZE", MASCULINE),
        ("Presidente in esercizio dell'OSCE", MASCULINE),
        ("Действующий председатель ОБСЕ", MASCULINE),
        ("Presidente en Ejercicio de la OSCE", MASCULINE),
    ),
    "odihr": _other(
        ("BIDDH", MASCULINE), ("BDIMR", NEUTER), ("ODIHR", MASCULINE), ("БДИПЧ", NEUTER),
        ("OIDDH", FEMININE),
    ),
    "cthb": _other(
        ("Représentant spécial de l'OSCE pour la lutte contre la traite des êtres humains",
         MASCULINE),
        ("OSZE-Sonderbeauftragter für die Bekämpfung des Menschenhandels", MASCULINE),
        ("Rappresentante speciale dell'OSCE per la lotta alla tratta di esseri umani",
         MASCULINE),
        ("Специальный представитель ОБСЕ по борьбе с торговлей людьми", MASCULINE),
        ("Representante Especial de la OSCE para la Lucha contra la Trata de Personas",
         MASCULINE),
    ),
    "oceea": _other(
        ("Coordonnateur des activités économiques et environnementales de l'OSCE", MASCULINE),
        ("Koordinator für Wirtschafts- und Umweltaktivitäten der OSZE", MASCULINE),
        ("Coordinatore delle attività economiche e ambientali dell'OSCE", MASCULINE),
        ("Координатор экономической и экологической деятельности ОБСЕ", MASCULINE),
        ("Coordinador de las Actividades Económicas y Medioambientales de la OSCE",
         MASCULINE),
    ),
}  # fmt: skip


@dataclass(frozen=True)
class LocalName:
    """A body's name in one language: as a headline or list names it, as the subject of a
    sentence (with its article), and the form (gender, number) its verbs agree with."""

    bare: str
    the: str
    form: int

    @property
    def The(self):  # noqa: N802 - the placeholder's spelling
        return _capitalised(self.the)


def _with_acronym(language, name, located=False):
    """`name` with the organisation's acronym where the language puts it. A body `located`
    in a city ("Centre in Ashgabat") may be named after it ("Centre d'Achgabat", "Centro di
    Ashgabat"); the acronym then goes before the city: "Centre de l'OSCE à Achgabat"."""
    if ACRONYM[language] in name:
        return name
    words = name.split()
    for index, word in enumerate(words[1:], start=1):
        if word.lower() in ACRONYM_BEFORE[language]:
            return " ".join([*words[:index], ACRONYM_INSIDE[language], *words[index:]])
        city = words[index + 1] if index + 1 < len(words) else ""
        if language == "it" and word == "di" and city[:1].isupper():
            return " ".join([*words[:index], "OSCE", *words[index:]])
        if language == "fr" and located:
            if word == "de" and city[:1].isupper():
                return " ".join([*words[:index], "de l'OSCE à", *words[index + 1 :]])
            if word.startswith("d'") and word[2:3].isupper():
                return " ".join([*words[:index], "de l'OSCE à", word[2:], *words[index + 1 :]])
    return f"{name} {ACRONYM_AT_END[language]}"


def _form(language, name):
    words = name.split()
    if language == "ru":
        head = next(
            (word for word in words if not word.lower().endswith(RUSSIAN_ADJECTIVE_ENDINGS)),
            words[0],
        ).lower()
        if head.endswith(("а", "я", "ость")):
            return FEMININE
        if head.endswith(("о", "е", "ё")):
            return NEUTER
        return PLURAL if head.endswith(("ы", "и")) else MASCULINE
    head = words[0].split("-")[-1].lower()
    if language == "fr":
        if head.endswith(("s", "x")) and len(head) > 3:
            return PLURAL
        feminine = head in FRENCH_FEMININE or head.endswith(FRENCH_FEMININE_ENDINGS)
        return FEMININE if feminine and head not in FRENCH_MASCULINE else MASCULINE
    if language == "it":
        if head in ITALIAN_MASCULINE:
            return MASCULINE
        if head in ITALIAN_FEMININE or head.endswith(("ione", "tà", "enza", "anza", "a")):
            return FEMININE
        return PLURAL if head.endswith("i") else MASCULINE
    if head in SPANISH_MASCULINE:
        return MASCULINE
    if head.endswith("s") and len(head) > 3:
        return PLURAL
    feminine = head == "corte" or head.endswith(("a", "ión", "dad", "tad", "tud", "umbre"))
    return FEMININE if feminine else MASCULINE


def _german_form(head):
    head = head.lower()
    if head.endswith(("referat", "sekretariat")):
        return NEUTER
    if head.endswith(("rat", "hof", "sitz")):
        return MASCULINE
    if head.endswith("en"):  # no singular head noun of a body ends so: "Chancen für ..."
        return PLURAL
    if head.endswith(GERMAN_FEMININE_ENDINGS):
        return FEMININE
    return NEUTER if head.endswith(GERMAN_NEUTER_ENDINGS) else MASCULINE


def _article(language, form, name):
    first = name.split()[0].lower()
    vowel = first[:1] in VOWELS
    if language == "fr":
        if form == PLURAL:
            return "les "
        return "l'" if vowel else "la " if form == FEMININE else "le "
    if language == "es":
        if form == PLURAL:
            return "las " if first.endswith(("as", "des", "nes")) else "los "
        return "la " if form == FEMININE else "el "
    lo = first.startswith(("z", "gn", "ps", "x")) or (
        first[:1] == "s" and first[1:2] not in VOWELS and first[1:2] != ""
    )
    if form == PLURAL:
        return "le " if first.endswith("e") else "gli " if vowel or lo else "i "
    if vowel:
        return "l'"
    return "la " if form == FEMININE else "lo " if lo else "il "


def _german_name(name, form=None, acronym=True):
    words = name.split()
    adjective_first = (
        len(words) > 1 and words[1][:1].isupper() and words[0].endswith(GERMAN_ADJECTIVE_ENDINGS)
    )
    if acronym and ACRONYM["de"] not in name:
        if adjective_first:  # "Hoher Kommissar der OSZE für nationale Minderheiten"
            words = [*words[:2], "der", "OSZE", *words[2:]]
        else:  # "OSZE-Mission in Serbien"
            words = [f"OSZE-{words[0]}", *words[1:]]
    head = 1 if adjective_first else 0
    if form is None:
        form = _german_form(words[head].split("-")[-1])
    # After "der"/"das" an adjective takes its weak ending: "der Hohe Kommissar".
    weak = list(words)
    if form in (MASCULINE, NEUTER) and adjective_first:
        weak[0] = weak[0].removesuffix("r" if form == MASCULINE else "s")
    if form == MASCULINE and weak[head].endswith(GERMAN_ADJECTIVAL_NOUNS):
        weak[head] = weak[head][:-1]
    return LocalName(" ".join(words), f"{GERMAN_ARTICLES[form]} {' '.join(weak)}", form)


def _local_name(language, name, form=None, acronym=True, located=False):
    if language == "de":
        return _german_name(name, form, acronym)
    if acronym:
        name = _with_acronym(language, name, located)
    if form is None:
        form = _form(language, name)
    if language == "ru":
        return LocalName(name, name, form)
    return LocalName(name, _article(language, form, name) + name, form)


def _issuer_names(key, structure, label):
    names = {}
    for language in OTHER_LANGUAGES:
        own = (getattr(structure, f"name_{language}", "") or "").strip()
        if key in ISSUER_NAMES:
            names[language] = _local_name(language, *ISSUER_NAMES[key][language], acronym=False)
        elif own:
            located = " in " in (structure.name_en or structure.name)
            names[language] = _local_name(language, own, located=located)
        else:
            names[language] = _local_name(language, label, MASCULINE, acronym=False)
    return names


CYRILLIC_TO_LATIN = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщыэюя",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch y e yu ya".split(),
        strict=True,
    )
) | {"ъ": "", "ь": ""}


def _latin(text):
    """Russian in Latin letters, for the slug of an item that has no English title."""
    return "".join(CYRILLIC_TO_LATIN.get(char, char) for char in text.lower())


# --- News templates in other languages -----------------------------------------------------

# Topic phrases as the translated sentences use them (see "Other languages" above).
PHRASES = {
    "police reform and community policing": _other(
        "réforme de la police et police de proximité",
        "Polizeireform und bürgernahe Polizeiarbeit",
        "riforma della polizia e polizia di prossimità",
        "реформы полиции и работы полиции с населением",
        "reforma policial y policía de proximidad",
    ),
    "democratic elections": _other(
        "élections démocratiques",
        "demokratische Wahlen",
        "elezioni democratiche",
        "демократических выборов",
        "elecciones democráticas",
    ),
    "media freedom and the safety of journalists": _other(
        "liberté des médias et sécurité des journalistes",
        "Medienfreiheit und Sicherheit von Journalisten",
        "libertà dei media e sicurezza dei giornalisti",
        "свободы СМИ и безопасности журналистов",
        "libertad de los medios y seguridad de los periodistas",
    ),
    "the rights of national minorities": _other(
        "droits des minorités nationales",
        "Rechte nationaler Minderheiten",
        "diritti delle minoranze nazionali",
        "прав национальных меньшинств",
        "derechos de las minorías nacionales",
    ),
    "combating trafficking in human beings": _other(
        "lutte contre la traite des êtres humains",
        "Bekämpfung des Menschenhandels",
        "lotta alla tratta di esseri umani",
        "борьбы с торговлей людьми",
        "lucha contra la trata de seres humanos",
    ),
    "gender equality": _other(
        "égalité des genres",
        "Gleichstellung der Geschlechter",
        "parità di genere",
        "гендерного равенства",
        "igualdad de género",
    ),
    "young people's participation": _other(
        "participation des jeunes",
        "Beteiligung junger Menschen",
        "partecipazione dei giovani",
        "участия молодежи в общественной жизни",
        "participación de los jóvenes",
    ),
    "the rule of law and fair trials": _other(
        "état de droit et procès équitable",
        "Rechtsstaatlichkeit und faire Verfahren",
        "Stato di diritto e giusto processo",
        "верховенства права и справедливого судопроизводства",
        "Estado de derecho y juicio justo",
    ),
    "tolerance and non-discrimination": _other(
        "tolérance et non-discrimination",
        "Toleranz und Nichtdiskriminierung",
        "tolleranza e non discriminazione",
        "толерантности и недискриминации",
        "tolerancia y no discriminación",
    ),
    "the inclusion of Roma and Sinti": _other(
        "inclusion des Roms et des Sintis",
        "Inklusion von Roma und Sinti",
        "inclusione di rom e sinti",
        "интеграции рома и синти",
        "inclusión de la población romaní y sinti",
    ),
    "human rights and fundamental freedoms": _other(
        "droits de l'homme et libertés fondamentales",
        "Menschenrechte und Grundfreiheiten",
        "diritti umani e libertà fondamentali",
        "прав человека и основных свобод",
        "derechos humanos y libertades fundamentales",
    ),
    "democratic institutions": _other(
        "institutions démocratiques",
        "demokratische Institutionen",
        "istituzioni democratiche",
        "развития демократических институтов",
        "instituciones democráticas",
    ),
    "good governance and the fight against corruption": _other(
        "bonne gouvernance et lutte contre la corruption",
        "gute Regierungsführung und Korruptionsbekämpfung",
        "buona governance e lotta alla corruzione",
        "благого управления и борьбы с коррупцией",
        "buena gobernanza y lucha contra la corrupción",
    ),
    "economic co-operation": _other(
        "coopération économique",
        "wirtschaftliche Zusammenarbeit",
        "cooperazione economica",
        "экономического сотрудничества",
        "cooperación económica",
    ),
    "the environment and security": _other(
        "environnement et sécurité",
        "Umwelt und Sicherheit",
        "ambiente e sicurezza",
        "окружающей среды и безопасности",
        "medio ambiente y seguridad",
    ),
    "border security and management": _other(
        "sécurité et gestion des frontières",
        "Grenzsicherheit und Grenzmanagement",
        "sicurezza e gestione delle frontiere",
        "безопасности и управления границами",
        "seguridad y gestión de fronteras",
    ),
    "countering terrorism and violent extremism": _other(
        "lutte contre le terrorisme et l'extrémisme violent",
        "Bekämpfung von Terrorismus und gewalttätigem Extremismus",
        "contrasto al terrorismo e all'estremismo violento",
        "противодействия терроризму и насильственному экстремизму",
        "lucha contra el terrorismo y el extremismo violento",
    ),
    "cyber/ICT security": _other(
        "cybersécurité et sécurité des TIC",
        "Cyber- und IKT-Sicherheit",
        "sicurezza informatica e delle TIC",
        "кибербезопасности и безопасности ИКТ",
        "ciberseguridad y seguridad de las TIC",
    ),
    "arms control and confidence-building": _other(
        "maîtrise des armements et mesures de confiance",
        "Rüstungskontrolle und Vertrauensbildung",
        "controllo degli armamenti e rafforzamento della fiducia",
        "контроля над вооружениями и укрепления доверия",
        "control de armamentos y fomento de la confianza",
    ),
    "conflict prevention and resolution": _other(
        "prévention et règlement des conflits",
        "Konfliktverhütung und Konfliktlösung",
        "prevenzione e risoluzione dei conflitti",
        "предотвращения и урегулирования конфликтов",
        "prevención y resolución de conflictos",
    ),
    "security sector governance and reform": _other(
        "gouvernance et réforme du secteur de la sécurité",
        "Governance und Reform des Sicherheitssektors",
        "governance e riforma del settore della sicurezza",
        "управления сектором безопасности и его реформирования",
        "gobernanza y reforma del sector de la seguridad",
    ),
    "migration governance": _other(
        "gouvernance des migrations",
        "Migrationssteuerung",
        "governance delle migrazioni",
        "регулирования миграции",
        "gobernanza de la migración",
    ),
    "education for security and peace": _other(
        "éducation à la paix et à la sécurité",
        "Bildung für Frieden und Sicherheit",
        "educazione alla pace e alla sicurezza",
        "образования в интересах мира и безопасности",
        "educación para la paz y la seguridad",
    ),
}

# Who takes part. Russian gives the forms after 1, 2–4 and 5 or more ("21 судья",
# "24 судьи", "25 судей"); the other languages the plural.
AUDIENCES = {
    "officials": ("responsables", "Behördenvertreter", "funzionari",
                  ("должностное лицо", "должностных лица", "должностных лиц"), "funcionarios"),
    "civil society representatives": (
        "représentants de la société civile", "Vertreter der Zivilgesellschaft",
        "rappresentanti della società civile",
        ("представитель гражданского общества", "представителя гражданского общества",
         "представителей гражданского общества"),
        "representantes de la sociedad civil"),
    "experts": ("experts", "Fachleute", "esperti", ("эксперт", "эксперта", "экспертов"),
                "expertos"),
    "police officers": ("policiers", "Polizeibeamte", "agenti di polizia",
                        ("сотрудник полиции", "сотрудника полиции", "сотрудников полиции"),
                        "agentes de policía"),
    "police commanders": (
        "commandants de police", "Führungskräfte der Polizei", "comandanti di polizia",
        ("руководитель полицейских подразделений", "руководителя полицейских подразделений",
         "руководителей полицейских подразделений"),
        "mandos policiales"),
    "criminal analysts": ("analystes criminels", "Kriminalanalytiker", "analisti criminali",
                          ("криминальный аналитик", "криминальных аналитика",
                           "криминальных аналитиков"),
                          "analistas criminales"),
    "election officials": (
        "membres de l'administration électorale", "Mitarbeiter der Wahlverwaltung",
        "funzionari elettorali",
        ("сотрудник избирательных органов", "сотрудника избирательных органов",
         "сотрудников избирательных органов"),
        "funcionarios electorales"),
    "members of election commissions": (
        "membres de commissions électorales", "Mitglieder von Wahlkommissionen",
        "membri di commissioni elettorali",
        ("член избирательных комиссий", "члена избирательных комиссий",
         "членов избирательных комиссий"),
        "miembros de comisiones electorales"),
    "domestic observers": (
        "observateurs nationaux", "einheimische Wahlbeobachter", "osservatori nazionali",
        ("национальный наблюдатель", "национальных наблюдателя", "национальных наблюдателей"),
        "observadores nacionales"),
    "journalists": ("journalistes", "Journalistinnen und Journalisten", "giornalisti",
                    ("журналист", "журналиста", "журналистов"), "periodistas"),
    "editors": ("rédacteurs en chef", "Redakteure", "redattori",
                ("редактор", "редактора", "редакторов"), "editores"),
    "media lawyers": ("juristes spécialisés dans les médias", "Medienrechtler",
                      "avvocati esperti di diritto dei media",
                      ("юрист в сфере СМИ", "юриста в сфере СМИ", "юристов в сфере СМИ"),
                      "abogados especializados en medios"),
    "teachers": ("enseignants", "Lehrkräfte", "insegnanti",
                 ("учитель", "учителя", "учителей"), "docentes"),
    "community leaders": ("responsables communautaires", "Vertreter lokaler Gemeinschaften",
                          "leader delle comunità",
                          ("лидер местных общин", "лидера местных общин",
                           "лидеров местных общин"),
                          "líderes comunitarios"),
    "prosecutors": ("procureurs", "Staatsanwälte", "procuratori",
                    ("прокурор", "прокурора", "прокуроров"), "fiscales"),
    "labour inspectors": ("inspecteurs du travail", "Arbeitsinspektoren", "ispettori del lavoro",
                          ("инспектор труда", "инспектора труда", "инспекторов труда"),
                          "inspectores de trabajo"),
    "social workers": ("travailleurs sociaux", "Sozialarbeiter", "assistenti sociali",
                       ("социальный работник", "социальных работника", "социальных работников"),
                       "trabajadores sociales"),
    "women leaders": ("femmes dirigeantes", "weibliche Führungskräfte", "donne leader",
                      ("женщина-лидер", "женщины-лидера", "женщин-лидеров"), "mujeres líderes"),
    "local councillors": ("conseillers municipaux", "Gemeinderatsmitglieder",
                          "consiglieri comunali",
                          ("депутат местного совета", "депутата местных советов",
                           "депутатов местных советов"),
                          "concejales"),
    "young people": ("jeunes", "junge Menschen", "giovani",
                     ("молодой человек", "молодых человека", "молодых людей"), "jóvenes"),
    "students": ("étudiants", "Studierende", "studenti",
                 ("студент", "студента", "студентов"), "estudiantes"),
    "youth workers": ("animateurs jeunesse", "Jugendarbeiter", "operatori giovanili",
                      ("специалист по работе с молодежью", "специалиста по работе с молодежью",
                       "специалистов по работе с молодежью"),
                      "trabajadores juveniles"),
    "judges": ("juges", "Richterinnen und Richter", "giudici",
               ("судья", "судьи", "судей"), "jueces"),
    "defence lawyers": ("avocats de la défense", "Strafverteidiger", "avvocati difensori",
                        ("адвокат", "адвоката", "адвокатов"), "abogados defensores"),
    "Roma mediators": ("médiateurs roms", "Roma-Mediatoren", "mediatori rom",
                       ("медиатор из числа рома", "медиатора из числа рома",
                        "медиаторов из числа рома"),
                       "mediadores romaníes"),
    "community activists": ("militants associatifs", "Aktivisten aus der Zivilgesellschaft",
                            "attivisti delle comunità",
                            ("общественный активист", "общественных активиста",
                             "общественных активистов"),
                            "activistas comunitarios"),
    "municipal officials": (
        "agents municipaux", "Gemeindebedienstete", "funzionari comunali",
        ("сотрудник органов местного самоуправления", "сотрудника органов местного самоуправления",
         "сотрудников органов местного самоуправления"),
        "funcionarios municipales"),
    "human rights defenders": (
        "défenseurs des droits de l'homme", "Menschenrechtsverteidiger",
        "difensori dei diritti umani", ("правозащитник", "правозащитника", "правозащитников"),
        "defensores de los derechos humanos"),
    "ombudsperson staff": (
        "agents du bureau du médiateur", "Mitarbeiter der Ombudsstelle",
        "funzionari dell'ufficio del difensore civico",
        ("сотрудник аппарата омбудсмена", "сотрудника аппарата омбудсмена",
         "сотрудников аппарата омбудсмена"),
        "funcionarios de la Defensoría del Pueblo"),
    "lawyers": ("juristes", "Juristen", "giuristi", ("юрист", "юриста", "юристов"), "juristas"),
    "members of parliament": ("parlementaires", "Parlamentsabgeordnete", "parlamentari",
                              ("депутат парламента", "депутата парламента",
                               "депутатов парламента"),
                              "parlamentarios"),
    "parliamentary staff": ("fonctionnaires parlementaires", "Parlamentsmitarbeiter",
                            "funzionari parlamentari",
                            ("сотрудник аппарата парламента", "сотрудника аппарата парламента",
                             "сотрудников аппарата парламента"),
                            "funcionarios parlamentarios"),
    "civil servants": ("fonctionnaires", "Beamte", "dipendenti pubblici",
                       ("государственный служащий", "государственных служащих",
                        "государственных служащих"),
                       "funcionarios públicos"),
    "auditors": ("auditeurs", "Rechnungsprüfer", "revisori",
                 ("аудитор", "аудитора", "аудиторов"), "auditores"),
    "procurement officers": ("responsables des marchés publics", "Beschaffungsbeauftragte",
                             "funzionari addetti agli appalti",
                             ("специалист по закупкам", "специалиста по закупкам",
                              "специалистов по закупкам"),
                             "responsables de contratación pública"),
    "entrepreneurs": ("entrepreneurs", "Unternehmerinnen und Unternehmer", "imprenditori",
                      ("предприниматель", "предпринимателя", "предпринимателей"),
                      "emprendedores"),
    "customs officers": ("douaniers", "Zollbeamte", "funzionari doganali",
                         ("сотрудник таможни", "сотрудника таможни", "сотрудников таможни"),
                         "funcionarios de aduanas"),
    "business associations": (
        "représentants d'associations professionnelles", "Vertreter von Wirtschaftsverbänden",
        "rappresentanti di associazioni di categoria",
        ("представитель деловых ассоциаций", "представителя деловых ассоциаций",
         "представителей деловых ассоциаций"),
        "representantes de asociaciones empresariales"),
    "environmental inspectors": (
        "inspecteurs de l'environnement", "Umweltinspektoren", "ispettori ambientali",
        ("инспектор по охране окружающей среды", "инспектора по охране окружающей среды",
         "инспекторов по охране окружающей среды"),
        "inspectores ambientales"),
    "local officials": (
        "élus et agents locaux", "Vertreter lokaler Behörden", "funzionari locali",
        ("представитель местных органов власти", "представителя местных органов власти",
         "представителей местных органов власти"),
        "funcionarios locales"),
    "activists": ("militants", "Aktivisten", "attivisti",
                  ("активист", "активиста", "активистов"), "activistas"),
    "border guards": ("garde-frontières", "Grenzschutzbeamte", "guardie di frontiera",
                      ("пограничник", "пограничника", "пограничников"),
                      "guardias de fronteras"),
    "incident responders": (
        "spécialistes de la réponse aux incidents", "Fachleute für Sicherheitsvorfälle",
        "addetti alla risposta agli incidenti",
        ("специалист по реагированию на инциденты", "специалиста по реагированию на инциденты",
         "специалистов по реагированию на инциденты"),
        "especialistas en respuesta a incidentes"),
    "defence officials": (
        "responsables de la défense", "Vertreter der Verteidigungsministerien",
        "funzionari della difesa",
        ("сотрудник оборонного ведомства", "сотрудника оборонных ведомств",
         "сотрудников оборонных ведомств"),
        "funcionarios de defensa"),
    "military officers": ("officiers", "Offiziere", "ufficiali",
                          ("офицер", "офицера", "офицеров"), "oficiales"),
    "mediators": ("médiateurs", "Mediatoren", "mediatori",
                  ("медиатор", "медиатора", "медиаторов"), "mediadores"),
    "employers' associations": (
        "représentants d'organisations patronales", "Vertreter von Arbeitgeberverbänden",
        "rappresentanti delle associazioni dei datori di lavoro",
        ("представитель объединений работодателей", "представителя объединений работодателей",
         "представителей объединений работодателей"),
        "representantes de organizaciones empresariales"),
    "school principals": ("chefs d'établissement", "Schulleitungen", "dirigenti scolastici",
                          ("директор школы", "директора школ", "директоров школ"),
                          "directores de escuela"),
}  # fmt: skip
AUDIENCES = {audience: _other(*names) for audience, names in AUDIENCES.items()}
DAYS = {
    "two": _other("deux jours", "zweitägige", "due giorni", "двухдневное", "dos días"),
    "three": _other("trois jours", "dreitägige", "tre giorni", "трехдневное", "tres días"),
    "four": _other("quatre jours", "viertägige", "quattro giorni", "четырехдневное",
                   "cuatro días"),
    "five": _other("cinq jours", "fünftägige", "cinque giorni", "пятидневное", "cinco días"),
}  # fmt: skip


def _russian_count(number, forms):
    """The form of a Russian noun after `number`: 1, 2–4 or 5 or more (11–14 take the last)."""
    one, few, many = forms
    if number % 10 == 1 and number % 100 != 11:
        return one
    if 2 <= number % 10 <= 4 and not 12 <= number % 100 <= 14:
        return few
    return many


# English sentence patterns → their translations (OTHER_LANGUAGES order). Templates without
# an entry are used for English-only items.
TRANSLATIONS = {
    # Leads
    "{The_issuer} organised a {days}-day event in {city} on {date}, bringing together {n} "
    "{audience} to discuss {phrase}.": (
        "{On_date}, {the_issuer} [a|ont] organisé {in_city} une rencontre de {days} qui a réuni "
        "{n} {audience} autour des questions {de_phrase}.",
        "{On_date} [hat|haben] {the_issuer} {in_city} eine {days} Veranstaltung zum Thema "
        "{phrase} ausgerichtet, an der {n} {audience} teilnahmen.",
        "{On_date} {the_issuer} [ha|hanno] organizzato {in_city} un incontro di {days} in "
        "materia di {phrase}, al quale hanno partecipato {n} {audience}.",
        "{date} {issuer} провел[|а|о|и] {days} мероприятие по вопросам {phrase}, в котором "
        "приняли участие {n} {audience}.",
        "{On_date}, {the_issuer} organiz[ó|aron] {in_city} un encuentro de {days} en materia de "
        "{phrase}, en el que participaron {n} {audience}.",
    ),
    "On {date}, {the_issuer} brought together {n} {audience} {in_country} to discuss {phrase}.": (
        "{On_date}, {the_issuer} [a|ont] réuni {n} {audience} {in_country} pour débattre des "
        "questions {de_phrase}.",
        "{On_date} [hat|haben] {the_issuer} {n} {audience} {in_country} zu einem Austausch zum "
        "Thema {phrase} zusammengebracht.",
        "{On_date} {the_issuer} [ha|hanno] riunito {n} {audience} {in_country} per discutere "
        "di {phrase}.",
        "{date} {issuer} провел[|а|о|и] встречу по вопросам {phrase}, в которой приняли "
        "участие {n} {audience}.",
        "{On_date}, {the_issuer} reuni[ó|eron] a {n} {audience} {in_country} para debatir "
        "cuestiones de {phrase}.",
    ),
    "{n} {audience} took part in an event on {phrase} that {the_issuer} held in {city} on "
    "{date}.": (
        "{n} {audience} ont participé à une rencontre consacrée aux questions {de_phrase}, "
        "organisée {in_city} par {the_issuer} {on_date}.",
        "{n} {audience} nahmen {on_date} {in_city} an einer Veranstaltung zum Thema {phrase} "
        "teil, zu der {the_issuer} eingeladen [hatte|hatten].",
        "{On_date} {the_issuer} [ha|hanno] riunito {in_city} {n} {audience} per un incontro in "
        "materia di {phrase}.",
        "{n} {audience} приняли участие в мероприятии по вопросам {phrase}, которое {issuer} "
        "провел[|а|о|и] {date}.",
        "{n} {audience} participaron en un encuentro en materia de {phrase} que {the_issuer} "
        "organiz[ó|aron] {in_city} {on_date}.",
    ),
    "{The_issuer} held a meeting on {phrase} on {date} with {n} {audience} from across the "
    "OSCE region.": (
        "{On_date}, {the_issuer} [a|ont] tenu une réunion sur les questions {de_phrase} avec {n} "
        "{audience} venus de toute la région de l'OSCE.",
        "{On_date} [hat|haben] {the_issuer} ein Treffen zum Thema {phrase} abgehalten, an dem "
        "{n} {audience} aus dem gesamten OSZE-Raum teilnahmen.",
        "{On_date} {the_issuer} [ha|hanno] tenuto una riunione in materia di {phrase} con {n} "
        "{audience} provenienti da tutta l'area dell'OSCE.",
        "{date} {issuer} провел[|а|о|и] совещание по вопросам {phrase}, в котором приняли "
        "участие {n} {audience} из всего региона ОБСЕ.",
        "{On_date}, {the_issuer} celebr[ó|aron] una reunión en materia de {phrase} con {n} "
        "{audience} de toda la región de la OSCE.",
    ),
    "{The_issuer} made the following statement on {date} on {phrase} {in_country}.": (
        "{On_date}, {the_issuer} [a|ont] fait la déclaration suivante sur les questions "
        "{de_phrase} {in_country}.",
        "{On_date} [hat|haben] {the_issuer} folgende Erklärung zum Thema {phrase} {in_country} "
        "abgegeben.",
        "{On_date} {the_issuer} [ha|hanno] rilasciato la seguente dichiarazione in materia di "
        "{phrase} {in_country}.",
        "{date} {issuer} выступил[|а|о|и] со следующим заявлением по вопросам {phrase}.",
        "{On_date}, {the_issuer} formul[ó|aron] la siguiente declaración en materia de "
        "{phrase} {in_country}.",
    ),
    "Speaking on {date}, {the_issuer} underlined the importance of {phrase}.": (
        "{On_date}, {the_issuer} [a|ont] souligné l'importance des efforts en matière {de_phrase}.",
        "{On_date} [hob|hoben] {the_issuer} die Bedeutung der Arbeit zum Thema {phrase} hervor.",
        "{On_date} {the_issuer} [ha|hanno] sottolineato l'importanza del lavoro in materia di "
        "{phrase}.",
        "{date} {issuer} подчеркнул[|а|о|и] важность работы в области {phrase}.",
        "{On_date}, {the_issuer} subray[ó|aron] la importancia del trabajo en materia de {phrase}.",
    ),
    # Statement titles and the fallback title
    "{issuer} welcomes progress on {phrase} {in_country}": (
        "{The_issuer} salu[e|ent] les progrès accomplis en matière {de_phrase} {in_country}",
        "{issuer} begrüß[t|en] Fortschritte {in_country} beim Thema {phrase}",
        "{The_issuer} [accoglie|accolgono] con favore i progressi in materia di {phrase} "
        "{in_country}",
        "{issuer} приветству[ет|ют] прогресс в области {phrase}",
        "{The_issuer} [acoge|acogen] con satisfacción los avances en materia de {phrase} "
        "{in_country}",
    ),
    "{issuer} calls on all sides to respect commitments on {phrase}": (
        "{The_issuer} appel[le|lent] toutes les parties à respecter leurs engagements en "
        "matière {de_phrase}",
        "{issuer} [ruft|rufen] alle Seiten auf, ihre Verpflichtungen zum Thema {phrase} "
        "einzuhalten",
        "{The_issuer} [invita|invitano] tutte le parti a rispettare gli impegni in materia di "
        "{phrase}",
        "{issuer} призыва[ет|ют] все стороны соблюдать обязательства в области {phrase}",
        "{The_issuer} [insta|instan] a todas las partes a respetar los compromisos en materia "
        "de {phrase}",
    ),
    "Statement by {issuer} on {phrase}": (
        "{issuer} : déclaration sur les questions {de_phrase}",
        "{issuer}: Erklärung zum Thema {phrase}",
        "{issuer}: dichiarazione in materia di {phrase}",
        "{issuer}: заявление по вопросам {phrase}",
        "{issuer}: declaración en materia de {phrase}",
    ),
    "{issuer} concerned about developments affecting {phrase} {in_country}": (
        "{The_issuer} [se dit préoccupé|se dit préoccupée|se disent préoccupés] par l'évolution "
        "de la situation en matière {de_phrase} {in_country}",
        "{issuer} [ist|sind] besorgt über Entwicklungen {in_country} beim Thema {phrase}",
        "{The_issuer} [esprime|esprimono] preoccupazione per gli sviluppi in materia di {phrase} "
        "{in_country}",
        "{issuer} выража[ет|ют] обеспокоенность ситуацией в области {phrase}",
        "{The_issuer} [expresa|expresan] preocupación por la evolución en materia de {phrase} "
        "{in_country}",
    ),
    "{issuer} holds meeting on {phrase}": (
        "{The_issuer} organis[e|ent] une réunion sur les questions {de_phrase}",
        "{issuer} [veranstaltet|veranstalten] Treffen zum Thema {phrase}",
        "{The_issuer} organizz[a|ano] una riunione in materia di {phrase}",
        "{issuer} провод[ит|ят] совещание по вопросам {phrase}",
        "{The_issuer} organiz[a|an] una reunión en materia de {phrase}",
    ),
    # Generic paragraphs
    "{The_issuer} will continue to work with the authorities and civil society {in_country} "
    "on {phrase}.": (
        "{The_issuer} continuer[a|ont] de travailler avec les autorités et la société civile "
        "{in_country} sur les questions {de_phrase}.",
        "{The_issuer} [wird|werden] die Zusammenarbeit mit den Behörden und der "
        "Zivilgesellschaft {in_country} zum Thema {phrase} fortsetzen.",
        "{The_issuer} continuer[à|anno] a collaborare con le autorità e la società civile "
        "{in_country} in materia di {phrase}.",
        "{issuer} продолж[ит|ат] сотрудничество с государственными органами и гражданским "
        "обществом в области {phrase}.",
        "{The_issuer} seguir[á|án] trabajando con las autoridades y la sociedad civil "
        "{in_country} en materia de {phrase}.",
    ),
    "It is part of a project that runs until {next_year} and has so far reached more than "
    "{reach} {audience}.": (
        "L'activité s'inscrit dans un projet qui se poursuit jusqu'en {next_year} et qui a déjà "
        "touché plus de {reach} {audience}.",
        "Die Veranstaltung ist Teil eines Projekts, das bis {next_year} läuft und bislang mehr "
        "als {reach} {audience} erreicht hat.",
        "L'attività rientra in un progetto che proseguirà fino al {next_year} e che finora ha "
        "raggiunto oltre {reach} {audience}.",
        "Мероприятие проводится в рамках проекта, рассчитанного до {next_year} года; к "
        "настоящему времени в нем приняли участие более {reach} {audience_all}.",
        "La actividad forma parte de un proyecto que se extiende hasta {next_year} y que hasta "
        "ahora ha llegado a más de {reach} {audience}.",
    ),
    # Topics: policing
    "{issuer} trains police officers in {city} on community policing": (
        "{The_issuer} form[e|ent] des policiers {in_city} à la police de proximité",
        "{issuer} schul[t|en] Polizeibeamte {in_city} in bürgernaher Polizeiarbeit",
        "{The_issuer} form[a|ano] agenti di polizia {in_city} sulla polizia di prossimità",
        "{issuer} обуча[ет|ют] сотрудников полиции методам работы с населением",
        "{The_issuer} capacit[a|an] a agentes de policía {in_city} en policía de proximidad",
    ),
    "{issuer} hosts regional workshop on intelligence-led policing": (
        "{The_issuer} organis[e|ent] un atelier régional sur la police guidée par le renseignement",
        "{issuer} [veranstaltet|veranstalten] regionalen Workshop zu erkenntnisgestützter "
        "Polizeiarbeit",
        "{The_issuer} ospit[a|ano] un seminario regionale sulle attività di polizia basate "
        "sull'intelligence",
        "{issuer} провод[ит|ят] региональный семинар по вопросам полицейской деятельности на "
        "основе оперативной информации",
        "{The_issuer} organiz[a|an] un taller regional sobre actuación policial basada en la "
        "inteligencia",
    ),
    "{issuer} helps police {in_country} respond to domestic violence": (
        "{The_issuer} aid[e|ent] la police {in_country} à lutter contre la violence domestique",
        "{issuer} unterstütz[t|en] Polizei {in_country} bei der Bekämpfung häuslicher Gewalt",
        "{The_issuer} aiut[a|ano] la polizia {in_country} a contrastare la violenza domestica",
        "{issuer} помога[ет|ют] полиции в борьбе с домашним насилием",
        "{The_issuer} ayud[a|an] a la policía {in_country} a responder a la violencia doméstica",
    ),
    "Participants worked through case studies on gathering evidence, protecting victims and "
    "co-operating with prosecutors from the first hour of an investigation.": (
        "Les participants ont étudié des cas pratiques portant sur la collecte des preuves, la "
        "protection des victimes et la coopération avec le parquet dès la première heure de "
        "l'enquête.",
        "Die Teilnehmenden bearbeiteten Fallstudien zur Beweiserhebung, zum Opferschutz und zur "
        "Zusammenarbeit mit der Staatsanwaltschaft ab der ersten Stunde einer Ermittlung.",
        "I partecipanti hanno analizzato casi di studio sulla raccolta delle prove, sulla "
        "protezione delle vittime e sulla cooperazione con la procura fin dalla prima ora di "
        "un'indagine.",
        "Участники разобрали практические примеры сбора доказательств, защиты потерпевших и "
        "взаимодействия с прокуратурой с первых часов расследования.",
        "Los participantes analizaron casos prácticos sobre la obtención de pruebas, la "
        "protección de las víctimas y la cooperación con la fiscalía desde la primera hora de "
        "una investigación.",
    ),
    # elections
    "{issuer} supports voter education campaign ahead of local elections {in_country}": (
        "{The_issuer} [soutient|soutiennent] une campagne d'éducation des électeurs avant les "
        "élections locales {in_country}",
        "{issuer} unterstütz[t|en] Wählerbildungskampagne vor Kommunalwahlen {in_country}",
        "{The_issuer} [sostiene|sostengono] una campagna di educazione degli elettori in vista "
        "delle elezioni locali {in_country}",
        "{issuer} поддержива[ет|ют] информационную кампанию для избирателей накануне местных "
        "выборов",
        "{The_issuer} apoy[a|an] una campaña de educación electoral antes de las elecciones "
        "locales {in_country}",
    ),
    "{issuer} supports working group on electoral reform {in_country}": (
        "{The_issuer} [soutient|soutiennent] le groupe de travail sur la réforme électorale "
        "{in_country}",
        "{issuer} unterstütz[t|en] Arbeitsgruppe zur Wahlrechtsreform {in_country}",
        "{The_issuer} [sostiene|sostengono] il gruppo di lavoro sulla riforma elettorale "
        "{in_country}",
        "{issuer} поддержива[ет|ют] работу рабочей группы по избирательной реформе",
        "{The_issuer} apoy[a|an] al grupo de trabajo sobre reforma electoral {in_country}",
    ),
    "Voters with disabilities, first-time voters and national minorities were among the groups "
    "the campaign set out to reach.": (
        "Les électeurs en situation de handicap, les primo-votants et les minorités nationales "
        "figuraient parmi les publics visés par la campagne.",
        "Zu den Zielgruppen der Kampagne gehörten Wählerinnen und Wähler mit Behinderungen, "
        "Erstwählende und nationale Minderheiten.",
        "Gli elettori con disabilità, chi vota per la prima volta e le minoranze nazionali "
        "erano tra i destinatari della campagna.",
        "Кампания была ориентирована в том числе на избирателей с инвалидностью, впервые "
        "голосующих граждан и представителей национальных меньшинств.",
        "Los votantes con discapacidad, quienes votan por primera vez y las minorías nacionales "
        "figuraban entre los destinatarios de la campaña.",
    ),
    # observation
    "{issuer} opens election observation mission {in_country}": (
        "{The_issuer} ouvr[e|ent] une mission d'observation électorale {in_country}",
        "{issuer} eröffn[et|en] Wahlbeobachtungsmission {in_country}",
        "{The_issuer} avvi[a|ano] una missione di osservazione elettorale {in_country}",
        "{country}: {issuer} открыва[ет|ют] миссию по наблюдению за выборами",
        "{The_issuer} inici[a|an] una misión de observación electoral {in_country}",
    ),
    "{issuer} publishes final report on parliamentary elections {in_country}": (
        "{The_issuer} [publie son|publient leur] rapport final sur les élections législatives "
        "{in_country}",
        "{issuer} veröffentlich[t|en] Abschlussbericht zu den Parlamentswahlen {in_country}",
        "{The_issuer} pubblic[a|ano] il rapporto finale sulle elezioni parlamentari {in_country}",
        "{country}: {issuer} публику[ет|ют] заключительный доклад о парламентских выборах",
        "{The_issuer} public[a|an] el informe final sobre las elecciones parlamentarias "
        "{in_country}",
    ),
    "Observers assess whether elections respect fundamental freedoms, are conducted by "
    "impartial administrations and give voters a genuine choice.": (
        "Les observateurs évaluent si les élections respectent les libertés fondamentales, si "
        "elles sont organisées par une administration impartiale et si elles offrent aux "
        "électeurs un véritable choix.",
        "Die Beobachterinnen und Beobachter prüfen, ob Wahlen die Grundfreiheiten achten, von "
        "unparteiischen Behörden durchgeführt werden und den Wählern eine echte Wahl lassen.",
        "Gli osservatori valutano se le elezioni rispettano le libertà fondamentali, se sono "
        "gestite da un'amministrazione imparziale e se offrono agli elettori una scelta reale.",
        "Наблюдатели оценивают, соблюдаются ли в ходе выборов основные свободы, беспристрастна "
        "ли избирательная администрация и есть ли у избирателей реальный выбор.",
        "Los observadores evalúan si las elecciones respetan las libertades fundamentales, si "
        "las organiza una administración imparcial y si ofrecen a los votantes una auténtica "
        "posibilidad de elección.",
    ),
    # media
    "{issuer} welcomes adoption of access to information law {in_country}": (
        "{The_issuer} salu[e|ent] l'adoption de la loi sur l'accès à l'information {in_country}",
        "{issuer} begrüß[t|en] Verabschiedung des Gesetzes über den Zugang zu Informationen "
        "{in_country}",
        "{The_issuer} [accoglie|accolgono] con favore l'adozione della legge sull'accesso "
        "all'informazione {in_country}",
        "{issuer} приветству[ет|ют] принятие закона о доступе к информации",
        "{The_issuer} [acoge|acogen] con satisfacción la aprobación de la ley de acceso a la "
        "información {in_country}",
    ),
    "{issuer} presents legal analysis of draft media law {in_country}": (
        "{The_issuer} présent[e|ent] une analyse juridique du projet de loi sur les médias "
        "{in_country}",
        "{issuer} leg[t|en] Rechtsgutachten zum Entwurf des Mediengesetzes {in_country} vor",
        "{The_issuer} present[a|ano] un'analisi giuridica del progetto di legge sui media "
        "{in_country}",
        "{issuer} представля[ет|ют] правовой анализ законопроекта о СМИ",
        "{The_issuer} present[a|an] un análisis jurídico del proyecto de ley de medios "
        "{in_country}",
    ),
    "Journalists must be able to work without fear of violence, harassment or prosecution for "
    "what they publish.": (
        "Les journalistes doivent pouvoir travailler sans craindre la violence, le harcèlement "
        "ou des poursuites en raison de ce qu'ils publient.",
        "Journalistinnen und Journalisten müssen arbeiten können, ohne Gewalt, Schikanen oder "
        "Strafverfolgung für ihre Veröffentlichungen fürchten zu müssen.",
        "I giornalisti devono poter lavorare senza temere violenze, molestie o procedimenti "
        "giudiziari per ciò che pubblicano.",
        "Журналисты должны иметь возможность работать, не опасаясь насилия, давления или "
        "привлечения к ответственности за свои публикации.",
        "Los periodistas deben poder trabajar sin temor a la violencia, el acoso o el "
        "procesamiento por lo que publican.",
    ),
    # minorities
    "{issuer} visits {country} to discuss minority language education": (
        "{The_issuer} [se rend|se rendent] {in_country} pour évoquer l'enseignement des langues "
        "minoritaires",
        "{issuer} [führt|führen] {in_country} Gespräche über Bildung in Minderheitensprachen",
        "{The_issuer} [si reca|si recano] {in_country} per discutere dell'istruzione nelle "
        "lingue minoritarie",
        "{issuer} обсужда[ет|ют] вопросы образования на языках национальных меньшинств",
        "{The_issuer} [se reúne|se reúnen] con las autoridades {in_country} para debatir sobre "
        "la educación en lenguas minoritarias",
    ),
    "{issuer} supports multilingual education in schools {in_country}": (
        "{The_issuer} [soutient|soutiennent] l'enseignement multilingue dans les écoles "
        "{in_country}",
        "{issuer} unterstütz[t|en] mehrsprachigen Unterricht an Schulen {in_country}",
        "{The_issuer} [sostiene|sostengono] l'istruzione multilingue nelle scuole {in_country}",
        "{issuer} поддержива[ет|ют] многоязычное образование в школах",
        "{The_issuer} apoy[a|an] la educación multilingüe en las escuelas {in_country}",
    ),
    "Integration works when everyone has a stake in society and minorities take part in "
    "public life on equal terms.": (
        "L'intégration fonctionne lorsque chacun a sa place dans la société et que les "
        "minorités participent à la vie publique sur un pied d'égalité.",
        "Integration gelingt, wenn alle an der Gesellschaft teilhaben und Minderheiten "
        "gleichberechtigt am öffentlichen Leben mitwirken.",
        "L'integrazione funziona quando tutti si sentono parte della società e le minoranze "
        "partecipano alla vita pubblica in condizioni di parità.",
        "Интеграция возможна, когда каждый ощущает себя частью общества, а меньшинства "
        "участвуют в общественной жизни на равных.",
        "La integración funciona cuando todos se sienten parte de la sociedad y las minorías "
        "participan en la vida pública en igualdad de condiciones.",
    ),
    # trafficking
    "{issuer} runs simulation-based training on human trafficking cases": (
        "{The_issuer} organis[e|ent] une formation par simulation sur les affaires de traite "
        "des êtres humains",
        "{issuer} [führt|führen] simulationsgestütztes Training zu Fällen von Menschenhandel durch",
        "{The_issuer} organizz[a|ano] una formazione basata su simulazioni sui casi di tratta "
        "di esseri umani",
        "{issuer} провод[ит|ят] тренинг по расследованию дел о торговле людьми с "
        "использованием имитационных упражнений",
        "{The_issuer} [imparte|imparten] una formación basada en simulaciones sobre casos de "
        "trata de seres humanos",
    ),
    "{issuer} calls for action against trafficking in supply chains": (
        "{The_issuer} appel[le|lent] à agir contre la traite dans les chaînes d'approvisionnement",
        "{issuer} [fordert|fordern] Maßnahmen gegen Menschenhandel in Lieferketten",
        "{The_issuer} [chiede|chiedono] di agire contro la tratta nelle catene di "
        "approvvigionamento",
        "{issuer} призыва[ет|ют] к борьбе с торговлей людьми в цепочках поставок",
        "{The_issuer} [pide|piden] medidas contra la trata en las cadenas de suministro",
    ),
    "Victims of trafficking must be identified early and referred to assistance, whatever their "
    "status and whether or not they co-operate with investigators.": (
        "Les victimes de la traite doivent être identifiées rapidement et orientées vers une "
        "assistance, quel que soit leur statut et qu'elles coopèrent ou non avec les "
        "enquêteurs.",
        "Betroffene von Menschenhandel müssen frühzeitig erkannt und an Hilfsangebote "
        "vermittelt werden – unabhängig von ihrem Status und davon, ob sie mit den "
        "Ermittlungsbehörden zusammenarbeiten.",
        "Le vittime di tratta devono essere identificate tempestivamente e indirizzate "
        "all'assistenza, qualunque sia il loro status e indipendentemente dalla loro "
        "collaborazione con gli inquirenti.",
        "Жертвы торговли людьми должны своевременно выявляться и получать помощь независимо от "
        "их статуса и от того, сотрудничают ли они со следствием.",
        "Las víctimas de trata deben ser identificadas a tiempo y derivadas a servicios de "
        "asistencia, sea cual sea su situación y colaboren o no con los investigadores.",
    ),
    # gender
    "{issuer} supports women's leadership in local government {in_country}": (
        "{The_issuer} [soutient|soutiennent] le leadership des femmes dans les collectivités "
        "locales {in_country}",
        "{issuer} förder[t|n] Frauen in Führungspositionen der Kommunalverwaltung {in_country}",
        "{The_issuer} [sostiene|sostengono] la leadership femminile negli enti locali {in_country}",
        "{issuer} поддержива[ет|ют] участие женщин в руководстве органами местного самоуправления",
        "{The_issuer} [promueve|promueven] el liderazgo de las mujeres en los gobiernos locales "
        "{in_country}",
    ),
    "{issuer} trains mediators on including women in peace processes": (
        "{The_issuer} form[e|ent] des médiateurs à l'inclusion des femmes dans les processus de "
        "paix",
        "{issuer} schul[t|en] Mediatorinnen und Mediatoren zur Einbeziehung von Frauen in "
        "Friedensprozesse",
        "{The_issuer} form[a|ano] mediatori sull'inclusione delle donne nei processi di pace",
        "{issuer} обуча[ет|ют] медиаторов вопросам участия женщин в мирных процессах",
        "{The_issuer} capacit[a|an] a mediadores sobre la inclusión de las mujeres en los "
        "procesos de paz",
    ),
    "Security is stronger when women take part in decisions on an equal footing, from town "
    "councils to negotiating tables.": (
        "La sécurité est plus solide lorsque les femmes participent aux décisions sur un pied "
        "d'égalité, des conseils municipaux aux tables de négociation.",
        "Sicherheit ist stabiler, wenn Frauen gleichberechtigt an Entscheidungen beteiligt "
        "sind – vom Gemeinderat bis zum Verhandlungstisch.",
        "La sicurezza è più solida quando le donne partecipano alle decisioni su un piano di "
        "parità, dai consigli comunali ai tavoli negoziali.",
        "Безопасность прочнее, когда женщины на равных участвуют в принятии решений — от "
        "городских советов до переговорных столов.",
        "La seguridad es más sólida cuando las mujeres participan en las decisiones en pie de "
        "igualdad, desde los concejos municipales hasta las mesas de negociación.",
    ),
    # youth
    "{issuer} brings together young leaders from {region}": (
        "{The_issuer} réun[it|issent] de jeunes leaders {from_region}",
        "{issuer} [bringt|bringen] junge Führungskräfte {from_region} zusammen",
        "{The_issuer} riun[isce|iscono] giovani leader {from_region}",
        "{issuer} собира[ет|ют] молодых лидеров {from_region}",
        "{The_issuer} [reúne|reúnen] a jóvenes líderes {from_region}",
    ),
    "{issuer} launches youth ambassadors programme": (
        "{The_issuer} lanc[e|ent] un programme de jeunes ambassadeurs",
        "{issuer} [startet|starten] Programm für Jugendbotschafter",
        "{The_issuer} lanci[a|ano] un programma di giovani ambasciatori",
        "{issuer} запуска[ет|ют] программу молодежных послов",
        "{The_issuer} lanz[a|an] un programa de jóvenes embajadores",
    ),
    "Young people are not only the leaders of tomorrow: they shape their communities today, and "
    "{the_issuer} works with them as partners.": (
        "Les jeunes ne sont pas seulement les dirigeants de demain : ils façonnent dès "
        "aujourd'hui leurs communautés, et {the_issuer} [travaille|travaillent] avec eux en "
        "partenaires.",
        "Junge Menschen sind nicht nur die Führungskräfte von morgen: Sie gestalten ihre "
        "Gemeinschaften schon heute, und {the_issuer} [arbeitet|arbeiten] mit ihnen als "
        "Partnern zusammen.",
        "I giovani non sono solo i leader di domani: plasmano già oggi le loro comunità, e "
        "{the_issuer} [collabora|collaborano] con loro come partner.",
        "Молодежь — это не только лидеры завтрашнего дня: молодые люди уже сегодня влияют на "
        "жизнь своих сообществ, и {issuer} работа[ет|ют] с ними как с партнерами.",
        "Los jóvenes no son solo los líderes del mañana: ya hoy transforman sus comunidades, y "
        "{the_issuer} [trabaja|trabajan] con ellos como socios.",
    ),
    # rule of law
    "{issuer} trains judges on hate crime cases": (
        "{The_issuer} form[e|ent] des juges au traitement des crimes de haine",
        "{issuer} schul[t|en] Richterinnen und Richter zu Hasskriminalität",
        "{The_issuer} form[a|ano] giudici sui casi di crimini d'odio",
        "{issuer} обуча[ет|ют] судей рассмотрению дел о преступлениях на почве ненависти",
        "{The_issuer} capacit[a|an] a jueces sobre casos de delitos de odio",
    ),
    "{issuer} publishes trial monitoring report {in_country}": (
        "{The_issuer} publi[e|ent] un rapport de suivi des procès {in_country}",
        "{issuer} veröffentlich[t|en] Bericht zur Prozessbeobachtung {in_country}",
        "{The_issuer} pubblic[a|ano] un rapporto di monitoraggio dei processi {in_country}",
        "{issuer} публику[ет|ют] доклад по итогам мониторинга судебных процессов",
        "{The_issuer} public[a|an] un informe de seguimiento de juicios {in_country}",
    ),
    "Trial monitoring shows where practice falls short of fair-trial standards and gives the "
    "courts concrete recommendations.": (
        "Le suivi des procès met en évidence les écarts entre la pratique et les normes du "
        "procès équitable et fournit aux tribunaux des recommandations concrètes.",
        "Die Prozessbeobachtung zeigt, wo die Praxis hinter den Standards eines fairen "
        "Verfahrens zurückbleibt, und gibt den Gerichten konkrete Empfehlungen.",
        "Il monitoraggio dei processi mostra dove la prassi non rispetta gli standard del "
        "giusto processo e offre ai tribunali raccomandazioni concrete.",
        "Мониторинг судебных процессов показывает, где практика не соответствует стандартам "
        "справедливого судопроизводства, и позволяет дать судам конкретные рекомендации.",
        "El seguimiento de los juicios muestra dónde la práctica no cumple las normas de un "
        "juicio justo y ofrece a los tribunales recomendaciones concretas.",
    ),
    # tolerance
    "{issuer} publishes hate crime data for {year}": (
        "{The_issuer} publi[e|ent] les données {year} sur les crimes de haine",
        "{issuer} veröffentlich[t|en] Daten zu Hasskriminalität für {year}",
        "{The_issuer} pubblic[a|ano] i dati sui crimini d'odio relativi al {year}",
        "{issuer} публику[ет|ют] данные о преступлениях на почве ненависти за {year} год",
        "{The_issuer} public[a|an] los datos sobre delitos de odio de {year}",
    ),
    "{issuer} holds seminar on countering antisemitism and intolerance against Muslims": (
        "{The_issuer} organis[e|ent] un séminaire sur la lutte contre l'antisémitisme et "
        "l'intolérance envers les musulmans",
        "{issuer} [veranstaltet|veranstalten] Seminar zur Bekämpfung von Antisemitismus und "
        "Muslimfeindlichkeit",
        "{The_issuer} organizz[a|ano] un seminario sul contrasto all'antisemitismo e "
        "all'intolleranza contro i musulmani",
        "{issuer} провод[ит|ят] семинар по противодействию антисемитизму и нетерпимости в "
        "отношении мусульман",
        "{The_issuer} organiz[a|an] un seminario sobre la lucha contra el antisemitismo y la "
        "intolerancia hacia los musulmanes",
    ),
    "Hate crimes send a message of exclusion to whole communities, which is why they must be "
    "recorded, investigated and prosecuted as such.": (
        "Les crimes de haine adressent un message d'exclusion à des communautés entières : "
        "c'est pourquoi ils doivent être enregistrés, faire l'objet d'enquêtes et être "
        "poursuivis en tant que tels.",
        "Hassverbrechen senden eine Botschaft der Ausgrenzung an ganze Gemeinschaften; deshalb "
        "müssen sie als solche erfasst, ermittelt und verfolgt werden.",
        "I crimini d'odio trasmettono un messaggio di esclusione a intere comunità: per questo "
        "devono essere registrati, indagati e perseguiti come tali.",
        "Преступления на почве ненависти направлены против целых сообществ, поэтому их "
        "необходимо регистрировать, расследовать и преследовать именно как таковые.",
        "Los delitos de odio transmiten un mensaje de exclusión a comunidades enteras, por lo "
        "que deben registrarse, investigarse y enjuiciarse como tales.",
    ),
    # roma
    "{issuer} reviews implementation of Action Plan on Roma and Sinti": (
        "{The_issuer} examin[e|ent] la mise en œuvre du Plan d'action concernant les Roms et "
        "les Sintis",
        "{issuer} überprüf[t|en] Umsetzung des Aktionsplans zu Roma und Sinti",
        "{The_issuer} esamin[a|ano] l'attuazione del Piano d'azione su rom e sinti",
        "{issuer} анализиру[ет|ют] выполнение Плана действий по улучшению положения рома и синти",
        "{The_issuer} examin[a|an] la aplicación del Plan de Acción sobre la población romaní y "
        "sinti",
    ),
    "{issuer} meets Roma youth activists in {city}": (
        "{The_issuer} rencontr[e|ent] de jeunes militants roms {in_city}",
        "{issuer} [trifft|treffen] junge Roma-Aktivisten {in_city}",
        "{The_issuer} incontr[a|ano] giovani attivisti rom {in_city}",
        "{issuer} встреча[ет|ют]ся с молодыми активистами из числа рома",
        "{The_issuer} [se reúne|se reúnen] con jóvenes activistas romaníes {in_city}",
    ),
    "Roma and Sinti still face discrimination in housing, education and employment, and in "
    "their contact with the police.": (
        "Les Roms et les Sintis continuent de subir des discriminations dans le logement, "
        "l'éducation et l'emploi, ainsi que dans leurs relations avec la police.",
        "Roma und Sinti werden nach wie vor bei Wohnen, Bildung und Beschäftigung sowie im "
        "Umgang mit der Polizei diskriminiert.",
        "Rom e sinti subiscono ancora discriminazioni nell'accesso all'alloggio, all'istruzione "
        "e al lavoro, nonché nei rapporti con la polizia.",
        "Рома и синти по-прежнему сталкиваются с дискриминацией в сфере жилья, образования и "
        "занятости, а также в отношениях с полицией.",
        "La población romaní y sinti sigue sufriendo discriminación en la vivienda, la "
        "educación y el empleo, así como en su trato con la policía.",
    ),
    # human rights
    "{issuer} presents report on the rights of persons in detention": (
        "{The_issuer} présent[e|ent] un rapport sur les droits des personnes détenues",
        "{issuer} [stellt|stellen] Bericht über die Rechte von Menschen in Haft vor",
        "{The_issuer} present[a|ano] un rapporto sui diritti delle persone detenute",
        "{issuer} представля[ет|ют] доклад о правах лиц, находящихся под стражей",
        "{The_issuer} present[a|an] un informe sobre los derechos de las personas privadas de "
        "libertad",
    ),
    "{issuer} supports national human rights institution {in_country}": (
        "{The_issuer} [soutient|soutiennent] l'institution nationale des droits de l'homme "
        "{in_country}",
        "{issuer} unterstütz[t|en] nationale Menschenrechtsinstitution {in_country}",
        "{The_issuer} [sostiene|sostengono] l'istituzione nazionale per i diritti umani "
        "{in_country}",
        "{issuer} поддержива[ет|ют] национальное правозащитное учреждение",
        "{The_issuer} apoy[a|an] a la institución nacional de derechos humanos {in_country}",
    ),
    "Human rights defenders need a safe environment in which to work, and the participating "
    "States have committed themselves to protect them.": (
        "Les défenseurs des droits de l'homme ont besoin d'un environnement sûr pour travailler, "
        "et les États participants se sont engagés à les protéger.",
        "Menschenrechtsverteidigerinnen und -verteidiger brauchen ein sicheres Umfeld für ihre "
        "Arbeit, und die Teilnehmerstaaten haben sich verpflichtet, sie zu schützen.",
        "I difensori dei diritti umani hanno bisogno di un ambiente sicuro in cui operare, e "
        "gli Stati partecipanti si sono impegnati a proteggerli.",
        "Правозащитникам необходимы безопасные условия для работы, и государства-участники "
        "взяли на себя обязательство защищать их.",
        "Los defensores de los derechos humanos necesitan un entorno seguro para trabajar, y "
        "los Estados participantes se han comprometido a protegerlos.",
    ),
    # democratization
    "{issuer} supports parliament {in_country} in drafting legislation openly": (
        "{The_issuer} aid[e|ent] le parlement {in_country} à élaborer les lois de manière "
        "transparente",
        "{issuer} unterstütz[t|en] Parlament {in_country} bei transparenter Gesetzgebung",
        "{The_issuer} [sostiene|sostengono] il parlamento {in_country} nell'elaborazione "
        "trasparente delle leggi",
        "{issuer} помога[ет|ют] парламенту сделать законотворческий процесс более открытым",
        "{The_issuer} apoy[a|an] al parlamento {in_country} en la elaboración abierta de leyes",
    ),
    "{issuer} holds conference on political party regulation": (
        "{The_issuer} organis[e|ent] une conférence sur la réglementation des partis politiques",
        "{issuer} [veranstaltet|veranstalten] Konferenz zur Regulierung politischer Parteien",
        "{The_issuer} organizz[a|ano] una conferenza sulla regolamentazione dei partiti politici",
        "{issuer} провод[ит|ят] конференцию по вопросам регулирования деятельности "
        "политических партий",
        "{The_issuer} celebr[a|an] una conferencia sobre la regulación de los partidos políticos",
    ),
    "Laws drafted openly, with public consultation and impact assessment, are better laws and "
    "are more likely to be respected.": (
        "Les lois élaborées de manière ouverte, avec une consultation publique et une analyse "
        "d'impact, sont de meilleures lois et ont plus de chances d'être respectées.",
        "Gesetze, die offen, mit öffentlicher Konsultation und Folgenabschätzung erarbeitet "
        "werden, sind bessere Gesetze und werden eher eingehalten.",
        "Le leggi elaborate in modo aperto, con consultazioni pubbliche e valutazioni "
        "d'impatto, sono leggi migliori e hanno maggiori probabilità di essere rispettate.",
        "Законы, разработанные открыто, с проведением общественных консультаций и оценкой "
        "последствий, оказываются качественнее и лучше соблюдаются.",
        "Las leyes elaboradas de forma abierta, con consulta pública y evaluación de impacto, "
        "son mejores leyes y tienen más probabilidades de respetarse.",
    ),
    # good governance
    "{issuer} supports anti-corruption agency {in_country}": (
        "{The_issuer} [soutient|soutiennent] l'agence de lutte contre la corruption {in_country}",
        "{issuer} unterstütz[t|en] Antikorruptionsbehörde {in_country}",
        "{The_issuer} [sostiene|sostengono] l'agenzia anticorruzione {in_country}",
        "{issuer} поддержива[ет|ют] антикоррупционное ведомство",
        "{The_issuer} apoy[a|an] a la agencia anticorrupción {in_country}",
    ),
    "{issuer} holds regional conference on asset declarations": (
        "{The_issuer} organis[e|ent] une conférence régionale sur les déclarations de patrimoine",
        "{issuer} [veranstaltet|veranstalten] regionale Konferenz zu Vermögenserklärungen",
        "{The_issuer} organizz[a|ano] una conferenza regionale sulle dichiarazioni patrimoniali",
        "{issuer} провод[ит|ят] региональную конференцию по вопросам декларирования имущества",
        "{The_issuer} celebr[a|an] una conferencia regional sobre declaraciones patrimoniales",
    ),
    "Corruption undermines trust in institutions and weakens security and economic development "
    "alike.": (
        "La corruption sape la confiance dans les institutions et fragilise à la fois la "
        "sécurité et le développement économique.",
        "Korruption untergräbt das Vertrauen in Institutionen und schwächt Sicherheit und "
        "wirtschaftliche Entwicklung gleichermaßen.",
        "La corruzione mina la fiducia nelle istituzioni e indebolisce tanto la sicurezza "
        "quanto lo sviluppo economico.",
        "Коррупция подрывает доверие к институтам и ослабляет как безопасность, так и "
        "экономическое развитие.",
        "La corrupción socava la confianza en las instituciones y debilita por igual la "
        "seguridad y el desarrollo económico.",
    ),
    # economic
    "{issuer} supports trade facilitation at border crossings {in_country}": (
        "{The_issuer} [soutient|soutiennent] la facilitation des échanges aux points de passage "
        "frontaliers {in_country}",
        "{issuer} unterstütz[t|en] Handelserleichterungen an Grenzübergängen {in_country}",
        "{The_issuer} [sostiene|sostengono] la facilitazione degli scambi ai valichi di "
        "frontiera {in_country}",
        "{issuer} содейству[ет|ют] упрощению процедур торговли в пунктах пропуска через границу",
        "{The_issuer} apoy[a|an] la facilitación del comercio en los pasos fronterizos "
        "{in_country}",
    ),
    "{issuer} holds workshop on connectivity and transport in {region}": (
        "{The_issuer} organis[e|ent] un atelier sur la connectivité et les transports {in_region}",
        "{issuer} [veranstaltet|veranstalten] Workshop zu Konnektivität und Verkehr {in_region}",
        "{The_issuer} organizz[a|ano] un seminario su connettività e trasporti {in_region}",
        "{issuer} провод[ит|ят] семинар по вопросам транспорта и взаимосвязанности {in_region}",
        "{The_issuer} organiz[a|an] un taller sobre conectividad y transporte {in_region}",
    ),
    "Faster, more transparent procedures at borders cut costs for traders and leave less room "
    "for corruption.": (
        "Des procédures plus rapides et plus transparentes aux frontières réduisent les coûts "
        "pour les commerçants et laissent moins de place à la corruption.",
        "Schnellere und transparentere Verfahren an den Grenzen senken die Kosten für Händler "
        "und lassen weniger Raum für Korruption.",
        "Procedure più rapide e trasparenti alle frontiere riducono i costi per gli operatori "
        "commerciali e lasciano meno spazio alla corruzione.",
        "Более быстрые и прозрачные процедуры на границе снижают издержки для участников "
        "торговли и оставляют меньше возможностей для коррупции.",
        "Unos procedimientos fronterizos más rápidos y transparentes reducen los costes para "
        "los comerciantes y dejan menos margen a la corrupción.",
    ),
    # environment
    "{issuer} supports Aarhus Centre in {city}": (
        "{The_issuer} [soutient|soutiennent] le Centre Aarhus {in_city}",
        "{issuer} unterstütz[t|en] Aarhus-Zentrum {in_city}",
        "{The_issuer} [sostiene|sostengono] il Centro Aarhus {in_city}",
        "{issuer} поддержива[ет|ют] работу Орхусского центра",
        "{The_issuer} apoy[a|an] al Centro Aarhus {in_city}",
    ),
    "{issuer} helps communities {in_country} prepare for floods and wildfires": (
        "{The_issuer} aid[e|ent] les populations {in_country} à se préparer aux inondations et "
        "aux incendies de forêt",
        "{issuer} [hilft|helfen] Gemeinden {in_country} bei der Vorbereitung auf Hochwasser und "
        "Waldbrände",
        "{The_issuer} aiut[a|ano] le comunità {in_country} a prepararsi a inondazioni e incendi "
        "boschivi",
        "{issuer} помога[ет|ют] местным сообществам подготовиться к наводнениям и лесным пожарам",
        "{The_issuer} ayud[a|an] a las comunidades {in_country} a prepararse para inundaciones "
        "e incendios forestales",
    ),
    "Climate change multiplies existing risks, from water scarcity to disasters, and "
    "co-operation across borders reduces them.": (
        "Le changement climatique multiplie les risques existants, de la pénurie d'eau aux "
        "catastrophes, et la coopération transfrontalière permet de les réduire.",
        "Der Klimawandel verstärkt bestehende Risiken – von Wasserknappheit bis zu "
        "Katastrophen –, und grenzüberschreitende Zusammenarbeit verringert sie.",
        "Il cambiamento climatico moltiplica i rischi esistenti, dalla scarsità d'acqua alle "
        "catastrofi, e la cooperazione transfrontaliera contribuisce a ridurli.",
        "Изменение климата усугубляет существующие риски — от нехватки воды до стихийных "
        "бедствий, — а трансграничное сотрудничество помогает их снизить.",
        "El cambio climático multiplica los riesgos existentes, desde la escasez de agua hasta "
        "los desastres, y la cooperación transfronteriza contribuye a reducirlos.",
    ),
    # border
    "{issuer} trains border guards {in_country} on detecting forged documents": (
        "{The_issuer} form[e|ent] des garde-frontières {in_country} à la détection des faux "
        "documents",
        "{issuer} schul[t|en] Grenzschutzbeamte {in_country} im Erkennen gefälschter Dokumente",
        "{The_issuer} form[a|ano] guardie di frontiera {in_country} sull'individuazione di "
        "documenti falsi",
        "{issuer} обуча[ет|ют] пограничников выявлению поддельных документов",
        "{The_issuer} capacit[a|an] a guardias de fronteras {in_country} en la detección de "
        "documentos falsificados",
    ),
    "{issuer} supports co-operation between border agencies in {region}": (
        "{The_issuer} [soutient|soutiennent] la coopération entre services frontaliers {in_region}",
        "{issuer} förder[t|n] Zusammenarbeit der Grenzbehörden {in_region}",
        "{The_issuer} [sostiene|sostengono] la cooperazione tra le agenzie di frontiera "
        "{in_region}",
        "{issuer} содейству[ет|ют] сотрудничеству пограничных ведомств {in_region}",
        "{The_issuer} apoy[a|an] la cooperación entre los organismos fronterizos {in_region}",
    ),
    "Open but secure borders make trade and travel easier while stopping smuggling and "
    "trafficking.": (
        "Des frontières ouvertes mais sûres facilitent les échanges et les déplacements tout en "
        "faisant obstacle à la contrebande et aux trafics.",
        "Offene, aber sichere Grenzen erleichtern Handel und Reisen und verhindern zugleich "
        "Schmuggel und Menschenhandel.",
        "Frontiere aperte ma sicure facilitano gli scambi e gli spostamenti, contrastando al "
        "tempo stesso il contrabbando e i traffici illeciti.",
        "Открытые, но безопасные границы облегчают торговлю и поездки и в то же время "
        "препятствуют контрабанде и незаконному обороту.",
        "Unas fronteras abiertas pero seguras facilitan el comercio y los viajes y, al mismo "
        "tiempo, frenan el contrabando y el tráfico ilícito.",
    ),
    # terrorism
    "{issuer} holds workshop on preventing violent extremism and radicalization": (
        "{The_issuer} organis[e|ent] un atelier sur la prévention de l'extrémisme violent et de "
        "la radicalisation",
        "{issuer} [veranstaltet|veranstalten] Workshop zur Prävention von gewalttätigem "
        "Extremismus und Radikalisierung",
        "{The_issuer} organizz[a|ano] un seminario sulla prevenzione dell'estremismo violento e "
        "della radicalizzazione",
        "{issuer} провод[ит|ят] семинар по предупреждению насильственного экстремизма и "
        "радикализации",
        "{The_issuer} organiz[a|an] un taller sobre la prevención del extremismo violento y la "
        "radicalización",
    ),
    "{issuer} hosts expert meeting on countering the financing of terrorism": (
        "{The_issuer} accueill[e|ent] une réunion d'experts sur la lutte contre le financement "
        "du terrorisme",
        "{issuer} [veranstaltet|veranstalten] Expertentreffen zur Bekämpfung der "
        "Terrorismusfinanzierung",
        "{The_issuer} ospit[a|ano] una riunione di esperti sul contrasto al finanziamento del "
        "terrorismo",
        "{issuer} провод[ит|ят] совещание экспертов по противодействию финансированию терроризма",
        "{The_issuer} acog[e|en] una reunión de expertos sobre la lucha contra la financiación "
        "del terrorismo",
    ),
    "Prevention works best when police, schools, social services and communities act together "
    "and respect human rights.": (
        "La prévention est la plus efficace lorsque la police, les écoles, les services sociaux "
        "et les communautés agissent ensemble dans le respect des droits de l'homme.",
        "Prävention wirkt am besten, wenn Polizei, Schulen, Sozialdienste und Gemeinschaften "
        "gemeinsam handeln und die Menschenrechte achten.",
        "La prevenzione funziona meglio quando polizia, scuole, servizi sociali e comunità "
        "agiscono insieme nel rispetto dei diritti umani.",
        "Профилактика наиболее эффективна, когда полиция, школы, социальные службы и местные "
        "сообщества действуют сообща и соблюдают права человека.",
        "La prevención funciona mejor cuando la policía, las escuelas, los servicios sociales y "
        "las comunidades actúan juntos y respetan los derechos humanos.",
    ),
    # cyber
    "{issuer} holds national workshop on cyber confidence-building measures": (
        "{The_issuer} organis[e|ent] un atelier national sur les mesures de confiance dans le "
        "cyberespace",
        "{issuer} [veranstaltet|veranstalten] nationalen Workshop zu vertrauensbildenden "
        "Maßnahmen im Cyberraum",
        "{The_issuer} organizz[a|ano] un seminario nazionale sulle misure di rafforzamento "
        "della fiducia nel ciberspazio",
        "{issuer} провод[ит|ят] национальный семинар по мерам укрепления доверия в "
        "киберпространстве",
        "{The_issuer} organiz[a|an] un taller nacional sobre medidas de fomento de la confianza "
        "en el ciberespacio",
    ),
    "{issuer} trains officials {in_country} on responding to cyber incidents": (
        "{The_issuer} form[e|ent] des responsables {in_country} à la réponse aux cyberincidents",
        "{issuer} schul[t|en] Behördenvertreter {in_country} im Umgang mit Cybervorfällen",
        "{The_issuer} form[a|ano] funzionari {in_country} sulla risposta agli incidenti "
        "informatici",
        "{issuer} обуча[ет|ют] должностных лиц реагированию на киберинциденты",
        "{The_issuer} capacit[a|an] a funcionarios {in_country} en la respuesta a ciberincidentes",
    ),
    "Confidence-building measures reduce the risk that a cyber incident between States is "
    "misread and escalates.": (
        "Les mesures de confiance réduisent le risque qu'un cyberincident entre États soit mal "
        "interprété et dégénère.",
        "Vertrauensbildende Maßnahmen verringern das Risiko, dass ein Cybervorfall zwischen "
        "Staaten falsch gedeutet wird und eskaliert.",
        "Le misure di rafforzamento della fiducia riducono il rischio che un incidente "
        "informatico tra Stati venga frainteso e degeneri.",
        "Меры укрепления доверия снижают риск того, что киберинцидент между государствами "
        "будет неверно истолкован и приведет к эскалации.",
        "Las medidas de fomento de la confianza reducen el riesgo de que un ciberincidente "
        "entre Estados se malinterprete y se agrave.",
    ),
    # arms control
    "{issuer} helps {country} destroy surplus ammunition": (
        "{The_issuer} contribu[e|ent] à la destruction de munitions excédentaires {in_country}",
        "{issuer} unterstütz[t|en] Vernichtung überschüssiger Munition {in_country}",
        "{The_issuer} [contribuisce|contribuiscono] alla distruzione di munizioni in eccesso "
        "{in_country}",
        "{issuer} содейству[ет|ют] уничтожению излишков боеприпасов",
        "{The_issuer} [contribuye|contribuyen] a la destrucción de munición excedentaria "
        "{in_country}",
    ),
    "{issuer} holds seminar on the Vienna Document": (
        "{The_issuer} organis[e|ent] un séminaire sur le Document de Vienne",
        "{issuer} [veranstaltet|veranstalten] Seminar zum Wiener Dokument",
        "{The_issuer} organizz[a|ano] un seminario sul Documento di Vienna",
        "{issuer} провод[ит|ят] семинар по Венскому документу",
        "{The_issuer} organiz[a|an] un seminario sobre el Documento de Viena",
    ),
    "Transparency about military forces and activities builds confidence between States.": (
        "La transparence sur les forces et les activités militaires renforce la confiance "
        "entre États.",
        "Transparenz über Streitkräfte und militärische Aktivitäten schafft Vertrauen zwischen "
        "Staaten.",
        "La trasparenza sulle forze e sulle attività militari rafforza la fiducia tra gli Stati.",
        "Транспарентность в отношении вооруженных сил и военной деятельности укрепляет доверие "
        "между государствами.",
        "La transparencia sobre las fuerzas y actividades militares fomenta la confianza entre "
        "los Estados.",
    ),
    # conflict
    "{issuer} calls for restraint and a return to dialogue": (
        "{The_issuer} appel[le|lent] à la retenue et à la reprise du dialogue",
        "{issuer} [ruft|rufen] zu Zurückhaltung und Rückkehr zum Dialog auf",
        "{The_issuer} [invita|invitano] alla moderazione e a riprendere il dialogo",
        "{issuer} призыва[ет|ют] к сдержанности и возобновлению диалога",
        "{The_issuer} [pide|piden] moderación y la vuelta al diálogo",
    ),
    "{issuer} welcomes agreement on freedom of movement": (
        "{The_issuer} salu[e|ent] l'accord sur la liberté de circulation",
        "{issuer} begrüß[t|en] Einigung über Bewegungsfreiheit",
        "{The_issuer} [accoglie|accolgono] con favore l'accordo sulla libertà di circolazione",
        "{issuer} приветству[ет|ют] договоренность о свободе передвижения",
        "{The_issuer} [acoge|acogen] con satisfacción el acuerdo sobre libertad de circulación",
    ),
    "Dialogue is the only way to lasting solutions, and the OSCE stands ready to support the "
    "sides in finding them.": (
        "Le dialogue est la seule voie vers des solutions durables, et l'OSCE est prête à aider "
        "les parties à les trouver.",
        "Dialog ist der einzige Weg zu dauerhaften Lösungen, und die OSZE ist bereit, die "
        "Seiten dabei zu unterstützen.",
        "Il dialogo è l'unica via verso soluzioni durature, e l'OSCE è pronta ad aiutare le "
        "parti a trovarle.",
        "Диалог — единственный путь к долгосрочным решениям, и ОБСЕ готова помочь сторонам в "
        "их поиске.",
        "El diálogo es el único camino hacia soluciones duraderas, y la OSCE está dispuesta a "
        "ayudar a las partes a encontrarlas.",
    ),
    # security sector
    "{issuer} holds regional dialogue on security sector governance": (
        "{The_issuer} organis[e|ent] un dialogue régional sur la gouvernance du secteur de la "
        "sécurité",
        "{issuer} [veranstaltet|veranstalten] regionalen Dialog zur Governance des "
        "Sicherheitssektors",
        "{The_issuer} organizz[a|ano] un dialogo regionale sulla governance del settore della "
        "sicurezza",
        "{issuer} провод[ит|ят] региональный диалог по вопросам управления сектором безопасности",
        "{The_issuer} organiz[a|an] un diálogo regional sobre la gobernanza del sector de la "
        "seguridad",
    ),
    "{issuer} supports parliamentary oversight of the security sector {in_country}": (
        "{The_issuer} [soutient|soutiennent] le contrôle parlementaire du secteur de la "
        "sécurité {in_country}",
        "{issuer} unterstütz[t|en] parlamentarische Kontrolle des Sicherheitssektors {in_country}",
        "{The_issuer} [sostiene|sostengono] il controllo parlamentare del settore della "
        "sicurezza {in_country}",
        "{issuer} поддержива[ет|ют] парламентский контроль над сектором безопасности",
        "{The_issuer} apoy[a|an] la supervisión parlamentaria del sector de la seguridad "
        "{in_country}",
    ),
    "Security institutions that are accountable to parliament and the public are more "
    "effective and more trusted.": (
        "Les institutions de sécurité qui rendent des comptes au parlement et au public sont "
        "plus efficaces et inspirent davantage confiance.",
        "Sicherheitsinstitutionen, die Parlament und Öffentlichkeit Rechenschaft ablegen, sind "
        "wirksamer und genießen mehr Vertrauen.",
        "Le istituzioni di sicurezza che rispondono al parlamento e ai cittadini sono più "
        "efficaci e godono di maggiore fiducia.",
        "Институты безопасности, подотчетные парламенту и обществу, работают эффективнее и "
        "пользуются большим доверием.",
        "Las instituciones de seguridad que rinden cuentas ante el parlamento y la ciudadanía "
        "son más eficaces y gozan de más confianza.",
    ),
    # migration
    "{issuer} supports labour migration policies {in_country}": (
        "{The_issuer} [soutient|soutiennent] les politiques de migration de main-d'œuvre "
        "{in_country}",
        "{issuer} unterstütz[t|en] Politik zur Arbeitsmigration {in_country}",
        "{The_issuer} [sostiene|sostengono] le politiche di migrazione per lavoro {in_country}",
        "{issuer} содейству[ет|ют] разработке политики в области трудовой миграции",
        "{The_issuer} apoy[a|an] las políticas de migración laboral {in_country}",
    ),
    "{issuer} holds workshop on integration of migrants in {city}": (
        "{The_issuer} organis[e|ent] un atelier sur l'intégration des migrants {in_city}",
        "{issuer} [veranstaltet|veranstalten] Workshop zur Integration von Migrantinnen und "
        "Migranten {in_city}",
        "{The_issuer} organizz[a|ano] un seminario sull'integrazione dei migranti {in_city}",
        "{issuer} провод[ит|ят] семинар по вопросам интеграции мигрантов",
        "{The_issuer} organiz[a|an] un taller sobre la integración de los migrantes {in_city}",
    ),
    "Well-governed labour migration benefits both countries of origin and destination, and the "
    "migrants themselves.": (
        "Une migration de main-d'œuvre bien gérée profite aux pays d'origine comme aux pays de "
        "destination, ainsi qu'aux migrants eux-mêmes.",
        "Gut gesteuerte Arbeitsmigration nützt Herkunfts- und Zielländern ebenso wie den "
        "Migrantinnen und Migranten selbst.",
        "Una migrazione per lavoro ben gestita avvantaggia i paesi di origine e di "
        "destinazione, oltre agli stessi migranti.",
        "Эффективно регулируемая трудовая миграция выгодна как странам происхождения и "
        "назначения, так и самим мигрантам.",
        "Una migración laboral bien gestionada beneficia tanto a los países de origen como a "
        "los de destino, y a los propios migrantes.",
    ),
    # education
    "{issuer} launches online course on the OSCE for students": (
        "{The_issuer} lanc[e|ent] un cours en ligne sur l'OSCE destiné aux étudiants",
        "{issuer} [startet|starten] Online-Kurs über die OSZE für Studierende",
        "{The_issuer} lanci[a|ano] un corso online sull'OSCE per studenti",
        "{issuer} запуска[ет|ют] онлайн-курс об ОБСЕ для студентов",
        "{The_issuer} lanz[a|an] un curso en línea sobre la OSCE para estudiantes",
    ),
    "{issuer} supports civic education in schools {in_country}": (
        "{The_issuer} [soutient|soutiennent] l'éducation civique dans les écoles {in_country}",
        "{issuer} förder[t|n] politische Bildung an Schulen {in_country}",
        "{The_issuer} [sostiene|sostengono] l'educazione civica nelle scuole {in_country}",
        "{issuer} поддержива[ет|ют] гражданское образование в школах",
        "{The_issuer} apoy[a|an] la educación cívica en las escuelas {in_country}",
    ),
    "Education that teaches critical thinking and respect for diversity is an investment in "
    "security.": (
        "Une éducation qui enseigne l'esprit critique et le respect de la diversité est un "
        "investissement dans la sécurité.",
        "Bildung, die kritisches Denken und Respekt vor Vielfalt vermittelt, ist eine "
        "Investition in Sicherheit.",
        "Un'istruzione che insegna il pensiero critico e il rispetto della diversità è un "
        "investimento nella sicurezza.",
        "Образование, которое учит критическому мышлению и уважению к многообразию, — это "
        "вклад в безопасность.",
        "Una educación que enseña pensamiento crítico y respeto por la diversidad es una "
        "inversión en seguridad.",
    ),
}
TRANSLATIONS = {english: _other(*texts) for english, texts in TRANSLATIONS.items()}

# The SMM's reports: daily title, spot-report subjects (SPOT_REPORT_SUBJECTS order), body.
REPORT_TRANSLATIONS = _other(
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
DONBAS_RU = {
    "Avdiivka": "Авдеевка", "Shyrokyne": "Широкино", "Stanytsia Luhanska": "Станица Луганская",
    "Debaltseve": "Дебальцево", "Mariupol": "Мариуполь", "Popasna": "Попасная",
    "Horlivka": "Горловка", "Zolote": "Золотое", "Marinka": "Марьинка",
    "Yasynuvata": "Ясиноватая", "Svitlodarsk": "Светлодарск", "Pisky": "Пески",
}  # fmt: skip


# --- Reading the taxonomy ------------------------------------------------------------------

DEFAULT_TYPES = ((NewsType.NEWS, 72), (NewsType.PRESS_RELEASE, 20), (NewsType.PRESS_STATEMENT, 8))
FIELD_OPERATION_TYPES = (
    (NewsType.NEWS, 75), (NewsType.PRESS_RELEASE, 23), (NewsType.PRESS_STATEMENT, 2),
)  # fmt: skip
STATEMENT_HEAVY = (
    (NewsType.PRESS_STATEMENT, 40), (NewsType.PRESS_RELEASE, 30), (NewsType.NEWS, 30),
)  # fmt: skip
SMM_TYPES = (
    (NewsType.DAILY_REPORT, 45), (NewsType.SPOT_REPORT, 25), (NewsType.NEWS, 20),
    (NewsType.PRESS_RELEASE, 10),
)  # fmt: skip
REPORT_TYPES = (NewsType.DAILY_REPORT, NewsType.SPOT_REPORT)
SMM_KEY = name_key("Special Monitoring Mission to Ukraine")
# Real dates for bodies the taxonomy knows without an establishment date.
KNOWN_WINDOWS = {
    SMM_KEY: (datetime.date(2014, 3, 21), datetime.date(2022, 3, 31)),
    name_key("Observer Mission at the Russian Checkpoints Gukovo and Donetsk"): (
        datetime.date(2014, 7, 24),
        datetime.date(2021, 9, 30),
    ),
}

FIELD_OPERATION_TOPICS = (
    ("policing", 10), ("rule-of-law", 10), ("elections", 5), ("media", 6), ("gender", 8),
    ("youth", 6), ("good-governance", 8), ("environment", 6), ("border", 5),
    ("trafficking", 6), ("human-rights", 7), ("tolerance", 5), ("minorities", 4),
    ("democratization", 8), ("security-sector", 4), ("roma", 3), ("education", 4),
    ("migration", 2), ("cyber", 3), ("terrorism", 4), ("economic", 4), ("arms-control", 3),
    ("conflict", 3),
)  # fmt: skip
# Field operations together carry about half of all items, shared by years of activity.
FIELD_OPERATION_WEIGHT = 50
# Where the Secretariat's units and the institutions mostly work (ISO codes).
COUNTRY_POOLS = {
    "beneficiaries": tuple(code for codes in REGIONS.values() for code in codes) + ("MN",),
    "minorities": REGIONS["South-Eastern Europe"] + REGIONS["Central Asia"]
    + ["MD", "UA", "GE", "EE", "LV", "LT", "RO", "SK", "HU"],
}  # fmt: skip
# Participating States too small to be the setting of most demo stories.
MICROSTATES = {"AD", "VA", "LI", "MC", "SM"}


@dataclass(frozen=True)
class IssuerSpec:
    """How a body is found (any name the resolver knows), named in titles and weighted.

    `partners` maps a topic (or "*" for any) to the issuer an item on it is sometimes issued
    jointly with; `countries` is a key of COUNTRY_POOLS, "any" or "none".
    """

    names: tuple
    weight: float
    topics: tuple
    label: str = ""  # default: "OSCE " + its name
    reference: str = ""  # default: "the " + label
    role: str = ""  # default: "Head of the " + label
    types: tuple = DEFAULT_TYPES
    partners: dict = field(default_factory=dict)
    countries: str = "beneficiaries"


ISSUER_SPECS = {
    "odihr": IssuerSpec(
        ("ODIHR", "Office for Democratic Institutions and Human Rights"), 9,
        (("observation", 45), ("human-rights", 12), ("tolerance", 12), ("roma", 8),
         ("democratization", 12), ("rule-of-law", 6), ("gender", 5)),
        label="ODIHR", reference="ODIHR", role="ODIHR Director",
        partners={"observation": "pa"}, countries="any",
    ),
    "hcnm": IssuerSpec(
        ("HCNM", "High Commissioner on National Minorities"), 3,
        (("minorities", 70), ("education", 15), ("conflict", 15)),
        label="OSCE High Commissioner on National Minorities",
        role="OSCE High Commissioner on National Minorities", types=STATEMENT_HEAVY,
        countries="minorities",
    ),
    "rfom": IssuerSpec(
        ("RFoM", "Representative on Freedom of the Media"), 5, (("media", 100),),
        role="OSCE Representative on Freedom of the Media", types=STATEMENT_HEAVY,
        countries="any",
    ),
    "chair": IssuerSpec(
        ("Chairpersonship",), 7,
        (("conflict", 50), ("human-rights", 15), ("arms-control", 10), ("gender", 10),
         ("terrorism", 15)),
        label="OSCE Chairperson-in-Office", role="OSCE Chairperson-in-Office",
        types=STATEMENT_HEAVY, partners={"*": "sg"},
    ),
    "sg": IssuerSpec(
        ("Secretary General",), 3,
        (("conflict", 40), ("gender", 20), ("good-governance", 20), ("youth", 20)),
        role="OSCE Secretary General", types=STATEMENT_HEAVY,
    ),
    "secretariat": IssuerSpec(
        ("Secretariat",), 2,
        (("conflict", 30), ("good-governance", 30), ("gender", 20), ("youth", 20)),
        role="spokesperson of the OSCE Secretariat",
    ),
    "pa": IssuerSpec(
        ("Parliamentary Assembly",), 4,
        (("observation", 40), ("democratization", 30), ("conflict", 30)),
        role="President of the OSCE Parliamentary Assembly", types=STATEMENT_HEAVY,
        countries="any",
    ),
    "spmu": IssuerSpec(("Strategic Police Matters Unit",), 2, (("policing", 100),)),
    "tntd": IssuerSpec(
        ("Transnational Threats Department",), 2,
        (("terrorism", 35), ("cyber", 30), ("border", 25), ("policing", 10)),
    ),
    "cpc": IssuerSpec(
        ("Conflict Prevention Centre",), 2,
        (("conflict", 50), ("arms-control", 25), ("border", 25)),
    ),
    "fsc-support": IssuerSpec(("FSC Support Section",), 1, (("arms-control", 100),)),
    "cthb": IssuerSpec(
        ("Office of the Special Representative and Co-ordinator for Combating Trafficking "
         "in Human Beings",), 2, (("trafficking", 100),),
        label="OSCE Special Representative for Combating Trafficking in Human Beings",
        role="OSCE Special Representative for Combating Trafficking in Human Beings",
    ),
    "oceea": IssuerSpec(
        ("Office of the Co-ordinator of OSCE Economic and Environmental Activities",), 2,
        (("economic", 30), ("environment", 35), ("good-governance", 25), ("migration", 10)),
        label="OSCE Co-ordinator of Economic and Environmental Activities",
        role="OSCE Co-ordinator of Economic and Environmental Activities",
    ),
    "gender": IssuerSpec(("Gender Issues Programme",), 1.5, (("gender", 100),)),
    "youth": IssuerSpec(
        ("Opportunities for Youth",), 0.5, (("youth", 70), ("education", 30))
    ),
    "pc": IssuerSpec(
        ("Permanent Council",), 0.7, (("conflict", 100),),
        role="Chairperson of the OSCE Permanent Council", types=STATEMENT_HEAVY,
        countries="none",
    ),
    "fsc": IssuerSpec(
        ("Forum for Security Co-operation",), 0.7,
        (("arms-control", 70), ("security-sector", 30)),
        role="Chairperson of the OSCE Forum for Security Co-operation", countries="none",
    ),
    "mc": IssuerSpec(
        ("Ministerial Council",), 0.3, (("conflict", 100),),
        role="OSCE Chairperson-in-Office", countries="none",
    ),
    "oio": IssuerSpec(
        ("Office of Internal Oversight",), 0.1, (("good-governance", 100),), countries="none"
    ),
    "prague": IssuerSpec(
        ("Documentation Centre in Prague",), 0.2, (("education", 100),), countries="none"
    ),
    "minsk": IssuerSpec(
        ("Minsk Group",), 0.3, (("conflict", 100),),
        role="a Co-Chair of the OSCE Minsk Group", types=STATEMENT_HEAVY, countries="none",
    ),
}  # fmt: skip


@dataclass
class Issuer:
    key: str
    structure: Structure
    label: str
    reference: str
    role: str
    weight: float
    start: datetime.date
    end: datetime.date
    topics: tuple
    types: tuple
    partners: dict
    country_pool: tuple = ()
    host: Country | None = None
    region: str = ""
    towns: tuple = ()
    joint_probability: float = 0.0
    names: dict = field(default_factory=dict)  # language -> LocalName


def _label(structure):
    return structure.name if "OSCE" in structure.name.split() else f"OSCE {structure.name}"


def _in(country):
    if country.iso_code in COUNTRIES_WITH_ARTICLE:
        return "in the " + country.name.removeprefix("The ")
    return "in " + country.name


class Taxonomy:
    """What the generator needs from the database, loaded once in a few queries."""

    def __init__(self, today):
        self.today = today
        names = TaxonomyNames.load()
        self.structures = names.structures
        self.fields_of_work = {
            key: _only(names.fields_of_work, topic.field_of_work) for key, topic in TOPICS.items()
        }
        countries = list(Country.objects.order_by("name"))
        self.by_iso = {country.iso_code: country for country in countries if country.iso_code}
        self.by_pk = {country.pk: country for country in countries}
        participating = [
            country
            for country in countries
            if country.status == CountryStatus.PARTICIPATING_STATE
            and country.iso_code not in MICROSTATES
        ]
        self.pools = {
            "any": tuple(participating),
            "none": (),
            **{
                key: tuple(self.by_iso[code] for code in codes if code in self.by_iso)
                for key, codes in COUNTRY_POOLS.items()
            },
        }
        self.chairs = {
            year: self.by_pk[country_id]
            for year, country_id in Chairpersonship.objects.values_list("year", "country_id")
        }
        self.meeting_types = list(MeetingType.objects.order_by("position", "name"))
        self.issuers = self._field_operations() + self._other_issuers()
        if not self.issuers:
            raise DemoError("The taxonomy has no structures to issue news: run load_taxonomy.")
        self.issuer_by_key = {issuer.key: issuer for issuer in self.issuers}
        # Drafts and scheduled items are recent: only bodies still at work write them.
        self.active_issuers = [issuer for issuer in self.issuers if issuer.end >= today]
        # Spread the joint items over the issuers that have partners, so ~15% of all are joint.
        total = sum(issuer.weight for issuer in self.issuers)
        joint_weight = sum(issuer.weight for issuer in self.issuers if issuer.partners)
        for issuer in self.issuers:
            if issuer.partners:
                issuer.joint_probability = min(0.9, JOINT_SHARE * total / joint_weight)

    def structure(self, *names):
        return next((found for name in names if (found := _only(self.structures, name))), None)

    @staticmethod
    def country_name(country, language):
        return getattr(country, f"name_{language}", None) or country.name

    def _window(self, structure):
        start, end = KNOWN_WINDOWS.get(name_key(structure.name), (None, None))
        start = max(structure.established_on or start or FIRST_DAY, FIRST_DAY)
        end = min(structure.closed_on or end or self.today, self.today)
        return start, end

    def _field_operations(self):
        issuers = []
        kinds = (StructureKind.FIELD_OPERATION, StructureKind.CLOSED_FIELD_ACTIVITY)
        structures = Structure.objects.filter(kind__in=kinds).select_related("host_country")
        for structure in structures.order_by("position", "name", "pk"):
            start, end = self._window(structure)
            if end < start:
                continue
            host = structure.host_country
            is_smm = name_key(structure.name) == SMM_KEY
            label = _label(structure)
            code = host.iso_code if host else ""
            kosovo = host is None and "kosovo" in name_key(structure.name)
            years = (end - start).days / 365.25
            key = f"field-operation-{structure.pk}"
            issuers.append(
                Issuer(
                    key=key,
                    structure=structure,
                    label=label,
                    reference=f"the {label}",
                    role=f"Head of the {label}",
                    # The SMM published far more than its years suggest.
                    weight=FIELD_OPERATION_WEIGHT * years / 150 * (5 if is_smm else 1),
                    start=start,
                    end=end,
                    topics=(("conflict", 100),) if is_smm else FIELD_OPERATION_TOPICS,
                    types=SMM_TYPES if is_smm else FIELD_OPERATION_TYPES,
                    partners={} if is_smm else TOPIC_PARTNERS,
                    host=host,
                    region=next((r for r, codes in REGIONS.items() if code in codes), ""),
                    towns=tuple(
                        dict.fromkeys(
                            [structure.location or CAPITALS.get(code, "")]
                            + (KOSOVO_TOWNS if kosovo else TOWNS.get(code, []))
                        )
                    ),
                    names=_issuer_names(key, structure, label),
                )
            )
        return issuers

    def _other_issuers(self):
        issuers = []
        for key, spec in ISSUER_SPECS.items():
            structure = self.structure(*spec.names)
            if structure is None:
                continue
            start, end = self._window(structure)
            if end < start:
                continue
            label = spec.label or _label(structure)
            issuers.append(
                Issuer(
                    key=key,
                    structure=structure,
                    label=label,
                    reference=spec.reference or f"the {label}",
                    role=spec.role or f"Head of the {label}",
                    weight=spec.weight,
                    start=start,
                    end=end,
                    topics=spec.topics,
                    types=spec.types,
                    partners=spec.partners,
                    country_pool=self.pools[spec.countries],
                    names=_issuer_names(key, structure, label),
                )
            )
        return issuers


def _only(index, name):
    found = index.matches(name)
    return found[0] if len(found) == 1 else None


class DemoError(Exception):
    pass


# --- Generating news items -----------------------------------------------------------------


def _needs(template):
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


_ALTERNATIVES = re.compile(r"\[([^\[\]]*)\]")


def _forms(template):
    """The template once for each form of its subject (MASCULINE, FEMININE, NEUTER, PLURAL):
    "[m|f|n|pl]" as written, "[m|f|pl]" with neuter as masculine, "[singular|plural]"."""

    def written(form):
        def choose(match):
            options = match.group(1).split("|")
            if len(options) == 2:
                return options[form == PLURAL]
            if len(options) == 3:
                return options[(0, 1, 0, 2)[form]]
            return options[form]

        return _ALTERNATIVES.sub(choose, template)

    return tuple(written(form) for form in (MASCULINE, FEMININE, NEUTER, PLURAL))


@dataclass(frozen=True)
class Template:
    """An English pattern, the placeholders it needs, and per language its translation in each
    form of the subject with the placeholders that needs."""

    english: str
    needs: frozenset
    translations: dict

    def render(self, language, form, values):
        return self.translations[language][0][form].format(**values)


def _template(english):
    translations = {
        language: (_forms(text), _needs(text))
        for language, text in TRANSLATIONS.get(english, {}).items()
    }
    return Template(english, _needs(english), translations)


def _templates(patterns):
    return tuple(_template(pattern) for pattern in patterns)


TITLES = {key: _templates(topic.titles) for key, topic in TOPICS.items()}
PARAGRAPHS = {key: _templates(topic.paragraphs) for key, topic in TOPICS.items()}
STATEMENTS = _templates(STATEMENT_TITLES)
GENERIC = _templates(GENERIC_PARAGRAPHS)
LEAD_TEMPLATES = _templates(LEADS)
STATEMENT_LEAD_TEMPLATES = _templates(STATEMENT_LEADS)
FALLBACK_TITLE = _template("{issuer} holds meeting on {phrase}")


def _weighted(rng, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


def _usable(templates, context, local=None):
    """The templates an item can fill in English and in each of its other languages
    (`local`: language -> (form, values))."""
    keys = context.keys()
    if not local:
        return [template for template in templates if template.needs <= keys]
    return [
        template
        for template in templates
        if template.needs <= keys
        and all(
            language in template.translations
            and template.translations[language][1] <= values.keys()
            for language, (_form, values) in local.items()
        )
    ]


def _escaped(values):
    return {key: html.escape(str(value), quote=False) for key, value in values.items()}


def _teaser(blocks):
    return html.unescape(blocks[0].removeprefix("<p>").removesuffix("</p>"))


@functools.cache
def _columns(model):
    """(attname, default, default factory) of each concrete field, in the table's order.
    Constant defaults are worked out once: a translated column's switches the active language
    (django-modeltranslation), which per item and column cost a quarter of a large run."""
    return tuple(
        (field.attname, None, field.get_default)
        if field.has_default() and callable(field.default)
        else (field.attname, field.get_default(), None)
        for field in model._meta.concrete_fields
    )


def _instance(model, values):
    """`model(**values)`, but by position, as Django builds the rows it reads: Django and
    modeltranslation then skip their work per keyword (75 of them on a news item)."""
    return model(
        *(
            values[name] if name in values else factory() if factory else default
            for name, default, factory in _columns(model)
        )
    )


@dataclass
class GeneratedItem:
    item: NewsItem
    structure_ids: list
    field_of_work_ids: list
    country_ids: list
    slug_source: str


class NewsGenerator:
    """Makes one plausible item at a time; every choice comes from one seeded `Random`."""

    def __init__(self, taxonomy, rng, images, now):
        self.taxonomy = taxonomy
        self.rng = rng
        self.images = images
        self.now = now
        self.today = taxonomy.today
        self.tz = timezone.get_current_timezone()
        self.all_issuers = _Lottery(taxonomy.issuers)
        self.active_issuers = _Lottery(taxonomy.active_issuers or taxonomy.issuers)

    def generate(self, number, special=None):
        """Item `number` (1-based); `special` is None, "draft" or "scheduled"."""
        rng = self.rng
        languages = self._languages()
        others = [language for language in languages if language != "en"]
        issuer = (self.active_issuers if special else self.all_issuers).draw(rng)
        issued_on = self._date(issuer, special)
        topic_key = _weighted(rng, issuer.topics)
        news_type = _weighted(rng, issuer.types)
        if news_type in REPORT_TYPES and special:
            news_type = NewsType.NEWS
        countries = self._countries(issuer, issued_on)
        if topic_key == "observation" and not countries and issuer.country_pool:
            countries = [rng.choice(issuer.country_pool)]  # an election is in some country
        issuers = [issuer]
        partner_key = issuer.partners.get(topic_key) or issuer.partners.get("*")
        if partner_key and rng.random() < issuer.joint_probability:
            partner = self.taxonomy.issuer_by_key.get(partner_key)
            if partner and partner.structure.pk != issuer.structure.pk:
                issuers.append(partner)
        if news_type in REPORT_TYPES:
            texts = self._report(news_type, issuer, issued_on, others)
        else:
            context, country = self._context(issuer, TOPICS[topic_key], countries, issued_on)
            local = {
                language: self._local_context(language, issuer, context, country, issued_on)
                for language in others
            }
            title = self._title(topic_key, news_type, context, local)
            blocks = self._body(topic_key, news_type, context, local)
            texts = {"en": (title.english.format(**context), blocks["en"])} | {
                language: (title.render(language, form, values), blocks[language])
                for language, (form, values) in local.items()
            }
        related = RELATED_TOPICS.get(topic_key, ())
        topic_keys = [topic_key, *rng.sample(related, min(len(related), rng.choice((0, 1, 1, 2))))]
        fields = [self.taxonomy.fields_of_work[key] for key in topic_keys]
        values = {
            "type": news_type,
            "issued_on": issued_on,
            "source_url": f"{DEMO_URL_PREFIX}news/{number}",
            **self._publishing(issued_on, special),
        }
        for language in languages:
            title, blocks = texts[language]
            values[f"title_{language}"] = title
            values[f"teaser_{language}"] = _teaser(blocks)
            values[f"body_{language}"] = "".join(blocks)
            values[f"in_language_{language}"] = True
        if self.images and rng.random() < IMAGE_SHARE:
            values |= self.images[rng.randrange(len(self.images))].fields(languages)
        return GeneratedItem(
            _instance(NewsItem, values),
            [i.structure.pk for i in issuers],
            list(dict.fromkeys(f.pk for f in fields if f)),
            [country.pk for country in countries],
            texts["en"][0] if "en" in languages else _latin(texts["ru"][0]),
        )

    def _languages(self):
        """One draw says whether the item is in Russian only, in English and Russian, or in
        English; one more per other language whether it is in that one too (ALSO_IN)."""
        rng = self.rng
        draw = rng.random()
        if draw < RUSSIAN_ONLY_SHARE:
            return ["ru"]
        languages = ["en", "ru"] if draw < RUSSIAN_ONLY_SHARE + RUSSIAN_SHARE else ["en"]
        return languages + [
            language
            for language, share in ALSO_IN
            if rng.random() < share / (1 - RUSSIAN_ONLY_SHARE)
        ]

    def _date(self, issuer, special):
        if special == "draft":
            return self.today - datetime.timedelta(days=self.rng.randrange(60))
        if special == "scheduled":
            return self.today + datetime.timedelta(days=self.rng.randrange(1, 22))
        span = (issuer.end - issuer.start).days + 1
        return issuer.start + datetime.timedelta(days=int(self.rng.random() * span))

    def _publishing(self, issued_on, special):
        if special == "draft":
            return {"status": Status.DRAFT, "publish_at": self.now}
        moment = datetime.datetime.combine(
            issued_on, datetime.time(self.rng.randint(8, 17), self.rng.choice((0, 15, 30, 45)))
        )
        publish_at = timezone.make_aware(moment, self.tz)
        if special != "scheduled":
            publish_at = min(publish_at, self.now - datetime.timedelta(minutes=1))
        return {"status": Status.PUBLISHED, "publish_at": publish_at}

    def _countries(self, issuer, issued_on):
        rng, taxonomy = self.rng, self.taxonomy
        if issuer.host:
            chosen = [issuer.host]
            if issuer.region and rng.random() < 0.1:
                neighbours = [
                    taxonomy.by_iso[code]
                    for code in REGIONS[issuer.region]
                    if code in taxonomy.by_iso and taxonomy.by_iso[code] != issuer.host
                ]
                chosen += rng.sample(neighbours, min(len(neighbours), rng.randint(1, 2)))
            return chosen
        pool = issuer.country_pool
        if issuer.key == "chair":
            visited = rng.choice(pool) if pool else None
            chair = taxonomy.chairs.get(issued_on.year)
            return list(dict.fromkeys(c for c in (chair, visited) if c))
        if pool and rng.random() < 0.75:
            return rng.sample(pool, min(len(pool), 1 if rng.random() < 0.85 else 2))
        return []

    def _context(self, issuer, topic, countries, issued_on):
        """The English placeholders' values, and the country the text is about (if any)."""
        rng = self.rng
        n = rng.choice((12, 15, 18, 20, 24, 25, 30, 35, 40, 45, 60, 80, 120))
        context = {
            "issuer": issuer.label,
            "the_issuer": issuer.reference,
            "The_issuer": issuer.reference[:1].upper() + issuer.reference[1:],
            "phrase": topic.phrase,
            "n": n,
            "reach": rng.choice((300, 450, 600, 800, 1200, 2000, 3500)),
            "days": rng.choice(tuple(DAYS)),
            "audience": rng.choice(topic.audiences),
            "date": f"{issued_on.day} {issued_on:%B %Y}",
            "year": issued_on.year - 1,
            "next_year": issued_on.year + rng.randint(1, 3),
            "person": f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}",
            "role": issuer.role,
            "quote": rng.choice(QUOTES),
            "donors": " and ".join(rng.sample(DONORS, 2)),
            "region": issuer.region or rng.choice(tuple(REGIONS)),
        }
        country = None
        if countries:
            country = countries[-1] if issuer.key == "chair" else countries[0]
            context["country"] = country.name
            context["in_country"] = _in(country)
            towns = issuer.towns if country == issuer.host else ()
            context["city"] = rng.choice(towns or (CAPITALS.get(country.iso_code, country.name),))
        elif issuer.towns:
            context["city"] = rng.choice(issuer.towns)
        return context, country

    def _local_context(self, language, issuer, context, country, issued_on):
        """(form, values): the placeholders of `context` spelled in `language`, and the form
        (gender, number) of the issuer that its verbs and articles agree with."""
        name = issuer.names[language]
        region = REGION_NAMES[context["region"]][language]
        on_date = _on_date(language, issued_on)
        audience = AUDIENCES[context["audience"]][language]
        values = {
            "issuer": name.bare,
            "the_issuer": name.the,
            "The_issuer": name.The,
            "date": _date_text(language, issued_on),
            "on_date": on_date,
            "On_date": _capitalised(on_date),
            "phrase": PHRASES[context["phrase"]][language],
            "n": context["n"],
            "reach": context["reach"],
            "days": DAYS[context["days"]][language],
            "audience": audience,
            "audience_all": audience,
            "year": context["year"],
            "next_year": context["next_year"],
            "region": region[0],
            "in_region": region[1],
            "from_region": region[2],
        }
        if language == "ru":
            values["audience"] = _russian_count(context["n"], audience)
            values["audience_all"] = audience[-1]
        elif language == "fr":
            values["de_phrase"] = _french_de(values["phrase"])
        if country is not None:
            values["country"] = self.taxonomy.country_name(country, language)
            if language != "ru":
                values["in_country"] = _in_country(language, country, values["country"])
        if "city" in context:
            values["city"] = _city(language, context["city"])
            if language != "ru":
                values["in_city"] = _in_city(language, values["city"])
        return name.form, values

    def _title(self, topic_key, news_type, context, local):
        usable = news_type == NewsType.PRESS_STATEMENT and _usable(STATEMENTS, context, local)
        usable = usable or _usable(TITLES[topic_key], context, local) or [FALLBACK_TITLE]
        return self.rng.choice(usable)

    def _body(self, topic_key, news_type, context, local):
        """3–6 blocks per language: a lead (also the teaser), topical and generic paragraphs,
        and, on English-only items, sometimes a heading with a list."""
        rng = self.rng
        safe = _escaped(context)
        safe_local = {
            language: (form, _escaped(values)) for language, (form, values) in local.items()
        }
        leads = (
            STATEMENT_LEAD_TEMPLATES if news_type == NewsType.PRESS_STATEMENT else LEAD_TEMPLATES
        )
        usable_leads = _usable(leads, safe, safe_local) or _usable(LEAD_TEMPLATES, safe, safe_local)
        chosen = [rng.choice(usable_leads)]
        topical = _usable(PARAGRAPHS[topic_key], safe, safe_local)
        generic = _usable(GENERIC, safe, safe_local)
        chosen += rng.sample(topical, min(len(topical), rng.randint(1, 3)))
        chosen += rng.sample(generic, min(len(generic), rng.randint(1, 2)))
        blocks = {"en": [f"<p>{template.english.format(**safe)}</p>" for template in chosen]}
        for language, (form, values) in safe_local.items():
            blocks[language] = [
                f"<p>{template.render(language, form, values)}</p>" for template in chosen
            ]
        if not local and rng.random() < 0.3:
            points = rng.sample(TOPICS[topic_key].points, min(3, len(TOPICS[topic_key].points)))
            listed = "".join(f"<li>{html.escape(point.capitalize())}</li>" for point in points)
            english = blocks["en"]
            english.insert(len(english) - 1, f"<h2>{rng.choice(HEADINGS)}</h2><ul>{listed}</ul>")
        return blocks

    def _report(self, news_type, issuer, issued_on, languages):
        """The SMM's daily and spot reports, 2014–2022: {language: (title, blocks)}."""
        rng = self.rng
        place = rng.choice(DONBAS_PLACES)
        subject = None
        if news_type == NewsType.DAILY_REPORT:
            title = (
                f"Latest from the {issuer.label} (SMM), based on information received as of "
                f"19:30, {issued_on.day} {issued_on:%B %Y}"
            )
        else:
            subject = rng.randrange(len(SPOT_REPORT_SUBJECTS))
            title = f"{issuer.label}: {SPOT_REPORT_SUBJECTS[subject]} {place}"
        violations = rng.randint(20, 400)
        blocks = [
            f"<p>The SMM recorded {violations} ceasefire violations in Donetsk region and "
            f"{violations // 3} in Luhansk region, most of them near {place}.</p>",
            "<p>The Mission's freedom of movement was restricted at a checkpoint, and its "
            "unmanned aerial vehicles spotted weapons in violation of withdrawal lines.</p>",
            f"<p>The SMM continued to monitor the disengagement areas and to facilitate "
            f"repairs to critical civilian infrastructure near {place}.</p>",
        ]
        texts = {"en": (title, blocks)}
        for language in languages:
            daily_title, subjects, paragraphs = REPORT_TRANSLATIONS[language]
            local_place = DONBAS_RU.get(place, place) if language == "ru" else place
            values = {
                "issuer": issuer.names[language].bare,
                "date": _date_text(language, issued_on),
                "place": local_place,
                "de_place": _french_de(local_place),
                "violations": violations,
                "violations_noun": _russian_count(violations, VIOLATIONS_RU),
                "luhansk": violations // 3,
            }
            if subject is None:
                local_title = daily_title.format(**values)
            else:
                separator = " : " if language == "fr" else ": "
                local_title = values["issuer"] + separator + subjects[subject].format(**values)
            safe = _escaped(values)
            texts[language] = (
                local_title,
                [f"<p>{paragraph.format(**safe)}</p>" for paragraph in paragraphs],
            )
        return texts


class _Lottery:
    """Draws issuers by weight with one random number and a binary search."""

    def __init__(self, issuers):
        self.issuers = issuers
        self.cumulative = list(accumulate(issuer.weight for issuer in issuers))

    def draw(self, rng):
        position = bisect(self.cumulative, rng.random() * self.cumulative[-1])
        return self.issuers[min(position, len(self.issuers) - 1)]


SPOT_REPORT_SUBJECTS = (
    "damage to civilian housing in",
    "civilian casualties in",
    "shelling damages water pipeline near",
    "SMM facilitates repairs to power lines near",
)


# --- Demo images ---------------------------------------------------------------------------

# Muted palettes: (description, background from, background to, shape colours).
PALETTES = (
    ("teal and sand", (38, 84, 92), (214, 196, 160), ((232, 220, 196), (92, 140, 140))),
    ("slate blue and stone", (52, 62, 92), (176, 180, 188), ((220, 214, 200), (98, 118, 160))),
    ("olive and cream", (86, 96, 62), (232, 224, 200), ((170, 160, 110), (246, 240, 226))),
    ("dusty rose and grey", (128, 96, 102), (206, 204, 206), ((232, 200, 196), (110, 104, 118))),
    ("ochre and charcoal", (58, 58, 62), (200, 156, 80), ((226, 196, 130), (96, 92, 90))),
    ("sage and mist", (112, 138, 118), (224, 230, 226), ((168, 190, 170), (244, 246, 244))),
    ("navy and copper", (30, 44, 72), (170, 110, 78), ((206, 150, 112), (70, 90, 128))),
    ("lavender and pearl", (104, 98, 138), (226, 224, 234), ((180, 172, 210), (246, 244, 248))),
    ("pine and birch", (34, 70, 58), (210, 206, 190), ((120, 150, 128), (236, 232, 220))),
    ("terracotta and linen", (150, 84, 62), (236, 226, 210), ((210, 150, 120), (250, 244, 234))),
    ("steel and ice", (70, 90, 106), (210, 224, 232), ((150, 176, 196), (240, 246, 250))),
    ("plum and wheat", (84, 52, 76), (222, 204, 164), ((170, 120, 150), (240, 228, 200))),
)  # fmt: skip
SHAPES = ("circles", "diagonal bands", "overlapping rounded panels")
# The palettes' and shapes' names in other languages, as the alt text and caption use them
# (Russian: adjectives before "тонах"; German: the first half of "...tönen").
PALETTE_NAMES = (
    ("bleu canard et sable", "Petrol- und Sandtönen", "verde petrolio e sabbia",
     "бирюзовых и песочных", "verde azulado y arena"),
    ("bleu ardoise et pierre", "Schieferblau- und Steintönen", "blu ardesia e pietra",
     "сине-серых и каменных", "azul pizarra y piedra"),
    ("olive et crème", "Oliv- und Cremetönen", "verde oliva e crema", "оливковых и кремовых",
     "oliva y crema"),
    ("vieux rose et gris", "Altrosa- und Grautönen", "rosa antico e grigio",
     "пыльно-розовых и серых", "rosa palo y gris"),
    ("ocre et anthracite", "Ocker- und Anthrazittönen", "ocra e antracite",
     "охристых и угольных", "ocre y carbón"),
    ("vert sauge et brume", "Salbei- und Nebeltönen", "verde salvia e bruma",
     "шалфейных и дымчатых", "verde salvia y bruma"),
    ("bleu marine et cuivre", "Marineblau- und Kupfertönen", "blu navy e rame",
     "темно-синих и медных", "azul marino y cobre"),
    ("lavande et nacre", "Lavendel- und Perlmutttönen", "lavanda e perla",
     "лавандовых и жемчужных", "lavanda y perla"),
    ("vert pin et bouleau", "Kiefern- und Birkentönen", "verde pino e betulla",
     "хвойно-зеленых и березовых", "verde pino y abedul"),
    ("terre cuite et lin", "Terrakotta- und Leinentönen", "terracotta e lino",
     "терракотовых и льняных", "terracota y lino"),
    ("acier et glace", "Stahl- und Eistönen", "acciaio e ghiaccio", "стальных и ледяных",
     "acero y hielo"),
    ("prune et blé", "Pflaumen- und Weizentönen", "prugna e grano", "сливовых и пшеничных",
     "ciruela y trigo"),
)  # fmt: skip
PALETTE_NAMES = tuple(_other(*names) for names in PALETTE_NAMES)
SHAPE_NAMES = {
    "circles": _other(
        "cercles estompés",
        "weiche Kreise",
        "cerchi sfumati",
        "мягкие круги",
        "círculos difuminados",
    ),
    "diagonal bands": _other(
        "bandes diagonales estompées",
        "weiche diagonale Bänder",
        "fasce diagonali sfumate",
        "мягкие диагональные полосы",
        "franjas diagonales difuminadas",
    ),
    "overlapping rounded panels": _other(
        "panneaux arrondis superposés",
        "weiche, einander überlappende abgerundete Flächen",
        "pannelli arrotondati sovrapposti e sfumati",
        "мягкие перекрывающиеся скругленные панели",
        "paneles redondeados superpuestos y difuminados",
    ),
}
IMAGE_TEXTS = _other(
    ("Illustration abstraite : {shape} dans des tons {colours}.",
     "Illustration dans des tons {colours}."),
    ("Abstrakte Illustration: {shape} in {colours}.", "Illustration in {colours}."),
    ("Illustrazione astratta: {shape} in tonalità {colours}.",
     "Illustrazione in tonalità {colours}."),
    ("Абстрактная иллюстрация: {shape} в {colours} тонах.", "Иллюстрация в {colours} тонах."),
    ("Ilustración abstracta: {shape} en tonos {colours}.", "Ilustración en tonos {colours}."),
)  # fmt: skip


@dataclass(frozen=True)
class DemoImage:
    name: str
    alt: dict  # language -> text
    caption: dict
    credit: str
    renditions: dict

    def fields(self, languages):
        """Model fields for an item in `languages` showing this image. Passed to the
        constructor, where the image field does not open the file to measure it (assigning it
        later would)."""
        fields = {
            "image": self.name,
            "image_width": IMAGE_SIZE[0],
            "image_height": IMAGE_SIZE[1],
            "image_credit": self.credit,
            "image_renditions": self.renditions,
        }
        for language in languages:
            fields[f"image_alt_{language}"] = self.alt[language]
            fields[f"image_caption_{language}"] = self.caption[language]
        return fields


def _paint(number, palette):
    """An abstract picture: a two-colour gradient under soft translucent shapes."""
    rng = random.Random(f"demo-image-{number}")
    _, start, end, colours = palette
    size = (800, 450)
    mask = Image.linear_gradient("L").rotate(rng.randrange(360), expand=True)
    side = mask.width // 2
    mask = mask.crop((side // 2, side // 2, side // 2 + side, side // 2 + side)).resize(size)
    picture = Image.composite(Image.new("RGB", size, end), Image.new("RGB", size, start), mask)
    picture = picture.convert("RGBA")
    shape = SHAPES[number % len(SHAPES)]
    for index in range(rng.randint(5, 8)):
        layer = Image.new("RGBA", size, (0, 0, 0, 0))
        draw = ImageDraw.Draw(layer)
        colour = (*colours[index % len(colours)], rng.randint(60, 130))
        x, y = rng.randrange(-100, size[0]), rng.randrange(-100, size[1])
        extent = rng.randint(80, 320)
        if shape == "circles":
            draw.ellipse((x, y, x + extent, y + extent), fill=colour)
        elif shape == "diagonal bands":
            draw.polygon([(x, -10), (x + extent // 2, -10), (x - 200, size[1] + 10),
                          (x - 200 - extent // 2, size[1] + 10)], fill=colour)  # fmt: skip
        else:
            draw.rounded_rectangle((x, y, x + extent * 1.4, y + extent), radius=28, fill=colour)
        picture = Image.alpha_composite(picture, layer)
    picture = picture.convert("RGB").filter(ImageFilter.GaussianBlur(1.2))
    return picture.resize(IMAGE_SIZE, Image.Resampling.LANCZOS)


def demo_images(storage=None):
    """The twelve demo pictures, painted and stored once (reused when already stored), with
    their renditions."""
    storage = storage or default_storage
    images = []
    for number, palette in enumerate(PALETTES, start=1):
        name = f"demo/abstract-{number:02d}.jpg"
        if not storage.exists(name):
            buffer = io.BytesIO()
            _paint(number, palette).save(buffer, "JPEG", quality=85, optimize=True)
            name = storage.save(name, ContentFile(buffer.getvalue()))
        description, shape = palette[0], SHAPES[number % len(SHAPES)]
        alt = {"en": f"Abstract illustration: soft {shape} in {description} tones."}
        caption = {"en": f"Illustration in {description}."}
        for language in OTHER_LANGUAGES:
            alt_text, caption_text = IMAGE_TEXTS[language]
            words = {
                "shape": SHAPE_NAMES[shape][language],
                "colours": PALETTE_NAMES[number - 1][language],
            }
            alt[language] = alt_text.format(**words)
            caption[language] = caption_text.format(**words)
        images.append(
            DemoImage(
                name=name,
                alt=alt,
                caption=caption,
                credit="Demo image generated by osce_site",
                renditions=build_renditions(name, storage),
            )
        )
    return images


# --- Meetings ------------------------------------------------------------------------------


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
MEETINGS_PER_SERIES = 4
# Each series' title pattern and description in other languages, by profile keyword. Titles
# use {city}, {region} and {series} in the language, and ordinals as {ordinal_m},
# {ordinal_f} or {ordinal_n} for the noun they qualify.
SERIES_TRANSLATIONS = {
    "Summit": (
        _other(
            "Sommet de l'OSCE, {city} {year}",
            "OSZE-Gipfeltreffen, {city} {year}",
            "Vertice OSCE, {city} {year}",
            "Саммит ОБСЕ, {city}, {year}",
            "Cumbre de la OSCE, {city} {year}",
        ),
        _other(
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
        _other(
            "{ordinal_f} réunion du Conseil ministériel, {city} {year}",
            "{ordinal_n} Treffen des Ministerrats, {city} {year}",
            "{ordinal_f} riunione del Consiglio dei ministri, {city} {year}",
            "{ordinal_n} заседание Совета министров ОБСЕ, {city}, {year}",
            "{ordinal_f} Reunión del Consejo Ministerial, {city} {year}",
        ),
        _other(
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
        _other(
            "{ordinal_f} séance plénière du Conseil permanent",
            "{ordinal_f} Plenarsitzung des Ständigen Rates",
            "{ordinal_f} seduta plenaria del Consiglio permanente",
            "{ordinal_n} пленарное заседание Постоянного совета",
            "{ordinal_f} sesión plenaria del Consejo Permanente",
        ),
        _other(
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
        _other(
            "{ordinal_f} séance plénière du Forum pour la coopération en matière de sécurité",
            "{ordinal_f} Plenarsitzung des Forums für Sicherheitskooperation",
            "{ordinal_f} seduta plenaria del Foro di cooperazione per la sicurezza",
            "{ordinal_n} пленарное заседание Форума по сотрудничеству в области безопасности",
            "{ordinal_f} sesión plenaria del Foro de Cooperación en materia de Seguridad",
        ),
        _other(
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
        _other(
            "Conférence annuelle d'examen des questions de sécurité {year}",
            "Jährliche Sicherheitsüberprüfungskonferenz {year}",
            "Conferenza annuale di riesame della sicurezza {year}",
            "Ежегодная конференция по обзору проблем в области безопасности {year} года",
            "Conferencia Anual para el Examen de la Seguridad {year}",
        ),
        _other(
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
        _other(
            "Conférence d'examen de l'OSCE {year}",
            "OSZE-Überprüfungskonferenz {year}",
            "Conferenza di riesame dell'OSCE {year}",
            "Обзорная конференция ОБСЕ {year} года",
            "Conferencia de Examen de la OSCE {year}",
        ),
        _other(
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
        _other(
            "Réunion annuelle d'évaluation de l'application {year}",
            "Jährliches Treffen zur Beurteilung der Umsetzung {year}",
            "Riunione annuale di valutazione dell'applicazione {year}",
            "Ежегодное совещание по оценке выполнения {year} года",
            "Reunión Anual de Evaluación de la Aplicación {year}",
        ),
        _other(
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
        _other(
            "Réunion sur la mise en œuvre des engagements de la dimension économique et "
            "environnementale {year}",
            "Treffen zur Umsetzung der Verpflichtungen in der Wirtschafts- und Umweltdimension "
            "{year}",
            "Riunione di attuazione sulla dimensione economica e ambientale {year}",
            "Совещание по рассмотрению выполнения обязательств в экономической и экологической "
            "сфере {year} года",
            "Reunión de Aplicación de la Dimensión Económica y Medioambiental {year}",
        ),
        _other(
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
        _other(
            "{ordinal_m} Forum économique et environnemental de l'OSCE",
            "{ordinal_n} Wirtschafts- und Umweltforum der OSZE",
            "{ordinal_m} Foro economico e ambientale dell'OSCE",
            "{ordinal_m} Экономический и экологический форум ОБСЕ",
            "{ordinal_m} Foro Económico y Medioambiental de la OSCE",
        ),
        _other(
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
        _other(
            "Conférence de Varsovie sur la dimension humaine {year}",
            "Warschauer Konferenz zur menschlichen Dimension {year}",
            "Conferenza di Varsavia sulla dimensione umana {year}",
            "Варшавская конференция по человеческому измерению {year} года",
            "Conferencia de Varsovia sobre la Dimensión Humana {year}",
        ),
        _other(
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
        _other(
            "Conférence régionale sur les médias – {region}, {year}",
            "Regionale Medienkonferenz – {region}, {year}",
            "Conferenza regionale sui media – {region}, {year}",
            "Региональная конференция по СМИ — {region}, {year}",
            "Conferencia Regional sobre los Medios – {region}, {year}",
        ),
        _other(
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
        _other(
            "Conférence de l'OSCE sur la cybersécurité et la sécurité des TIC {year}",
            "OSZE-weite Konferenz zu Cyber- und IKT-Sicherheit {year}",
            "Conferenza OSCE sulla sicurezza informatica e delle TIC {year}",
            "Общеобсеевская конференция по кибербезопасности и безопасности ИКТ {year} года",
            "Conferencia de la OSCE sobre Ciberseguridad y Seguridad de las TIC {year}",
        ),
        _other(
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
        _other(
            "{ordinal_f} Conférence de l'Alliance contre la traite des personnes",
            "{ordinal_f} Konferenz der Allianz gegen Menschenhandel",
            "{ordinal_f} Conferenza dell'Alleanza contro la tratta di persone",
            "{ordinal_f} конференция Альянса против торговли людьми",
            "{ordinal_f} Conferencia de la Alianza contra la Trata de Personas",
        ),
        _other(
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
        _other(
            "Conférence d'examen de l'OSCE sur l'égalité des genres {year}",
            "OSZE-Überprüfungskonferenz zur Gleichstellung der Geschlechter {year}",
            "Conferenza di riesame dell'OSCE sulla parità di genere {year}",
            "Конференция ОБСЕ по обзору положения в области гендерного равенства {year} года",
            "Conferencia de Examen de la OSCE sobre la Igualdad de Género {year}",
        ),
        _other(
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
        _other(
            "Conférence méditerranéenne de l'OSCE {year}",
            "Mittelmeerkonferenz der OSZE {year}",
            "Conferenza mediterranea dell'OSCE {year}",
            "Средиземноморская конференция ОБСЕ {year} года",
            "Conferencia Mediterránea de la OSCE {year}",
        ),
        _other(
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
        _other(
            "Conférence asiatique de l'OSCE {year}",
            "Asiatische Konferenz der OSZE {year}",
            "Conferenza asiatica dell'OSCE {year}",
            "Азиатская конференция ОБСЕ {year} года",
            "Conferencia Asiática de la OSCE {year}",
        ),
        _other(
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
        _other(
            "{series} {year}",
            "{series} {year}",
            "{series} {year}",
            "{series}, {year}",
            "{series} {year}",
        ),
        _other(
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
MEETING_SENTENCES = _other(
    ("La réunion a lieu {in_city} {when}.", "La réunion a eu lieu {in_city} {when}."),
    ("Das Treffen findet {when} {in_city} statt.", "Das Treffen fand {when} {in_city} statt."),
    ("L'incontro si svolge {in_city} {when}.", "L'incontro si è svolto {in_city} {when}."),
    ("Место проведения: {city}. {dates}: {when}.",) * 2,
    ("La reunión se celebra {in_city} {when}.", "La reunión se celebró {in_city} {when}."),
)


def _ordinals(language, number):
    """Ordinal numbers for masculine, feminine and neuter nouns (German and Russian
    distinguish them; "1er"/"1re" in French)."""
    if language == "fr":
        first = number == 1
        return {
            "ordinal_m": "1er" if first else f"{number}e",
            "ordinal_f": "1re" if first else f"{number}e",
            "ordinal_n": f"{number}e",
        }
    if language == "de":
        return dict.fromkeys(("ordinal_m", "ordinal_f", "ordinal_n"), f"{number}.")
    if language == "ru":
        return {"ordinal_m": f"{number}-й", "ordinal_f": f"{number}-я", "ordinal_n": f"{number}-е"}
    masculine, feminine = ("º", "ª") if language == "it" else (".º", ".ª")
    return {"ordinal_m": f"{number}{masculine}", "ordinal_f": f"{number}{feminine}",
            "ordinal_n": f"{number}{masculine}"}  # fmt: skip


def _profile(series):
    key = name_key(series.name)
    return next(
        (profile for profile in SERIES_PROFILES if name_key(profile.keyword) in key),
        GENERIC_SERIES,
    )


def _ordinal(number):
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number:,}{suffix}"


class MeetingGenerator:
    def __init__(self, taxonomy, rng, now):
        self.taxonomy = taxonomy
        self.rng = rng
        self.now = now
        self.today = taxonomy.today

    def dates(self, profile):
        """Two earlier years, last year, and one upcoming meeting."""
        rng, year = self.rng, self.today.year
        days = []
        for past in (rng.randint(8, 20), rng.randint(2, 6), 1):
            month = profile.month or rng.randint(1, 12)
            days.append(datetime.date(year - past, month, rng.randint(1, 25)))
        days.append(self.today + datetime.timedelta(days=rng.randint(14, 240)))
        return days

    def generate(self, series, index_in_run):
        rng, taxonomy = self.rng, self.taxonomy
        profile = _profile(series)
        organiser = taxonomy.structure(*profile.organiser)
        meetings = []
        for position, start in enumerate(self.dates(profile)):
            city, country = self._place(profile, start)
            code = country.iso_code if country else None
            region = next((region for region, codes in REGIONS.items() if code in codes), "OSCE")
            values = {"year": start.year, "city": city, "series": series.name, "region": region}
            count = None
            if profile.numbering:
                origin, per_year = profile.numbering
                count = max(1, round((start - origin).days / 365.25 * per_year))
                values["ordinal"] = values["number"] = _ordinal(count)
            end = start + datetime.timedelta(days=profile.days - 1)
            upcoming = position == MEETINGS_PER_SERIES - 1
            status, publish_at = Status.PUBLISHED, self.now - datetime.timedelta(days=1)
            if upcoming and index_in_run % 5 == 1:
                status = Status.DRAFT
            elif upcoming and index_in_run % 5 == 3:
                publish_at = self.now + datetime.timedelta(days=rng.randint(2, 10))
            when = f"on {start.day} {start:%B %Y}"
            if end != start:
                when = f"from {start.day} {start:%B} to {end.day} {end:%B %Y}"
            description = (
                f"<p>{html.escape(profile.description)}</p>"
                f"<p>The meeting {'takes' if upcoming else 'took'} place in "
                f"{html.escape(city)} {when}.</p>"
            )
            texts = {"en": (profile.title.format(**values), city, description)}
            for language in OTHER_LANGUAGES:
                texts[language] = self._translated(
                    language, profile, series, (city, region, count), (start, end, upcoming)
                )
            columns = {
                "meeting_type_id": series.pk,
                "start_date": start,
                "end_date": end,
                "host_country_id": country.pk if country else None,
                "organiser_id": organiser.pk if organiser else None,
                "status": status,
                "publish_at": publish_at,
            }
            for language, (title, place, text) in texts.items():
                columns[f"title_{language}"] = title
                columns[f"place_{language}"] = place
                columns[f"description_{language}"] = text
            meeting = _instance(Meeting, columns)
            fields = [taxonomy.fields_of_work[key] for key in profile.topics]
            meetings.append((meeting, [f.pk for f in fields if f]))
        return meetings

    @staticmethod
    def _translated(language, profile, series, where, when):
        """(title, place, description) of one meeting in `language`."""
        (city, region, count), (start, end, upcoming) = where, when
        titles, descriptions = SERIES_TRANSLATIONS[profile.keyword]
        place = _city(language, city)
        values = {
            "year": start.year,
            "city": place,
            "series": getattr(series, f"name_{language}", None) or series.name,
            "region": REGION_NAMES[region][language][0],
            **(_ordinals(language, count) if count else {}),
        }
        sentence = MEETING_SENTENCES[language][0 if upcoming else 1].format(
            city=place,
            in_city="" if language == "ru" else _in_city(language, place),
            when=_date_span(language, start, end),
            dates="Дата проведения" if start == end else "Сроки проведения",
        )
        description = f"<p>{html.escape(descriptions[language])}</p><p>{html.escape(sentence)}</p>"
        return titles[language].format(**values), place, description

    def _place(self, profile, start):
        taxonomy = self.taxonomy
        places = profile.places
        if places == "chair":
            pool = taxonomy.pools["any"]
            country = taxonomy.chairs.get(start.year) or (self.rng.choice(pool) if pool else None)
            if country:
                return CAPITALS.get(country.iso_code, country.name), country
            places = GENERIC_SERIES.places
        city, code = self.rng.choice(places)
        return city, taxonomy.by_iso.get(code)


# --- The whole run -------------------------------------------------------------------------


@dataclass
class SeedResult:
    news: int = 0
    drafts: int = 0
    scheduled: int = 0
    with_image: int = 0
    joint: int = 0
    meetings: int = 0
    series: int = 0
    images: int = 0
    replaced_news: int = 0
    replaced_meetings: int = 0


class _NoProgress:
    def __init__(self, **kwargs):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        return False

    def update(self, count):
        pass


def delete_demo_content():
    """Remove what an earlier run made, and nothing else; returns (items, meetings).

    The relation rows go first, each table in one `DELETE … WHERE … IN (SELECT …)`, so that
    deleting the items themselves has nothing left to cascade to.
    """
    items = NewsItem.objects.filter(source_url__startswith=DEMO_URL_PREFIX)
    NewsItemIssuer.objects.filter(news_item__in=items).delete()
    NewsItem.fields_of_work.through.objects.filter(newsitem__in=items).delete()
    NewsItem.countries.through.objects.filter(newsitem__in=items).delete()
    item_count = items.only("pk").delete()[1].get(NewsItem._meta.label, 0)
    meetings = Meeting.objects.filter(slug__startswith=DEMO_MEETING_PREFIX)
    Meeting.fields_of_work.through.objects.filter(meeting__in=meetings).delete()
    meeting_count = meetings.count()
    meetings.delete()
    return item_count, meeting_count


def _special_numbers(rng, count):
    """Which item numbers become drafts and which are scheduled: a few of each."""
    drafts = min(max(2, count // 100), count // 4)
    scheduled = min(max(3, count // 150), count // 4)
    chosen = rng.sample(range(1, count + 1), drafts + scheduled)
    return dict.fromkeys(chosen[:drafts], "draft") | dict.fromkeys(chosen[drafts:], "scheduled")


def seed_demo(news_count, seed, progress=_NoProgress, now=None):
    """Replace the demo content with `news_count` items and the meetings of every series.

    `progress(total=…, desc=…)` returns a context manager with `update(n)` (a tqdm bar in the
    command). Raises `DemoError` when the taxonomy is missing.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    images = demo_images() if news_count else []
    result = SeedResult(images=len(images))
    with transaction.atomic():
        result.replaced_news, result.replaced_meetings = delete_demo_content()
        taxonomy = Taxonomy(today)
        rng = random.Random(seed)
        _write_news(NewsGenerator(taxonomy, rng, images, now), news_count, result, progress)
        _write_meetings(MeetingGenerator(taxonomy, rng, now), result)
    return result


def _write_news(generator, count, result, progress):
    specials = _special_numbers(generator.rng, count)
    slugs = SlugAllocator(NewsItem.objects.values_list("slug", flat=True), 255, "news")
    with progress(total=count, desc="News items") as bar:
        for batch_start in range(1, count + 1, BATCH_SIZE):
            numbers = range(batch_start, min(batch_start + BATCH_SIZE, count + 1))
            generated = [generator.generate(n, specials.get(n)) for n in numbers]
            for entry in generated:
                entry.item.slug = slugs.allocate(entry.slug_source)
            NewsItem.objects.bulk_create([entry.item for entry in generated], batch_size=500)
            _write_item_relations(generated)
            for entry in generated:
                result.with_image += bool(entry.item.image)
                result.joint += len(entry.structure_ids) > 1
            bar.update(len(generated))
    result.news = count
    result.drafts = sum(1 for kind in specials.values() if kind == "draft")
    result.scheduled = len(specials) - result.drafts


def _write_item_relations(generated):
    issuers, fields_of_work, countries = [], [], []
    field_through = NewsItem.fields_of_work.through
    country_through = NewsItem.countries.through
    for entry in generated:
        item_id = entry.item.pk
        issuers += [
            NewsItemIssuer(news_item_id=item_id, structure_id=structure_id, position=position)
            for position, structure_id in enumerate(entry.structure_ids)
        ]
        fields_of_work += [
            field_through(newsitem_id=item_id, fieldofwork_id=field_id)
            for field_id in entry.field_of_work_ids
        ]
        countries += [
            country_through(newsitem_id=item_id, country_id=country_id)
            for country_id in entry.country_ids
        ]
    NewsItemIssuer.objects.bulk_create(issuers, batch_size=BATCH_SIZE)
    field_through.objects.bulk_create(fields_of_work, batch_size=BATCH_SIZE)
    country_through.objects.bulk_create(countries, batch_size=BATCH_SIZE)


def _write_meetings(generator, result):
    taxonomy = generator.taxonomy
    slugs = SlugAllocator(Meeting.objects.values_list("slug", flat=True), 255, "meeting")
    generated = []
    for index, series in enumerate(taxonomy.meeting_types):
        generated += generator.generate(series, index)
    for meeting, _fields in generated:
        meeting.slug = slugs.allocate(f"{DEMO_MEETING_PREFIX}{meeting.title}")
    Meeting.objects.bulk_create([meeting for meeting, _fields in generated])
    through = Meeting.fields_of_work.through
    through.objects.bulk_create(
        through(meeting_id=meeting.pk, fieldofwork_id=field_id)
        for meeting, fields in generated
        for field_id in fields
    )
    result.meetings = len(generated)
    result.series = len({meeting.meeting_type_id for meeting, _fields in generated})
