#pragma once
// Small fake features for the digest tests: each returns a known section from a seeded table,
// so the digest's composition, week bounds and privacy can be checked without the real
// casus/inbreng/tenzij features (which are written in parallel).

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

#include "commands/digest/digest_feature.hpp"
#include "commands/digest_contributor.hpp"
#include "lib/wanneer/recurrence.hpp"
#include "support/harness.hpp"

namespace dialoog::testing::digest_fakes {

using commands::DigestRequest;
using commands::Services;

/// A fake feature with a digest part; features() below gives the parts their digest_order()
/// in the order the test lists them.
class FakePart : public commands::Feature, public commands::DigestContributor {
  public:
    commands::DigestContributor* digest() override { return this; }
    int digest_order() const override { return order_; }
    void set_digest_order(int order) { order_ = order; }

  private:
    int order_ = 0;
};

/// Case discussions per team: a table of (team, at, title, participants).
class FakeSessions final : public FakePart {
  public:
    std::string_view name() const override { return "fakesessions"; }
    std::vector<storage::Migration> migrations() const override {
        return {{1,
                 "CREATE TABLE fake_sessions(team TEXT NOT NULL, at INTEGER NOT NULL, title TEXT "
                 "NOT NULL, participants INTEGER NOT NULL);"}};
    }
    std::string digest_section(Services& s, const DigestRequest& r) override {
        bool en = r.lang == "en";
        std::string md = en ? "### Case discussions\n\n" : "### Casusbesprekingen\n\n";
        auto st = s.db.prepare(
            "SELECT title, participants FROM fake_sessions WHERE team=? AND at>=? AND at<? "
            "ORDER BY at");
        st.bind(1, r.team->name).bind(2, r.week_start_ms).bind(3, r.week_end_ms);
        std::string rows;
        while (st.step())
            rows += "| " + commands::md_escape(st.column_text(0)) + " | " +
                    std::to_string(st.column_int(1)) + " |\n";
        if (rows.empty()) return md + (en ? "_nothing this week_\n" : "_niets deze week_\n");
        return md +
               (en ? "| Title | Participants |\n|---|---|\n"
                   : "| Titel | Deelnemers |\n|---|---|\n") +
               rows;
    }
    std::vector<commands::DigestFigure> digest_figures(Services& s,
                                                       const DigestRequest& r) override {
        auto st =
            s.db.prepare("SELECT COUNT(*) FROM fake_sessions WHERE team=? AND at>=? AND at<?");
        st.bind(1, r.team->name).bind(2, r.week_start_ms).bind(3, r.week_end_ms);
        st.step();
        return {{"sessies", st.column_int(0), false}};
    }
};

/// Client input per team: (team, at, text); shows the total and at most 2 texts, no sender.
class FakeInput final : public FakePart {
  public:
    std::string_view name() const override { return "fakeinput"; }
    std::vector<storage::Migration> migrations() const override {
        return {{1,
                 "CREATE TABLE fake_input(team TEXT NOT NULL, at INTEGER NOT NULL, text TEXT NOT "
                 "NULL);"}};
    }
    std::string digest_section(Services& s, const DigestRequest& r) override {
        bool en = r.lang == "en";
        auto st =
            s.db.prepare("SELECT text FROM fake_input WHERE team=? AND at>=? AND at<? ORDER BY at");
        st.bind(1, r.team->name).bind(2, r.week_start_ms).bind(3, r.week_end_ms);
        std::vector<std::string> texts;
        while (st.step()) texts.push_back(st.column_text(0));
        std::string md = en ? "### Client input\n\n" : "### Cliëntinbreng\n\n";
        if (texts.empty()) return md + (en ? "_nothing this week_\n" : "_niets deze week_\n");
        md += (en ? "Received: " : "Ontvangen: ") + std::to_string(texts.size()) + "\n\n";
        for (std::size_t i = 0; i < texts.size() && i < 2; ++i)
            md += "- " + commands::md_escape(texts[i]) + "\n";
        return md;
    }
    std::vector<commands::DigestFigure> digest_figures(Services& s,
                                                       const DigestRequest& r) override {
        auto st = s.db.prepare("SELECT COUNT(*) FROM fake_input WHERE team=? AND at>=? AND at<?");
        st.bind(1, r.team->name).bind(2, r.week_start_ms).bind(3, r.week_end_ms);
        st.step();
        return {{"inbreng", st.column_int(0), true}};
    }
};

/// A feature without a digest section.
class Silent final : public commands::Feature {
  public:
    std::string_view name() const override { return "silent"; }
};

/// Records every request it gets; returns `text` (may be empty).
class Recorder final : public FakePart {
  public:
    Recorder(std::shared_ptr<std::vector<DigestRequest>> log, std::string text = "")
        : log_(std::move(log)), text_(std::move(text)) {}
    std::string_view name() const override { return "recorder"; }
    std::string digest_section(Services&, const DigestRequest& r) override {
        log_->push_back(r);
        return text_;
    }

  private:
    std::shared_ptr<std::vector<DigestRequest>> log_;
    std::string text_;
};

/// A section of `bytes` bytes in many paragraphs (for the 60,000-byte split).
class Huge final : public FakePart {
  public:
    explicit Huge(std::size_t bytes) : bytes_(bytes) {}
    std::string_view name() const override { return "huge"; }
    std::string digest_section(Services&, const DigestRequest&) override {
        std::string md = "### Veel\n\n";
        int n = 0;
        while (md.size() < bytes_)
            md += "Alinea " + std::to_string(++n) + ": " + std::string(180, 'x') + "\n\n";
        return md + "EINDE\n";
    }

  private:
    std::size_t bytes_;
};

/// A section that throws (an internal error in another feature).
class Broken final : public FakePart {
  public:
    std::string_view name() const override { return "broken"; }
    std::string digest_section(Services&, const DigestRequest&) override {
        throw std::runtime_error("kapot");
    }
};

template <typename... F>
std::vector<std::unique_ptr<commands::Feature>> features(std::unique_ptr<F>... f) {
    std::vector<std::unique_ptr<commands::Feature>> out;
    int order = 0;
    const auto add = [&](auto part) {
        if constexpr (std::is_base_of_v<FakePart, typename decltype(part)::element_type>)
            part->set_digest_order(order += 10);
        out.push_back(std::move(part));
    };
    (add(std::move(f)), ...);
    return out;
}

/// UTC instant of a local wall-clock time in `zone`.
inline UtcMs local_time(const char* zone, int y, unsigned m, unsigned d, int hh, int mm) {
    auto* tz = date::locate_zone(zone);
    auto local = date::local_days{date::year{y} / date::month{m} / date::day{d}} +
                 std::chrono::hours{hh} + std::chrono::minutes{mm};
    return std::chrono::time_point_cast<std::chrono::milliseconds>(
        tz->to_sys(local, date::choose::earliest));
}

inline std::int64_t ms(UtcMs t) {
    return to_epoch_ms(t);
}

/// Compares `actual` with tests/unit/golden/<name>; DIALOOG_UPDATE_GOLDEN=1 rewrites it.
inline void expect_golden(const std::string& name, const std::string& actual) {
    std::filesystem::path p =
        std::filesystem::path(DIALOOG_SOURCE_DIR) / "tests" / "unit" / "golden" / name;
    if (std::getenv("DIALOOG_UPDATE_GOLDEN")) {
        std::ofstream(p, std::ios::binary) << actual;
        return;
    }
    std::ifstream in(p, std::ios::binary);
    ASSERT_TRUE(in) << "missing golden file " << p << " (run with DIALOOG_UPDATE_GOLDEN=1)";
    std::stringstream ss;
    ss << in.rdbuf();
    EXPECT_EQ(ss.str(), actual) << "golden file " << p;
}

}  // namespace dialoog::testing::digest_fakes
