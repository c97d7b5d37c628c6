"""What news items are about: one topic per field of work, with its English titles,
paragraphs and list points.

Placeholders: {issuer} names the issuer at the start of a title ("OSCE Mission to Serbia"),
{the_issuer} mid-sentence ("the OSCE Mission to Serbia"), {country} / {in_country} ("Serbia" /
"in Serbia"), {city}, {region}, {n} (participants), {days}, {person} and {role} (a quoted
speaker), {donors}, {year}. A template is only used when the item has every placeholder it
needs (no {city} for an item without a country).
"""

from dataclasses import dataclass


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
