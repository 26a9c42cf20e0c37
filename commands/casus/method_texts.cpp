// Texts of the built-in methods (werkvormen) of a case discussion, in our own words, after the
// step structures the report describes. Keys: casus.method.<id>.{title,description} and
// casus.method.<id>.<step>.{name,text}. nl first, en second.
#include "commands/catalogue.hpp"

namespace dialoog::casus {

using commands::TextEntry;

std::vector<TextEntry> casus_method_texts() {
    return {
        // ---- Incidentmethode ----
        {"casus.method.incidentmethode.title", "Incidentmethode", "Incident method"},
        {"casus.method.incidentmethode.description",
         "Eén concreet moment uit de praktijk: eerst feiten verzamelen, dan ieder een eigen "
         "standpunt, pas daarna horen wat de inbrenger echt deed.",
         "One concrete moment from practice: first gather facts, then everyone takes a position, "
         "and only then hear what the presenter actually did."},
        {"casus.method.incidentmethode.1.name", "Incident kiezen", "Choose the incident"},
        {"casus.method.incidentmethode.1.text",
         "De inbrenger noemt in een paar zinnen een moment waarop er iets besloten moest worden. "
         "Nog geen achtergrond, alleen het moment zelf.",
         "The presenter names, in a few sentences, a moment when a decision had to be made. No "
         "background yet, just the moment itself."},
        {"casus.method.incidentmethode.2.name", "Situatie schetsen", "Sketch the situation"},
        {"casus.method.incidentmethode.2.text",
         "De inbrenger vertelt kort wat er speelde, tot aan het moment van kiezen. Wat er daarna "
         "gebeurde, houdt de inbrenger nog voor zich.",
         "The presenter briefly describes what was going on, up to the moment of choice. What "
         "happened next stays untold for now."},
        {"casus.method.incidentmethode.3.name", "Informatievragen opschrijven",
         "Write down questions"},
        {"casus.method.incidentmethode.3.text",
         "Iedereen schrijft voor zichzelf op welke feiten nog nodig zijn om het moment goed te "
         "begrijpen. Nog niet stellen.",
         "Everyone writes down which facts they still need to understand the moment. Don't ask "
         "them yet."},
        {"casus.method.incidentmethode.4.name", "Informatieronde", "Information round"},
        {"casus.method.incidentmethode.4.text",
         "Om de beurt een vraag naar feiten; de inbrenger antwoordt kort. Geen meningen en geen "
         "adviezen: de gespreksleider bewaakt dat.",
         "Take turns asking one factual question; the presenter answers briefly. No opinions, no "
         "advice: the facilitator keeps an eye on that."},
        {"casus.method.incidentmethode.5.name", "Analyse", "Analysis"},
        {"casus.method.incidentmethode.5.text",
         "Wat is hier eigenlijk aan de hand? Benoem samen de kern, de belangen en wat de cliënt "
         "zelf zou zeggen.",
         "What is really going on here? Name the core together, the interests at stake, and what "
         "the client would say."},
        {"casus.method.incidentmethode.6.name", "Eigen standpunt opschrijven",
         "Write your own position"},
        {"casus.method.incidentmethode.6.text",
         "Iedereen schrijft op wat hij of zij op dat moment zou hebben gedaan, en waarom.",
         "Everyone writes down what they would have done at that moment, and why."},
        {"casus.method.incidentmethode.7.name", "Standpunten delen", "Share positions"},
        {"casus.method.incidentmethode.7.text",
         "Om de beurt het eigen standpunt met de reden erbij. Eerst luisteren, nog niet "
         "discussiëren.",
         "Take turns sharing your position with your reason. Listen first, no debate yet."},
        {"casus.method.incidentmethode.8.name", "Wat deed de inbrenger?",
         "What did the presenter do?"},
        {"casus.method.incidentmethode.8.text",
         "De inbrenger vertelt wat er werkelijk is besloten en hoe het afliep.",
         "The presenter tells what was actually decided and how it turned out."},
        {"casus.method.incidentmethode.9.name", "Nabespreking", "Closing discussion"},
        {"casus.method.incidentmethode.9.text",
         "Wat valt op als je de standpunten naast de echte keuze legt? Wat nemen we mee? Leg "
         "lessen vast met `!les`.",
         "What stands out when you put the positions next to the real choice? What do we take "
         "away? Record lessons with `!lesson`."},
        {"casus.method.incidentmethode.10.name", "Evaluatie", "Evaluation"},
        {"casus.method.incidentmethode.10.text",
         "Hoe ging deze bespreking? Eén zin per persoon over de vorm en de sfeer.",
         "How did this discussion go? One sentence each about the format and the atmosphere."},

        // ---- Vijfstappenmethode ----
        {"casus.method.vijfstappenmethode.title", "Vijfstappenmethode", "Five-step method"},
        {"casus.method.vijfstappenmethode.description",
         "Van vraag naar advies in vijf stappen: verkennen, samen het kernprobleem benoemen en "
         "dan ieder een advies.",
         "From question to advice in five steps: explore, name the core problem together, then "
         "everyone gives advice."},
        {"casus.method.vijfstappenmethode.1.name", "Vraag introduceren", "Introduce the question"},
        {"casus.method.vijfstappenmethode.1.text",
         "De inbrenger vertelt over de situatie en eindigt met één vraag waar hij of zij hulp bij "
         "wil.",
         "The presenter describes the situation and ends with one question they want help with."},
        {"casus.method.vijfstappenmethode.2.name", "Probleem verkennen", "Explore the problem"},
        {"casus.method.vijfstappenmethode.2.text",
         "Stel open vragen en vat af en toe samen. Nog geen oplossingen: eerst begrijpen.",
         "Ask open questions and summarise now and then. No solutions yet: understand first."},
        {"casus.method.vijfstappenmethode.3.name", "Kernprobleem formuleren",
         "Name the core problem"},
        {"casus.method.vijfstappenmethode.3.text",
         "Formuleer samen in één zin waar het echt om draait. De inbrenger zegt of het klopt.",
         "Together, put in one sentence what it is really about. The presenter says whether it "
         "fits."},
        {"casus.method.vijfstappenmethode.4.name", "Adviesronde", "Advice round"},
        {"casus.method.vijfstappenmethode.4.text",
         "Iedereen geeft minstens één advies. De inbrenger luistert en zegt daarna welke adviezen "
         "passen en waarom.",
         "Everyone gives at least one piece of advice. The presenter listens, then says which "
         "fit and why."},
        {"casus.method.vijfstappenmethode.5.name", "Evaluatie", "Evaluation"},
        {"casus.method.vijfstappenmethode.5.text",
         "Wat neemt de inbrenger mee, wat leerde de groep? Leg lessen vast met `!les`.",
         "What does the presenter take away, what did the group learn? Record lessons with "
         "`!lesson`."},

        // ---- Roddelmethode ----
        {"casus.method.roddelmethode.title", "Roddelmethode", "Gossip method"},
        {"casus.method.roddelmethode.description",
         "De inbrenger luistert alleen terwijl de groep over de casus praat alsof hij of zij er "
         "niet is. Vraagt een veilige, vertrouwde groep.",
         "The presenter only listens while the group talks about the case as if they were not "
         "there. Needs a safe, familiar group."},
        {"casus.method.roddelmethode.1.name", "Vraag introduceren", "Introduce the question"},
        {"casus.method.roddelmethode.1.text",
         "De inbrenger schetst de situatie en de vraag die erbij hoort.",
         "The presenter sketches the situation and the question that goes with it."},
        {"casus.method.roddelmethode.2.name", "Open vragen", "Open questions"},
        {"casus.method.roddelmethode.2.text",
         "Iedereen stelt ongeveer drie open vragen aan de inbrenger om het beeld compleet te "
         "maken.",
         "Everyone asks about three open questions to complete the picture."},
        {"casus.method.roddelmethode.3.name", "Roddelronde", "Gossip round"},
        {"casus.method.roddelmethode.3.text",
         "De inbrenger schrijft niets meer in deze draad en leest alleen mee. De groep bespreekt "
         "de casus in de derde persoon: wat zie je, wat zou jij doen?",
         "The presenter stops writing in this thread and only reads along. The group discusses "
         "the case in the third person: what do you see, what would you do?"},
        {"casus.method.roddelmethode.4.name", "Inbrenger reageert", "The presenter responds"},
        {"casus.method.roddelmethode.4.text",
         "De inbrenger doet weer mee en vertelt wat opviel en wat hij of zij gaat doen.",
         "The presenter rejoins and tells what struck them and what they will do."},
        {"casus.method.roddelmethode.5.name", "Evaluatie", "Evaluation"},
        {"casus.method.roddelmethode.5.text",
         "Hoe voelde het om besproken te worden, en om te bespreken? Leg lessen vast met `!les`.",
         "How did it feel to be discussed, and to discuss? Record lessons with `!lesson`."},

        // ---- Balintmethode ----
        {"casus.method.balintmethode.title", "Balintmethode", "Balint method"},
        {"casus.method.balintmethode.description",
         "Casussen kort pitchen, er één kiezen, en dan via associaties en eigen adviezen kijken "
         "wat de casus met de groep doet.",
         "Pitch cases briefly, pick one, then use associations and personal advice to see what "
         "the case does to the group."},
        {"casus.method.balintmethode.1.name", "Casussen verzamelen", "Collect cases"},
        {"casus.method.balintmethode.1.text",
         "Wie een casus heeft, vertelt die in hooguit drie zinnen.",
         "Whoever has a case tells it in three sentences at most."},
        {"casus.method.balintmethode.2.name", "Casus kiezen", "Choose a case"},
        {"casus.method.balintmethode.2.text",
         "Kies samen de casus die het meest leeft. Die inbrenger vertelt verder.",
         "Together, choose the case that matters most right now. Its presenter continues."},
        {"casus.method.balintmethode.3.name", "Gespreksleider kiezen", "Choose a facilitator"},
        {"casus.method.balintmethode.3.text",
         "Spreek af wie het gesprek leidt en de tijd bewaakt, als dat nog niet vaststaat.",
         "Agree who leads the conversation and keeps time, if that is not settled yet."},
        {"casus.method.balintmethode.4.name", "Het hele verhaal", "The full account"},
        {"casus.method.balintmethode.4.text",
         "De inbrenger vertelt het verhaal volledig, zonder onderbrekingen.",
         "The presenter tells the full story, without interruptions."},
        {"casus.method.balintmethode.5.name", "Associaties", "Associations"},
        {"casus.method.balintmethode.5.text",
         "Iedereen schrijft op wat het verhaal oproept: beelden, gevoelens, vragen.",
         "Everyone writes down what the story evokes: images, feelings, questions."},
        {"casus.method.balintmethode.6.name", "Verhelderende vragen", "Clarifying questions"},
        {"casus.method.balintmethode.6.text",
         "Vragen om het verhaal beter te begrijpen. Nog geen adviezen.",
         "Questions to understand the story better. No advice yet."},
        {"casus.method.balintmethode.7.name", "Eigen advies opschrijven", "Write your own advice"},
        {"casus.method.balintmethode.7.text",
         "Iedereen schrijft voor zichzelf een advies aan de inbrenger op.",
         "Everyone writes down their own advice for the presenter."},
        {"casus.method.balintmethode.8.name", "Oordeel van de groep", "The group's view"},
        {"casus.method.balintmethode.8.text",
         "De groep deelt associaties en adviezen. De inbrenger luistert en reageert nog niet.",
         "The group shares associations and advice. The presenter listens and does not respond "
         "yet."},
        {"casus.method.balintmethode.9.name", "Besluit van de inbrenger",
         "The presenter's decision"},
        {"casus.method.balintmethode.9.text",
         "De inbrenger zegt wat hij of zij meeneemt en wat de volgende stap wordt.",
         "The presenter says what they take away and what the next step will be."},
        {"casus.method.balintmethode.10.name", "Evaluatie", "Evaluation"},
        {"casus.method.balintmethode.10.text", "Hoe ging het? Leg lessen vast met `!les`.",
         "How did it go? Record lessons with `!lesson`."},

        // ---- Socratisch gesprek ----
        {"casus.method.socratisch-gesprek.title", "Socratisch gesprek", "Socratic dialogue"},
        {"casus.method.socratisch-gesprek.description",
         "Samen één vraag onderzoeken aan de hand van een echt voorbeeld, tot op de waarden "
         "eronder. De gespreksleider geeft geen eigen mening.",
         "Examine one question together through a real example, down to the values underneath. "
         "The facilitator gives no opinion of their own."},
        {"casus.method.socratisch-gesprek.1.name", "Thema", "Theme"},
        {"casus.method.socratisch-gesprek.1.text",
         "De gespreksleider noemt het thema, bijvoorbeeld: wanneer is een cliënt echt geholpen?",
         "The facilitator names the theme, for example: when has a client really been helped?"},
        {"casus.method.socratisch-gesprek.2.name", "Startvraag", "Starting question"},
        {"casus.method.socratisch-gesprek.2.text",
         "Maak er samen één heldere, open vraag van die iedereen uit eigen ervaring kan "
         "beantwoorden.",
         "Turn it into one clear, open question that everyone can answer from experience."},
        {"casus.method.socratisch-gesprek.3.name", "Concreet voorbeeld", "A concrete example"},
        {"casus.method.socratisch-gesprek.3.text",
         "Iemand vertelt een echt, afgerond voorbeeld waarin de vraag speelde. Kies er samen één.",
         "Someone tells a real, finished example in which the question played a part. Choose one "
         "together."},
        {"casus.method.socratisch-gesprek.4.name", "Voorbeeld verhelderen", "Clarify the example"},
        {"casus.method.socratisch-gesprek.4.text",
         "Vragen tot iedereen het voorbeeld voor zich ziet. Wat gebeurde er precies?",
         "Ask questions until everyone can picture the example. What exactly happened?"},
        {"casus.method.socratisch-gesprek.5.name", "Kernuitspraak", "Core statement"},
        {"casus.method.socratisch-gesprek.5.text",
         "Zoek het cruciale moment in het voorbeeld en formuleer daar één uitspraak over die de "
         "vraag beantwoordt.",
         "Find the crucial moment in the example and formulate one statement about it that "
         "answers the question."},
        {"casus.method.socratisch-gesprek.6.name", "Onderbouwing", "Justification"},
        {"casus.method.socratisch-gesprek.6.text",
         "Waarom is die uitspraak waar? De verteller onderbouwt, de anderen vragen door.",
         "Why is that statement true? The teller justifies it, the others probe."},
        {"casus.method.socratisch-gesprek.7.name", "Eigen kernuitspraak", "Your own statement"},
        {"casus.method.socratisch-gesprek.7.text",
         "Iedereen formuleert een eigen kernuitspraak bij hetzelfde moment.",
         "Everyone formulates their own core statement about the same moment."},
        {"casus.method.socratisch-gesprek.8.name", "Samen onderzoeken", "Examine together"},
        {"casus.method.socratisch-gesprek.8.text",
         "Leg de uitspraken naast elkaar. Waar verschillen ze, en waarom?",
         "Put the statements side by side. Where do they differ, and why?"},
        {"casus.method.socratisch-gesprek.9.name", "Onderliggende waarden", "Underlying values"},
        {"casus.method.socratisch-gesprek.9.text",
         "Welke waarden zitten onder de uitspraken? Wat vinden we echt belangrijk in ons werk?",
         "Which values lie beneath the statements? What do we really care about in our work?"},
        {"casus.method.socratisch-gesprek.10.name", "Terugblik", "Looking back"},
        {"casus.method.socratisch-gesprek.10.text",
         "Wat heeft het gesprek opgeleverd? Leg lessen vast met `!les`.",
         "What did the conversation bring? Record lessons with `!lesson`."},

        // ---- Dilemmamethode (moreel beraad) ----
        {"casus.method.dilemmamethode.title", "Dilemmamethode (moreel beraad)",
         "Dilemma method (moral deliberation)"},
        {"casus.method.dilemmamethode.description",
         "Een moreel dilemma stap voor stap uitpluizen: de vraag, de perspectieven van alle "
         "betrokkenen, alternatieven en een eigen keuze.",
         "Take a moral dilemma apart step by step: the question, the perspectives of everyone "
         "involved, alternatives and a personal choice."},
        {"casus.method.dilemmamethode.1.name", "Introductie en spelregels",
         "Introduction and ground rules"},
        {"casus.method.dilemmamethode.1.text",
         "De gespreksleider legt de stappen uit en spreekt af: we luisteren, we oordelen niet "
         "over personen.",
         "The facilitator explains the steps and agrees: we listen, we don't judge people."},
        {"casus.method.dilemmamethode.2.name", "De casus", "The case"},
        {"casus.method.dilemmamethode.2.text",
         "De inbrenger vertelt de situatie op het moment dat het dilemma voelbaar werd.",
         "The presenter describes the situation at the moment the dilemma was felt."},
        {"casus.method.dilemmamethode.3.name", "Verhelderende vragen", "Clarifying questions"},
        {"casus.method.dilemmamethode.3.text",
         "Vragen om de situatie scherp te krijgen. Nog geen meningen.",
         "Questions to get the situation sharp. No opinions yet."},
        {"casus.method.dilemmamethode.4.name", "Morele vraag en opties",
         "Moral question and options"},
        {"casus.method.dilemmamethode.4.text",
         "Formuleer de morele vraag (‘moet ik … of …?’) en de opties die er zijn.",
         "Formulate the moral question ('should I … or …?') and the options there are."},
        {"casus.method.dilemmamethode.5.name", "Perspectieven, waarden en normen",
         "Perspectives, values and norms"},
        {"casus.method.dilemmamethode.5.text",
         "Wie zijn er betrokken, de cliënt voorop? Wat staat er voor ieder op het spel, welke "
         "waarden en regels spelen mee?",
         "Who is involved, the client first? What is at stake for each, which values and rules "
         "play a part?"},
        {"casus.method.dilemmamethode.6.name", "Alternatieven", "Alternatives"},
        {"casus.method.dilemmamethode.6.text",
         "Brainstorm: welke andere wegen zijn er? Alles kan, tenzij… — zoek de voorwaarde "
         "waaronder het antwoord ja wordt.",
         "Brainstorm: which other ways are there? Everything is possible, unless… — look for the "
         "condition under which the answer becomes yes."},
        {"casus.method.dilemmamethode.7.name", "Eigen keuze", "Your own choice"},
        {"casus.method.dilemmamethode.7.text",
         "Iedereen kiest voor zichzelf een optie en schrijft de belangrijkste argumenten op.",
         "Everyone chooses an option for themselves and writes down their main arguments."},
        {"casus.method.dilemmamethode.8.name", "Dialoog over verschillen",
         "Dialogue on differences"},
        {"casus.method.dilemmamethode.8.text",
         "Deel de keuzes. Waar verschillen we en wat kunnen we van elkaars argumenten leren?",
         "Share the choices. Where do we differ, and what can we learn from each other's "
         "arguments?"},
        {"casus.method.dilemmamethode.9.name", "Conclusies en acties", "Conclusions and actions"},
        {"casus.method.dilemmamethode.9.text",
         "Wat concluderen we, en wie doet wat? Leg acties vast met `!actie` en lessen met `!les`.",
         "What do we conclude, and who does what? Record actions with `!action` and lessons with "
         "`!lesson`."},
        {"casus.method.dilemmamethode.10.name", "Evaluatie", "Evaluation"},
        {"casus.method.dilemmamethode.10.text", "Hoe ging het beraad? Eén zin per persoon.",
         "How did the deliberation go? One sentence each."},

        // ---- Spiegelgesprek ----
        {"casus.method.spiegelgesprek.title", "Spiegelgesprek", "Mirror conversation"},
        {"casus.method.spiegelgesprek.description",
         "De stem van cliënten eerst: gekoppelde (anonieme) inbreng wordt één voor één gelezen "
         "terwijl het team alleen luistert; daarna vragen en lessen.",
         "Client voices first: linked (anonymised) client input is read one by one while the "
         "team only listens; then questions and lessons."},
        {"casus.method.spiegelgesprek.1.name", "Uitleg", "Introduction"},
        {"casus.method.spiegelgesprek.1.text",
         "De gespreksleider legt uit: eerst spreken cliënten via hun inbreng, wij luisteren en "
         "maken aantekeningen.",
         "The facilitator explains: first clients speak through their input, we listen and take "
         "notes."},
        {"casus.method.spiegelgesprek.2.name", "Stemmen van cliënten", "Client voices"},
        {"casus.method.spiegelgesprek.2.text",
         "De gespreksleider deelt de gekoppelde inbreng één voor één. Iedereen leest en luistert "
         "alleen: nog geen reacties in de draad.",
         "The facilitator shares the linked input one by one. Everyone reads and listens only: "
         "no reactions in the thread yet."},
        {"casus.method.spiegelgesprek.3.name", "Verhelderende vragen", "Clarifying questions"},
        {"casus.method.spiegelgesprek.3.text",
         "Welke vragen roept het op? Wat zou je de cliënt willen vragen? Schrijf ze op.",
         "What questions does it raise? What would you like to ask the client? Write them down."},
        {"casus.method.spiegelgesprek.4.name", "Nabespreking en lessen", "Debrief and lessons"},
        {"casus.method.spiegelgesprek.4.text",
         "Wat betekent dit voor ons werk in de spreekkamer? Leg lessen vast met `!les`.",
         "What does this mean for our work in the consultation room? Record lessons with "
         "`!lesson`."},
        {"casus.method.spiegelgesprek.5.name", "Terugkoppelen", "Report back"},
        {"casus.method.spiegelgesprek.5.text",
         "Spreek af hoe en wanneer de lessen met cliënten worden besproken.",
         "Agree how and when the lessons will be discussed with clients."},
    };
}

}  // namespace dialoog::casus
