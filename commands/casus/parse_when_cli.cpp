#include "commands/casus/parse_when_cli.hpp"

#include <optional>
#include <ostream>
#include <variant>

#include "commands/casus/when_text.hpp"
#include "commands/catalogue.hpp"
#include "common/clock.hpp"
#include "lib/wanneer/wanneer.hpp"
#include "matrix/content.hpp"

namespace dialoog::casus {

std::vector<commands::TextEntry> casus_texts();

int run_parse_when_cli(const std::string& tz_name, const std::string& now_text,
                       const std::string& text, std::ostream& out, std::ostream& err) {
    commands::Catalogue texts;
    texts.add(casus_texts());
    const std::string lang = "nl";
    const date::time_zone* tz = wanneer::find_time_zone(tz_name);
    if (!tz) {
        err << texts.get(lang, "casus.cli_bad_tz", {{"tz", tz_name}}) << "\n";
        return 1;
    }
    // Without --now the wall clock is "now".
    auto now = now_text.empty() ? std::optional<wanneer::UtcMs>(SystemClock().now())
                                : wanneer::parse_now_argument(now_text, tz);
    if (!now) {
        err << texts.get(lang, "casus.cli_bad_now", {{"now", now_text}}) << "\n";
        return 1;
    }
    auto r = wanneer::parse_wanneer(text, tz, *now);
    if (auto* fail = std::get_if<wanneer::WanneerFail>(&r)) {
        err << matrix::markdown_to_plain(when_error_text(texts, lang, *fail)) << "\n";
        return 1;
    }
    const auto& ok = std::get<wanneer::WanneerOk>(r);
    out << "local: " << ok.local_iso << "\n";
    out << "utc: " << wanneer::format_utc_iso(ok.instant) << "\n";
    return 0;
}

}  // namespace dialoog::casus
