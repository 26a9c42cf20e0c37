// Texts of the intervisie feature: the weekly post, !vraag, the digest, and the built-in
// prompt library (our own words, around the themes of the report). nl first, en second.
#include "commands/catalogue.hpp"

namespace dialoog::intervisie {

using commands::TextEntry;

std::vector<TextEntry> intervisie_texts() {
    return {
        {"intervisie.vraag_summary", "plaatst nu de volgende intervisievraag in deze teamkamer",
         "posts the next intervision question in this team room now"},
        {"intervisie.vraag_usage_line", "`!vraag`", "`!prompt`"},
        {"intervisie.vraag_examples", "`!vraag`", "`!prompt`"},
        {"intervisie.post",
         "**Intervisievraag van de week**\n\n{prompt}\n\n_Reageer in de draad bij dit bericht. "
         "Er is geen goed of fout antwoord; een voorbeeld uit je eigen werk helpt het meest._",
         "**Intervision question of the week**\n\n{prompt}\n\n_Reply in the thread of this "
         "message. There is no right or wrong answer; an example from your own work helps "
         "most._"},
        {"intervisie.digest_title", "### Intervisievragen", "### Intervision questions"},
        {"intervisie.digest_nothing", "_Niets deze week._", "_Nothing this week._"},
        {"intervisie.digest_item", "{prompt} — {replies} mensen reageerden",
         "{prompt} — {replies} people replied"},
        {"intervisie.digest_item_one", "{prompt} — 1 persoon reageerde",
         "{prompt} — 1 person replied"},

        // ---- the prompt library ----
        {"intervisie.prompt.eigen-verhaal-1",
         "Denk aan een cliënt die je deze week sprak. Wat weet je van zijn of haar eigen verhaal, "
         "los van wat in het dossier staat? En wat heb je nooit gevraagd?",
         "Think of a client you spoke to this week. What do you know of their own story, apart "
         "from what is in the file? And what have you never asked?"},
        {"intervisie.prompt.eigen-verhaal-2",
         "Wanneer liet je een cliënt voor het laatst uitpraten zonder naar het volgende punt op "
         "je lijst te gaan? Wat hoorde je toen?",
         "When did you last let a client finish their story without moving to the next item on "
         "your list? What did you hear?"},
        {"intervisie.prompt.routine-1",
         "Welke vaste handeling in je werk doe je inmiddels op de automatische piloot? Wat zou "
         "er gebeuren als je die deze week bewust anders doet?",
         "Which routine in your work do you now do on autopilot? What would happen if you did it "
         "differently on purpose this week?"},
        {"intervisie.prompt.routine-2",
         "Van welke collega zou je graag eens zien hoe die een gesprek voert? Wat denk je daar "
         "te leren?",
         "Which colleague would you like to watch in a client conversation? What do you think "
         "you would learn?"},
        {"intervisie.prompt.beschermend-1",
         "Wanneer hield je een cliënt weg van een kans omdat je dacht dat het (nog) te zwaar "
         "zou zijn? Wie besliste dat eigenlijk: jij of de cliënt?",
         "When did you keep a client away from an opportunity because you thought it would be "
         "too much (yet)? Who actually decided that: you or the client?"},
        {"intervisie.prompt.wantrouwen-1",
         "Bij welke cliënt begon je met wantrouwen in plaats van vertrouwen? Waar kwam dat "
         "vandaan, en wat deed het met het gesprek?",
         "With which client did you start from distrust instead of trust? Where did that come "
         "from, and what did it do to the conversation?"},
        {"intervisie.prompt.onwetendheid-1",
         "Over welke groep werkzoekenden weet je eigenlijk te weinig, bijvoorbeeld mensen met "
         "een chronische ziekte, laaggeletterdheid of een vluchtverhaal? Hoe zou je daar meer "
         "over kunnen leren?",
         "Which group of job seekers do you actually know too little about, for example people "
         "with a chronic illness, low literacy or a refugee background? How could you learn "
         "more?"},
        {"intervisie.prompt.onwetendheid-2",
         "Welke drempel op de arbeidsmarkt ontdekte je pas doordat een cliënt je erop wees? Wat "
         "heb je daarmee gedaan?",
         "Which barrier on the labour market did you only discover because a client pointed it "
         "out? What did you do with it?"},
        {"intervisie.prompt.interesse-1",
         "Welke cliënt schuif je steeds een beetje voor je uit? Wat zou je nodig hebben om daar "
         "juist wél tijd in te steken?",
         "Which client do you keep putting off a little? What would you need to put time into "
         "exactly that person?"},
        {"intervisie.prompt.interesse-2",
         "Over welke 'moeilijke' cliënten zou ons team meer kennis moeten opbouwen? Wie neemt "
         "daarin het voortouw?",
         "About which 'hard to help' clients should our team build more expertise? Who takes the "
         "lead?"},
        {"intervisie.prompt.institutioneel-1",
         "Wanneer bood je een cliënt vooral aan wat onze organisatie toevallig heeft ingekocht, "
         "terwijl iets anders beter had gepast? Wat had je nodig gehad om dat andere te regelen?",
         "When did you mainly offer a client what our organisation happened to have bought, while "
         "something else would have fitted better? What would you have needed to arrange that?"},
        {"intervisie.prompt.institutioneel-2",
         "Welke regel of werkwijze van onze organisatie maakt het leven van cliënten onnodig "
         "moeilijk? Aan wie kun je dat laten weten?",
         "Which rule or way of working of our organisation makes clients' lives harder than "
         "needed? Who can you tell?"},
        {"intervisie.prompt.output-outcome-1",
         "Als je alleen zou mogen tellen wat het leven van cliënten echt beter maakte (niet "
         "uitstroom of aantallen), wat zou je dan over deze maand vertellen?",
         "If you could only count what really improved clients' lives (not outflow or numbers), "
         "what would you tell about this month?"},
        {"intervisie.prompt.output-outcome-2",
         "Welk resultaat telde deze week mee in de cijfers, maar betekende voor de cliënt weinig? "
         "En andersom?",
         "Which result counted in this week's figures but meant little to the client? And the "
         "other way around?"},
        {"intervisie.prompt.tenzij-1",
         "Wanneer zei je deze week (of dacht je) 'dat kan niet'? Onder welke voorwaarde had het "
         "antwoord ja kunnen zijn? Alles kan, tenzij…",
         "When did you say (or think) 'that's not possible' this week? Under which condition "
         "could the answer have been yes? Everything is possible, unless…"},
        {"intervisie.prompt.tenzij-2",
         "Waar gebruik jij je discretionaire ruimte, en waar durf je dat (nog) niet? Wat zou je "
         "van je leidinggevende nodig hebben?",
         "Where do you use your discretionary room, and where don't you dare (yet)? What would "
         "you need from your team leader?"},
        {"intervisie.prompt.te-vroeg-klaar-1",
         "Denk aan een cliënt die we als 'klaar' hebben afgesloten omdat er werk was. Hoe gaat "
         "het nu met die persoon? Weet je dat eigenlijk?",
         "Think of a client we closed as 'done' because they found work. How is that person "
         "doing now? Do you actually know?"},
        {"intervisie.prompt.te-vroeg-klaar-2",
         "Wat zijn voor jou signalen dat een plaatsing later alsnog kan mislukken? Wat doen we "
         "daar nu mee, en wat zou beter kunnen?",
         "What are, for you, signs that a placement may still fail later? What do we do with "
         "them now, and what could be better?"},
        {"intervisie.prompt.een-gesprek-1",
         "Voor jou is het een afspraak van de vele; voor je cliënt misschien het enige gesprek "
         "van de week. Wat zou je anders doen als je dat bij elke afspraak voor ogen houdt?",
         "For you it is one appointment of many; for your client it may be the only conversation "
         "of the week. What would you do differently if you kept that in mind at every "
         "appointment?"},
        {"intervisie.prompt.een-gesprek-2",
         "Hoe begin je een gesprek zo dat de cliënt merkt dat er tijd is voor zijn of haar "
         "verhaal? Deel je beste openingszin.",
         "How do you start a conversation so the client notices there is time for their story? "
         "Share your best opening line."},
    };
}

}  // namespace dialoog::intervisie
