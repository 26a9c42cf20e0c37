// The built-in door-closing patterns, Dutch and English.
//
// Each pattern encodes the context that makes a phrase door-closing where a bare phrase
// would be too broad: "kan niet" only with a thing as subject ("dat kan niet") or elliptical
// ("Kan niet."), never followed by an activity verb ("kan niet fietsen" is an ability).
// Context that applies to every pattern (questions, quotes, negated negation, conditionals,
// reported speech, small talk) lives in nudge_guards.cpp, so YAML additions get it too.
#include <string>

#include "commands/tenzij/nudge_detector.hpp"

namespace dialoog::tenzij {
namespace {

// ---- Dutch building blocks ------------------------------------------------------------

// Softening or stressing adverbs that may stand between subject, verb and "niet".
const std::string kNlAdv =
    R"((?:(?:echt|gewoon|helaas|nu|hier|zomaar|dus|toch|nou|eenmaal|simpelweg|absoluut|)"
    R"(natuurlijk|ook|al|dan|zeker|sowieso|eigenlijk|gewoonweg|wettelijk|juridisch|)"
    R"(financieel|dit\s+jaar|op\s+dit\s+moment|momenteel|jammer\s+genoeg|bij\s+ons)\s+){0,3})";

// A thing, not a person, as subject: "dat", "zoiets", "zo'n traject", "dit soort aanvragen".
const std::string kNlThing =
    R"((?:dat|dit|het|die|zoiets|zo'n\s+[\w-]+|zulke\s+[\w-]+|(?:dat|dit)\s+soort\s+[\w-]+))";

// Infinitives that close a door when they follow "niet" ("kan niet worden vergoed").
const std::string kNlDoorVerbs =
    R"((?:worden|doorgaan|toekennen|vergoeden|betalen|financieren|bekostigen|goedkeuren|)"
    R"(toestaan|inzetten|aanvragen|verstrekken|inkopen|regelen|afwijken|maken|doen|aanbieden|)"
    R"(bieden|honoreren|verlengen|declareren|uitbetalen|verantwoorden|beloven|leveren|)"
    R"(organiseren|accorderen|tekenen|ondertekenen|uitvoeren|toezeggen|starten|beginnen|)"
    R"(plaatsen|verantwoorden|inwilligen|steunen|accepteren|meegaan|mee|akkoord))";

// Words ending in -en that are not verbs, so "kan niet binnen het budget" stays a door.
const std::string kNlNonVerbEn =
    R"((?:binnen|buiten|tegen|boven|beneden|tussen|meteen|even|alleen|open|bovendien|)"
    R"(overigens|volgens|wegens|ergens|nergens|eigen|heen|hen|tien|zeven|negen|dertien|)"
    R"(veertien|vijftien|zestien|zeventien|achttien|negentien|regelen))";

// Words that cannot precede an infinitive: after them an -en word is a plural noun
// ("kan niet met de middelen").
const std::string kNlNounLead =
    R"((?:de|het|een|deze|die|dit|dat|onze|ons|hun|zijn|haar|alle|twee|drie|veel|met|voor|)"
    R"(in|op|van|bij|binnen|buiten|zonder|naar|aan|uit|over|onder|om|tot|door|per|via|na|)"
    R"(tegen|zo'n|geen))";

// After "niet": not an activity infinitive ("zij kan niet fietsen"), not an idiom ("dat kan
// niet kloppen", "het kan niet anders dan", "kan niet wachten", "het kan niet op").
const std::string kNlTailBlock =
    R"((?!\s+(?:dat\b|kloppen\b|missen\b|ontbreken\b|wachten\b|geloven\b|klagen\b|)"
    R"(op\s*$|stuk\b|kapot\b|mis\b|anders\s+(?:dan|of)\b|beter\b|(?:[\w']+\s+)?genoeg\b|)"
    // "dat kan zo niet langer": indignation on the client's behalf
    R"((?:meer\s+)?zo\s*(?:$|[,;:!]|langer|doorgaan)|langer\b|)"
    R"((?:[\w'-]+\s+){0,2}?zijn\b|)"
    R"((?:(?!)" +
    kNlNounLead +
    R"(\s)[\w'-]+\s+)?)"
    R"((?!)" +
    kNlDoorVerbs + R"(\b)(?!)" + kNlNonVerbEn + R"(\b)\p{L}{2,}en\b)))";

// Sentence or segment start, optionally after an interjection ("Nee, kan niet").
const std::string kNlStart =
    R"((?:^|[,;:]\s*)(?:(?:nee|sorry|helaas|nope|nou|tja|dus|jammer|maar|en|ja|oké|ok)\W+)*)";

// Words that may stand before an inverted "kan dat niet" in a statement.
const std::string kNlInversionLead =
    R"((?:helaas|nee|dus|daarom|hier|nu|dan|sorry|daar|echt|gewoon|bij\s+ons|)"
    R"(in\s+dit\s+geval|volgens\s+(?:de|het|ons|onze)\s+[\w-]+|binnen\s+(?:de|het|ons|onze)\s+)"
    R"([\w-]+|van\s+(?:de|het|mij|ons)\s*[\w-]*|zonder\s+[\w-]+))";

// Nouns naming rules, budgets and frameworks.
const std::string kNlRule =
    R"((?:regels?|regeling(?:en)?|[\w-]*beleid|kaders?|wet(?:geving)?|participatiewet|wmo|)"
    R"(richtlijn(?:en)?|mogelijkheden|budget|begroting|mandaat|bevoegdhe(?:id|den)|)"
    R"(afspraken|voorwaarden|criteria|doelgroep|scope|protocol|werkinstructie|verordening|)"
    R"(bijzondere\s+bijstand|[\w-]+regeling(?:en)?|[\w-]+regels|[\w-]+budget|[\w-]+kaders?|)"
    R"(spelregels|procedure|contract))";

std::string nl_modal_niet(const std::string& verbs) {
    const std::string v = "(?:" + verbs + ")";
    const std::string pronoun = R"((?:(?:je|jij|u|jullie|we|wij|ik)\s+)?)";
    return
        // "dat kan niet", "zoiets mag je echt niet", "dat kan ik niet verantwoorden"
        R"((?:\b)" + kNlThing + R"(\s+)" + kNlAdv + v + R"(\s+)" + pronoun + kNlAdv + R"(niet)" +
        // "helaas kan dat niet", "volgens de regeling mag het niet"
        R"(|\b)" + kNlInversionLead + R"(,?\s+)" + v + R"(\s+)" + kNlThing + R"(\s+)" + kNlAdv +
        R"(niet)" +
        // elliptical: "Kan niet.", "Nee, mag niet want ..."
        R"(|)" + kNlStart + v + R"(\s+)" + kNlAdv + R"(niet)" + R"())" + kNlTailBlock;
}

// ---- English building blocks -----------------------------------------------------------

const std::string kEnCant =
    R"((?:can'?t|cannot|can\s+not|couldn'?t|could\s+not|won'?t|will\s+not|)"
    R"((?:are|am|'re|'m)\s+(?:not\s+able|unable)\s+to|aren'?t\s+able\s+to|don'?t|do\s+not|)"
    R"((?:are|am|'re|'m)\s+not\s+going\s+to|aren'?t\s+going\s+to|)"
    R"((?:won'?t|will\s+not)\s+be\s+able\s+to|)"
    R"(shouldn'?t|should\s+not|mustn'?t|must\s+not))";

// What an organisation grants or refuses.
const std::string kEnDoor =
    R"((?:approve|allow|permit|fund|finance|pay|accept|grant|offer|provide|reimburse|cover|)"
    R"(justify|afford|authori[sz]e|sign|support|extend|arrange|deviate|bend|budget|spend|)"
    R"(hire|buy|promise|say\s+yes|make\s+(?:an\s+|any\s+|that\s+|this\s+|such\s+)?)"
    R"(exceptions?|go\s+ahead|do\s+(?:that|this|so|anything|something\s+like)|agree\s+to|)"
    R"(give\s+(?:you\s+|them\s+|him\s+|her\s+)?(?:permission|approval|the\s+go-ahead)))";

const std::string kEnRule =
    R"((?:policy|policies|rules?|regulations?|guidelines?|protocol|procedures?|budget|scope|)"
    R"(remit|mandate|framework|criteria|law|act|regime))";

}  // namespace

std::vector<NudgePattern> NudgeDetector::default_patterns() {
    std::vector<NudgePattern> p;
    auto add = [&p](std::string id, std::string pcre) {
        std::string language = id.substr(0, id.find('.'));
        p.push_back(NudgePattern{std::move(id), std::move(language), std::move(pcre)});
    };

    // ---- Dutch ----
    add("nl.kan_niet", nl_modal_niet("kan|kunnen|kun|kunt"));
    add("nl.mag_niet",
        nl_modal_niet("mag|mogen|moogt") +
            // a provision as subject: "Een aangepaste werkbank mag niet, dat is te duur."
            R"(|(?:^|[,;:]\s*)(?:(?:nee|sorry|helaas)\W+)?(?:(?:een|de|het|die|deze|zo'n)\s+)?)"
            R"((?:[\w-]+\s+){0,3}?[\w-]+\s+(?:mag|mogen)\s+)" +
            kNlAdv + R"(niet)" + kNlTailBlock);
    // "we kunnen dat niet vergoeden", "daar kunnen we niet van afwijken", "geen uitzondering maken"
    add("nl.wij_kunnen_niet",
        R"(\b(?:we|wij|ik|je|jij|u|jullie)\s+)"
        R"((?:kunnen|kan|kun|kunt|mogen|mag|gaan|ga|zullen|zal)\s+)"
        R"((?:[\w'-]+\s+){0,3}?(?:niet|geen|niks|niets)\s+(?:[\w'-]+\s+){0,3}?)" +
            kNlDoorVerbs + R"(\b)" +
            R"(|\b(?:kunnen|kan|kun|kunt|mogen|mag|gaan|ga|zullen|zal)\s+(?:we|wij|ik|je|jij|u)\s+)"
            R"((?:[\w'-]+\s+){0,3}?(?:niet|geen|niks|niets)\s+(?:[\w'-]+\s+){0,3}?)" +
            kNlDoorVerbs + R"(\b)");
    add("nl.gaat_niet_lukken",
        R"(\b(?:gaat|gaan|zal|zullen|gaat|wil)\s+(?:(?!(?:me|mij|ik|jou|je)\b)[\w'-]+\s+){0,3}?)"
        R"(niet\s+(?:(?!(?:me|mij)\b)[\w'-]+\s+){0,2}?lukken\b)"
        R"(|\b(?:dat|dit|het|zoiets)\s+(?:lukt|gaat)\s+)" +
            kNlAdv +
            R"(niet(?=\s*$|\s*[,;:!-]|\s+(?:want|omdat|met|binnen|zomaar|hoor|helaas)\b))"
            R"(|\b(?:dat|dit|het|zoiets)\s+lukt\s+)" +
            kNlAdv +
            R"(niet\s+om\b)"
            R"(|\bgaat\s+(?:'?m|hem|em|het)\s+(?:[\w']+\s+)?niet\s+worden\b)"
            R"(|\bwordt\s+(?:'?m|hem|em)\s+(?:[\w']+\s+)?niet\b)"
            R"(|\bgaat\s+(?:[\w']+\s+)?niet\s+gebeuren\b)"
            R"(|\bgaat\s+er\s+niet\s+komen\b|\bkomt\s+er\s+niet(?!\s+van\b)\b)");
    add("nl.zit_er_niet_in",
        R"(\bzit\s+er\s+(?:[\w'-]+\s+){0,3}?niet\s+in\b)"
        // what the organisation bought decides what clients get (institutional bias)
        R"(|\b(?:zit|zitten|staat|staan)\s+(?:[\w'-]+\s+)?niet\s+in\s+(?:ons|onze|het|de)\s+)"
        R"((?:[\w-]+\s+)?(?:pakket|aanbod|budget|regeling|begroting|contract|inkoop|beleid)\b)"
        R"(|\b(?:niet|geen)\s+(?:[\w-]+\s+)?(?:ingekocht|gecontracteerd)\b)");
    // "dat gaat niet door", "dat wordt niks", "vergeet het maar"
    add("nl.gaat_niet_door",
        R"(\b)" + kNlThing + R"(\s+gaat\s+)" + kNlAdv + R"(niet\s+door\b)" +
            R"(|\b(?:dat|dit|het|zoiets)\s+wordt\s+(?:hem\s+|'?m\s+|dus\s+)?(?:niks|niets)\b)" +
            R"(|\bvergeet\s+(?:het|dat)\s+(?:nou\s+|dan\s+)?maar\b)"
            R"(|\bkrijg(?:en)?\s+(?:je|we|jij|u)\s+(?:er|dat|het|dit)\s+(?:[\w'-]+\s+)?)"
            R"((?:nooit|niet)\s+door(?:heen)?\b)");
    // "de regels staan dat niet toe", "de bijzondere bijstand vergoedt dat niet"
    add("nl.regels_staan_niet_toe",
        R"(\b(?:staan|staat|laat|laten)\s+)" + kNlThing + R"(\s+)" + kNlAdv + R"(niet\s+toe\b)" +
            R"(|\b(?:dat|dit|het|zoiets)\s+(?:staat|staan|laat|laten)\s+(?:de|het|ons|onze)\s+)"
            R"((?:[\w-]+\s+)?)" +
            kNlRule + R"(\s+)" + kNlAdv + R"(niet\s+toe\b)" +
            R"(|\b(?:de\s+[\w-]*regeling|de\s+(?:bijzondere\s+)?bijstand|de\s+gemeente|het\s+uwv|)"
            R"(uwv|de\s+wmo|het\s+budget|ons\s+budget|het\s+potje|de\s+verzekering|het\s+pakket|)"
            R"(de\s+wet|de\s+regels|het\s+beleid)\s+(?:vergoedt|betaalt|dekt|financiert|bekostigt|)"
            R"(biedt)\s+)" +
            kNlThing + R"(\s+)" + kNlAdv + R"(niet\b)");
    add("nl.niet_mogelijk",
        R"(\bniet\s+(?:(?:meer|echt|zomaar|helaas|wettelijk|juridisch|financieel|gewoon|)"
        R"(dit\s+jaar)\s+)?(?:mogelijk|haalbaar|uitvoerbaar)\b)"
        R"((?!\s+om\s+(?:alles|iedereen|te\s+(?:zeggen|voorspellen|weten)|dat\s+te)\b))"
        R"(|\b(?:dat|dit|zoiets)\s+is\s+)" +
            kNlAdv + R"(onmogelijk\b)");
    // "Ik ben bang dat dat niet kan", "Ik denk niet dat dat mag".
    add("nl.vrees_dat_niet",
        R"(\b(?:(?:ik\s+ben|we\s+zijn|wij\s+zijn|ben\s+ik)\s+(?:[\w-]+\s+)?bang|vrees|denk|)"
        R"(verwacht)\s+(?:ik\s+|we\s+)?dat\s+)" +
            kNlThing + R"(\s+)" + kNlAdv +
            R"(niet\s+(?:(?:meer|echt)\s+)?(?:kan|mag|lukt|gaat\s+lukken|gaat|)"
            R"((?:mogelijk|toegestaan|haalbaar)\s+is)\b)"
            R"(|\b(?:denk|geloof|verwacht)\s+(?:ik\s+|we\s+)?niet\s+dat\s+)" +
            kNlThing +
            R"(\s+(?:(?!niet\b)[\w-]+\s+)?(?:kan|mag|lukt|gaat\s+lukken|)"
            R"((?:mogelijk|toegestaan|haalbaar)\s+is)\b)");
    add("nl.niet_toegestaan",
        R"(\bniet\s+(?:(?:meer|echt|zomaar|wettelijk|gewoon)\s+)?(?:toegestaan|toegelaten|)"
        R"(geoorloofd|bespreekbaar)\b)"
        R"(|\b(?:is|zijn|wordt)\s+(?:[\w-]+\s+)?verboden\b)"
        R"(|\bniet\s+(?:echt\s+|helemaal\s+)?de\s+bedoeling\b(?!\s+(?:dat|om)\b))");
    add("nl.buiten_regels",
        R"(\bbuiten\s+(?:de|het|ons|onze|deze|die|alle)\s+(?:[\w-]+\s+){0,2}?)" + kNlRule +
            R"(\b|\b(?:vall?(?:t|en)\s+(?:[\w'-]+\s+){0,2}?|en\s+|maar\s+|dus\s+|^)niet\s+)"
            R"((?:onder|binnen)\s+)"
            R"((?:de|het|ons|onze|deze|die)\s+(?:[\w-]+\s+){0,2}?)" +
            kNlRule + R"(\b)");
    add("nl.past_niet_binnen",
        R"(\bpast\s+(?:[\w'-]+\s+){0,3}?niet\s+(?:[\w'-]+\s+)?(?:binnen|in)\s+)"
        R"((?:de|het|ons|onze|deze|die)\s+(?:[\w-]+\s+){0,2}?(?:)" +
            kNlRule + R"(|systeem|plaatje|werkwijze|aanbod|pakket)\b)");
    add("nl.in_strijd_met",
        R"(\b(?:in\s+strijd\s+met|strijdig\s+met|tegen|)"
        R"(niet\s+(?:conform|volgens|in\s+lijn\s+met))\s+(?:de|het|ons|onze|alle)\s+)"
        R"((?:[\w-]+\s+)?)" +
            kNlRule + R"(\b)");
    add("nl.regels_zijn_regels",
        R"(\b(regels|regel|beleid|afspraak|wet|nee|protocol)\s+(?:is|zijn)\s+\1\b)"
        R"(|\bzo\s+(?:zijn|luiden)\s+(?:nu\s+eenmaal\s+|nou\s+eenmaal\s+)?de\s+regels\b)"
        R"(|\bzo\s+is\s+(?:nu\s+eenmaal\s+|nou\s+eenmaal\s+)?het\s+beleid\b)"
        R"(|\bhet\s+antwoord\s+is\s+nee\b)"
        // a closing "dus nee" / "nee, echt niet" / "absoluut niet" as the whole answer
        R"(|\bdus\s+(?:het\s+antwoord\s+is\s+)?nee\s*$)"
        R"(|^nee\W+(?:echt|absoluut|zeker|gewoon)\s+niet\s*$|^absoluut\s+niet\s*$)");
    add("nl.geen_budget",
        R"(\bgeen\s+(?:[\w-]+\s+)?(?:budget|geld|middelen|financiering|dekking|potje)\b)"
        R"((?!\s*(?:probleem|issue|punt|zorgen|nodig|mee\s+gemoeid|voor\s+nodig|)"
        R"((?:is|was)\s+geen)\b))"
        R"(|\b(?:het\s+)?(?:budget|geld|potje)\s+(?:is|zijn)\s+(?:[\w-]+\s+)?)"
        R"((?:op|leeg|uitgeput|besteed|vergeven|overschreden|ontoereikend)\b)"
        R"(|\b(?:dat|dit|die|het|zoiets)\s+(?:is|wordt|zijn)\s+(?:[\w-]+\s+){0,2}?te\s+duur\b)"
        R"(|\bkost\s+(?:[\w-]+\s+)?te\s+veel\b|^(?:(?:veel|echt|gewoon|nee)\W+)*te\s+duur\b)"
        R"(|\b(?:daar|hier)(?:voor)?\s+is\s+(?:[\w-]+\s+){0,3}?geen\s+ruimte\b)"
        R"(|\bgeen\s+ruimte\s+(?:meer\s+)?(?:in|binnen|op)\s+(?:de|het)\s+)"
        R"((?:budget|begroting|formatie)\b)");
    add("nl.geen_optie",
        R"(\bgeen\s+(?:optie|sprake\s+van|denken\s+aan)\b)"
        R"(|\bmak(?:en|en\s+we|en\s+wij|e\s+ik)\s+(?:[\w'-]+\s+){0,2}?geen\s+uitzondering(?:en)?\b)"
        R"(|\bgeen\s+uitzondering(?:en)?\s+(?:maken|voor|mogelijk|meer)\b)"
        R"(|^geen\s+uitzondering(?:en)?$)"
        R"(|\b(?:is|zijn)\s+(?:[\w-]+\s+)?uitgesloten\b|^(?:nee\W+)?uitgesloten\s*$)"
        R"(|\bniet\s+aan\s+de\s+orde\b)"
        R"(|\bniet\s+(?:[\w-]+\s+)?iets\s+(?:wat|dat)\s+(?:we|wij|ik)\s+(?:[\w-]+\s+)?)"
        R"((?:kunnen|kan|doen|doe|mogen|willen|gaan)\b)");
    add("nl.wij_doen_dat_niet",
        R"(\b(?:doen|doe|vergoeden|vergoed|betalen|betaal|financieren|honoreren|bekostigen|)"
        R"(verstrekken|regelen|leveren|accepteren|steunen|beginnen|begin|maken|bieden)\s+)"
        R"((?:we|wij|ik)\s+)"
        R"((?:[\w'-]+\s+){0,2}?niet\b(?!\s+(?:vaak|altijd|genoeg|meer\s+zo|snel|alleen|mee)\b))"
        R"(|\bzo\s+(?:werkt\s+het|doen\s+we\s+(?:dat|het|dingen))\s+(?:hier\s+)?niet\b)"
        R"(|\b(?:kennen|ken)\s+(?:we|wij|ik)\s+(?:[\w'-]+\s+)?niet\s+toe\b)");
    add("nl.niet_akkoord",
        R"(\b(?:ik|we|wij)\s+(?:ga|gaan)\s+(?:[\w'-]+\s+){0,2}?niet\s+(?:mee\s+)?akkoord\b)"
        R"(|\b(?:ga|gaan)\s+(?:ik|we|wij)\s+(?:[\w'-]+\s+){0,2}?niet\s+(?:mee\s+)?akkoord\b)"
        R"(|\b(?:keur|keuren)\s+(?:ik|we|wij)\s+(?:[\w'-]+\s+)?niet\s+goed\b)"
        R"(|\b(?:ik|we|wij)\s+(?:keur|keuren)\s+(?:[\w'-]+\s+){0,2}?niet\s+goed\b)"
        R"(|\b(?:geef|geven)\s+(?:ik|we|wij)\s+(?:[\w'-]+\s+){0,2}?geen\s+)"
        R"((?:toestemming|akkoord|goedkeuring)\b)"
        R"(|\bteken\s+ik\s+niet\b)"
        R"(|\b(?:kan|kun|wil|ga|mag|kunnen|willen|gaan|mogen)\s+(?:ik|we|wij)\s+)"
        R"((?:[\w'-]+\s+){0,2}?)"
        R"(geen\s+(?:toestemming|akkoord|goedkeuring)\b)"
        R"(|\b(?:ik|we|wij)\s+(?:kan|kunnen|wil|willen|ga|gaan|mag|mogen)\s+)"
        R"((?:[\w'-]+\s+){0,2}?geen\s+(?:toestemming|akkoord|goedkeuring)\b)");
    add("nl.afwijzen",
        R"(\b(?:wijzen|wijs|wijst)\s+(?:we|wij|ik|je)\s+(?:[\w'-]+\s+){0,4}?af\b)"
        R"(|\bwordt\s+(?:[\w-]+\s+)?afgewezen\b)"
        R"(|\b(?:dus|gewoon|maar|moeten|gaan|ga|zullen)\s+(?:[\w-]+\s+){0,3}?afwijzen\b)"
        R"(|\bwordt\s+(?:niet|nooit)\s+(?:[\w-]+\s+)?(?:vergoed|toegekend|goedgekeurd|betaald|)"
        R"(gefinancierd|verstrekt|ingezet|gehonoreerd|bekostigd)\b)");
    add("nl.niet_in_aanmerking",
        R"(\b(?:komt|komen|kom)\s+(?:[\w'-]+\s+){0,3}?niet\s+(?:meer\s+)?in\s+aanmerking\b)"
        R"(|\bgeen\s+recht\s+op\b)");
    // Slippery slope: "Dan kan iedereen wel een voorziening krijgen."
    add("nl.dan_wil_iedereen",
        R"(\bdan\s+(?:kan|wil|komt|krijgt|vraagt|gaat)\s+(?:straks\s+)?iedereen\s+(?:straks\s+)?)"
        R"((?:wel|het|dat|dit|er)\b)"
        R"(|\bdan\s+moeten\s+we\s+(?:het|dat)\s+(?:ook\s+)?(?:voor|bij)\s+iedereen\b)"
        R"(|\b(?:een\s+)?precedent\s+(?:scheppen|schept|creëren|creëert)\b|\bprecedentwerking\b)"
        R"(|\b(?:schept|scheppen|creëert|creëren)\s+(?:we\s+|je\s+)?(?:een\s+)?precedent\b)"
        R"(|\bhek\s+van\s+de\s+dam\b|\bwaar\s+(?:houdt|eindigt|stopt)\s+het\s+(?:dan\s+)?op\b)");

    // ---- English ----
    add("en.cant_do",
        R"(\b(?:we|i|you|the\s+(?:team|municipality|council|department|gemeente)|uwv))"
        R"((?:\s+(?:(?:really|just|simply|unfortunately|honestly|definitely|)"
        R"(certainly)\s+)?|(?=')))" +
            kEnCant +
            R"(\s+(?:(?:really|just|simply|possibly|ever|currently|now|legally|)"
            R"(officially|afford\s+to)\s+)?)" +
            kEnDoor + R"(\b)" +
            R"(|(?:^|[,;:]\s*)(?:(?:sorry|no|nope|nah|unfortunately|afraid)\W+)*)"
            R"((?:can'?t|cannot|won'?t)\s+(?:really\s+)?)" +
            kEnDoor + R"(\b)");
    add("en.cant_be_done",
        R"((?:\b[\w-]+\s+|^)(?:really\s+)?(?:can'?t|cannot|can\s+not|won'?t|will\s+not|)"
        R"(isn'?t\s+going\s+to|is\s+not\s+going\s+to|'s\s+not\s+going\s+to)\s+be\s+)"
        R"((?:[\w-]+\s+)?(?:done|approved|funded|allowed|granted|arranged|justified|reimbursed|)"
        R"(covered|paid|accepted|financed|authori[sz]ed|permitted|offered|provided|signed\s+off|)"
        R"(extended|supported)\b)");
    add("en.not_possible",
        R"(\bnot\s+(?:(?:really|currently|legally|financially|simply|even)\s+)?)"
        R"((?:possible|feasible|doable|an\s+option|viable|workable)\b)"
        R"((?!\s+to\s+(?:predict|know|say|tell|foresee|guess)\b))"
        R"(|\b(?:isn'?t|aren'?t|won'?t\s+be)\s+(?:(?:really|currently|legally|financially|)"
        R"(even)\s+)?(?:possible|feasible|doable|an\s+option|viable)\b)"
        R"(|\b(?:that|this|it)(?:'s|\s+is)\s+(?:(?:just|simply|really|completely)\s+)?)"
        R"(impossible\b)");
    add("en.not_allowed",
        R"(\bnot\s+(?:(?:really|legally|officially|currently)\s+)?(?:allowed|permitted)\b)"
        R"(|\b(?:isn'?t|aren'?t)\s+(?:(?:really|legally)\s+)?(?:allowed|permitted)\b)"
        R"(|\b(?:is|are|'s)\s+(?:strictly\s+)?(?:forbidden|prohibited)\b)");
    add("en.against_policy",
        R"(\b(?:against|outside(?:\s+of)?|in\s+breach\s+of|in\s+violation\s+of|violates?|)"
        R"(contrary\s+to|not\s+in\s+line\s+with|(?:doesn'?t|does\s+not)\s+fit(?:\s+(?:in|within))?)"
        R"(|not\s+(?:within|covered\s+by))\s+(?:the\s+|our\s+|this\s+|their\s+|any\s+|)"
        R"(current\s+|company\s+)?(?:[\w-]+\s+)?)" +
            kEnRule + R"(\b)");
    add("en.dont_think_so",
        R"(\bi\s+(?:don'?t|do\s+not)\s+think\s+(?:that'?s|that\s+is|it'?s|it\s+is|this\s+is|)"
        R"(we\s+(?:can|could|will)|that\s+will\s+be|that\s+would\s+be)\s+(?:[\w-]+\s+)?)"
        R"((?:possible|allowed|permitted|an\s+option|feasible|doable|approve|fund|pay|)"
        R"(do\s+that|happen)\b)");
    add("en.breaks_the_rules",
        R"(\b(?:would|will|'d|that|this|it)\s+(?:be\s+)?(?:break|breaks|breaking|bend|bending)\s+)"
        R"((?:the|our)\s+(?:rules|policy|law)\b)");
    add("en.rules_are_rules", R"(\b(rules?|policy|the\s+law)\s+(?:is|are)\s+\1\b)"
                              R"(|\b(?:those|these)\s+are\s+the\s+rules\b)"
                              R"(|\bthat'?s\s+(?:just\s+)?the\s+(?:rule|policy|rules)\b)");
    add("en.hard_no",
        R"(\bcomputer\s+says\s+no\b|\bthe\s+answer\s+is\s+(?:a\s+)?no\b)"
        R"(|\bmy\s+hands\s+are\s+tied\b|\bthat'?s\s+a\s+(?:hard\s+|firm\s+|clear\s+)?no\b)"
        R"(|\bno\s+exceptions?\b|\bout\s+of\s+the\s+question\b)"
        R"(|\bnot\s+(?:going\s+to|gonna)\s+happen\b)"
        R"(|\bno\s+way\s+(?:we|i|that|this|are\s+we|am\s+i|is\s+that)\b)"
        R"(|\bnot\s+doing\s+(?:that|this|it)\b)"
        R"(|\bnot\s+(?:\w+\s+)?how\s+(?:we|it|things)\s+(?:do|does|work|works|go)\b)"
        R"(|\bnot\s+something\s+(?:we|i)\s+(?:can|could|will|would|do)\b)"
        R"(|\bno\s+can\s+do\b|\b(?:policy|the\s+rules?|the\s+law|regulations?)\s+says?\s+no\b)"
        R"(|\bthe\s+rules\s+are\s+(?:very\s+)?clear\b|\bso\s+(?:the\s+answer\s+is\s+)?no\s*$)");
    add("en.rules_dont_allow",
        R"(\b(?:rules?|policy|policies|regulations?|law|budget|guidelines?|protocol|scheme|)"
        R"(regime)\s+(?:don'?t|doesn'?t|do\s+not|does\s+not|won'?t|will\s+not)\s+)"
        R"((?:allow|permit|cover|stretch|provide\s+for)\b)");
    add("en.no_budget",
        R"(\b(?:no|not\s+enough|zero|insufficient|(?:don'?t|do\s+not|doesn'?t|does\s+not)\s+)"
        R"(have(?:\s+(?:the|any|enough))?|(?:haven'?t|have\s+not)\s+got(?:\s+(?:the|any))?)\s+)"
        R"((?:[\w-]+\s+)?(?:budget|money|funds|funding|resources)\b)"
        R"((?!\s+(?:issues?|problems?)\b))"
        R"(|\b(?:out\s+of|over)\s+(?:the\s+)?budget\b)"
        R"(|\b(?:not|isn'?t|aren'?t)\s+(?:\w+\s+)?in\s+(?:the|our|this\s+year's)\s+budget\b)"
        R"(|\b(?:budget|money|funding|pot)\s+(?:is|has|'s)\s+(?:[\w-]+\s+)?(?:gone|spent|)"
        R"(exhausted|used\s+up|run\s+out|empty|finished)\b)"
        R"(|\btoo\s+expensive\b|\b(?:can'?t|cannot)\s+afford\b)"
        R"(|\bcosts?\s+(?:way\s+|far\s+)?too\s+much\b)");
    add("en.not_eligible",
        R"(\b(?:not|isn'?t|aren'?t)\s+eligible\b|\b(?:doesn'?t|does\s+not|don'?t|do\s+not|)"
        R"(won'?t)\s+qualify\b|\bnot\s+entitled\b|\bno\s+entitlement\b)"
        R"(|\b(?:not|isn'?t)\s+covered\b)"
        R"(|\b(?:will\s+be|is\s+being|gets?|to\s+be)\s+(?:denied|rejected|refused|declined)\b)"
        R"(|\b(?:we|i)\s+(?:will|'ll|have\s+to|must|need\s+to|should)\s+(?:[\w-]+\s+)?)"
        R"((?:deny|reject|refuse|decline)\b)");
    return p;
}

}  // namespace dialoog::tenzij
