// Texts of the casus feature: planning, rotation, running a session, series, digest.
// nl first, en second. Placeholders: {name}. Method texts are in method_texts.cpp.
#include "commands/catalogue.hpp"

namespace dialoog::casus {

using commands::TextEntry;

std::vector<TextEntry> casus_texts() {
    return {
        // ---- help ----
        {"casus.casus_summary", "casusbesprekingen plannen, bekijken, verzetten en afronden",
         "plan, view, move and close case discussions"},
        {"casus.casus_usage_line",
         "`!casus plan <wanneer> [methode <naam>] [inbrenger @naam] [gespreksleider @naam] "
         "[inbreng <nr>] <titel>`, `!casus lijst`, `!casus info <nr>`, `!casus verzet <nr> "
         "<wanneer>`, `!casus annuleer <nr>`, `!casus afronden`, `!casus ja <nr>`, `!casus nee "
         "<nr>`, `!casus pauze [tot <datum>]`, `!casus terug`, `!casus reeks <weekdag> <tijd> "
         "[elke N weken] [methode <naam>] [titel]`, `!casus reeks` (lijst), `!casus reeks stop "
         "<nr>`",
         "`!case plan <when> [method <name>] [presenter @name] [facilitator @name] [input <no>] "
         "<title>`, `!case list`, `!case info <no>`, `!case move <no> <when>`, `!case cancel "
         "<no>`, `!case close`, `!case yes <no>`, `!case no <no>`, `!case pause [until <date>]`, "
         "`!case back`, `!case series <weekday> <time> [every N weeks] [method <name>] [title]`, "
         "`!case series` (list), `!case series stop <no>`"},
        {"casus.casus_examples",
         "`!casus plan dinsdag 14:00 Klant die niet komt opdagen`, `!casus plan 3 dec om 10:00 "
         "methode roddelmethode Werkfit-traject`, `!casus reeks dinsdag 09:00 elke 2 weken`",
         "`!case plan tuesday 2pm Client who does not show up`, `!case plan 3 dec at 10:00 method "
         "roddelmethode Work-fit programme`, `!case series tuesday 9am every 2 weeks`"},
        {"casus.methodes_summary", "de werkvormen voor een casusbespreking, met duur en stappen",
         "the methods for a case discussion, with duration and steps"},
        {"casus.methodes_usage_line", "`!methodes` of `!methodes <naam>`",
         "`!methods` or `!methods <name>`"},
        {"casus.methodes_examples", "`!methodes`, `!methodes incidentmethode`",
         "`!methods`, `!methods balintmethode`"},
        {"casus.volgende_summary", "naar de volgende stap van de lopende casusbespreking",
         "go to the next step of the running case discussion"},
        {"casus.volgende_usage_line", "`!volgende`", "`!next`"},
        {"casus.volgende_examples", "`!volgende`", "`!next`"},
        {"casus.pauze_summary", "zet de klok van de lopende casusbespreking stil",
         "holds the clock of the running case discussion"},
        {"casus.pauze_usage_line", "`!pauze` (verder met `!verder`)",
         "`!pause` (go on with `!resume`)"},
        {"casus.pauze_examples", "`!pauze`", "`!pause`"},
        {"casus.verder_summary", "laat de klok na een pauze weer lopen",
         "starts the clock again after a pause"},
        {"casus.verder_usage_line", "`!verder`", "`!resume`"},
        {"casus.verder_examples", "`!verder`", "`!resume`"},
        {"casus.les_summary", "legt een les uit de lopende casusbespreking vast",
         "records a lesson from the running case discussion"},
        {"casus.les_usage_line", "`!les <tekst>`", "`!lesson <text>`"},
        {"casus.les_examples", "`!les Vraag eerst naar wat de cliënt zelf wil`",
         "`!lesson Ask first what the client wants`"},
        {"casus.actie_summary", "legt een actie vast, met eigenaar en opvolgdatum",
         "records an action, with owner and follow-up date"},
        {"casus.actie_usage_line", "`!actie <tekst> [@eigenaar] [wanneer]`",
         "`!action <text> [@owner] [when]`"},
        {"casus.actie_examples",
         "`!actie Werkgever bellen over proefplaatsing @anna:example.org vrijdag`",
         "`!action Call the employer about a trial placement @anna:example.org friday`"},
        {"casus.usage",
         "Wat wil je doen met een casusbespreking? Bijvoorbeeld:\n\n"
         "- `!casus plan dinsdag 14:00 Klant die niet komt opdagen`\n"
         "- `!casus lijst`\n- `!casus info 12`\n- `!casus verzet 12 woensdag 10:00`\n"
         "- `!casus annuleer 12`\n- `!casus reeks dinsdag 09:00 elke 2 weken`\n\n"
         "Meer uitleg: `!hulp casus`.",
         "What would you like to do with a case discussion? For example:\n\n"
         "- `!case plan tuesday 2pm Client who does not show up`\n"
         "- `!case list`\n- `!case info 12`\n- `!case move 12 wednesday 10:00`\n"
         "- `!case cancel 12`\n- `!case series tuesday 9am every 2 weeks`\n\n"
         "More: `!help casus`."},
        {"casus.unknown_sub",
         "`{sub}` ken ik niet bij `!casus`. Kies uit plan, lijst, info, verzet, annuleer, "
         "afronden, ja, nee, pauze, terug of reeks. Bijvoorbeeld: `!casus plan morgen 14:00 "
         "Titel`.",
         "I don't know `{sub}` for `!case`. Choose from plan, list, info, move, cancel, close, "
         "yes, no, pause, back or series. For example: `!case plan tomorrow 2pm Title`."},

        // ---- <wanneer> errors (also printed by `dialoogbot parse-when`) ----
        {"casus.when.empty",
         "Geef een tijdstip op, bijvoorbeeld `morgen 14:00`, `3 dec 10:00`, `dinsdag 9:30` of "
         "`over 10 minuten`.",
         "Please give a time, for example `tomorrow 2pm`, `3 dec 10:00`, `tuesday 9:30` or `in "
         "10 minutes`."},
        {"casus.when.unrecognised",
         "Ik begrijp `{fragment}` niet als tijdstip. Schrijf bijvoorbeeld `morgen 14:00`, `3 dec "
         "om 10:00`, `dinsdag 9:30` of `over 10 minuten`.",
         "I don't understand `{fragment}` as a time. Write for example `tomorrow 2pm`, `3 dec at "
         "10:00`, `tuesday 9:30` or `in 10 minutes`."},
        {"casus.when.invalid_time",
         "De tijd `{fragment}` bestaat niet. Een tijd loopt van 0:00 tot 23:59, bijvoorbeeld "
         "`14:00` of `9:30`.",
         "The time `{fragment}` does not exist. Times run from 0:00 to 23:59, for example `14:00` "
         "or `9:30`."},
        {"casus.when.invalid_date",
         "De datum `{fragment}` bestaat niet. Schrijf dag-maand, bijvoorbeeld `3-12 14:00` of `3 "
         "december om 14:00`.",
         "The date `{fragment}` does not exist. Write day-month, for example `3-12 14:00` or `3 "
         "December at 14:00`."},
        {"casus.when.nonexistent_local_time",
         "`{fragment}` bestaat niet: op die nacht gaat de klok een uur vooruit (zomertijd). Kies "
         "een ander tijdstip, bijvoorbeeld een uur later.",
         "`{fragment}` does not exist: that night the clocks go forward one hour (summer time). "
         "Choose another time, for example an hour later."},
        {"casus.when.in_past",
         "`{fragment}` ligt in het verleden. Kies een moment dat nog komt, bijvoorbeeld `morgen "
         "14:00` of `over 1 uur`.",
         "`{fragment}` is in the past. Choose a moment still to come, for example `tomorrow 2pm` "
         "or `in 1 hour`."},
        {"casus.when.too_far",
         "`{fragment}` ligt meer dan twee jaar vooruit. Kies een moment binnen twee jaar, "
         "bijvoorbeeld `3 dec 14:00`.",
         "`{fragment}` is more than two years ahead. Choose a moment within two years, for "
         "example `3 dec 14:00`."},
        {"casus.when.missing_time",
         "Bij `{fragment}` mis ik nog een tijd. Schrijf bijvoorbeeld `{fragment} 14:00` of "
         "`{fragment} om 9:30`.",
         "`{fragment}` needs a time as well. Write for example `{fragment} 14:00` or `{fragment} "
         "at 9:30`."},
        {"casus.cli_bad_tz",
         "Tijdzone `{tz}` ken ik niet. Gebruik een IANA-naam, bijvoorbeeld `Europe/Amsterdam`.",
         "I don't know the time zone `{tz}`. Use an IANA name, for example `Europe/Amsterdam`."},
        {"casus.cli_bad_now",
         "`--now {now}` begrijp ik niet. Schrijf bijvoorbeeld `2026-03-27T10:00` of "
         "`2026-03-27T10:00+01:00`.",
         "I don't understand `--now {now}`. Write for example `2026-03-27T10:00` or "
         "`2026-03-27T10:00+01:00`."},

        // ---- calendar words ----
        {"casus.wd.0", "zo", "Sun"},
        {"casus.wd.1", "ma", "Mon"},
        {"casus.wd.2", "di", "Tue"},
        {"casus.wd.3", "wo", "Wed"},
        {"casus.wd.4", "do", "Thu"},
        {"casus.wd.5", "vr", "Fri"},
        {"casus.wd.6", "za", "Sat"},
        {"casus.wdl.0", "zondag", "Sunday"},
        {"casus.wdl.1", "maandag", "Monday"},
        {"casus.wdl.2", "dinsdag", "Tuesday"},
        {"casus.wdl.3", "woensdag", "Wednesday"},
        {"casus.wdl.4", "donderdag", "Thursday"},
        {"casus.wdl.5", "vrijdag", "Friday"},
        {"casus.wdl.6", "zaterdag", "Saturday"},
        {"casus.mon.1", "jan", "Jan"},
        {"casus.mon.2", "feb", "Feb"},
        {"casus.mon.3", "mrt", "Mar"},
        {"casus.mon.4", "apr", "Apr"},
        {"casus.mon.5", "mei", "May"},
        {"casus.mon.6", "jun", "Jun"},
        {"casus.mon.7", "jul", "Jul"},
        {"casus.mon.8", "aug", "Aug"},
        {"casus.mon.9", "sep", "Sep"},
        {"casus.mon.10", "okt", "Oct"},
        {"casus.mon.11", "nov", "Nov"},
        {"casus.mon.12", "dec", "Dec"},
        {"casus.duration_m", "{m} min", "{m} min"},
        {"casus.duration_h", "{h} uur", "{h} h"},
        {"casus.duration_hm", "{h} uur {m} min", "{h} h {m} min"},
        {"casus.rule_weekly", "elke {day} om {time}", "every {day} at {time}"},
        {"casus.rule_every_n", "elke {n} weken op {day} om {time}",
         "every {n} weeks on {day} at {time}"},
        {"casus.no_date", "geen datum", "no date"},
        {"casus.default_title", "Casusbespreking", "Case discussion"},

        // ---- roles and rotation ----
        {"casus.role.inbrenger", "inbrenger", "presenter"},
        {"casus.role.gespreksleider", "gespreksleider", "facilitator"},
        {"casus.role.tijdbewaker", "tijdbewaker", "timekeeper"},
        {"casus.role.groep", "de groep", "the group"},
        {"casus.person_none", "nog niemand", "nobody yet"},
        {"casus.person_proposed", "{user} (gevraagd)", "{user} (asked)"},
        {"casus.roles_line",
         "Inbrenger: {inbrenger} · Gespreksleider: {leider} · Methode: {method} ({duration})",
         "Presenter: {inbrenger} · Facilitator: {leider} · Method: {method} ({duration})"},
        {"casus.ask.inbrenger",
         "{user}, wil jij de inbrenger zijn van casusbespreking #{id} ({when})? Antwoord met "
         "`!casus ja {id}` of `!casus nee {id}`.",
         "{user}, would you like to present a case at case discussion #{id} ({when})? Answer "
         "with `!case yes {id}` or `!case no {id}`."},
        {"casus.ask.gespreksleider",
         "{user}, wil jij het gesprek leiden (en de tijd bewaken) bij casusbespreking #{id} "
         "({when})? Antwoord met `!casus ja {id}` of `!casus nee {id}`.",
         "{user}, would you like to facilitate (and keep time at) case discussion #{id} ({when})? "
         "Answer with `!case yes {id}` or `!case no {id}`."},
        {"casus.nobody.inbrenger",
         "Ik vond niemand om als inbrenger te vragen. Wie een casus heeft, meldt zich met "
         "`!casus ja {id}`.",
         "I found nobody to ask as presenter. Whoever has a case can volunteer with `!case yes "
         "{id}`."},
        {"casus.nobody.gespreksleider",
         "Ik vond niemand om als gespreksleider te vragen. Wie wil leiden, meldt zich met "
         "`!casus ja {id}`.",
         "I found nobody to ask as facilitator. Whoever wants to facilitate can volunteer with "
         "`!case yes {id}`."},
        {"casus.timeout_next",
         "{user} heeft (nog) niet gereageerd op de vraag om {role} te zijn bij #{id}; dat tel ik "
         "als nee. {next}",
         "{user} has not answered the question to be {role} at #{id}; I count that as a no. "
         "{next}"},
        {"casus.answer_too_late",
         "Casusbespreking #{id} is al begonnen of voorbij; daar verandert de rolverdeling niet "
         "meer. Kijk met `!casus lijst` wat er gepland staat.",
         "Case discussion #{id} has already started or ended; its roles no longer change. See "
         "`!case list` for what is planned."},
        {"casus.ja_usage", "Bij welke bespreking? Bijvoorbeeld: `!casus ja 12`.",
         "For which discussion? For example: `!case yes 12`."},
        {"casus.nee_usage", "Bij welke bespreking? Bijvoorbeeld: `!casus nee 12`.",
         "For which discussion? For example: `!case no 12`."},
        {"casus.no_question",
         "Er staat bij #{id} geen vraag voor je open, en beide rollen zijn al vergeven. Bekijk de "
         "bespreking met `!casus info {id}`.",
         "There is no open question for you at #{id}, and both roles are taken. See the "
         "discussion with `!case info {id}`."},
        {"casus.already_confirmed", "Je bent al {role} bij #{id}. Dank je!",
         "You are already {role} at #{id}. Thank you!"},
        {"casus.ja_thanks",
         "Dank je! Je bent {role} bij casusbespreking #{id} **{title}** ({when}).",
         "Thank you! You are {role} at case discussion #{id} **{title}** ({when})."},
        {"casus.nee_noted",
         "Helemaal goed, ik heb genoteerd dat je geen {role} bent bij #{id}. {next}",
         "No problem, I noted that you won't be {role} at #{id}. {next}"},
        {"casus.pause_set",
         "Je doet even niet mee in de rotatie: ik vraag je niet als inbrenger of gespreksleider. "
         "Weer meedoen: `!casus terug`.",
         "You are out of the rotation for now: I won't ask you to present or facilitate. Back "
         "in: `!case back`."},
        {"casus.pause_until",
         "Je doet niet mee in de rotatie tot {when}. Eerder terug: `!casus terug`.",
         "You are out of the rotation until {when}. Back earlier: `!case back`."},
        {"casus.pause_usage",
         "Zo pauzeer je de rotatie: `!casus pauze` (tot je `!casus terug` zegt) of `!casus pauze "
         "tot 1 juni`.",
         "To pause the rotation: `!case pause` (until you say `!case back`) or `!case pause "
         "until 1 June`."},
        {"casus.pause_cleared", "Welkom terug! Je doet weer mee in de rotatie.",
         "Welcome back! You are in the rotation again."},
        {"casus.pause_none", "Je deed al mee in de rotatie; er was niets te pauzeren.",
         "You were already in the rotation; nothing was paused."},

        // ---- planning ----
        {"casus.plan_usage",
         "Zo plan je een casusbespreking: `!casus plan <wanneer> [methode <naam>] [inbrenger "
         "@naam] [gespreksleider @naam] [inbreng <nr>] <titel>`. Bijvoorbeeld: `!casus plan "
         "dinsdag 14:00 Klant die niet komt opdagen`.",
         "To plan a case discussion: `!case plan <when> [method <name>] [presenter @name] "
         "[facilitator @name] [input <no>] <title>`. For example: `!case plan tuesday 2pm Client "
         "who does not show up`."},
        {"casus.plan_no_title",
         "Ik mis nog een titel voor de bespreking van {when}. Bijvoorbeeld: `!casus plan morgen "
         "14:00 Klant die niet komt opdagen`.",
         "The discussion on {when} still needs a title. For example: `!case plan tomorrow 2pm "
         "Client who does not show up`."},
        {"casus.title_too_long",
         "Die titel is te lang (meer dan {max} tekens). Houd hem kort; details bespreken jullie "
         "in de sessie.",
         "That title is too long (more than {max} characters). Keep it short; details come up in "
         "the session."},
        {"casus.opt.missing_value",
         "Na `{option}` mis ik iets. Bijvoorbeeld: `methode roddelmethode`, `inbrenger "
         "@anna:example.org`, `gespreksleider @bob:example.org` of `inbreng 12`.",
         "Something is missing after `{option}`. For example: `method roddelmethode`, `presenter "
         "@anna:example.org`, `facilitator @bob:example.org` or `input 12`."},
        {"casus.opt.unknown_method",
         "De methode `{name}` ken ik niet. Kies uit: {methods}. Zie `!methodes` voor uitleg.",
         "I don't know the method `{name}`. Choose from: {methods}. See `!methods` for details."},
        {"casus.opt.not_a_user",
         "Noem een persoon met `@`, bijvoorbeeld `inbrenger @anna:example.org` in plaats van "
         "`{value}`.",
         "Name a person with `@`, for example `presenter @anna:example.org` instead of "
         "`{value}`."},
        {"casus.not_the_bot",
         "Ik kan zelf geen inbrenger of gespreksleider zijn. Noem iemand uit het team, "
         "bijvoorbeeld `@anna:example.org`.",
         "I cannot be the case presenter or facilitator myself. Name someone from the team, for "
         "example `@anna:example.org`."},
        {"casus.not_member",
         "{user} zit niet in deze teamkamer. Noem iemand uit het team, bijvoorbeeld "
         "`@anna:example.org`.",
         "{user} is not in this team room. Name someone from the team, for example "
         "`@anna:example.org`."},
        {"casus.same_person",
         "{user} kan niet tegelijk inbrenger en gespreksleider zijn. Kies voor één van de twee "
         "iemand anders.",
         "{user} cannot be both presenter and facilitator. Choose someone else for one of them."},
        {"casus.inbreng_unknown",
         "Inbreng #{id} ken ik niet in dit team. Controleer het nummer, bijvoorbeeld `inbreng 12`.",
         "I don't know input #{id} in this team. Check the number, for example `input 12`."},
        {"casus.planned", "Gepland: casusbespreking #{id} **{title}** op {when}.\n\n{roles}",
         "Planned: case discussion #{id} **{title}** on {when}.\n\n{roles}"},
        {"casus.list_empty",
         "Er staan geen casusbesprekingen gepland. Plan er een met `!casus plan dinsdag 14:00 "
         "<titel>`.",
         "No case discussions are planned. Plan one with `!case plan tuesday 2pm <title>`."},
        {"casus.list_title", "**Geplande casusbesprekingen**", "**Planned case discussions**"},
        {"casus.list_item", "#{id} · {when} · **{title}** ({method})",
         "#{id} · {when} · **{title}** ({method})"},
        {"casus.list_running", "— loopt nu", "— running now"},
        {"casus.list_more",
         "En nog {n} later. Bekijk er één met `!casus info <nr>`; oude of dubbele besprekingen "
         "haal je weg met `!casus annuleer <nr>`.",
         "And {n} more later. See one with `!case info <nr>`; remove old or double ones with "
         "`!case cancel <nr>`."},
        {"casus.info_usage", "Welke bespreking? Bijvoorbeeld: `!casus info 12`.",
         "Which discussion? For example: `!case info 12`."},
        {"casus.not_found",
         "Casusbespreking #{id} vind ik niet in dit team. Kijk met `!casus lijst` welke er zijn.",
         "I can't find case discussion #{id} in this team. See `!case list` for the ones there "
         "are."},
        {"casus.info", "**Casusbespreking #{id}: {title}**\n\n{when} · {status}\n\n{roles}",
         "**Case discussion #{id}: {title}**\n\n{when} · {status}\n\n{roles}"},
        {"casus.info_reeks", "Hoort bij reeks #{reeks}.", "Part of series #{reeks}."},
        {"casus.info_step", "Nu bij stap {n} van {total}.", "Now at step {n} of {total}."},
        {"casus.status.planned", "gepland", "planned"},
        {"casus.status.running", "loopt nu", "running"},
        {"casus.status.done", "afgerond", "done"},
        {"casus.status.missed", "gemist", "missed"},
        {"casus.status.cancelled", "geannuleerd", "cancelled"},
        {"casus.verzet_usage",
         "Zo verzet je een bespreking: `!casus verzet <nr> <wanneer>`, bijvoorbeeld `!casus "
         "verzet 12 donderdag 10:00`.",
         "To move a discussion: `!case move <no> <when>`, for example `!case move 12 thursday "
         "10:00`."},
        {"casus.cannot_move",
         "Casusbespreking #{id} is {status}; alleen een geplande of gemiste bespreking kan ik "
         "verzetten.",
         "Case discussion #{id} is {status}; I can only move a planned or missed discussion."},
        {"casus.not_allowed",
         "Alleen wie #{id} plande, de inbrenger, de gespreksleider of een leidinggevende kan dat "
         "doen.",
         "Only whoever planned #{id}, its presenter, its facilitator or a team leader can do "
         "that."},
        {"casus.moved", "Verzet: casusbespreking #{id} **{title}** is nu op {when}.",
         "Moved: case discussion #{id} **{title}** is now on {when}."},
        {"casus.annuleer_usage", "Welke bespreking? Bijvoorbeeld: `!casus annuleer 12`.",
         "Which discussion? For example: `!case cancel 12`."},
        {"casus.cannot_cancel",
         "Casusbespreking #{id} is {status}; annuleren kan alleen als ze gepland is of loopt.",
         "Case discussion #{id} is {status}; only a planned or running discussion can be "
         "cancelled."},
        {"casus.cancelled", "Geannuleerd: casusbespreking #{id} **{title}**.",
         "Cancelled: case discussion #{id} **{title}**."},

        // ---- methods ----
        {"casus.methods_title", "**Werkvormen voor een casusbespreking**",
         "**Methods for a case discussion**"},
        {"casus.methods_item", "**{title}** (`{id}`, {duration}) — {description}",
         "**{title}** (`{id}`, {duration}) — {description}"},
        {"casus.methods_footer",
         "De stappen van één methode: `!methodes <naam>`. Kiezen bij het plannen: `!casus plan "
         "dinsdag 14:00 methode vijfstappenmethode <titel>`.",
         "The steps of one method: `!methods <name>`. Choose one when planning: `!case plan "
         "tuesday 2pm method vijfstappenmethode <title>`."},
        {"casus.method_title", "**{title}** (`{id}`, {duration})\n\n{description}",
         "**{title}** (`{id}`, {duration})\n\n{description}"},
        {"casus.method_step", "{name} ({duration})", "{name} ({duration})"},

        // ---- running a session ----
        {"casus.reminder",
         "Herinnering: casusbespreking #{id} **{title}** begint {when} (over {in}).\n\n{roles}",
         "Reminder: case discussion #{id} **{title}** starts {when} (in {in}).\n\n{roles}"},
        {"casus.root", "**Casusbespreking #{id}: {title}** begint nu.\n\n{roles}",
         "**Case discussion #{id}: {title}** starts now.\n\n{roles}"},
        {"casus.root_inbreng", "Gekoppelde cliëntinbreng: {ids}.", "Linked client input: {ids}."},
        {"casus.started_late",
         "We beginnen {minutes} minuten later dan gepland: ik was even niet bereikbaar. Sorry!",
         "We start {minutes} minutes later than planned: I was briefly unavailable. Sorry!"},
        {"casus.root_help",
         "De stappen volgen in de draad bij dit bericht; praat daar mee. `!volgende` gaat eerder "
         "door, `!pauze` en `!verder` houden de klok vast, `!les` en `!actie` leggen iets vast, "
         "`!casus afronden` sluit af met een samenvatting.",
         "The steps follow in the thread of this message; talk there. `!next` moves on early, "
         "`!pause` and `!resume` hold the clock, `!lesson` and `!action` record things, `!case "
         "close` ends with a summary."},
        {"casus.step", "**Stap {n} van {total}: {name}** ({duration})\n\n{text}",
         "**Step {n} of {total}: {name}** ({duration})\n\n{text}"},
        {"casus.step_roles", "_Aan zet: {roles}_", "_Your move: {roles}_"},
        {"casus.step_next", "Volgende stap om {time}, of eerder met `!volgende`.",
         "Next step at {time}, or earlier with `!next`."},
        {"casus.step_last", "Dit is de laatste stap; hij loopt tot {time}.",
         "This is the last step; it runs until {time}."},
        {"casus.voice",
         "**Stem {n} van {total}** (cliëntinbreng #{id}). Lees en luister; reageer nog niet.\n\n"
         "{text}",
         "**Voice {n} of {total}** (client input #{id}). Read and listen; do not react yet.\n\n"
         "{text}"},
        {"casus.voice_gone",
         "Cliëntinbreng #{id} is er niet meer (ingetrokken of na de bewaartermijn verwijderd).",
         "Client input #{id} is no longer there (withdrawn, or removed after the retention "
         "period)."},
        {"casus.voices_none",
         "Er is geen cliëntinbreng gekoppeld aan casusbespreking #{id}. Koppel die bij het "
         "plannen, bijvoorbeeld: `!casus plan morgen 14:00 methode spiegelgesprek inbreng 12 "
         "Titel`.",
         "No client input is linked to case discussion #{id}. Link it when planning, for "
         "example: `!case plan tomorrow 2pm method mirror input 12 Title`."},
        {"casus.steps_done",
         "De tijd van alle stappen is om. Rond af met `!casus afronden`: dan zet ik de lessen en "
         "acties op een rij.",
         "The time for all steps is up. Close with `!case close`: I will list the lessons and "
         "actions."},
        {"casus.missed",
         "Casusbespreking #{id} **{title}** ({when}) is niet doorgegaan: ik was toen niet "
         "bereikbaar en het is nu meer dan een uur later. Plan haar opnieuw met `!casus verzet "
         "{id} <wanneer>`.",
         "Case discussion #{id} **{title}** ({when}) did not take place: I was unavailable then, "
         "and it is now more than an hour later. Plan it again with `!case move {id} <when>`."},
        {"casus.no_running",
         "Er loopt nu geen casusbespreking in deze kamer. Geplande besprekingen: `!casus lijst`.",
         "No case discussion is running in this room. Planned ones: `!case list`."},
        {"casus.paused_first", "De klok staat stil. Eerst `!verder`, dan `!volgende`.",
         "The clock is on hold. First `!resume`, then `!next`."},
        {"casus.already_paused", "De klok stond al stil. Verder met `!verder`.",
         "The clock was already on hold. Go on with `!resume`."},
        {"casus.nothing_to_pause",
         "Alle stappen zijn al geweest; er loopt geen klok. Rond af met `!casus afronden`.",
         "All steps are done; no clock is running. Close with `!case close`."},
        {"casus.paused",
         "De klok staat stil (nog {remaining} voor deze stap). Verder met `!verder`.",
         "The clock is on hold ({remaining} left for this step). Go on with `!resume`."},
        {"casus.not_paused", "De klok loopt gewoon; er is niets om te hervatten.",
         "The clock is running; there is nothing to resume."},
        {"casus.resumed", "De klok loopt weer. Volgende stap om {time}.",
         "The clock runs again. Next step at {time}."},
        {"casus.les_usage",
         "Schrijf de les erbij, bijvoorbeeld: `!les Vraag eerst naar wat de cliënt zelf wil`.",
         "Add the lesson, for example: `!lesson Ask first what the client wants`."},
        {"casus.text_too_long", "Dat is te lang (meer dan {max} tekens). Maak het wat korter.",
         "That is too long (more than {max} characters). Please shorten it."},
        {"casus.les_saved", "Les vastgelegd ({n} bij #{id}).", "Lesson recorded ({n} at #{id})."},
        {"casus.actie_usage",
         "Schrijf de actie erbij, bijvoorbeeld: `!actie Werkgever bellen over proefplaatsing "
         "@anna:example.org vrijdag`.",
         "Add the action, for example: `!action Call the employer about a trial placement "
         "@anna:example.org friday`."},
        {"casus.actie_saved", "Actie vastgelegd voor {owner}, opvolgen op {due}.",
         "Action recorded for {owner}, follow up on {due}."},
        {"casus.actie_in_log", "Hij staat ook in de besluitenlijst als #{besluit}.",
         "It is also in the decision log as #{besluit}."},
        {"casus.afronden_usage", "Zo rond je af: `!casus afronden` of `!casus afronden 12`.",
         "To close: `!case close` or `!case close 12`."},
        {"casus.not_running",
         "Casusbespreking #{id} is {status}; alleen een lopende bespreking kan ik afronden.",
         "Case discussion #{id} is {status}; I can only close a running discussion."},
        {"casus.summary_title", "**Samenvatting casusbespreking #{id}: {title}**",
         "**Summary of case discussion #{id}: {title}**"},
        {"casus.summary_meta", "Methode: {method} · Duur: {duration} · Deelnemers: {participants}",
         "Method: {method} · Duration: {duration} · Participants: {participants}"},
        {"casus.summary_lessons", "**Lessen**", "**Lessons**"},
        {"casus.summary_no_lessons", "_Geen lessen vastgelegd._", "_No lessons recorded._"},
        {"casus.summary_actions", "**Acties**", "**Actions**"},
        {"casus.summary_no_actions", "_Geen acties vastgelegd._", "_No actions recorded._"},
        {"casus.summary_action", "{text} — {owner}, opvolgen op {due}",
         "{text} — {owner}, follow up on {due}"},

        // ---- series ----
        {"casus.reeks_usage",
         "Zo maak je een reeks: `!casus reeks <weekdag> <tijd> [elke N weken] [methode <naam>] "
         "[titel]`, bijvoorbeeld `!casus reeks dinsdag 09:00 elke 2 weken`.",
         "To create a series: `!case series <weekday> <time> [every N weeks] [method <name>] "
         "[title]`, for example `!case series tuesday 9am every 2 weeks`."},
        {"casus.reeks_no_roles",
         "In een reeks wisselen inbrenger en gespreksleider; die vraag ik per bespreking. Laat "
         "`inbrenger`, `gespreksleider` en `inbreng` weg, bijvoorbeeld `!casus reeks dinsdag "
         "09:00 Casusbespreking`.",
         "In a series the presenter and facilitator rotate; I ask them per discussion. Leave out "
         "`presenter`, `facilitator` and `input`, for example `!case series tuesday 9am Case "
         "discussion`."},
        {"casus.rule.empty", "Geef een weekdag en tijd, bijvoorbeeld `!casus reeks dinsdag 09:00`.",
         "Give a weekday and time, for example `!case series tuesday 9am`."},
        {"casus.rule.unrecognised",
         "Ik begrijp `{fragment}` niet als weekdag en tijd. Bijvoorbeeld: `!casus reeks dinsdag "
         "09:00` of `!casus reeks maandag 14:00 elke 2 weken`.",
         "I don't understand `{fragment}` as a weekday and time. For example: `!case series "
         "tuesday 9am` or `!case series monday 2pm every 2 weeks`."},
        {"casus.rule.missing_weekday", "Op welke dag? Bijvoorbeeld: `!casus reeks dinsdag 09:00`.",
         "On which day? For example: `!case series tuesday 9am`."},
        {"casus.rule.missing_time", "Hoe laat? Bijvoorbeeld: `!casus reeks dinsdag 09:00`.",
         "At what time? For example: `!case series tuesday 9am`."},
        {"casus.rule.invalid_time",
         "De tijd `{fragment}` bestaat niet. Bijvoorbeeld: `!casus reeks dinsdag 09:00`.",
         "The time `{fragment}` does not exist. For example: `!case series tuesday 9am`."},
        {"casus.rule.invalid_interval",
         "`{fragment}` kan niet: kies elke 1 tot 52 weken, bijvoorbeeld `elke 2 weken`.",
         "`{fragment}` is not possible: choose every 1 to 52 weeks, for example `every 2 weeks`."},
        {"casus.reeks_created", "Reeks #{reeks} staat: **{title}**, {rule}.",
         "Series #{reeks} is set: **{title}**, {rule}."},
        {"casus.reeks_next", "Volgende bespreking van reeks #{reeks}: #{id} **{title}** op {when}.",
         "Next discussion of series #{reeks}: #{id} **{title}** on {when}."},
        {"casus.reeks_list_empty",
         "Dit team heeft geen reeksen. Maak er een met `!casus reeks dinsdag 09:00`.",
         "This team has no series. Create one with `!case series tuesday 9am`."},
        {"casus.reeks_list_title", "**Reeksen van dit team**", "**This team's series**"},
        {"casus.reeks_list_item", "Reeks #{reeks}: **{title}**, {rule} ({method}){next}",
         "Series #{reeks}: **{title}**, {rule} ({method}){next}"},
        {"casus.reeks_list_next", " — volgende: #{id} op {when}", " — next: #{id} on {when}"},
        {"casus.reeks_stop_usage", "Welke reeks? Bijvoorbeeld: `!casus reeks stop 3`.",
         "Which series? For example: `!case series stop 3`."},
        {"casus.reeks_not_found",
         "Reeks #{reeks} vind ik niet bij dit team. Bekijk ze met `!casus reeks`.",
         "I can't find series #{reeks} in this team. See them with `!case series`."},
        {"casus.reeks_stop_not_allowed",
         "Reeks #{reeks} kan alleen gestopt worden door wie haar begon of door een "
         "leidinggevende. Er is niets veranderd.",
         "Series #{reeks} can only be stopped by whoever started it or by a team leader. "
         "Nothing was changed."},
        {"casus.reeks_is_yaml",
         "Reeks #{reeks} staat in de configuratie; vraag je beheerder om haar daar te "
         "verwijderen.",
         "Series #{reeks} is in the configuration; ask your admin to remove it there."},
        {"casus.reeks_stopped", "Reeks #{reeks} is gestopt: ik plan geen nieuwe besprekingen meer.",
         "Series #{reeks} has stopped: I won't plan new discussions."},
        {"casus.reeks_stopped_planned",
         "De al geplande bespreking #{id} blijft staan; annuleer die met `!casus annuleer {id}`.",
         "The already planned discussion #{id} stays; cancel it with `!case cancel {id}`."},

        // ---- digest ----
        {"casus.digest_title", "### Casusbesprekingen", "### Case discussions"},
        {"casus.digest_nothing", "_Niets deze week._", "_Nothing this week._"},
        {"casus.digest_held", "**Gehouden**", "**Held**"},
        {"casus.digest_held_item",
         "#{id} **{title}** ({when}, {method}, {participants} deelnemers)",
         "#{id} **{title}** ({when}, {method}, {participants} participants)"},
        {"casus.digest_planned", "**Gepland**", "**Planned**"},
        {"casus.digest_planned_item", "#{id} **{title}** ({when}, {method})",
         "#{id} **{title}** ({when}, {method})"},
        {"casus.digest_missed", "**Gemist**", "**Missed**"},
        {"casus.digest_missed_item", "#{id} **{title}** ({when})", "#{id} **{title}** ({when})"},
        {"casus.digest_lessons", "**Lessen**", "**Lessons**"},
        {"casus.digest_lesson_item", "{text} (#{id})", "{text} (#{id})"},
        {"casus.digest_actions", "**Acties**", "**Actions**"},
        {"casus.digest_action_item", "{text} — {owner}, opvolgen op {due} (#{id})",
         "{text} — {owner}, follow up on {due} (#{id})"},
    };
}

}  // namespace dialoog::casus
