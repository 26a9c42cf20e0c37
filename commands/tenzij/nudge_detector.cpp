#include "commands/tenzij/nudge_detector.hpp"

#include <istream>
#include <ostream>
#include <unordered_set>

#include "commands/tenzij/nudge_guards.hpp"
#include "commands/tenzij/nudge_regex.hpp"
#include "commands/tenzij/nudge_text.hpp"

namespace dialoog::tenzij {
namespace {

// Per sentence and pattern, how many vetoed matches we look past before giving up; bounds
// the guard work on adversarial text such as "dat kan niet" repeated a thousand times.
constexpr int kMaxMatchesPerPattern = 16;

}  // namespace

struct NudgeDetector::Impl {
    std::vector<NudgePattern> patterns;
    std::vector<NudgeRegex> compiled;  // same order as patterns
};

std::string NudgePatternError::to_string() const {
    return "nudge pattern " + pattern_id + ": " + message + " at offset " + std::to_string(offset);
}

NudgeBuildResult NudgeDetector::create(const NudgeConfig& config) {
    std::vector<NudgePatternError> errors;
    std::vector<NudgePattern> defaults = default_patterns();

    std::vector<bool> removed(defaults.size(), false);
    for (const std::string& target : config.remove_ids) {
        bool found = false;
        for (std::size_t i = 0; i < defaults.size(); ++i) {
            if (defaults[i].id == target || defaults[i].pcre == target) {
                removed[i] = true;
                found = true;
            }
        }
        if (!found) {
            errors.push_back({target, "remove: no built-in pattern has this id or pcre text", 0});
        }
    }

    auto impl = std::make_shared<Impl>();
    for (std::size_t i = 0; i < defaults.size(); ++i) {
        if (!removed[i]) impl->patterns.push_back(std::move(defaults[i]));
    }
    std::unordered_set<std::string> ids;
    for (const NudgePattern& p : impl->patterns) ids.insert(p.id);
    for (const NudgePattern& p : config.add) {
        if (p.id.empty()) {
            errors.push_back({p.id, "add: pattern id is empty", 0});
            continue;
        }
        if (p.language.empty()) {
            errors.push_back({p.id, "add: language is empty (use \"nl\" or \"en\")", 0});
            continue;
        }
        if (!ids.insert(p.id).second) {
            errors.push_back({p.id, "add: id is already in use (remove the built-in first)", 0});
            continue;
        }
        impl->patterns.push_back(p);
    }

    for (const NudgePattern& p : impl->patterns) {
        auto compiled = NudgeRegex::compile(normalise_pattern_quotes(p.pcre));
        if (auto* error = std::get_if<RegexError>(&compiled)) {
            errors.push_back({p.id, error->message, error->offset});
        } else {
            impl->compiled.push_back(std::get<NudgeRegex>(std::move(compiled)));
        }
    }

    if (!errors.empty()) return errors;
    return NudgeDetector(std::move(impl));
}

std::optional<NudgeMatch> NudgeDetector::detect(std::string_view message_body) const {
    const std::string normalised = normalise_message(message_body);
    for (const std::string& line : speakable_lines(normalised)) {
        for (const Sentence& sentence : split_sentences(line)) {
            for (std::size_t i = 0; i < impl_->compiled.size(); ++i) {
                std::size_t pos = 0;
                for (int checked = 0; checked < kMaxMatchesPerPattern; ++checked) {
                    std::optional<RegexSpan> span = impl_->compiled[i].find(sentence.text, pos);
                    if (!span) break;
                    if (veto_reason(MatchSite{sentence, span->begin, span->end}).empty()) {
                        return NudgeMatch{impl_->patterns[i].id};
                    }
                    pos = span->end;
                }
            }
        }
    }
    return std::nullopt;
}

const std::vector<NudgePattern>& NudgeDetector::patterns() const {
    return impl_->patterns;
}

void nudge_check_stream(const NudgeDetector& detector, std::istream& in, std::ostream& out) {
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        out << (detector.detect(line) ? "1" : "0") << '\n';
    }
    out.flush();
}

}  // namespace dialoog::tenzij
