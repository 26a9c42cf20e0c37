#pragma once
// The one-time withdrawal code a submitter gets after storing: `!inbreng intrekken <code>`
// deletes the input. Only a hash of the code is stored (in the input row), never the code and
// never who received it. Crockford base32, 12 symbols (60 random bits), shown as XXXX-XXXX-XXXX.

#include <optional>
#include <string>
#include <string_view>

namespace dialoog::inbreng {

/// A fresh random code, formatted "7KQ2-M9XD-R4TB".
std::string new_withdrawal_code();

/// The canonical form of a typed code (uppercase, dashes and spaces dropped, O->0, I/L->1), or
/// nullopt when it cannot be a code.
std::optional<std::string> normalise_withdrawal_code(std::string_view typed);

/// The stored hash of a canonical code (hex).
std::string withdrawal_code_hash(std::string_view canonical);

}  // namespace dialoog::inbreng
