#pragma once
// Offline commands that read the database or run one pure component: --status, backup, and the
// feature tools (parse-when, scrub, nudge-check, digest, inbreng-export), crypto status and
// crypto reset-identity.

#include <cstdint>
#include <iosfwd>
#include <string>

#include <CLI/CLI.hpp>

#include "bot/net/bot.hpp"
#include "config/config.hpp"

namespace dialoog::tools {

/// `ms` (UTC ms since the epoch) as "2026-12-07T22:00:00Z", for the tools' output.
std::string utc_ms_text(std::int64_t ms);

/// Prints rooms, teams, outbox (pending, failed rows), next jobs and the last sync time.
/// Returns the process exit code.
int print_status(const config::Config& cfg, std::ostream& out);

/// `dialoogbot crypto status`: whether e2ee is on, and the stored device identity (user_id,
/// device_id, ed25519 fingerprint in groups of 4, curve25519 key, whether the device keys
/// are published, unpublished one-time keys, the pickle key path and whether the key opens the
/// identity, problems of the key file, cross-signing). Read-only: the database is not migrated;
/// the pickle key is read to try it, never printed. Returns the exit code: 1 when there is no
/// database or the key does not open the stored identity (the bot would refuse to start).
int print_crypto_status(const config::Config& cfg, std::ostream& out);

/// `dialoogbot crypto reset-identity`: makes a new cross-signing identity (master and
/// self-signing key; the master key to the recovery file, an earlier file moved aside) that
/// the bot uploads at its next start, replacing what the homeserver holds (the server asks
/// for the password). Prints what it means first; does it only with `yes` (--yes). Needs the
/// bot stopped, e2ee.enabled and the stored device identity with its pickle key. Exit 0 or 1.
int reset_crypto_identity(const config::Config& cfg, bool yes, std::ostream& out,
                          std::ostream& err);

/// SQLite online backup of `db_path` into `out_path` (overwritten). Exit code 0 or 1.
int backup_database(const std::string& db_path, const std::string& out_path);

/// Adds the feature subcommands to `app`; `config_path` receives their --config.
void register_subcommands(CLI::App& app, net::BotParts& parts, std::string& config_path);
/// Runs the chosen feature subcommand. Returns the exit code.
int run_subcommand(const std::string& name, net::BotParts& parts, const std::string& config_path);

}  // namespace dialoog::tools
