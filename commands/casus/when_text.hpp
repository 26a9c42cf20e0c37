#pragma once
// Times as users read and type them: the catalogue text for a refused <wanneer> (the same text
// in chat and in `dialoogbot parse-when`), and short local renderings such as "di 3 dec 14:00".

#include <cstdint>
#include <string>
#include <string_view>

#include "commands/catalogue.hpp"
#include "lib/wanneer/recurrence.hpp"
#include "lib/wanneer/wanneer.hpp"

namespace dialoog::casus {

/// "casus.when.<error_code_name>" filled with the offending fragment (Markdown-escaped).
std::string when_error_text(const commands::Catalogue& texts, std::string_view lang,
                            const wanneer::WanneerFail& fail);

/// "di 3 dec 14:00" (nl) / "Tue 3 Dec 14:00" (en) in `tz`; the year is added when it differs
/// from the year of `now_ms`.
std::string format_when(std::int64_t ms, const date::time_zone* tz, std::string_view lang,
                        const commands::Catalogue& texts, std::int64_t now_ms);

/// "14:05" in `tz`.
std::string format_clock(std::int64_t ms, const date::time_zone* tz);

/// "3 dec 2026" in `tz`.
std::string format_day(std::int64_t ms, const date::time_zone* tz, std::string_view lang,
                       const commands::Catalogue& texts);

/// "1 uur 15 min" / "45 min".
std::string format_minutes(std::int64_t minutes, std::string_view lang,
                           const commands::Catalogue& texts);

/// "dinsdag 09:00" / "dinsdag 09:00, elke 2 weken" from the catalogue's weekday names.
std::string format_rule(const wanneer::WeeklyRule& rule, std::string_view lang,
                        const commands::Catalogue& texts);

}  // namespace dialoog::casus
