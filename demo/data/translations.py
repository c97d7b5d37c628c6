"""The English sentence patterns of `demo.data.topics` and `demo.data.sentences` in the
other languages (see `demo.languages` for how they are written)."""

from demo.languages import per_language

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
TRANSLATIONS = {english: per_language(*texts) for english, texts in TRANSLATIONS.items()}
