// Texts of the inbreng feature (client input), nl first, en second. Written for client
// representatives, who are not IT people: plain words, one thing per sentence, always say
// what happens to their text.
#include "commands/catalogue.hpp"

namespace dialoog::inbreng {

std::vector<commands::TextEntry> inbreng_texts() {
    return {
        // --- help -------------------------------------------------------------------------
        {"inbreng.summary",
         "anoniem een verhaal van een cliënt doorgeven (in een privégesprek), of de inbreng "
         "van cliënten voor je team lezen (in de teamkamer)",
         "pass on a client's story anonymously (in a private chat), or read the client input "
         "for your team (in the team room)"},
        {"inbreng.usage",
         "In een privégesprek met mij: `!inbreng <verhaal>`, of alleen `!inbreng` en ik help je "
         "stap voor stap; `!inbreng intrekken <code>` haalt een bewaard verhaal weer weg. In de "
         "teamkamer: `!inbreng lijst [thema]` en `!inbreng <nummer>`.",
         "In a private chat with me: `!input <story>`, or just `!input` and I will guide you "
         "step by step; `!input withdraw <code>` removes a stored story again. In the team "
         "room: `!input list [theme]` and `!input <number>`."},
        {"inbreng.examples",
         "`!inbreng Een cliënt vertelde dat ze drie maanden op een antwoord wachtte.`, "
         "`!inbreng lijst systeem`, `!inbreng 12`",
         "`!input A client told me she waited three months for an answer.`, "
         "`!input list systeem`, `!input 12`"},

        // --- durations ----------------------------------------------------------------------
        {"inbreng.duration_days", "{n} dagen", "{n} days"},
        {"inbreng.duration_hour", "een uur", "an hour"},
        {"inbreng.duration_hours", "{n} uur", "{n} hours"},
        {"inbreng.duration_minute", "een minuut", "a minute"},
        {"inbreng.duration_minutes", "{n} minuten", "{n} minutes"},

        // --- themes (the report's four structural problem areas) ---------------------------
        {"inbreng.theme.drempels",
         "drempels en kwetsbaarheid van groepen werkzoekenden op de arbeidsmarkt",
         "barriers and vulnerability of groups of job seekers on the labour market"},
        {"inbreng.theme.dagelijks", "wat die kwetsbaarheid betekent voor hun dagelijks leven",
         "what that vulnerability means for their daily life"},
        {"inbreng.theme.arbeidsmarkt",
         "hoe de arbeidsmarkt en de re-integratiemarkt hun kansen beïnvloeden",
         "how the labour and re-integration market affects their chances"},
        {"inbreng.theme.systeem",
         "wat \"het systeem\" (regels, instanties) met hun dagelijks leven doet",
         "what \"the system\" (rules, organisations) does to their daily life"},
        {"inbreng.theme_none", "geen thema", "no theme"},
        {"inbreng.no_theme", "zonder thema", "without a theme"},

        // --- intake in a private chat -------------------------------------------------------
        {"inbreng.ask_text",
         "Fijn dat je een verhaal wilt doorgeven. Schrijf het hieronder in **één bericht**, in "
         "je eigen woorden.\n\n"
         "Laat namen en andere persoonlijke gegevens liever weg. Wat ik toch herken (namen, "
         "adressen, geboortedata, telefoon- en andere nummers) haal ik eruit voordat ik iets "
         "bewaar. Je ziet eerst precies wat ik zou bewaren, en ik bewaar pas als jij **ja** "
         "zegt.\n\n"
         "Wil je stoppen? Typ dan `stop`.",
         "Thank you for passing on a story. Write it below in **one message**, in your own "
         "words.\n\n"
         "Please leave out names and other personal details. Whatever I still recognise "
         "(names, addresses, dates of birth, phone and other numbers) I take out before I "
         "store anything. You will first see exactly what I would store, and I only store it "
         "when you say **yes**.\n\n"
         "Want to stop? Type `stop`."},
        {"inbreng.ask_team",
         "Dank je. Voor welk team is dit verhaal? Typ het nummer of de naam:\n\n{menu}\n\n"
         "Weet je het niet? Typ `overslaan`, dan gaat het naar {default}.",
         "Thank you. Which team is this story for? Type the number or the name:\n\n{menu}\n\n"
         "Not sure? Type `skip` and it goes to {default}."},
        {"inbreng.ask_team_no_default",
         "Dank je. Voor welk team is dit verhaal? Typ het nummer of de naam:\n\n{menu}",
         "Thank you. Which team is this story for? Type the number or the name:\n\n{menu}"},
        {"inbreng.team_unknown",
         "Dat team ken ik niet. Typ het nummer of de naam van een van deze teams:\n\n{menu}",
         "I don't know that team. Type the number or the name of one of these teams:\n\n{menu}"},
        {"inbreng.ask_theme",
         "Over welk thema gaat het verhaal? Typ een of meer nummers of woorden:\n\n{themes}\n\n"
         "Je mag ook eigen trefwoorden toevoegen, bijvoorbeeld `4, wachtlijst`. Geen idee? Typ "
         "`overslaan`.",
         "What is the story about? Type one or more numbers or words:\n\n{themes}\n\n"
         "You may add your own keywords too, for example `4, waiting-list`. No idea? Type "
         "`skip`."},
        {"inbreng.theme_bad",
         "Dat trefwoord kan ik niet gebruiken: `{tag}`. Gebruik korte woorden met alleen "
         "letters (een streepje mag), zonder namen of plaatsen. Je kunt ook een nummer "
         "kiezen:\n\n{themes}\n\nOf typ `overslaan`.",
         "I can't use that keyword: `{tag}`. Use short words with letters only (a hyphen is "
         "fine), without names or places. You can also pick a number:\n\n{themes}\n\n"
         "Or type `skip`."},
        {"inbreng.theme_too_many",
         "Dat zijn te veel trefwoorden: kies er hoogstens {n}. Je kunt ook een nummer "
         "kiezen:\n\n{themes}",
         "That is too many keywords: choose {n} at most. You can also pick a number:\n\n"
         "{themes}"},
        {"inbreng.too_long",
         "Dat is een lang verhaal: langer dan ik in één keer kan aannemen ({max} tekens). Kun je "
         "het wat korter maken en opnieuw sturen? Er is niets bewaard; dit bericht haal ik weg "
         "zodra we klaar zijn.",
         "That is a long story: longer than I can take at once ({max} characters). Could you make "
         "it shorter and send it again? Nothing has been stored; I will remove this message when "
         "we are done."},
        {"inbreng.too_short",
         "Is dat het hele verhaal? Het is korter dan {min} tekens. Vertel in één bericht wat er "
         "gebeurde, of typ `stop`.",
         "Is that the whole story? It is shorter than {min} characters. Tell what happened in one "
         "message, or type `stop`."},
        {"inbreng.team_unknown_no_default",
         "Dat team ken ik niet. Typ het nummer of de naam van een van deze teams:\n\n{menu}\n\n"
         "Overslaan kan hier niet, want er is geen standaardteam ingesteld. Wil je stoppen? Typ "
         "`stop`.",
         "I don't know that team. Type the number or the name of one of these teams:\n\n{menu}"
         "\n\nSkipping is not possible here, as no default team is set. Want to stop? Type "
         "`stop`."},
        {"inbreng.empty_text",
         "Ik zie nog geen verhaal. Schrijf het in één bericht, of typ `stop`.",
         "I don't see a story yet. Write it in one message, or type `stop`."},
        {"inbreng.team_not_chosen", "_nog niet gekozen: typ `team <naam>` ({teams})_",
         "_not chosen yet: type `team <name>` ({teams})_"},
        {"inbreng.preview",
         "**Dit is wat ik zou bewaren:**\n\n{text}\n\n"
         "- Team: {team}\n- Thema: {tags}\n\n"
         "Ik bewaar niet wie het stuurde, en ook niet wanneer precies: alleen de week.\n\n"
         "Klopt het? Antwoord **ja** (of geef dit bericht een 👍) om het te bewaren, of **nee** "
         "om het weg te gooien. Aanpassen kan ook: `team <naam>` of `thema <woorden>`. Krijg ik "
         "binnen {timeout} geen antwoord, dan gooi ik het weg.",
         "**This is what I would store:**\n\n{text}\n\n"
         "- Team: {team}\n- Theme: {tags}\n\n"
         "I don't store who sent it, nor exactly when: only the week.\n\n"
         "Is it right? Answer **yes** (or give this message a 👍) to store it, or **no** to "
         "throw it away. You can also change it: `team <name>` or `theme <words>`. If I get no "
         "answer within {timeout}, I throw it away."},
        {"inbreng.confirm_hint",
         "Ik wacht nog op je antwoord: **ja** om het te bewaren, of **nee** om het weg te "
         "gooien. Aanpassen kan met `team <naam>` of `thema <woorden>`.",
         "I am still waiting for your answer: **yes** to store it, or **no** to throw it away. "
         "You can change it with `team <name>` or `theme <words>`."},
        {"inbreng.need_team",
         "Voor welk team is het? Kies eerst een team, dan bewaar ik het: typ `team <naam>` "
         "({teams}).",
         "Which team is it for? Choose a team first, then I will store it: type `team <name>` "
         "({teams})."},
        {"inbreng.stored",
         "Bewaard, dank je wel! Het verhaal staat nu anoniem bij {team}.\n\n"
         "Je intrekcode is **{code}**. Bewaar die goed: met `!inbreng intrekken {code}` haal "
         "je het verhaal later weer weg. Ik kan de code niet nog eens laten zien, want ik "
         "onthoud niet wie wat stuurde.\n\n"
         "Je eigen bericht met het verhaal haal ik nu uit dit gesprek weg, zodat de "
         "volledige tekst nergens blijft staan.",
         "Stored, thank you! The story is now with {team}, anonymously.\n\n"
         "Your withdrawal code is **{code}**. Keep it safe: `!input withdraw {code}` removes "
         "the story again later. I cannot show the code again, because I don't remember who "
         "sent what.\n\n"
         "I am now removing your own message with the story from this chat, so the full text "
         "does not stay anywhere."},
        {"inbreng.redact_reason",
         "Weggehaald door dialoogbot om de privacy van de cliënt te "
         "beschermen",
         "Removed by dialoogbot to protect the client's privacy"},
        {"inbreng.redact_failed",
         "Het lukte me niet om je bericht met het oorspronkelijke verhaal weg te halen. Wil je "
         "het zelf verwijderen? Ga met de muis over het bericht (of houd het ingedrukt), kies "
         "de drie puntjes en dan **Verwijderen**.",
         "I could not remove your message with the original story. Would you delete it "
         "yourself? Hover over the message (or press and hold it), choose the three dots and "
         "then **Remove**."},
        {"inbreng.discarded",
         "Goed, ik heb niets bewaard en de tekst weggegooid. Je bericht met het verhaal haal "
         "ik ook uit dit gesprek weg. Wil je het opnieuw proberen? Typ `!inbreng`.",
         "All right: I stored nothing and threw the text away. I am also removing your "
         "message with the story from this chat. Want to try again? Type `!input`."},
        {"inbreng.discarded_empty", "Goed, ik heb niets bewaard.", "All right, I stored nothing."},
        {"inbreng.stopped",
         "Gestopt. Ik heb niets bewaard en haal je bericht met het verhaal uit dit gesprek "
         "weg. Typ `!inbreng` als je opnieuw wilt beginnen.",
         "Stopped. I stored nothing and I am removing your message with the story from this "
         "chat. Type `!input` to start again."},
        {"inbreng.stopped_empty",
         "Gestopt, er is niets bewaard. Typ `!inbreng` als je opnieuw wilt beginnen.",
         "Stopped, nothing was stored. Type `!input` to start again."},
        {"inbreng.expired",
         "Ik heb {timeout} niets van je gehoord. Daarom heb ik het verhaal niet bewaard en "
         "weggegooid; je bericht ermee haal ik uit dit gesprek weg. Wil je het alsnog "
         "doorgeven? Typ `!inbreng`.",
         "I have not heard from you for {timeout}. So I did not store the story and threw it "
         "away; I am removing your message with it from this chat. Still want to pass it on? "
         "Type `!input`."},
        {"inbreng.expired_empty",
         "We waren begonnen aan een verhaal, maar ik heb {timeout} niets van je gehoord. Er is "
         "niets bewaard. Typ `!inbreng` als je opnieuw wilt beginnen.",
         "We had started on a story, but I have not heard from you for {timeout}. Nothing was "
         "stored. Type `!input` to start again."},
        {"inbreng.flood",
         "Je hebt vandaag al {max} verhalen doorgegeven; meer kan ik vandaag niet aannemen. "
         "Morgen kan het weer. Dit verhaal heb ik niet bewaard, en je bericht ermee haal ik "
         "uit dit gesprek weg.",
         "You have already passed on {max} stories today; I can't take more today. Tomorrow "
         "it works again. I did not store this story, and I am removing your message with it "
         "from this chat."},
        {"inbreng.flood_start",
         "Je hebt vandaag al {max} verhalen doorgegeven; meer kan ik vandaag niet aannemen. "
         "Morgen kan het weer.",
         "You have already passed on {max} stories today; I can't take more today. Tomorrow "
         "it works again."},
        {"inbreng.hint_start",
         "Wil je dit als verhaal van een cliënt doorgeven? Begin je bericht dan met "
         "`!inbreng`, of typ alleen `!inbreng` en ik help je stap voor stap. Zonder "
         "`!inbreng` bewaar ik niets; wil je dit bericht hier niet laten staan, verwijder het "
         "dan zelf.",
         "Do you want to pass this on as a client's story? Then start your message with "
         "`!input`, or type just `!input` and I will guide you step by step. Without `!input` "
         "I store nothing; if you don't want this message to stay here, please delete it "
         "yourself."},
        {"inbreng.not_allowed",
         "Verhalen van cliënten neem ik alleen aan van cliëntvertegenwoordigers die door de "
         "beheerder zijn aangemeld. Hoor je daarbij? Vraag de beheerder dan om je toe te "
         "voegen. Er is niets bewaard.",
         "I only take clients' stories from client representatives the admin has signed up. "
         "Are you one? Then ask the admin to add you. Nothing has been stored."},
        {"inbreng.no_teams",
         "Er is nog geen team ingesteld waarvoor ik verhalen kan bewaren. Vraag de beheerder "
         "om dat te regelen. Er is niets bewaard.",
         "No team has been set up yet to store stories for. Ask the admin to arrange that. "
         "Nothing has been stored."},
        {"inbreng.wrong_room_group",
         "Dit is geen veilige plek voor een verhaal van een cliënt: anderen kunnen hier "
         "meelezen. Ik heb niets bewaard. Wil je je bericht hier verwijderen? Ik stuur je een "
         "privébericht; daar kun je het verhaal veilig doorgeven.",
         "This is not a safe place for a client's story: others can read along here. I stored "
         "nothing. Would you delete your message here? I am sending you a private message; "
         "there you can pass the story on safely."},
        {"inbreng.wrong_room_dm",
         "In dit gesprek kan ik je bericht na afloop niet weghalen, en dan blijft het "
         "volledige verhaal hier staan. Daarom heb ik niets bewaard. Wil je je bericht hier "
         "verwijderen? Ik open een eigen privégesprek met je; stuur het verhaal daar nog een "
         "keer.",
         "In this chat I cannot remove your message afterwards, so the full story would stay "
         "here. That is why I stored nothing. Would you delete your message here? I am opening "
         "a private chat of my own with you; please send the story there again."},
        {"inbreng.dm_opened",
         "Hallo! In dit gesprek kun je veilig een verhaal van een cliënt doorgeven. Typ "
         "`!inbreng` en ik help je stap voor stap, of stuur meteen `!inbreng` gevolgd door het "
         "verhaal.",
         "Hello! In this chat you can safely pass on a client's story. Type `!input` and I "
         "will guide you step by step, or send `!input` followed by the story right away."},

        // --- withdrawal ---------------------------------------------------------------------
        {"inbreng.withdraw_usage",
         "Typ `!inbreng intrekken` met de code die je kreeg toen het verhaal werd bewaard, "
         "bijvoorbeeld `!inbreng intrekken 7KQ2-M9XD-R4TB`.",
         "Type `!input withdraw` with the code you got when the story was stored, for example "
         "`!input withdraw 7KQ2-M9XD-R4TB`."},
        {"inbreng.withdrawn", "Gedaan: dat verhaal is verwijderd. Niemand kan het nog lezen.",
         "Done: that story has been removed. Nobody can read it any more."},
        {"inbreng.withdraw_unknown",
         "Die code ken ik niet (meer). Kijk of je hem goed hebt overgenomen. Een verhaal dat "
         "ouder is dan {days} dagen heb ik al vanzelf verwijderd.",
         "I don't know that code (any more). Check that you copied it correctly. A story older "
         "than {days} days has already been removed automatically."},
        {"inbreng.withdraw_code_exposed",
         "Een intrekcode hoort in een privégesprek met mij: hier kunnen anderen meelezen. Ik heb "
         "je bericht weggehaald en de code werkt niet meer. Meer hoor je van mij in een "
         "privégesprek.",
         "A withdrawal code belongs in a private chat with me: others can read along here. I "
         "removed your message and the code no longer works. You will hear more from me in a "
         "private chat."},
        {"inbreng.withdrawn_exposed",
         "Je stuurde een intrekcode in een gedeelde kamer. Ik heb het verhaal met die code "
         "verwijderd, zoals je vroeg; niemand kan het nog lezen, en de code werkt niet meer.",
         "You sent a withdrawal code in a shared room. I removed the story with that code, as "
         "you asked; nobody can read it any more, and the code no longer works."},
        {"inbreng.withdraw_dm_only",
         "Intrekken kan alleen in een privégesprek met mij, zodat niemand ziet welk verhaal "
         "van jou kwam. Verwijder je bericht hier en stuur de code in een privégesprek.",
         "Withdrawing only works in a private chat with me, so nobody sees which story came "
         "from you. Delete your message here and send the code in a private chat."},

        // --- team room ------------------------------------------------------------------------
        {"inbreng.team_usage",
         "`!inbreng lijst` toont de verhalen van cliënten voor dit team (ook per thema: "
         "`!inbreng lijst systeem`), `!inbreng <nummer>` toont er één helemaal.",
         "`!input list` shows the clients' stories for this team (also per theme: `!input "
         "list systeem`), `!input <number>` shows one in full."},
        {"inbreng.team_room_refused",
         "Verhalen van cliënten neem ik niet aan in een teamkamer: hier leest iedereen mee. Ik "
         "heb niets bewaard. Wil je je bericht hier verwijderen en het verhaal in een "
         "privégesprek met mij sturen?",
         "I don't take clients' stories in a team room: everyone reads along here. I stored "
         "nothing. Would you delete your message here and send the story in a private chat "
         "with me?"},
        {"inbreng.only_team_room",
         "`!inbreng lijst` en `!inbreng <nummer>` werken in de teamkamer van je team.",
         "`!input list` and `!input <number>` work in your team's room."},
        {"inbreng.list_title", "**Verhalen van cliënten voor {team}** (nieuwste eerst)",
         "**Clients' stories for {team}** (newest first)"},
        {"inbreng.list_title_theme",
         "**Verhalen van cliënten voor {team}, thema `{theme}`** (nieuwste eerst)",
         "**Clients' stories for {team}, theme `{theme}`** (newest first)"},
        {"inbreng.list_footer",
         "Eén verhaal helemaal lezen: `!inbreng <nummer>`. Alleen dit team ziet deze verhalen; "
         "wie ze doorgaf, weet ik niet.",
         "Read one story in full: `!input <number>`. Only this team sees these stories; I "
         "don't know who passed them on."},
        {"inbreng.list_empty", "Er zijn nog geen verhalen van cliënten voor {team}.",
         "There are no clients' stories for {team} yet."},
        {"inbreng.list_empty_theme",
         "Er zijn geen verhalen van cliënten voor {team} met thema `{theme}`.",
         "There are no clients' stories for {team} with theme `{theme}`."},
        {"inbreng.list_theme_unknown",
         "Dat thema ken ik niet: `{theme}`. Gebruik een trefwoord, bijvoorbeeld `drempels`, "
         "`dagelijks`, `arbeidsmarkt` of `systeem`.",
         "I don't know that theme: `{theme}`. Use a keyword, for example `drempels`, "
         "`dagelijks`, `arbeidsmarkt` or `systeem`."},
        {"inbreng.show", "**Verhaal #{id}** · week {week} · thema: {tags}\n\n{text}",
         "**Story #{id}** · week {week} · theme: {tags}\n\n{text}"},
        {"inbreng.not_found",
         "Verhaal #{id} vind ik niet voor dit team. Met `!inbreng lijst` zie je welke er zijn.",
         "I can't find story #{id} for this team. `!input list` shows which there are."},

        // --- digest -----------------------------------------------------------------------
        {"inbreng.digest_title", "### Verhalen van cliënten ({week})",
         "### Clients' stories ({week})"},
        {"inbreng.digest_empty", "Niets deze week.", "Nothing this week."},
        {"inbreng.digest_total_one", "Deze week kwam er 1 verhaal van een cliënt binnen:",
         "1 client's story came in this week:"},
        {"inbreng.digest_total", "Deze week kwamen er {n} verhalen van cliënten binnen:",
         "{n} clients' stories came in this week:"},
        {"inbreng.digest_more", "…en nog {n}. Alles lezen: `!inbreng lijst` in de teamkamer.",
         "…and {n} more. Read them all: `!input list` in the team room."},
        {"inbreng.digest_per_theme",
         "**Per thema** (aantallen onder de 5 staan er als \"< 5\", zodat niemand herkenbaar "
         "wordt):",
         "**Per theme** (counts below 5 are shown as \"< 5\", so nobody can be recognised):"},
    };
}

}  // namespace dialoog::inbreng
