#pragma once
// How decisions look in chat, reminders and the digest: owner mentions, local dates, the
// "tenzij" fragment, status words. Shared so every place shows a decision the same way.

#include <cstdint>
#include <string>
#include <string_view>

#include "commands/catalogue.hpp"
#include "storage/tenzij/besluiten.hpp"

namespace date {
class time_zone;
}

namespace dialoog::tenzij {

/// A Matrix pill for `user_id`: "[@anna:hs](https://matrix.to/#/@anna:hs)".
std::string user_md(std::string_view user_id);

/// The local calendar day of `ms` in `tz` (null = UTC) via the catalogue ("3-12-2026").
std::string format_day(std::int64_t ms, const date::time_zone* tz, const std::string& lang,
                       const commands::Catalogue& texts);

/// The default follow-up (wanneer::default_follow_up): 09:00 local in `tz` on the working day
/// 14 days after `now_ms` (UTC ms).
std::int64_t default_due_ms(std::int64_t now_ms, const date::time_zone* tz);

/// "open" / "afgerond" / "herzien" in `lang`.
std::string status_text(std::string_view status, const std::string& lang,
                        const commands::Catalogue& texts);

/// The placeholders most decision texts share: id, description, tenzij (via `tenzij_key`,
/// empty when none), owner, due.
commands::TextArgs besluit_args(const Besluit& b, const date::time_zone* tz,
                                const std::string& lang, const commands::Catalogue& texts,
                                std::string_view tenzij_key = "tenzij.item_tenzij");

}  // namespace dialoog::tenzij
