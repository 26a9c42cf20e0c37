#pragma once
// Pure parsing of the !besluit line:
//   <beschrijving> [tenzij <voorwaarde>] [opvolging <wanneer>] [eigenaar @user]
// Clause words (Dutch or English: tenzij/unless, opvolging/follow-up/followup,
// eigenaar/owner) start a clause only after at least one word of description, each kind at
// most once (a second "tenzij" is part of the text), and "eigenaar" only when a mention
// follows, so "gesprek met de eigenaar van de zaak" stays description. Clauses may come in any
// order. Nothing here checks the <wanneer> or the user id: the handler does, so it can answer
// with the right friendly error.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dialoog::tenzij {

struct BesluitLine {
    std::string description;
    std::optional<std::string> tenzij;     // set when the clause word was present
    std::optional<std::string> opvolging;  // the <wanneer> text
    std::optional<std::string> eigenaar;   // the text after the clause word
    /// The first clause word present with nothing after it ("tenzij"), as typed. Also a
    /// trailing "eigenaar"/"owner" (`!besluit Bellen eigenaar`).
    std::optional<std::string> empty_clause;
    /// The line starts with a clause word ("tenzij …", "opvolging morgen", "eigenaar @x"):
    /// the description is missing; as typed.
    std::optional<std::string> leading_clause;
};

/// `mentions_present`: the event carries m.mentions user ids (a pill whose body shows a display
/// name rather than "@user:server"), so "eigenaar <name>" counts as a clause.
BesluitLine parse_besluit_line(std::string_view text, bool mentions_present);

/// "@local:server" with a non-empty local part and server.
bool looks_like_user_id(std::string_view s);

}  // namespace dialoog::tenzij
