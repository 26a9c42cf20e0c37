// Texts of the "alles kan, tenzij…" feature: nudges, the decision log, reminders, digest.
// nl first, en second. Our own words, after the report's recommendation.
#include "commands/catalogue.hpp"

namespace dialoog::tenzij {

std::vector<commands::TextEntry> tenzij_texts() {
    return {
        // --- the nudge -------------------------------------------------------------------
        {"tenzij.nudge",
         "**Alles kan, tenzij…** Wat is hier de ‘tenzij’: onder welke voorwaarde wordt het "
         "antwoord wél ja?\n\n{questions}\n\nBesluit genomen? Leg het in deze draad vast in één "
         "regel:\n`!besluit <wat jullie besluiten> tenzij <voorwaarde> opvolging <wanneer>`\n\n"
         "_Liever geen tenzij-vragen van mij? Typ `!nudge uit`._",
         "**Everything is possible, unless…** What is the ‘unless’ here: under which condition "
         "does the answer become yes?\n\n{questions}\n\nMade a decision? Log it in this thread in "
         "one line:\n`!decision <what you decide> unless <condition> follow-up <when>`\n\n"
         "_Rather not get these questions from me? Type `!nudge off`._"},
        {"tenzij.q_ja", "Wat zou er nodig zijn om hier ja op te zeggen?",
         "What would it take to say yes here?"},
        {"tenzij.q_nodig", "Wat heeft de cliënt op dit moment echt nodig?",
         "What does the client really need right now?"},
        {"tenzij.q_wie", "Wie zou hier anders over kunnen beslissen, en op grond waarvan?",
         "Who could decide otherwise here, and on what grounds?"},
        {"tenzij.q_verhaal", "Hebben we het verhaal van de cliënt zelf al gehoord?",
         "Have we heard the client's own story yet?"},
        {"tenzij.q_nee", "Wat gebeurt er met de cliënt als we nee zeggen?",
         "What happens to the client if we say no?"},

        // --- !nudge ----------------------------------------------------------------------
        {"tenzij.nudge_summary", "zet de ‘alles kan, tenzij…’-vragen voor jou uit of aan",
         "turns the ‘everything is possible, unless…’ questions off or on for you"},
        {"tenzij.nudge_usage", "`!nudge uit` of `!nudge aan`", "`!nudge off` or `!nudge on`"},
        {"tenzij.nudge_examples", "`!nudge uit`, `!nudge aan`, `!nudge`",
         "`!nudge off`, `!nudge on`, `!nudge`"},
        {"tenzij.nudge_off",
         "Goed, ik stel je geen tenzij-vragen meer. Wil je ze terug? Typ `!nudge aan`.",
         "Fine, I will not ask you ‘unless’ questions any more. Want them back? Type `!nudge "
         "on`."},
        {"tenzij.nudge_on",
         "Fijn! Als je een deur dichtdoet, stel ik je af en toe de tenzij-vraag (hoogstens één "
         "keer per {window} per kamer). Uitzetten kan met `!nudge uit`.",
         "Great! When you close a door, I will now and then ask you the ‘unless’ question (at "
         "most once per {window} per room). Turn it off with `!nudge off`."},
        {"tenzij.nudge_status_on", "De tenzij-vragen staan voor jou aan. Uitzetten: `!nudge uit`.",
         "The ‘unless’ questions are on for you. Turn them off: `!nudge off`."},
        {"tenzij.nudge_status_off", "De tenzij-vragen staan voor jou uit. Aanzetten: `!nudge aan`.",
         "The ‘unless’ questions are off for you. Turn them on: `!nudge on`."},
        {"tenzij.nudge_bad_arg", "‘{arg}’ begreep ik niet. Gebruik `!nudge uit` of `!nudge aan`.",
         "I did not understand ‘{arg}’. Use `!nudge off` or `!nudge on`."},
        {"tenzij.hours", "{n} uur", "{n} hours"},
        {"tenzij.minutes", "{n} minuten", "{n} minutes"},

        // --- !besluit ----------------------------------------------------------------------
        {"tenzij.besluit_summary",
         "legt een besluit vast met de ‘tenzij’, eigenaar en opvolgdatum, of werkt er een bij",
         "logs a decision with its ‘unless’, owner and follow-up date, or updates one"},
        {"tenzij.besluit_usage",
         "`!besluit <beschrijving> [tenzij <voorwaarde>] [opvolging <wanneer>] [eigenaar "
         "@naam]`; `!besluit <nr>`; `!besluit <nr> afgerond|herzien|uitkomst <tekst>`; "
         "`!besluit <nr> opvolging <wanneer>`",
         "`!decision <description> [unless <condition>] [follow-up <when>] [owner @name]`; "
         "`!decision <no>`; `!decision <no> done|revised|outcome <text>`; "
         "`!decision <no> follow-up <when>`"},
        {"tenzij.besluit_examples",
         "`!besluit Werkplekaanpassing aanvragen tenzij het UWV die al vergoedt opvolging over 2 "
         "weken`, `!besluit #12`, `!besluit 12 uitkomst Meneer werkt sinds maandag 20 uur`",
         "`!decision Apply for a workplace adjustment unless UWV already pays for it follow-up in "
         "2 weeks`, `!decision #12`, `!decision 12 outcome He has worked 20 hours a week since "
         "Monday`"},
        {"tenzij.besluit_saved",
         "Besluit **#{id}** vastgelegd: {description}{tenzij}\n\nEigenaar: {owner} · opvolging: "
         "{due}{linked}\n\nOp de opvolgdatum vraag ik {owner} hoe het ervoor staat. Tussendoor "
         "iets gebeurd? `!opvolging {id} <notitie>`.",
         "Decision **#{id}** logged: {description}{tenzij}\n\nOwner: {owner} · follow-up: "
         "{due}{linked}\n\nOn the follow-up date I will ask {owner} how it is going. Anything "
         "happened in between? `!followup {id} <note>`."},
        {"tenzij.tenzij_line", "\n\nTenzij: {tenzij}", "\n\nUnless: {tenzij}"},
        {"tenzij.linked_to_nudge", " · hoort bij de tenzij-vraag in deze draad",
         " · belongs to the ‘unless’ question in this thread"},
        {"tenzij.besluit_empty",
         "Wat is het besluit? Zet het achter de opdracht, bijvoorbeeld:\n`!besluit "
         "Werkplekaanpassing aanvragen tenzij het UWV die al vergoedt opvolging over 2 weken`\n\n"
         "Een besluit bekijken: `!besluit <nr>`. Er is niets opgeslagen.",
         "What is the decision? Put it after the command, for example:\n`!decision Apply for a "
         "workplace adjustment unless UWV already pays for it follow-up in 2 weeks`\n\nTo see a "
         "decision: `!decision <no>`. Nothing was stored."},
        {"tenzij.clause_empty",
         "Na ‘{word}’ mis ik nog iets. Vorm: `!besluit <beschrijving> [tenzij <voorwaarde>] "
         "[opvolging <wanneer>] [eigenaar @naam]`. Er is niets opgeslagen.",
         "Something is missing after ‘{word}’. Form: `!decision <description> [unless "
         "<condition>] [follow-up <when>] [owner @name]`. Nothing was stored."},
        {"tenzij.when_bad",
         "De opvolgdatum ‘{fragment}’ begreep ik niet{reason}. Probeer bijvoorbeeld `opvolging "
         "volgende week dinsdag`, `opvolging 3 dec` of `opvolging over 2 weken`. Er is niets "
         "opgeslagen.",
         "I did not understand the follow-up date ‘{fragment}’{reason}. Try for example "
         "`follow-up next tuesday`, `follow-up 3 dec` or `follow-up in 2 weeks`. Nothing was "
         "stored."},
        {"tenzij.when_reason_in_past", " (die ligt in het verleden)", " (it is in the past)"},
        {"tenzij.when_reason_too_far", " (dat is meer dan twee jaar vooruit)",
         " (that is more than two years ahead)"},
        {"tenzij.when_reason_invalid_date", " (die datum bestaat niet)",
         " (that date does not exist)"},
        {"tenzij.when_reason_invalid_time", " (die tijd bestaat niet)",
         " (that time does not exist)"},
        {"tenzij.when_reason_nonexistent_local_time", " (dat tijdstip valt weg door de zomertijd)",
         " (that time is skipped by daylight saving time)"},
        {"tenzij.too_long",
         "Dat is wat lang voor de besluitenlijst (meer dan {max} tekens). Kun je het korter "
         "zeggen? Er is niets opgeslagen.",
         "That is a bit long for the decision log (more than {max} characters). Could you say it "
         "more briefly? Nothing was stored."},
        {"tenzij.besluit_starts_with_clause",
         "Wat is het besluit zelf? Begin met de beschrijving en zet ‘{word}’ erachter, "
         "bijvoorbeeld:\n`!besluit Werkplekaanpassing aanvragen tenzij het UWV die al vergoedt`\n\n"
         "Er is niets opgeslagen.",
         "What is the decision itself? Start with the description and put ‘{word}’ after it, for "
         "example:\n`!decision Apply for a workplace adjustment unless the UWV already pays for "
         "it`\n\nNothing was stored."},
        {"tenzij.owner_is_bot",
         "Ik kan zelf geen eigenaar van een besluit zijn. Noem iemand uit het team, bijvoorbeeld "
         "`eigenaar @anna:voorbeeld.nl`. Er is niets opgeslagen.",
         "I cannot own a decision myself. Name someone from the team, for example `owner "
         "@anna:example.org`. Nothing was stored."},
        {"tenzij.owner_not_member",
         "{user} zit niet in deze teamkamer. De eigenaar krijgt de herinnering hier, dus noem "
         "iemand uit het team. Er is niets opgeslagen.",
         "{user} is not in this team room. The owner gets the reminder here, so name someone "
         "from the team. Nothing was stored."},
        {"tenzij.owner_bad",
         "Wie is de eigenaar? Noem die met de Matrix-naam, bijvoorbeeld `eigenaar "
         "@anna:voorbeeld.nl`, of tik @ en kies de persoon. Er is niets opgeslagen.",
         "Who is the owner? Give their Matrix name, for example `owner @anna:example.org`, or "
         "type @ and pick the person. Nothing was stored."},
        {"tenzij.not_found",
         "Besluit #{id} ken ik niet in dit team. `!besluiten alle` laat alle besluiten zien.",
         "I don't know decision #{id} in this team. `!decisions all` shows all decisions."},
        {"tenzij.bad_action",
         "‘{word}’ begreep ik niet na het besluitnummer. Bekijken: `!besluit {id}`; bijwerken: "
         "`!besluit {id} afgerond <tekst>`, `!besluit {id} herzien <tekst>`, `!besluit {id} "
         "uitkomst <tekst>` of `!besluit {id} opvolging <wanneer>`. Er is niets opgeslagen.",
         "I did not understand ‘{word}’ after the decision number. View: `!decision {id}`; "
         "update: `!decision {id} done <text>`, `!decision {id} revised <text>`, "
         "`!decision {id} outcome <text>` or `!decision {id} follow-up "
         "<when>`. Nothing was stored."},
        {"tenzij.action_needs_text",
         "Schrijf er kort bij wat er is gebeurd, bijvoorbeeld `!besluit {id} {action} Aanpassing "
         "geregeld, meneer begint maandag`. Er is niets opgeslagen.",
         "Add a short note on what happened, for example `!decision {id} {action} Adjustment "
         "arranged, he starts on Monday`. Nothing was stored."},
        {"tenzij.when_needed",
         "Wanneer is de nieuwe opvolgdatum? Bijvoorbeeld `!besluit {id} opvolging over 2 weken`. "
         "Er is niets opgeslagen.",
         "When is the new follow-up date? For example `!decision {id} follow-up in 2 weeks`. "
         "Nothing was stored."},
        {"tenzij.already_closed",
         "Besluit #{id} is al {status}. Een uitkomst of notitie toevoegen kan nog wel: `!besluit "
         "{id} uitkomst <tekst>` of `!opvolging {id} <notitie>`.",
         "Decision #{id} is already {status}. You can still add an outcome or a note: `!decision "
         "{id} outcome <text>` or `!followup {id} <note>`."},
        {"tenzij.closed_afgerond", "Besluit #{id} is afgerond. Dank voor de opvolging!",
         "Decision #{id} is done. Thanks for following it up!"},
        {"tenzij.closed_herzien",
         "Besluit #{id} is herzien. Goed dat het opnieuw is bekeken! Leg een nieuw besluit vast "
         "met `!besluit <beschrijving> tenzij <voorwaarde>`.",
         "Decision #{id} is revised. Good that it was looked at again! Log a new decision with "
         "`!decision <description> unless <condition>`."},
        {"tenzij.outcome_saved",
         "Uitkomst bij besluit #{id} vastgelegd. Daar gaat het om: wat het voor de cliënt "
         "betekende.",
         "Outcome of decision #{id} logged. That is what matters: what it meant for the client."},
        {"tenzij.due_moved", "De opvolging van besluit #{id} staat nu op {due}.",
         "The follow-up of decision #{id} is now on {due}."},
        {"tenzij.status_open", "open", "open"},
        {"tenzij.status_afgerond", "afgerond", "done"},
        {"tenzij.status_herzien", "herzien", "revised"},
        {"tenzij.detail",
         "**Besluit #{id}** ({status}): {description}{tenzij}\n\nEigenaar: {owner} · opvolging: "
         "{due} · vastgelegd: {created}{source}{outcome}",
         "**Decision #{id}** ({status}): {description}{tenzij}\n\nOwner: {owner} · follow-up: "
         "{due} · logged: {created}{source}{outcome}"},
        {"tenzij.detail_outcome", "\n\n**Uitkomst voor de cliënt:** {outcome}",
         "\n\n**Outcome for the client:** {outcome}"},
        {"tenzij.detail_notes", "**Opvolging**", "**Follow-up**"},
        {"tenzij.detail_note_item", "{date}, {author} ({kind}): {text}",
         "{date}, {author} ({kind}): {text}"},
        {"tenzij.detail_no_notes",
         "_Nog geen opvolging vastgelegd. Voeg toe met `!opvolging {id} <notitie>`._",
         "_No follow-up logged yet. Add one with `!followup {id} <note>`._"},
        {"tenzij.source_nudge", " · na een tenzij-vraag", " · after an ‘unless’ question"},
        {"tenzij.source_casus", " · actie uit casusbespreking #{id}",
         " · action from case discussion #{id}"},
        {"tenzij.source_other", " · via {source}", " · via {source}"},
        {"tenzij.kind_notitie", "notitie", "note"},
        {"tenzij.kind_afgerond", "afgerond", "done"},
        {"tenzij.kind_herzien", "herzien", "revised"},
        {"tenzij.kind_uitkomst", "uitkomst", "outcome"},
        {"tenzij.date", "{d}-{m}-{y}", "{y}-{m}-{d}"},

        // --- !besluiten --------------------------------------------------------------------
        {"tenzij.besluiten_summary", "laat de besluitenlijst van het team zien",
         "shows the team's decision log"},
        {"tenzij.besluiten_usage", "`!besluiten [open|alle|mijn]`", "`!decisions [open|all|mine]`"},
        {"tenzij.besluiten_examples", "`!besluiten`, `!besluiten alle`, `!besluiten mijn`",
         "`!decisions`, `!decisions all`, `!decisions mine`"},
        {"tenzij.list_title_open", "**Open besluiten**", "**Open decisions**"},
        {"tenzij.list_title_alle", "**Alle besluiten**", "**All decisions**"},
        {"tenzij.list_title_mijn", "**Jouw open besluiten**", "**Your open decisions**"},
        {"tenzij.list_item", "**#{id}** {description}{tenzij} — {owner}, opvolging {due}{flag}",
         "**#{id}** {description}{tenzij} — {owner}, follow-up {due}{flag}"},
        {"tenzij.item_tenzij", " _(tenzij {tenzij})_", " _(unless {tenzij})_"},
        {"tenzij.flag_overdue", " **(verlopen)**", " **(overdue)**"},
        {"tenzij.flag_status", " ({status})", " ({status})"},
        {"tenzij.list_more", "_…en nog {n} meer._", "_…and {n} more._"},
        {"tenzij.list_footer", "Details van een besluit: `!besluit <nr>`.",
         "Details of a decision: `!decision <no>`."},
        {"tenzij.list_empty_open",
         "Er staan geen open besluiten. Leg er een vast met `!besluit <beschrijving> tenzij "
         "<voorwaarde>`.",
         "There are no open decisions. Log one with `!decision <description> unless "
         "<condition>`."},
        {"tenzij.list_empty_alle",
         "Dit team heeft nog geen besluiten vastgelegd. Begin met `!besluit <beschrijving> "
         "tenzij <voorwaarde>`.",
         "This team has not logged any decisions yet. Start with `!decision <description> unless "
         "<condition>`."},
        {"tenzij.list_empty_mijn", "Jij hebt geen open besluiten op je naam.",
         "You have no open decisions in your name."},
        {"tenzij.list_bad_filter",
         "‘{arg}’ begreep ik niet. Gebruik `!besluiten`, `!besluiten open`, `!besluiten alle` of "
         "`!besluiten mijn`.",
         "I did not understand ‘{arg}’. Use `!decisions`, `!decisions open`, `!decisions all` "
         "or `!decisions mine`."},

        // --- !opvolging ----------------------------------------------------------------------
        {"tenzij.opvolging_summary", "legt vast wat er met een besluit is gebeurd",
         "logs what happened with a decision"},
        {"tenzij.opvolging_usage", "`!opvolging <nr> <notitie>`", "`!followup <no> <note>`"},
        {"tenzij.opvolging_examples",
         "`!opvolging 12 Gebeld met de werkgever, die wil een proefplaatsing`",
         "`!followup 12 Called the employer, they want a trial placement`"},
        {"tenzij.opvolging_saved", "Opvolging bij besluit #{id} vastgelegd. Dank je!",
         "Follow-up of decision #{id} logged. Thank you!"},
        {"tenzij.opvolging_bad",
         "Gebruik: `!opvolging <nr> <notitie>`, bijvoorbeeld `!opvolging 12 Gebeld met de "
         "werkgever, die wil een proefplaatsing`. Er is niets opgeslagen.",
         "Use: `!followup <no> <note>`, for example `!followup 12 Called the employer, they "
         "want a trial placement`. Nothing was stored."},

        // --- reminders -----------------------------------------------------------------------
        {"tenzij.reminder",
         "{owner}, vandaag is de opvolgdatum van besluit **#{id}**: {description}{tenzij}\n\n"
         "Hoe staat het ervoor? Leg het vast met `!opvolging {id} <notitie>`, of sluit af met "
         "`!besluit {id} afgerond <tekst>` of `!besluit {id} herzien <tekst>`. Wat betekende het "
         "voor de cliënt? `!besluit {id} uitkomst <tekst>`.",
         "{owner}, today is the follow-up date of decision **#{id}**: {description}{tenzij}\n\n"
         "How is it going? Log it with `!followup {id} <note>`, or close it with `!decision {id} "
         "done <text>` or `!decision {id} revised <text>`. What did it mean "
         "for the client? `!decision {id} outcome <text>`."},
        {"tenzij.reminder_again",
         "{owner}, nog even over besluit **#{id}**: {description}{tenzij}\n\nDe opvolgdatum is "
         "voorbij en er is nog niets vastgelegd. Een korte notitie is genoeg: `!opvolging {id} "
         "<notitie>`. Zonder opvolging komt het besluit in het weekoverzicht van de "
         "leidinggevende.",
         "{owner}, a follow-up on decision **#{id}**: {description}{tenzij}\n\nThe follow-up "
         "date has passed and nothing was logged yet. A short note is enough: `!followup {id} "
         "<note>`. Without a follow-up the decision appears in the leader's weekly digest."},

        // --- digest --------------------------------------------------------------------------
        {"tenzij.digest_title", "### Alles kan, tenzij…", "### Everything is possible, unless…"},
        {"tenzij.digest_nothing", "_Niets deze week._", "_Nothing this week._"},
        {"tenzij.digest_nudges",
         "Tenzij-vragen gesteld: **{given}**; daarna vastgelegd als besluit: **{with_besluit}**.",
         "‘Unless’ questions asked: **{given}**; followed by a logged decision: "
         "**{with_besluit}**."},
        {"tenzij.digest_new", "Nieuwe besluiten: **{n}**.", "New decisions: **{n}**."},
        {"tenzij.digest_overdue", "**Opvolging verlopen**", "**Follow-up overdue**"},
        {"tenzij.digest_due", "**Opvolging in de komende 7 dagen**",
         "**Follow-up in the coming 7 days**"},
        {"tenzij.digest_open", "**Overige open besluiten ({n})**",
         "**Other open decisions ({n})**"},
        {"tenzij.digest_item", "#{id} {description}{tenzij} — {owner}, opvolging {due}",
         "#{id} {description}{tenzij} — {owner}, follow-up {due}"},
        {"tenzij.digest_notes", "**Opvolging vastgelegd**", "**Follow-up logged**"},
        {"tenzij.digest_note_item", "#{id} ({kind}): {text}", "#{id} ({kind}): {text}"},
        {"tenzij.digest_outcomes", "**Uitkomsten voor de cliënt**", "**Outcomes for the client**"},
        {"tenzij.digest_outcome_item", "#{id} {description}: {outcome}",
         "#{id} {description}: {outcome}"},
    };
}

}  // namespace dialoog::tenzij
