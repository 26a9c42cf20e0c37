// Guards that veto a door-closing match by its context. Each guard is a PCRE2 pattern over a
// part of the sentence: the segment before the match (up to the previous comma), the match
// itself, the rest of the sentence, or the whole sentence.
#include "commands/tenzij/nudge_guards.hpp"

#include <algorithm>
#include <string>

#include "commands/tenzij/nudge_regex.hpp"

namespace dialoog::tenzij {
namespace {

// People as grammatical subjects. A modal after a person is usually an ability or a
// personal permission ("zij kan niet fietsen", "he can't drive"), not a door closing.
const std::string kSelf = R"((?:ik|je|jij|u|jullie|i|you))";
const std::string kOthers =
    R"((?:hij|zij|ze|klant|cliënt|client|cliente|kandidaat|werkzoekende|meneer|mevrouw|dhr|mw|)"
    R"(collega|zoon|dochter|man|vrouw|moeder|vader|werkgever|werkgevers|arts|bedrijf|bedrijven|)"
    R"(he|she|they|candidate|applicant|employer|employers|company|companies|mr|mrs|ms|)"
    R"(colleague|son|daughter|husband|wife|doctor))";
const std::string kBeAllowed = R"((?=\s+(?:not\s+)?(?:allowed|permitted|able|unable)\b))";
const std::string kModal =
    R"((?:kan|kon|kunnen|konden|kun|kunt|mag|mocht|mogen|mochten|moogt|lukt|can|can't|cant|)"
    R"(cannot|could|couldn't|may|(?:is|are|isn't|aren't|am))" +
    kBeAllowed + ")";

std::string person_modal(const std::string& persons) {
    return R"(\b)" + persons + R"((?:(?:'s|'re|'m))" + kBeAllowed + R"(|\s+(?:[\w'-]+\s+){0,2}?)" +
           kModal + R"(\b))" + R"(|\b)" + kModal + R"(\s+(?:de\s+|het\s+|the\s+)?)" + persons +
           R"(\b)";
}

// Verbs of granting: "ik kan dat niet goedkeuren" is the speaker closing a door even though
// "ik kan" reads like an ability.
const std::string kDoorVerbs =
    R"(\b(?:worden|toekennen|vergoeden|betalen|financieren|bekostigen|goedkeuren|toestaan|)"
    R"(inzetten|aanvragen|verstrekken|inkopen|afwijken|maken|aanbieden|bieden|honoreren|)"
    R"(verlengen|declareren|uitbetalen|verantwoorden|beloven|toezeggen|accorderen|tekenen|)"
    R"(akkoord|toestemming|goedkeuring|approve|allow|permit|fund|finance|pay|accept|grant|)"
    R"(offer|provide|reimburse|)"
    R"(cover|justify|authori[sz]e|sign|promise|exception|exceptions|deviate|spend|hire|buy)\b)";

const std::string kReportVerbs =
    R"((?:zei|zegt|zeggen|zeiden|vertelde|vertelt|vertelden|verteld|beweert|beweerde|)"
    R"(beweren|vindt|vond|vinden|vonden|denkt|dacht|denken|dachten|geeft\s+aan|gaf\s+aan|)"
    R"(aangegeven|schreef|schrijft|geschreven|mailde|mailt|appte|appt|belde|meldde|meldt|)"
    R"((?<!eerlijk\s|zoals\s|kort\s|anders\s|simpel\s)gezegd|)"
    R"(gemeld|stelt|stelde|riep|antwoordde|reageerde|hoorde|gehoord|said|says|say|told|tells|)"
    R"(claims|claimed|think|thinks|thought|mentioned|wrote|writes|emailed|replied|answered|)"
    R"(heard))";

const std::string kRuleWords =
    R"(\b(?:budget\w*|geld|kosten|regels?|regeling\w*|\w*beleid|wet|participatiewet|protocol|)"
    R"(voorziening\w*|jobcoach|vergoed\w*|toeken\w*|toegekend|uitzondering\w*|aanvra\w*|)"
    R"(indicatie|bijstand|uwv|kaders?|werkinstructie|cursus|scholing|training|traject|policy|)"
    R"(rules?|fund\w*|money|approv\w*|exceptions?|reimburs\w*|allowance|provision|eligible|)"
    R"(expensive|duur|afwijzen|mandaat|goedkeur\w*|akkoord)\b)";

struct Guards {
    // Sentence-initial question form: "Waarom kan het niet", "Kan dat niet eens anders".
    NudgeRegex question_start = NudgeRegex::compile_builtin(
        R"(^(?:(?:en|maar|dus|oké|ok|okay|hé|hey|nou|oh|ah|and|but|so|well|hmm|eh|sorry)\W+)*)"
        R"((?:(?:waarom|hoezo|hoeveel|wie|welke?|waar(?!\s+het\b)|wanneer|why|how(?!\s+about\b)|)"
        R"(who|which|where|when|what(?!\s+a\b)|hoe(?!\s+(?:[\w'-]+\s+){0,3}?ook\b)|)"
        R"(wat(?!\s+(?:een|jammer|fijn|mooi|leuk|goed|vervelend|balen|zonde|lastig|naar)\b))"
        R"((?!\s+(?:mij|ons|hem|haar|de\s+[\w-]+|het\s+[\w-]+)\s+betreft\b))\b)"
        R"(|(?:kan|kun|kunt|kunnen|mag|mogen|moogt|gaat|gaan|is|zijn|lukt|zou|zouden|moet|moeten|)"
        R"(hoeft|heeft|hebben|valt|wordt|klopt|weet|can|could|may|might|are|would|will|do|does|)"
        R"(did|shall|should|isn't|aren't|can't|couldn't|won't|wouldn't|don't|doesn't|didn't|)"
        R"(have|has)\s+(?:dat|het|dit|die|je|jij|u|we|wij|ik|ze|zij|hij|er|iemand|jullie|deze|)"
        R"(meneer|mevrouw|de|een|this|that|it|you|i|they|he|she|there|someone|anyone|anybody|)"
        R"(the|a|an|our|my|your)\b))");

    // "Alles kan, tenzij ..." is the behaviour the bot wants, not a door closing.
    NudgeRegex alles_kan = NudgeRegex::compile_builtin(
        R"(\balles\s+(?:[\w'-]+\s+)?(?:kan|mag|is\s+(?:mogelijk|bespreekbaar))\b)"
        R"(|\b(?:everything|anything)\s+(?:is\s+possible|goes|can\s+be\s+(?:done|discussed))\b)");

    // "Het is niet zo dat het niet kan", "Ik zeg niet dat...", "niet niet mogelijk".
    NudgeRegex double_negation_prefix = NudgeRegex::compile_builtin(
        R"((?:\b(?:niet|nooit|not|never|geen|niemand|nobody)\b|n't\b)\s+(?:[\w'-]+\s+){0,4}?)"
        R"((?:dat|that|of|if|whether)\b)"
        R"(|(?:\b(?:niet|nooit|not|never|niemand|nobody)\b|n't\b)\s+(?:[\w'-]+\s+){0,2}?)"
        R"((?:zeggen|zeg|zegt|gezegd|zei|beweren|beweer|beweert|beweerd|say|saying|said|says|)"
        R"(claim|claiming|claimed|mean|means|meant|betekent|betekenen|implies)\b)"
        R"(|(?:\b(?:niet|nooit|not|never|geen)|n't)\s*$|\bno\s+one\s+(?:said|says)\b)");
    NudgeRegex double_negation_sentence = NudgeRegex::compile_builtin(
        R"(\bniet\s+zo,?\s+dat\b|\bnot\s+the\s+case,?\s+that\b|\bniet\s+waar\s+dat\b)");
    NudgeRegex double_negation_suffix =
        NudgeRegex::compile_builtin(R"(^\s+(?:niet|not)\b(?!\s+(?:alleen|only)\b))");

    // A hypothetical is not a decision: "als dat niet kan, ...", "if that's not possible".
    NudgeRegex conditional = NudgeRegex::compile_builtin(
        R"(\b(?:als(?!\s+(?:een\s+|de\s+|het\s+)?(?:leidinggevende|teamleider|manager|consulent|)"
        R"(klantmanager|gemeente|organisatie|team|werkgever|coach|uitgangspunt|regel|)"
        R"(professional|afdeling)\b)|indien|mocht|mochten|wanneer|zodra|tenzij|stel|ingeval|)"
        R"(mits|ook\s+al|hoewel|zelfs\s+als|wat\s+als|if|unless|in\s+case|suppose|supposing|)"
        R"(assuming|whether|even\s+if|even\s+though|although|though|what\s+if|)"
        R"(should\s+(?:it|that|this|they))\b)");
    // Indirect questions: "Weet iemand of het niet mag", "I wonder whether...".
    NudgeRegex indirect_question = NudgeRegex::compile_builtin(
        R"(\bvraag\s+(?:ik\s+)?(?:me|mij|je|jij)?\s*af\b|\bweet\s+(?:iemand|jij|je|u|niemand|)"
        R"(ik\s+niet)\b|\bbenieuwd\b|\btwijfel\b|\bonduidelijk\b|\bgeen\s+idee\s+of\b|)"
        R"(\b(?:navragen|nagevraagd|nagaan|uitzoeken|uitgezocht|checken|check|gecheckt)\s+)"
        R"((?:[\w'-]+\s+){0,3}?of\b|)"
        R"(\bwonder(?:ing)?\b|\bnot\s+sure\b|\bunsure\b|\bany(?:one|body)\s+know\b|\bfind\s+out\b|)"
        R"(\bcheck(?:ing|ed)?\s+(?:if|whether)\b|)"
        R"(\bask(?:ed|ing)?\s+(?:[\w'-]+\s+)?(?:if|whether)\b|)"
        R"(\bno\s+idea\s+(?:if|whether)\b|\bvraag(?:t|en)?\s+(?:[\w'-]+\s+){0,2}?of\b)");

    // Someone else's words without quote marks: "de klant zegt dat het niet mag".
    NudgeRegex reported = NudgeRegex::compile_builtin(
        R"(\b)" + kReportVerbs + R"(\b|\baccording\s+to\b)" +
        R"(|\bvolgens(?!\s+(?:mij|ons|de\s+[\w-]*(?:regels?|regeling|wet|beleid|richtlijn(?:en)?|)"
        R"(werkinstructie|afspraken|verordening)|het\s+[\w-]*(?:beleid|protocol|regels?|)"
        R"(reglement)|onze?\s+[\w-]*(?:regels?|beleid|protocol|afspraken|regeling))\b)\b)");
    NudgeRegex first_person_report = NudgeRegex::compile_builtin(
        R"(\b(?:ik|we|wij|i)\s+(?:[\w'-]+\s+){0,2}?)" + kReportVerbs + R"(\b|\b)" + kReportVerbs +
        R"(\s+(?:ik|we|wij|i)\b|\bvolgens\s+(?:mij|ons)\b)");

    // Attribution after the words: "Dat is niet mogelijk, zei de vorige consulent".
    NudgeRegex attribution = NudgeRegex::compile_builtin(
        R"(^\W*(?:[\w'-]+\s+){0,2}?(?:zei|zegt|schreef|vertelde|meldde|aldus|said|says|wrote|)"
        R"(told)\b(?!\s+(?:ik|we|wij|i)\b))");

    // Past narration: "Vorig jaar was er geen budget", "Eerst dacht ik dat het niet kon".
    NudgeRegex past = NudgeRegex::compile_builtin(
        R"(\b(?:vroeger|destijds|vorig\s+jaar|vorige\s+(?:keer|week|maand)|toen|was|waren|kon|)"
        R"(konden|mocht|mochten|leek|leken|dacht|dachten|used\s+to|last\s+(?:year|time|week|)"
        R"(month)|back\s+then|were|seemed|at\s+first|previously)\b)");

    // "nog niet mogelijk", "not possible yet": the door is opening, not closing.
    NudgeRegex past_suffix =
        NudgeRegex::compile_builtin(R"(\b(?:geweest|gebleken|would\s+have\s+been)\b)");

    NudgeRegex not_yet_prefix = NudgeRegex::compile_builtin(R"(\bnog\s*$)");
    NudgeRegex not_yet_suffix = NudgeRegex::compile_builtin(R"(^\s*(?:yet|nog\s+niet)\b)");

    // "..., maar we kunnen wel X": the speaker is already looking for the yes.
    NudgeRegex contrast = NudgeRegex::compile_builtin(
        R"(\b(?:maar|but|however|alleen)\b\s+(?:[\w'-]+\s+){0,6}?(?:wel|toch|alsnog|gelukt|best|)"
        R"(proberen|try|trying|)"
        R"(geregeld|managed|worked\s+out|(?:we|you|i|they)(?:'ll|\s+(?:can(?!'|not)|could|might|)"
        R"(will|did)))\b)");

    // Small-talk idioms built from the same words: "ik kan niet wachten", "can't believe".
    NudgeRegex idiom = NudgeRegex::compile_builtin(
        R"(\b(?:kan|kon|kunnen|can't|cant|cannot|couldn't)\s+(?:[\w'-]+\s+){0,2}?(?:niet\s+)?)"
        R"((?:wachten|wait|geloven|believe|thank|bedanken|complain|klagen|help\s+but|)"
        R"(agree\s+more|emphasi[sz]e|stress\s+enough|go\s+wrong|mis|stuk)\b)"
        R"(|\bmag\s+(?:[\w'-]+\s+)?niet\s+(?:klagen|ontbreken|vergeten|missen)\b)"
        R"(|\bniet\s+te\s+(?:missen|geloven)\b|\bkan\s+niet\s+(?:op|kapot)\s*$)"
        R"(|\bcan't\s+(?:be\s+)?(?:right|true|serious|beat|complain|hurt)\b|\bgeen\s+kwaad\b)");

    // Which matches are about ability/permission, money, feasibility or permission rules.
    NudgeRegex modal_match = NudgeRegex::compile_builtin(
        R"(\b(?:kan|kun|kunt|kunnen|mag|mogen|moogt|can|cannot|can't|cant|could|couldn't|allowed|)"
        R"(permitted|able|unable|toegestaan|mogelijk|possible|lukken|lukt)\b)");
    NudgeRegex person_modal_others = NudgeRegex::compile_builtin(person_modal(kOthers));
    NudgeRegex person_modal_self = NudgeRegex::compile_builtin(person_modal(kSelf));
    NudgeRegex door_verb = NudgeRegex::compile_builtin(kDoorVerbs);

    NudgeRegex money_match = NudgeRegex::compile_builtin(
        R"(\b(?:geld|budget|money|funds|funding|middelen|resources|duur|expensive|)"
        R"(afford)\b)");
    // "Ze heeft geen geld voor de bus": a fact about the client, not a refusal.
    NudgeRegex possessor = NudgeRegex::compile_builtin(
        R"(\b(?:hij|zij|ze|meneer|mevrouw|klant|cliënt|client|kandidaat|werkzoekende|gezin|he|)"
        R"(she|they|family|candidate|applicant|zoon|dochter|moeder|vader)\s+(?:[\w'-]+\s+){0,2}?)"
        R"((?:heeft|hebben|had|hadden|krijgt|krijgen|has|have|gets|doesn't|does|don't|did|can't|)"
        R"(cannot)\b|\b(?:heeft|hebben|had|has|krijgt)\s+(?:hij|zij|ze|meneer|mevrouw|de\s+klant|)"
        R"(he|she|they)\b)");

    NudgeRegex feasibility_match = NudgeRegex::compile_builtin(
        R"(\b(?:mogelijk|onmogelijk|possible|impossible|lukken|lukt|zit|duur|expensive|haalbaar|)"
        R"(feasible|doable)\b|\bte\s+veel\b|\btoo\s+much\b)");
    // "niet mogelijk voor haar": about what the person can manage.
    NudgeRegex for_person = NudgeRegex::compile_builtin(
        R"(\b(?:voor|for)\s+(?:hem|haar|hen|mij|me|him|her|them|meneer|mevrouw)\b)");

    NudgeRegex permission_match = NudgeRegex::compile_builtin(
        R"(\b(?:mag|mogen|moogt|toegestaan|allowed|permitted|verboden|forbidden|prohibited|)"
        R"(geoorloofd)\b)");
    // "De werkgever mag niet discrimineren": a rule that binds someone else.
    NudgeRegex third_party = NudgeRegex::compile_builtin(
        R"(\b(?:werkgevers?|employers?|bedrijf|bedrijven|company|companies|verhuurder|landlord|)"
        R"(school|uitzendbureau|agency|arts|artsen|doctor|zorgverzekeraar|insurer|recruiters?|)"
        R"(organisaties)\b)");

    // Agenda and availability talk: "Donderdag kan niet", "I can't make it on Thursday".
    NudgeRegex schedule = NudgeRegex::compile_builtin(
        R"(\b(?:morgen|overmorgen|vandaag|vanmiddag|vanavond|vanochtend|vannacht|straks|maandag|)"
        R"(dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|weekend|teamoverleg|overleg|)"
        R"(vergadering|meeting|teamdag|lunch|borrel|intervisie|casusbespreking|call|agenda|)"
        R"(tomorrow|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|)"
        R"(stand-?up|appointment|ziek|sick|verlof|vakantie|holiday|vacation|tandarts|dentist|)"
        R"(huisarts)\b|\bvolgende\s+week\b|\bdeze\s+week\b|\bnext\s+week\b|\bthis\s+week\b)"
        R"(|\bom\s+\d|\b\d{1,2}[:.]\d{2}\b|\b\d+\s*(?:uur|am|pm)\b|\bop\s+tijd\b|\bon\s+time\b)"
        R"(|\b(?:ik|i)\s+(?:zit|ben|sta|am)\s+(?:bij|with|at|in|op)\b)"
        R"(|\bi'm\s+(?:with|at|in|on)\b)");
    // Tools that do not work: "het is niet mogelijk om in te loggen".
    NudgeRegex tech = NudgeRegex::compile_builtin(
        R"(\b(?:inlog\w*|login|logged|laptop|wifi|wi-fi|vpn|printer|print\w*|scherm|screen|)"
        R"(link|outlook|zoom|app|bestand|bestanden|file|files|upload\w*|download\w*|wachtwoord|)"
        R"(password|website|portal|portaal|server|bijlage|attachment|microfoon|mic|camera|audio|)"
        R"(geluid|verbinding|connection|koffieautomaat|suite|software|kanaal|channel|element|)"
        R"(bot|teams(?!\s*(?:overleg|dag)))\b|\blog\s*in\b|\bcomputer(?!\s+says)\b)");
    NudgeRegex rule_words = NudgeRegex::compile_builtin(kRuleWords);
};

const Guards& guards() {
    static const Guards instance;  // compiled once; C++11 guarantees thread-safe init
    return instance;
}

}  // namespace

std::string_view veto_reason(const MatchSite& site) {
    const Guards& g = guards();
    const Sentence& s = site.sentence;
    const std::string_view text = s.text;
    const std::size_t seg = segment_index(s, site.begin);
    const std::size_t seg_begin = s.segment_starts[seg];
    const std::size_t seg_end =
        seg + 1 < s.segment_starts.size() ? s.segment_starts[seg + 1] : text.size();

    const std::string_view match = text.substr(site.begin, site.end - site.begin);
    const std::string_view seg_prefix = text.substr(seg_begin, site.begin - seg_begin);
    const std::string_view seg_suffix =
        text.substr(site.end, seg_end > site.end ? seg_end - site.end : 0);
    const std::string_view segment =
        text.substr(seg_begin, std::max(seg_end, site.end) - seg_begin);
    const std::string_view window = text.substr(seg_begin, site.end - seg_begin);
    const std::string_view sentence_prefix = text.substr(0, site.begin);
    const std::string_view sentence_suffix = text.substr(site.end);
    const std::string_view rest_of_segment =
        text.substr(site.begin, std::max(seg_end, site.end) - site.begin);

    if (s.question) return "question";
    if (seg == 0 && g.question_start.matches(text)) return "question_form";
    if (g.alles_kan.matches(text)) return "alles_kan";
    if (g.double_negation_prefix.matches(seg_prefix) ||
        g.double_negation_sentence.matches(sentence_prefix) ||
        g.double_negation_suffix.matches(seg_suffix)) {
        return "double_negation";
    }
    if (g.conditional.matches(seg_prefix) || g.indirect_question.matches(sentence_prefix)) {
        return "conditional";
    }
    if ((g.reported.matches(sentence_prefix) && !g.first_person_report.matches(sentence_prefix)) ||
        g.attribution.matches(sentence_suffix)) {
        return "reported_speech";
    }
    if (g.past.matches(seg_prefix) || g.past_suffix.matches(seg_suffix)) return "past";
    if (g.not_yet_prefix.matches(seg_prefix) || g.not_yet_suffix.matches(seg_suffix)) {
        return "not_yet";
    }
    if (g.contrast.matches(sentence_suffix)) return "contrast";
    if (g.idiom.matches(segment)) return "idiom";
    if (g.modal_match.matches(match)) {
        if (g.person_modal_others.matches(window)) return "ability";
        if (g.person_modal_self.matches(window) && !g.door_verb.matches(rest_of_segment)) {
            return "ability";
        }
    }
    if (g.money_match.matches(match) && g.possessor.matches(window)) return "possessor";
    if (g.feasibility_match.matches(match) && g.for_person.matches(segment)) return "for_person";
    if (g.permission_match.matches(match) && g.third_party.matches(segment)) {
        return "third_party_rule";
    }
    // Agenda and tool words only matter when nothing in the sentence is about granting.
    if (!g.rule_words.matches(text) && !g.door_verb.matches(match)) {
        if (g.schedule.matches(text)) return "schedule";
        if (g.tech.matches(text)) return "tech";
    }
    return {};
}

}  // namespace dialoog::tenzij
