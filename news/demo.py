"""Demo content (`manage.py seed_demo`): realistic news items and meetings on the real taxonomy.

What it makes is deterministic: the same `--news N --seed S` on the same taxonomy and the
same day gives the same titles, slugs, issuers and bodies (dates are spread up to "today").

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
import html
import io
import random
import string
from bisect import bisect
from dataclasses import dataclass, field
from itertools import accumulate

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFilter

from countries.models import Chairpersonship, Country, CountryStatus
from structures.models import Structure, StructureKind

from .models import Meeting, MeetingType, NewsItem, NewsItemIssuer, NewsType
from .naming import SlugAllocator, TaxonomyNames, name_key
from .publishing import Status
from .renditions import build_renditions

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
            issuers.append(
                Issuer(
                    key=f"field-operation-{structure.pk}",
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


def _with_needs(templates):
    return tuple((template, _needs(template)) for template in templates)


TITLES = {key: _with_needs(topic.titles) for key, topic in TOPICS.items()}
PARAGRAPHS = {key: _with_needs(topic.paragraphs) for key, topic in TOPICS.items()}
STATEMENTS = _with_needs(STATEMENT_TITLES)
GENERIC = _with_needs(GENERIC_PARAGRAPHS)
LEAD_NEEDS = _with_needs(LEADS)
STATEMENT_LEAD_NEEDS = _with_needs(STATEMENT_LEADS)
FALLBACK_TITLE = "{issuer} holds meeting on {phrase}"


def _weighted(rng, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


def _usable(templates, context):
    return [template for template, needs in templates if needs <= context.keys()]


@dataclass
class GeneratedItem:
    item: NewsItem
    structure_ids: list
    field_of_work_ids: list
    country_ids: list


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
            title, blocks = self._report(news_type, issuer, issued_on)
        else:
            context = self._context(issuer, TOPICS[topic_key], countries, issued_on)
            title = self._title(topic_key, news_type, context)
            blocks = self._body(topic_key, news_type, context)
        related = RELATED_TOPICS.get(topic_key, ())
        topic_keys = [topic_key, *rng.sample(related, min(len(related), rng.choice((0, 1, 1, 2))))]
        fields = [self.taxonomy.fields_of_work[key] for key in topic_keys]
        image = {}
        if self.images and rng.random() < IMAGE_SHARE:
            image = self.images[rng.randrange(len(self.images))].fields()
        item = NewsItem(
            title=title,
            type=news_type,
            teaser=html.unescape(blocks[0].removeprefix("<p>").removesuffix("</p>")),
            body="".join(blocks),
            issued_on=issued_on,
            source_url=f"{DEMO_URL_PREFIX}news/{number}",
            in_language_en=True,
            **self._publishing(issued_on, special),
            **image,
        )
        return GeneratedItem(
            item,
            [i.structure.pk for i in issuers],
            list(dict.fromkeys(f.pk for f in fields if f)),
            [country.pk for country in countries],
        )

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
        rng = self.rng
        n = rng.choice((12, 15, 18, 20, 24, 25, 30, 35, 40, 45, 60, 80, 120))
        context = {
            "issuer": issuer.label,
            "the_issuer": issuer.reference,
            "The_issuer": issuer.reference[:1].upper() + issuer.reference[1:],
            "phrase": topic.phrase,
            "n": n,
            "reach": rng.choice((300, 450, 600, 800, 1200, 2000, 3500)),
            "days": rng.choice(("two", "three", "four", "five")),
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
        if countries:
            country = countries[-1] if issuer.key == "chair" else countries[0]
            context["country"] = country.name
            context["in_country"] = _in(country)
            towns = issuer.towns if country == issuer.host else ()
            context["city"] = rng.choice(towns or (CAPITALS.get(country.iso_code, country.name),))
        elif issuer.towns:
            context["city"] = rng.choice(issuer.towns)
        return context

    def _title(self, topic_key, news_type, context):
        usable = news_type == NewsType.PRESS_STATEMENT and _usable(STATEMENTS, context)
        usable = usable or _usable(TITLES[topic_key], context) or [FALLBACK_TITLE]
        return self.rng.choice(usable).format(**context)

    def _body(self, topic_key, news_type, context):
        """3–6 blocks: a lead (also the teaser), topical and generic paragraphs, and sometimes
        a heading with a list."""
        rng = self.rng
        safe = {key: html.escape(str(value), quote=False) for key, value in context.items()}
        leads = STATEMENT_LEAD_NEEDS if news_type == NewsType.PRESS_STATEMENT else LEAD_NEEDS
        chosen = [rng.choice(_usable(leads, safe) or _usable(LEAD_NEEDS, safe))]
        topical = _usable(PARAGRAPHS[topic_key], safe)
        generic = _usable(GENERIC, safe)
        chosen += rng.sample(topical, min(len(topical), rng.randint(1, 3)))
        chosen += rng.sample(generic, min(len(generic), rng.randint(1, 2)))
        blocks = [f"<p>{template.format(**safe)}</p>" for template in chosen]
        if rng.random() < 0.3:
            points = rng.sample(TOPICS[topic_key].points, min(3, len(TOPICS[topic_key].points)))
            listed = "".join(f"<li>{html.escape(point.capitalize())}</li>" for point in points)
            blocks.insert(len(blocks) - 1, f"<h2>{rng.choice(HEADINGS)}</h2><ul>{listed}</ul>")
        return blocks

    def _report(self, news_type, issuer, issued_on):
        """The SMM's daily and spot reports, 2014–2022."""
        rng = self.rng
        place = rng.choice(DONBAS_PLACES)
        if news_type == NewsType.DAILY_REPORT:
            title = (
                f"Latest from the {issuer.label} (SMM), based on information received as of "
                f"19:30, {issued_on.day} {issued_on:%B %Y}"
            )
        else:
            title = f"{issuer.label}: {rng.choice(SPOT_REPORT_SUBJECTS)} {place}"
        violations = rng.randint(20, 400)
        blocks = [
            f"<p>The SMM recorded {violations} ceasefire violations in Donetsk region and "
            f"{violations // 3} in Luhansk region, most of them near {place}.</p>",
            "<p>The Mission's freedom of movement was restricted at a checkpoint, and its "
            "unmanned aerial vehicles spotted weapons in violation of withdrawal lines.</p>",
            f"<p>The SMM continued to monitor the disengagement areas and to facilitate "
            f"repairs to critical civilian infrastructure near {place}.</p>",
        ]
        return title, blocks


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


@dataclass(frozen=True)
class DemoImage:
    name: str
    alt: str
    caption: str
    credit: str
    renditions: dict

    def fields(self):
        """Model fields for an item showing this image. Passed to the constructor, where the
        image field does not open the file to measure it (assigning it later would)."""
        return {
            "image": self.name,
            "image_width": IMAGE_SIZE[0],
            "image_height": IMAGE_SIZE[1],
            "image_alt": self.alt,
            "image_caption": self.caption,
            "image_credit": self.credit,
            "image_renditions": self.renditions,
        }


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
        images.append(
            DemoImage(
                name=name,
                alt=f"Abstract illustration: soft {shape} in {description} tones.",
                caption=f"Illustration in {description}.",
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
            values = {
                "year": start.year,
                "city": city,
                "series": series.name,
                "region": next(
                    (
                        region
                        for region, codes in REGIONS.items()
                        if country and country.iso_code in codes
                    ),
                    "OSCE",
                ),
            }
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
            meeting = Meeting(
                title=profile.title.format(**values),
                meeting_type=series,
                start_date=start,
                end_date=end,
                place=city,
                host_country=country,
                organiser=organiser,
                description=description,
                status=status,
                publish_at=publish_at,
            )
            fields = [taxonomy.fields_of_work[key] for key in profile.topics]
            meetings.append((meeting, [f.pk for f in fields if f]))
        return meetings

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
                entry.item.slug = slugs.allocate(entry.item.title)
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
