#pragma once
// Shared helpers of the casus_* and intervisie_* tests: a team config, a harness with both
// features, local times in Europe/Amsterdam, and echoing the bot's own sends back through
// /sync (how the real bot learns a thread root's event id).

#include <memory>
#include <string>
#include <vector>

#include "commands/casus/casus_feature.hpp"
#include "commands/inbreng/inbreng_feature.hpp"
#include "commands/intervisie/intervisie_feature.hpp"
#include "commands/tenzij/tenzij_feature.hpp"
#include "lib/wanneer/wanneer.hpp"
#include "storage/inbreng/inputs.hpp"
#include "storage/migrations.hpp"
#include "support/harness.hpp"

namespace casus_test {

using namespace dialoog;
using namespace dialoog::testing;

inline const std::string kRoom = "!team:hs";
inline const std::string kLeider = "@leider:hs";
inline const std::vector<std::string> kMembers = {"@anna:hs", "@bob:hs", "@carla:hs", "@dirk:hs",
                                                  kLeider};

/// Team Noord in !team:hs (Europe/Amsterdam, Dutch) with `team_extra` inside the team mapping
/// (indented by 4 spaces) and `top_extra` at the top level.
inline std::string team_config(const std::string& team_extra = "",
                               const std::string& top_extra = "") {
    return base_config(
        "teams:\n  - name: Team Noord\n    room: \"!team:hs\"\n    leaders: "
        "[\"@leider:hs\"]\n    timezone: Europe/Amsterdam\n" +
        team_extra + top_extra);
}

inline const date::time_zone* ams() {
    return wanneer::find_time_zone("Europe/Amsterdam");
}

/// UTC ms of a local Amsterdam time ("2026-03-27T10:00") or an instant with offset.
inline std::int64_t at(const std::string& text) {
    auto t = wanneer::parse_now_argument(text, ams());
    EXPECT_TRUE(t.has_value()) << text;
    return t ? t->time_since_epoch().count() : 0;
}

inline UtcMs utc(const std::string& text) {
    return from_epoch_ms(at(text));
}

/// Which other features the bot under test has besides casus and intervisie: casus uses the
/// decision log and the client stories only when a feature offers them (Services).
struct Others {
    bool inbreng = false;  // offers ClientVoices
    bool tenzij = false;   // offers the DecisionLog
};

inline std::unique_ptr<Harness> make_harness(const std::string& cfg,
                                             const std::string& now = "2026-03-27T10:00",
                                             bool join = true, Others others = {}) {
    std::vector<std::unique_ptr<commands::Feature>> fs;
    fs.push_back(std::make_unique<casus::CasusFeature>());
    fs.push_back(std::make_unique<intervisie::IntervisieFeature>());
    if (others.inbreng) fs.push_back(std::make_unique<inbreng::InbrengFeature>());
    if (others.tenzij) fs.push_back(std::make_unique<tenzij::TenzijFeature>());
    auto h = std::make_unique<Harness>(std::move(fs), cfg, utc(now));
    if (join) {
        h->join_room(kRoom, kMembers, {{kLeider, 50}});
        h->take();
    }
    return h;
}

/// One bot message that was echoed back, with the event id /sync gave it.
struct Echoed {
    SentMessage msg;
    std::string event_id;
};

/// Takes every pending outbox row and echoes the bot's room messages back as its own events.
inline std::vector<Echoed> echo(Harness& h) {
    std::vector<Echoed> out;
    for (auto& m : h.take()) {
        if (m.kind != "send") continue;
        auto id = h.send_event(m.room_id, kBot, "m.room.message", m.content);
        out.push_back(Echoed{m, id});
    }
    return out;
}

/// The event id of the echoed message marked with `ref` ("casus:1", "intervisie:2"); empty
/// (and a test failure) when none is. Other jobs due at the same instant (the weekly prompt,
/// another session's reminder) may post first, so never assume the root is echoed first.
inline std::string event_with_ref(const std::vector<Echoed>& echoed, const std::string& ref) {
    for (const auto& e : echoed)
        if (e.msg.content.value("nl.dialoogbot.ref", "") == ref) return e.event_id;
    ADD_FAILURE() << "no echoed message with ref " << ref;
    return {};
}

/// Creates the inbreng feature's tables (the harness runs only casus and intervisie).
/// Stores a confirmed client input of `team` as the inbreng feature would; returns its id.
inline std::int64_t add_input(Harness& h, const std::string& team, const std::string& text) {
    static int code = 0;
    return inbreng::Inputs(h.db()).insert(
        inbreng::NewInput{team, "2026-W13", 20535, {}, text, "code-" + std::to_string(++code)});
}

/// True when `body` contains `part`.
inline bool has(const std::string& body, const std::string& part) {
    return body.find(part) != std::string::npos;
}

/// Bodies of every pending send, in order (marks them sent).
inline std::vector<std::string> bodies(Harness& h) {
    std::vector<std::string> out;
    for (auto& m : h.take())
        if (m.kind == "send" || m.kind == "dm") out.push_back(m.body());
    return out;
}

inline std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += s + "\n---\n";
    return out;
}

inline std::int64_t count(Harness& h, const std::string& sql) {
    return h.db().scalar_int(sql);
}

}  // namespace casus_test
