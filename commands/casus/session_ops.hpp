#pragma once
// Operations on one case discussion shared by commands and jobs: scheduling its jobs, role
// proposals (rotation), the start, the steps, and the messages they post.
//
// Jobs of session 12 (all keys start with "casus:12:", so moving or cancelling it removes them
// with one prefix):
//   casus:12:start                 casus.start      at the start instant
//   casus:12:reminder:<ms before>  casus.reminder   configured reminders (24h, 1h)
//   casus:12:voorstel:<rol>        casus.voorstel   when an unanswered role proposal counts as no
//   casus:12:step                  casus.step       end of the current step (or the echo
//                                                   fallback right after the start)

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "commands/casus/scope.hpp"
#include "storage/casus/sessions.hpp"

namespace dialoog::casus {

/// A session this late (start missed while the bot was down) is marked missed.
inline constexpr std::int64_t kMissedAfterMs = 3600LL * 1000;
/// How long to wait for the echo of the root message before posting steps unthreaded.
inline constexpr std::int64_t kEchoFallbackMs = 2LL * 60 * 1000;
/// An unanswered role proposal counts as no after this long (or at the first reminder).
inline constexpr std::int64_t kProposalTimeoutMs = 24LL * 3600 * 1000;

inline constexpr std::string_view kRolInbrenger = "inbrenger";
inline constexpr std::string_view kRolLeider = "gespreksleider";

std::string job_prefix(std::int64_t id);
/// "casus:<id>": the ref of a session's root message.
std::string root_ref(std::int64_t id);

/// (Re)creates the start and reminder jobs of a planned session (removes its old ones first,
/// except open proposal deadlines, which are recomputed).
void schedule_session(Scope& sc, const Session& s);
/// Removes every job of the session.
void unschedule_session(commands::Services& s, std::int64_t id);

/// Who holds `rol` in `s` and in which state.
std::optional<std::string>& role_user(Session& s, std::string_view rol);
std::string& role_state(Session& s, std::string_view rol);

/// The member to ask for `rol`: least recently in that role, not paused, not the bot, not
/// the holder of the other role, not someone who declined this session. nullopt: nobody.
std::optional<std::string> next_candidate(Scope& sc, const Session& s, std::string_view rol);

/// Asks the next candidate for `rol` (updates `s` in memory, records the proposal and its
/// deadline job). Returns the Markdown line to post ("@x, wil jij …?" or "nobody found") and
/// adds the asked user to `mentions`.
std::string propose(Scope& sc, Session& s, std::string_view rol,
                    std::vector<std::string>& mentions);
/// Proposes `user` (named in !casus plan by someone else) for `rol`.
std::string propose_user(Scope& sc, Session& s, std::string_view rol, const std::string& user,
                         std::vector<std::string>& mentions);

/// Proposals of `s` that are open and past their deadline count as no; while the session is
/// still ahead the next candidate is asked in the room. Saves `s`.
void expire_proposals(Scope& sc, Session& s);

/// "Inbrenger: … · Gespreksleider: … · Methode: … (75 min)".
std::string roles_line(const Scope& sc, const Session& s);
/// Confirmed and proposed role holders, for m.mentions.
std::vector<std::string> role_mentions(const Session& s);

/// The start job: marks the session missed (more than an hour late) or running and posts the
/// root message; plans the next session of its series. Saves `s`.
void start_session(Scope& sc, Session& s);
/// Posts the next step in the thread (or the "all steps done" note) and schedules the step
/// job. Saves `s`.
void advance_step(Scope& sc, Session& s);
/// Closes the session: summary posted in the room and stored. Saves `s`.
void close_session(Scope& sc, Session& s);

/// Plans the next session of series `reeks_id` after `after_ms` (when it is active and none is
/// planned) and announces it in the room.
void plan_next_of_series(Scope& sc, std::int64_t reeks_id, std::int64_t after_ms);

/// Records a keyed hash of `sender` as a participant of `s` (a running session).
void note_participant(commands::Services& s, const Session& session, std::string_view sender);

}  // namespace dialoog::casus
