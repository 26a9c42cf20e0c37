#pragma once
// The team's decision log (besluitenlijst), as other features may use it: e.g. an action agreed
// in a case discussion is also a decision with an owner and a follow-up date. The feature that
// keeps the log (tenzij) offers it; when that feature is not built in, there is none
// (Services::decision_log() is null) and the caller goes on without it.

#include <cstdint>
#include <string>

namespace dialoog::commands {

struct Services;

/// A decision to record for a team.
struct DecisionDraft {
    std::string team;         // the team's name as in the YAML (TeamConfig::name)
    std::string description;  // the decision or action, as typed (already length-checked)
    std::string owner;        // Matrix user id of the owner (eigenaar)
    std::int64_t due_ms = 0;  // first follow-up (opvolging), UTC ms
    std::string source;       // where it came from, e.g. "casus:12"
    std::int64_t created_ms = 0;
};

class DecisionLog {
  public:
    virtual ~DecisionLog() = default;
    /// Records `d` as an open decision and plans its follow-up reminder at d.due_ms, inside the
    /// caller's savepoint. Returns its number, shown to users as "#<id>". Throws only on
    /// database errors (the caller's savepoint then rolls back).
    virtual std::int64_t record(Services& s, const DecisionDraft& d) = 0;
};

}  // namespace dialoog::commands
