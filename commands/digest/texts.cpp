// Texts of the weekly digest for team leaders. nl first, en second.
#include "commands/catalogue.hpp"

namespace dialoog::digest {

std::vector<commands::TextEntry> digest_texts() {
    return {
        // The digest itself.
        {"digest.title", "# Weekoverzicht week {num}, {year}",
         "# Weekly overview, week {num} of {year}"},
        {"digest.title_so_far", "# Weekoverzicht week {num}, {year} (tot nu toe)",
         "# Weekly overview, week {num} of {year} (so far)"},
        {"digest.intro_one",
         "Hallo! Dit is je overzicht van week {num} ({range}): wat je team deed, wat cliënten "
         "ons vertelden en welke afspraken openstaan.",
         "Hello! Here is your overview of week {num} ({range}): what your team did, what clients "
         "told us and which decisions are open."},
        {"digest.intro_many",
         "Hallo! Dit is je overzicht van week {num} ({range}) voor elk van je teams: wat ze "
         "deden, wat cliënten ons vertelden en welke afspraken openstaan.",
         "Hello! Here is your overview of week {num} ({range}) for each of your teams: what they "
         "did, what clients told us and which decisions are open."},
        {"digest.intro_so_far",
         "Dit is week {num} ({range}) tot nu toe. Het volledige overzicht krijg je na afloop van "
         "de week.",
         "This is week {num} ({range}) so far. You get the full overview when the week is over."},
        {"digest.team_heading", "## {team}", "## {team}"},
        {"digest.team_empty", "_Voor dit team zijn er (nog) geen onderdelen om te laten zien._",
         "_There is nothing to show for this team (yet)._"},
        {"digest.section_failed",
         "_Het onderdeel {feature} kon ik nu niet maken (foutcode {id}). De beheerder kan in het "
         "logboek zien wat er misging._",
         "_I could not make the {feature} part right now (error code {id}). The admin can look "
         "it up in the log._"},
        {"digest.footer",
         "---\n\n_Deze week tot nu toe: `!overzicht` · vorige week: `!overzicht vorige` · cijfers "
         "per week als CSV: `!overzicht export`_",
         "---\n\n_This week so far: `!overview` · last week: `!overview previous` · figures per "
         "week as CSV: `!overview export`_"},
        {"digest.date_range", "{from} t/m {to}", "{from} to {to}"},
        {"digest.date_short", "{day} {month}", "{day} {month}"},
        {"digest.date_full", "{day} {month} {year}", "{day} {month} {year}"},
        {"digest.month_1", "januari", "January"},
        {"digest.month_2", "februari", "February"},
        {"digest.month_3", "maart", "March"},
        {"digest.month_4", "april", "April"},
        {"digest.month_5", "mei", "May"},
        {"digest.month_6", "juni", "June"},
        {"digest.month_7", "juli", "July"},
        {"digest.month_8", "augustus", "August"},
        {"digest.month_9", "september", "September"},
        {"digest.month_10", "oktober", "October"},
        {"digest.month_11", "november", "November"},
        {"digest.month_12", "december", "December"},

        // !overzicht
        {"digest.cmd_summary", "je weekoverzicht als leidinggevende (in een privégesprek)",
         "your weekly overview as a team leader (in a private chat)"},
        {"digest.cmd_usage",
         "`!overzicht` (deze week tot nu toe), `!overzicht vorige`, `!overzicht <week>` of "
         "`!overzicht export [kwartaal]`",
         "`!overview` (this week so far), `!overview previous`, `!overview <week>` or "
         "`!overview export [quarter]`"},
        {"digest.cmd_examples",
         "`!overzicht`, `!overzicht vorige`, `!overzicht 2026-W49`, `!overzicht export`, "
         "`!overzicht export 2026-K3`",
         "`!overview`, `!overview previous`, `!overview 2026-W49`, `!overview export`, "
         "`!overview export 2026-Q3`"},
        {"digest.leaders_only",
         "Het weekoverzicht is er alleen voor leidinggevenden, en alleen over hun eigen teams. "
         "Ben je leidinggevende? Vraag dan de beheerder om je bij `leaders` van je team in de "
         "configuratie te zetten.",
         "The weekly overview is for team leaders only, and only about their own teams. Are you "
         "a team leader? Ask the admin to add you to your team's `leaders` in the "
         "configuration."},
        {"digest.bad_args",
         "Dat begreep ik niet: „{arg}”. Probeer `!overzicht` (deze week tot nu toe), "
         "`!overzicht vorige`, `!overzicht 2026-W49` of `!overzicht export`.",
         "I did not understand \"{arg}\". Try `!overview` (this week so far), `!overview "
         "previous`, `!overview 2026-W49` or `!overview export`."},
        {"digest.future_week",
         "Week {week} is nog niet begonnen, dus daar is nog niets over te vertellen. Probeer "
         "`!overzicht` voor deze week tot nu toe.",
         "Week {week} has not started yet, so there is nothing to tell. Try `!overview` for this "
         "week so far."},

        // !overzicht export
        {"digest.export_title",
         "**Cijfers {period}** per team en per week (weken: {weeks}, teams: {teams}): het "
         "CSV-bestand `{file}` hieronder opent in een spreadsheet. Aantallen cliëntinbreng onder "
         "de 5 staan er als „< 5”, zodat niemand herkenbaar is.",
         "**Figures {period}** per team and per week (weeks: {weeks}, teams: {teams}): the CSV "
         "file `{file}` below opens in a spreadsheet. Counts of client input below 5 read "
         "\"< 5\", so nobody can be recognised."},
        {"digest.export_bad_period",
         "Welk kwartaal bedoel je met „{period}”? Gebruik bijvoorbeeld `!overzicht export` (dit "
         "kwartaal tot nu toe), `!overzicht export vorige` of `!overzicht export 2026-K3`.",
         "Which quarter do you mean by \"{period}\"? Use for example `!overview export` (this "
         "quarter so far), `!overview export previous` or `!overview export 2026-Q3`."},
    };
}

}  // namespace dialoog::digest
