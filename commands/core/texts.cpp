// Texts of the core: help, ping, errors, room notices. nl first, en second.
#include "commands/catalogue.hpp"

namespace dialoog::commands {

std::vector<TextEntry> core_texts() {
    return {
        {"core.help_summary", "overzicht van wat ik kan, of uitleg over één opdracht",
         "what I can do, or how one command works"},
        {"core.help_usage", "`!hulp` of `!hulp <opdracht>`", "`!help` or `!help <command>`"},
        {"core.help_examples", "`!hulp`, `!hulp casus`", "`!help`, `!help casus`"},
        {"core.help_title", "**Dit kan ik voor je doen:**", "**Here is what I can do for you:**"},
        {"core.help_footer_team",
         "Uitleg over één opdracht: `!hulp <opdracht>`, bijvoorbeeld `!hulp ping`. Opdrachten "
         "beginnen met `!` (of `/`).",
         "For one command: `!help <command>`, e.g. `!help ping`. Commands start with `!` (or "
         "`/`)."},
        {"core.help_footer_room",
         "Deze kamer is (nog) geen teamkamer: teamfuncties werken pas als een beheerder de kamer "
         "in de configuratie aan een team koppelt. Uitleg over één opdracht: `!hulp <opdracht>`.",
         "This room is not a team room (yet): team features work once an admin links the room to "
         "a team in the configuration. For one command: `!help <command>`."},
        {"core.help_footer_dm",
         "Dit is een privégesprek met mij. Uitleg over één opdracht: `!hulp <opdracht>`.",
         "This is a private chat with me. For one command: `!help <command>`."},
        {"core.help_one", "**{names}** — {summary}\n\nGebruik: {usage}\n\nVoorbeelden: {examples}",
         "**{names}** — {summary}\n\nUsage: {usage}\n\nExamples: {examples}"},
        {"core.help_leader_only", "_Alleen voor leidinggevenden van dit team._",
         "_For this team's leaders only._"},
        {"core.help_admin_only", "_Alleen voor beheerders._", "_For admins only._"},
        {"core.help_unknown", "Die opdracht ken ik niet: `{cmd}`. Typ `!hulp` voor het overzicht.",
         "I don't know that command: `{cmd}`. Type `!help` for the list."},
        {"core.help_unknown_hint",
         "Die opdracht ken ik niet: `{cmd}`. Bedoelde je `{hint}`? Typ `!hulp {hint}`.",
         "I don't know that command: `{cmd}`. Did you mean `{hint}`? Type `!help {hint}`."},
        {"core.ping_summary", "laat zien dat ik er ben en hoe snel ik antwoord",
         "shows that I am here and how fast I answer"},
        {"core.ping_usage", "`!ping`", "`!ping`"},
        {"core.ping_examples", "`!ping`", "`!ping`"},
        {"core.pong", "Pong! Je bericht kwam na {ms} ms bij mij aan.",
         "Pong! Your message reached me after {ms} ms."},
        {"core.unknown_hint", "Bedoelde je `{cmd}`? Typ `!hulp` voor alle opdrachten.",
         "Did you mean `{cmd}`? Type `!help` for all commands."},
        {"core.unknown_dm", "Die opdracht (`{cmd}`) ken ik niet. Typ `!hulp` voor wat ik kan.",
         "I don't know that command (`{cmd}`). Type `!help` to see what I can do."},
        {"core.only_team_room",
         "`{cmd}` werkt alleen in een teamkamer. Deze kamer is niet aan een team gekoppeld; vraag "
         "je beheerder om dat in de configuratie te doen.",
         "`{cmd}` only works in a team room. This room is not linked to a team; ask your admin to "
         "do that in the configuration."},
        {"core.only_team_room_dm",
         "`{cmd}` werkt alleen in de teamkamer van je team, niet in dit privégesprek.",
         "`{cmd}` only works in your team's room, not in this private chat."},
        {"core.only_dm",
         "`{cmd}` werkt alleen in een privégesprek met mij. Stuur me een direct bericht.",
         "`{cmd}` only works in a private chat with me. Send me a direct message."},
        {"core.needs_leader",
         "`{cmd}` is voor leidinggevenden van dit team. Vraag je leidinggevende, of kijk met "
         "`!hulp` wat jij kunt doen.",
         "`{cmd}` is for this team's leaders. Ask your team leader, or see `!help` for what you "
         "can do."},
        {"core.needs_admin", "`{cmd}` is alleen voor beheerders.", "`{cmd}` is for admins only."},
        {"core.internal_error",
         "Sorry, er ging bij mij iets mis. Er is niets opgeslagen. Probeer het later nog eens; "
         "blijft het misgaan, geef dan deze foutcode aan je beheerder: `{error_id}`.",
         "Sorry, something went wrong on my side. Nothing was stored. Please try again later; if "
         "it keeps failing, give your admin this error code: `{error_id}`."},
        {"core.encrypted_room",
         "Hallo! Deze kamer is end-to-end versleuteld en die berichten kan ik (nog) niet lezen. "
         "Gebruik voor dialoogbot een onversleutelde teamkamer; je beheerder kan je daarbij "
         "helpen.",
         "Hello! This room is end-to-end encrypted and I cannot read those messages (yet). Please "
         "use an unencrypted team room for dialoogbot; your admin can help."},
        {"core.welcome_team",
         "Hallo {team}! Ik ben dialoogbot. Ik help jullie met casusbesprekingen, intervisie en "
         "het verhaal van de cliënt. Typ `!hulp` om te zien wat ik kan.",
         "Hello {team}! I am dialoogbot. I help you with case discussions, intervision and the "
         "client's story. Type `!help` to see what I can do."},
        {"core.welcome_room",
         "Hallo! Ik ben dialoogbot. Deze kamer is nog niet aan een team gekoppeld, dus ik ken "
         "hier alleen `!hulp` en `!ping`. Een beheerder kan de kamer in de configuratie aan een "
         "team koppelen.",
         "Hello! I am dialoogbot. This room is not linked to a team yet, so here I only know "
         "`!help` and `!ping`. An admin can link this room to a team in the configuration."},
        {"core.admin_removed",
         "Ter info: ik ben uit kamer `{room}` verwijderd ({how}) door {by}. Ik doe daar niets "
         "meer tot ik opnieuw word uitgenodigd.{reason}",
         "For your information: I was removed from room `{room}` ({how}) by {by}. I will do "
         "nothing there until I am invited again.{reason}"},
        {"core.removed_kicked", "verwijderd", "kicked"},
        {"core.removed_banned", "verbannen", "banned"},
        {"core.removed_reason", " Reden: {reason}", " Reason: {reason}"},
    };
}

}  // namespace dialoog::commands
