#include "bot/net/bot.hpp"

#include <spdlog/spdlog.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <fstream>
#include <random>
#include <sstream>

#include "bot/engine/job_runner.hpp"
#include "common/counters.hpp"
#include "common/logging.hpp"
#include "storage/handled_events.hpp"
#include "storage/migrations.hpp"
#include "storage/outbox.hpp"
#include "storage/rooms.hpp"

namespace dialoog::net {

using namespace std::chrono_literals;
using nlohmann::json;

std::unique_ptr<BotParts> make_parts(std::vector<std::unique_ptr<commands::Feature>> features) {
    auto p = std::make_unique<BotParts>();
    p->features = std::move(features);
    for (auto& f : p->features) {
        f->add_texts(p->texts);
        // Each handler is wrapped to count calls by command name for /metrics (the name is
        // fixed vocabulary, never user input); registration order and name checks unchanged.
        commands::Registry own;
        f->add_commands(own);
        for (const auto* spec : own.all()) {
            commands::CommandSpec counted = *spec;
            counted.handler = [h = spec->handler, name = spec->name](commands::CommandContext& c) {
                counters::add("commands", name);
                h(c);
            };
            p->registry.add(std::move(counted));
        }
        f->add_jobs(p->jobs);
    }
    return p;
}

std::vector<config::SectionSchema> config_sections(const BotParts& parts) {
    std::vector<config::SectionSchema> out;
    for (const auto& f : parts.features)
        for (auto& s : f->config_sections()) out.push_back(std::move(s));
    return out;
}

namespace {

// Timeline events per room per sync; the rest comes through gap filling.
constexpr const char* kFilter =
    R"({"presence":{"not_types":["*"]},"account_data":{"types":["m.direct"]},)"
    R"("room":{"ephemeral":{"not_types":["*"]},"account_data":{"not_types":["*"]},)"
    R"("timeline":{"limit":100},"state":{"lazy_load_members":false}}})";

// A failure the bot finds itself (no API call made), with a code of its own.
ApiError own_error(std::string errcode, std::string message, int http_status = 0) {
    ApiError e;
    e.errcode = std::move(errcode);
    e.message = std::move(message);
    e.http_status = http_status;
    return e;
}

// Success or the error of a call whose response the sender does not use.
template <typename T>
ApiResult<Unit> done(const ApiResult<T>& r) {
    if (!r) return r.error();
    return Unit{};
}

std::optional<std::string> read_secret_file(const std::string& path) {
    std::ifstream in(path);
    if (!in) return std::nullopt;
    std::stringstream ss;
    ss << in.rdbuf();
    std::string s = ss.str();
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
    while (!s.empty() && (s.front() == ' ')) s.erase(0, 1);
    if (s.empty()) return std::nullopt;
    return s;
}

}  // namespace

Bot::Bot(asio::io_context& io, std::shared_ptr<const config::Config> cfg, BotParts& parts,
         const Clock& clock, BotOptions opts)
    : io_(io),
      cfg_(std::move(cfg)),
      parts_(parts),
      clock_(clock),
      opts_(opts),
      outbox_timer_(io),
      scheduler_timer_(io),
      sync_timer_(io),
      token_timer_(io) {
    db_ = std::make_unique<storage::Database>(cfg_->storage);
    storage::migrate_core(*db_);
    for (auto& f : parts_.features) storage::migrate_owner(*db_, f->name(), f->migrations());
    std::vector<commands::Feature*> fs;
    for (auto& f : parts_.features) fs.push_back(f.get());
    std::string key = storage::HandledEvents::load_or_create_key(*db_);
    services_.reset(new commands::Services{*db_, cfg_, parts_.texts, parts_.registry, parts_.jobs,
                                           clock_, key, fs});
    dispatcher_ = std::make_unique<commands::Dispatcher>(*services_);
    processor_ = std::make_unique<engine::SyncProcessor>(*services_, *dispatcher_);
    sync_http_ = make_curl_client(io_);
    send_http_ = make_curl_client(io_);
    sync_mx_ = std::make_unique<MatrixClient>(*sync_http_, cfg_->homeserver);
    send_mx_ = std::make_unique<MatrixClient>(*send_http_, cfg_->homeserver);
    filter_ = kFilter;
    {
        storage::Transaction tx(*db_);
        for (auto* f : fs) f->on_start(*services_);
        tx.commit();
    }
}

Bot::~Bot() = default;

void Bot::set_config(std::shared_ptr<const config::Config> cfg) {
    cfg_ = cfg;
    services_->config = cfg;
    co_spawn(io_, resolve_aliases(), asio::detached);
    wake_scheduler();
}

std::chrono::milliseconds Bot::backoff(int failures) const {
    // Exponential from 1 s, capped, with full jitter in [50 %, 100 %] of the step.
    std::int64_t base = 1000LL << std::min(failures, 16);
    base = std::min<std::int64_t>(base, opts_.max_backoff.count());
    static thread_local std::mt19937_64 rng{std::random_device{}()};
    std::uniform_int_distribution<std::int64_t> dist(base / 2, base);
    return std::chrono::milliseconds(dist(rng));
}

asio::awaitable<void> Bot::sleep(asio::steady_timer& t, std::chrono::milliseconds d) {
    t.expires_after(d);
    boost::system::error_code ec;
    co_await t.async_wait(asio::redirect_error(asio::use_awaitable, ec));
}

void Bot::wake_outbox() {
    outbox_timer_.cancel();
}
void Bot::wake_scheduler() {
    scheduler_timer_.cancel();
}

void Bot::start() {
    running_ = true;
    co_spawn(io_, run_startup(), asio::detached);
}

asio::awaitable<void> Bot::run_startup() {
    // Keep trying until we have a valid token: the bot stays up and tells the admin why.
    int failures = 0;
    // Note: no co_await inside conditions; g++ 12 miscompiles some of those (SIGILL seen).
    while (running_) {
        bool ok = co_await acquire_token();
        if (ok) break;
        if (metrics_.token_invalid) {
            co_await token_watch();
            break;
        }
        co_await sleep(sync_timer_, backoff(++failures));
    }
    if (!running_) co_return;
    started_ = true;
    co_await resolve_aliases();
    co_spawn(io_, sync_loop(), asio::detached);
    co_spawn(io_, outbox_loop(), asio::detached);
    co_spawn(io_, scheduler_loop(), asio::detached);
}

asio::awaitable<bool> Bot::acquire_token() {
    const auto& bot = cfg_->bot;
    std::optional<std::string> token;
    if (const char* env = std::getenv("DIALOOGBOT_ACCESS_TOKEN"); env && *env) token = env;
    if (!token && bot.access_token_file) token = read_secret_file(*bot.access_token_file);
    if (!token && bot.password_file) {
        auto password = read_secret_file(*bot.password_file);
        if (!password) {
            spdlog::error("cannot read bot.password_file {}", *bot.password_file);
            co_return false;
        }
        add_log_secret(*password);
        matrix::LoginRequest req;
        req.user = bot.user_id;
        req.password = *password;
        req.device_id = bot.device_id;
        auto r = co_await send_mx_->login(std::move(req));
        if (!r) {
            if (r.error().http_status == 403) {
                on_token_invalid(r.error());
            } else {
                spdlog::warn("login failed ({}); retrying", r.error().errcode);
            }
            co_return false;
        }
        token = std::move(r->access_token);
    }
    if (!token || token->empty()) {
        on_token_invalid(own_error("no_token", "no access token available"));
        co_return false;
    }
    add_log_secret(*token);
    token_ = *token;
    sync_mx_->set_access_token(token_);
    send_mx_->set_access_token(token_);
    auto who = co_await send_mx_->whoami();
    if (!who) {
        if (who.error().token_rejected()) {
            on_token_invalid(who.error());
        } else {
            if (!metrics_.unreachable_since_ms) metrics_.unreachable_since_ms = now_ms();
            spdlog::warn("homeserver {} not reachable for whoami ({}: {}); retrying",
                         cfg_->homeserver, who.error().errcode, who.error().message);
        }
        co_return false;
    }
    metrics_.unreachable_since_ms = 0;
    const std::string& uid = who->user_id;
    if (uid != bot.user_id) {
        spdlog::error("the access token belongs to {}, but bot.user_id is {}; fix the config", uid,
                      bot.user_id);
        on_token_invalid(own_error("wrong_user", "token of another user"));
        co_return false;
    }
    const std::string dev = who->device_id.value_or("");
    if (!dev.empty() && dev != bot.device_id)
        spdlog::warn(
            "the token's device is {}, config says {}: transaction ids are per device, "
            "so keep one device",
            dev, bot.device_id);
    if (metrics_.token_invalid) spdlog::info("valid access token found: resuming");
    metrics_.token_invalid = false;
    spdlog::info("logged in as {} on {}", uid, cfg_->homeserver);
    co_return true;
}

void Bot::on_token_invalid(const ApiError& e) {
    if (!metrics_.token_invalid) {
        spdlog::error(
            "the homeserver rejected the access token ({}). dialoogbot pauses syncing and sending "
            "and stays up. Put a valid token in {} (or fix bot.password_file) and send SIGHUP, or "
            "wait: the file is re-read every {} s.",
            e.errcode,
            cfg_->bot.access_token_file.value_or(cfg_->bot.password_file.value_or("the config")),
            opts_.token_recheck.count() / 1000);
    }
    metrics_.token_invalid = true;
}

asio::awaitable<void> Bot::token_watch() {
    while (running_ && metrics_.token_invalid) {
        co_await sleep(token_timer_, opts_.token_recheck);
        if (!running_) break;
        bool ok = co_await acquire_token();
        if (ok) break;
    }
    wake_outbox();
}

void Bot::reload_token() {
    if (metrics_.token_invalid) token_timer_.cancel();  // token_watch re-reads at once
}

asio::awaitable<void> Bot::resolve_aliases() {
    auto cfg = cfg_;
    bool any = false;
    for (const auto& t : cfg->teams) any = any || (!t.room.empty() && t.room[0] == '#');
    if (!any) co_return;
    auto copy = std::make_shared<config::Config>(*cfg);
    for (auto& t : copy->teams) {
        if (t.room.empty() || t.room[0] != '#') continue;
        auto r = co_await send_mx_->resolve_alias(t.room);
        if (r) {
            spdlog::info("team {}: alias {} is room {}", t.name, t.room, r->room_id);
            t.room = r->room_id;
        } else {
            spdlog::warn(
                "team {}: cannot resolve room alias {} ({}); the team's features stay "
                "off until it resolves",
                t.name, t.room, r.error().errcode);
        }
    }
    if (cfg_ == cfg) {
        cfg_ = copy;
        services_->config = copy;
    }
}

asio::awaitable<void> Bot::sync_loop() {
    constexpr int kGapRetries = 5;
    int failures = 0;
    int gap_retries = 0;
    bool logged_unreachable = false;
    while (running_) {
        if (metrics_.token_invalid) {
            co_await token_watch();
            continue;
        }
        auto since = processor_->next_batch();
        bool initial = !since.has_value();
        auto r = co_await sync_mx_->sync(since, filter_, initial ? 0 : opts_.sync_timeout_ms);
        if (!running_) break;
        if (!r) {
            const auto& e = r.error();
            if (e.token_rejected()) {
                on_token_invalid(e);
                continue;
            }
            ++metrics_.sync_errors;
            if (e.http_status == 429) ++metrics_.rate_limited;
            if (e.http_status == 0 && !metrics_.unreachable_since_ms)
                metrics_.unreachable_since_ms = now_ms();
            auto delay = e.retry_after_ms ? std::chrono::milliseconds(*e.retry_after_ms)
                                          : backoff(++failures);
            if (!logged_unreachable || failures % 10 == 0)
                spdlog::warn("sync failed ({} {}: {}); next try in {} ms", e.http_status, e.errcode,
                             e.message, delay.count());
            logged_unreachable = true;
            co_await sleep(sync_timer_, delay);
            continue;
        }
        auto parsed = matrix::parse_sync_response(r.value());
        if (!parsed) {
            ++metrics_.sync_errors;
            auto delay = backoff(++failures);
            spdlog::warn("sync response unusable ({}); next try in {} ms", parsed.error().message,
                         delay.count());
            co_await sleep(sync_timer_, delay);
            continue;
        }
        if (parsed->dropped_events)
            spdlog::warn("sync: skipped {} malformed events", parsed->dropped_events);
        if (!initial) {
            auto gap_error = co_await fill_gaps(parsed.value(), *since);
            if (!running_) break;
            // Storing this batch would move past the gap for good and lose the commands in it:
            // sync again from the same position a few times before settling for what we have.
            if (gap_error && gap_retries < kGapRetries) {
                ++gap_retries;
                auto delay = gap_error->retry_after_ms
                                 ? std::chrono::milliseconds(*gap_error->retry_after_ms)
                                 : backoff(gap_retries);
                spdlog::warn("sync gap not filled; syncing again from the same position in {} ms",
                             delay.count());
                co_await sleep(sync_timer_, delay);
                continue;
            }
            if (gap_error)
                spdlog::warn("sync gap still open after {} tries; messages may stay unanswered",
                             gap_retries + 1);
        }
        if (!running_) break;
        bool stored = false;
        try {
            auto st = processor_->process(parsed.value(), initial);
            stored = true;
            metrics_.events_handled += st.handled;
            if (initial)
                spdlog::info(
                    "first start: {} rooms, {} invites; earlier messages are not "
                    "replayed",
                    parsed->join.size(), parsed->invite.size());
            if (st.too_old)
                spdlog::info("skipped {} commands older than catch_up_max_age", st.too_old);
        } catch (const std::exception& e) {
            ++metrics_.sync_errors;
            spdlog::error("could not store sync batch ({}); retrying", e.what());
        }
        if (!stored) {
            co_await sleep(sync_timer_, backoff(++failures));
            continue;
        }
        if (logged_unreachable) spdlog::info("syncing again");
        logged_unreachable = false;
        failures = 0;
        gap_retries = 0;
        ++metrics_.sync_batches;
        metrics_.last_sync_ok_ms = now_ms();
        metrics_.unreachable_since_ms = 0;
        wake_outbox();
        wake_scheduler();
    }
}

asio::awaitable<std::optional<ApiError>> Bot::fill_gaps(matrix::SyncResponse& resp,
                                                        const std::string& since) {
    std::optional<ApiError> failure;
    for (auto& jr : resp.join) {
        if (!jr.limited || !jr.prev_batch) continue;
        std::vector<matrix::Event> older;  // newest first while paging
        std::string from = *jr.prev_batch;
        bool ok = true;
        for (int page = 0; page < 10; ++page) {
            auto r = co_await sync_mx_->messages_backwards(jr.room_id, from, since, 100);
            if (!r) {
                ok = false;
                spdlog::warn("room {}: could not fill a sync gap ({} {})", jr.room_id,
                             r.error().http_status, r.error().errcode);
                if (!failure) failure = r.error();
                break;
            }
            auto pageres = matrix::parse_messages_response(r.value(), jr.room_id);
            if (!pageres) {
                ok = false;
                spdlog::warn("room {}: unusable /messages page while filling a sync gap",
                             jr.room_id);
                if (!failure) failure = pageres.error();
                break;
            }
            if (pageres->chunk.empty()) break;
            for (auto& ev : pageres->chunk) older.push_back(std::move(ev));
            if (!pageres->end || *pageres->end == from) break;
            from = *pageres->end;
        }
        if (older.empty()) continue;
        std::reverse(older.begin(), older.end());
        // Keep only events not already in the timeline.
        std::vector<matrix::Event> merged;
        for (auto& ev : older) {
            bool dup = false;
            for (const auto& t : jr.timeline) dup = dup || t.event_id == ev.event_id;
            if (!dup) merged.push_back(std::move(ev));
        }
        spdlog::info("room {}: filled a sync gap with {} events{}", jr.room_id, merged.size(),
                     ok ? "" : " (partly)");
        for (auto& t : jr.timeline) merged.push_back(std::move(t));
        jr.timeline = std::move(merged);
    }
    co_return failure;
}

asio::awaitable<void> Bot::scheduler_loop() {
    while (running_) {
        std::int64_t now = now_ms();
        auto next = storage::Jobs(*db_).next_due_at();
        if (next && *next <= now) {
            bool ok = false;
            try {
                auto st = engine::run_due_jobs(*services_, now);
                ok = true;
                if (st.fired || st.failed) wake_outbox();
            } catch (const std::exception& e) {
                spdlog::error("scheduler: could not run due jobs ({}); retrying in 5 s", e.what());
            }
            if (!ok) co_await sleep(scheduler_timer_, 5s);
            continue;
        }
        std::int64_t wait = next ? std::min<std::int64_t>(*next - now, 60000) : 60000;
        co_await sleep(scheduler_timer_,
                       std::chrono::milliseconds(std::max<std::int64_t>(wait, 1)));
    }
}

asio::awaitable<void> Bot::outbox_loop() {
    std::int64_t last_prune = 0;
    while (running_ || flushing_) {
        if (metrics_.token_invalid) {
            co_await sleep(outbox_timer_, 5s);
            continue;
        }
        std::int64_t now = now_ms();
        if (now - last_prune > 3600'000) {
            last_prune = now;
            try {
                storage::Outbox(*db_).prune_sent(now - 24 * 3600'000LL);
                storage::HandledEvents(*db_, services_->mark_key).prune(now - 7 * 24 * 3600'000LL);
            } catch (const std::exception& e) {
                spdlog::warn("pruning failed: {}", e.what());
            }
        }
        std::vector<storage::OutboxRow> rows;
        bool readable = false;
        try {
            rows = storage::Outbox(*db_).due_heads(now, 16);
            readable = true;
        } catch (const std::exception& e) {
            spdlog::error("outbox: cannot read ({}); retrying in 5 s", e.what());
        }
        if (!readable) {
            co_await sleep(outbox_timer_, 5s);
            continue;
        }
        if (rows.empty()) {
            if (flushing_) break;
            auto wake = storage::Outbox(*db_).next_wake();
            std::int64_t wait = wake ? std::clamp<std::int64_t>(*wake - now, 1, 60000) : 60000;
            co_await sleep(outbox_timer_, std::chrono::milliseconds(wait));
            continue;
        }
        for (auto& row : rows) {
            if (metrics_.token_invalid) break;
            co_await send_row(std::move(row));
        }
    }
}

asio::awaitable<void> Bot::send_row(storage::OutboxRow row) {
    using storage::OutboxKind;
    storage::Outbox outbox(*db_);
    const std::string& me = cfg_->bot.user_id;
    // Only success or failure matters here: the bot does not use the typed responses.
    ApiResult<Unit> r = own_error("unset", "");
    switch (row.kind) {
        case OutboxKind::Send:
            r = done(co_await send_mx_->send(row.room_id.value_or(""),
                                             row.event_type.value_or("m.room.message"), row.txn_id,
                                             row.content));
            break;
        case OutboxKind::Redact: {
            // Arguments as named locals: g++ 12 destroys a ?: temporary inside a co_await
            // expression twice ("free(): invalid pointer", seen in the integration tests).
            auto c = json::parse(row.content, nullptr, false);
            std::string room_id = row.room_id.value_or("");
            std::string event_id = c.is_object() ? c.value("event_id", "") : "";
            matrix::RedactRequest req;
            req.reason = c.is_object() ? c.value("reason", "") : "";
            r = done(co_await send_mx_->redact(room_id, event_id, row.txn_id, std::move(req)));
            break;
        }
        case OutboxKind::Join:
            r = done(co_await send_mx_->join(row.room_id.value_or("")));
            break;
        case OutboxKind::Leave: {
            auto c = json::parse(row.content, nullptr, false);
            std::string room_id = row.room_id.value_or("");
            matrix::LeaveRequest req;
            req.reason = c.is_object() ? c.value("reason", "") : "";  // see Redact
            r = done(co_await send_mx_->leave(room_id, std::move(req)));
            if (!r && (r.error().http_status == 403 || r.error().http_status == 404))
                r = Unit{};  // not in the room any more: the goal is reached
            break;
        }
        case OutboxKind::AccountData:
            r = done(
                co_await send_mx_->set_account_data(me, row.event_type.value_or(""), row.content));
            break;
        case OutboxKind::UploadSend: {
            // Upload first, then the same row becomes a plain send carrying the content URI.
            auto c = json::parse(row.content, nullptr, false);
            if (!c.is_object() || !c.contains("upload") || !c["upload"].is_object() ||
                !c.contains("message") || !c["message"].is_object()) {
                // Not retried: a 4xx status that is neither 429 nor BadJson.
                r = own_error("bad_row", "upload_send row without upload/message", 400);
                break;
            }
            const auto& up = c["upload"];
            std::string filename = up.value("filename", "file");
            std::string content_type = up.value("content_type", "application/octet-stream");
            std::string data = up.value("data", "");
            auto uploaded = co_await send_mx_->upload(filename, content_type, std::move(data));
            if (!uploaded) {
                r = uploaded.error();
                break;
            }
            json message = c["message"];
            message["url"] = uploaded->content_uri;  // an mxc:// URI (UploadResponse)
            outbox.resolve_upload(row.id,
                                  message.dump(-1, ' ', false, json::error_handler_t::replace));
            wake_outbox();
            co_return;  // sent as a normal row on the next pass, with its own txn_id
        }
        case OutboxKind::Dm: {
            const std::string user = row.target_user.value_or("");
            storage::Rooms rooms(*db_);
            auto known = rooms.dm_room(user);
            bool usable = false;
            if (known) {
                auto room = rooms.get(*known);
                bool partner_left = rooms.member_gone(*known, user);
                usable = room && room->membership == "join" && !partner_left;
            }
            if (!usable) {
                auto req = matrix::CreateRoomRequest::direct_chat(user);
                auto created = co_await send_mx_->create_room(std::move(req));
                if (!created) {
                    r = created.error();
                    break;
                }
                std::string room_id = created->room_id;
                storage::Transaction tx(*db_);
                rooms.set_membership(room_id, "join", now_ms());
                rooms.set_direct(room_id, true);
                rooms.set_member(room_id, me, "join");
                rooms.set_member(room_id, user, "invite");
                rooms.set_dm_room(user, room_id, now_ms());
                json direct = json::object();
                for (const auto& [u, rid] : rooms.dm_rooms()) direct[u] = json::array({rid});
                storage::OutboxItem acct;
                acct.kind = OutboxKind::AccountData;
                acct.event_type = "m.direct";
                acct.txn_id = "acct.direct." + std::to_string(now_ms()) + "." + room_id;
                acct.content = direct.dump();
                outbox.enqueue(acct, now_ms());
                tx.commit();
                known = room_id;
                spdlog::info("created a direct-message room {}", room_id);
            }
            outbox.resolve_dm(row.id, *known);
            wake_outbox();
            co_return;  // sent as a normal row on the next pass, with its own txn_id
        }
    }
    const std::int64_t now = now_ms();
    if (r) {
        ++metrics_.sends_ok;
        storage::Transaction tx(*db_);
        outbox.mark_sent(row.id, now);
        // A join's membership is recorded by the sync that reports it: that is where the
        // change from "invite" to "join" triggers the one greeting. Recording it here first
        // (the join response usually beats the sync) suppressed the greeting.
        tx.commit();
        co_return;
    }
    const ApiError& e = r.error();
    if (e.token_rejected()) {
        on_token_invalid(e);
        co_return;
    }
    if (e.http_status == 429) {
        ++metrics_.rate_limited;
        std::int64_t wait = e.retry_after_ms.value_or(5000);
        outbox.mark_retry(row.id, now + std::max<std::int64_t>(wait, 100), "rate limited");
        co_return;
    }
    // A resolved DM whose partner left, or a room we lost: try a fresh DM for DM rows.
    bool dm_row = row.target_user.has_value();
    if (dm_row && e.http_status == 403) {
        storage::Transaction tx(*db_);
        storage::Rooms(*db_).forget_dm_room(row.room_id.value_or(""));
        outbox.reopen_dm(row.id);
        tx.commit();
        co_return;
    }
    // A response we cannot read ("bad_json", even with status 200) says nothing reliable about
    // whether the server acted: retry with the same txn_id, which the server deduplicates.
    bool retry = e.transient() || e.code == matrix::Errcode::BadJson ||
                 row.kind == OutboxKind::Join;  // joins race invites (#11)
    int max_attempts = row.kind == OutboxKind::Join ? 8 : 50;
    if (retry && row.attempts + 1 < max_attempts) {
        auto delay = backoff(row.attempts + 1);
        outbox.mark_retry(row.id, now + delay.count(), e.errcode);
        if (row.attempts == 0 || e.http_status != 0)
            spdlog::warn("{} {} failed ({} {}); retry {} in {} ms", storage::to_string(row.kind),
                         row.txn_id, e.http_status, e.errcode, row.attempts + 1, delay.count());
        co_return;
    }
    ++metrics_.sends_failed;
    storage::Transaction tx(*db_);
    outbox.mark_failed(row.id, e.errcode + " " + std::to_string(e.http_status));
    // A row may name a follow-up to post when it fails for good (e.g. "please delete your
    // message yourself" after a refused redaction).
    auto c = json::parse(row.content, nullptr, false);
    if (c.is_object() && c.contains("on_fail") && c["on_fail"].is_object()) {
        const auto& f = c["on_fail"];
        storage::OutboxItem item;
        item.kind = OutboxKind::Send;
        item.room_id = f.value("room_id", row.room_id.value_or(""));
        item.event_type = "m.room.message";
        item.txn_id = row.txn_id + ".f";
        item.content = f.value("content", json::object()).dump();
        item.purge_after_send = row.purge_after_send;
        outbox.enqueue(item, now);
    }
    tx.commit();
    spdlog::error("{} {} failed for good ({} {}: {}); kept as failed (see dialoogbot --status)",
                  storage::to_string(row.kind), row.txn_id, e.http_status, e.errcode, e.message);
}

void Bot::stop(std::function<void()> on_stopped) {
    if (!running_) {
        if (on_stopped) asio::post(io_, on_stopped);
        return;
    }
    running_ = false;
    flushing_ = started_;
    sync_http_->cancel_all();
    sync_timer_.cancel();
    scheduler_timer_.cancel();
    token_timer_.cancel();
    wake_outbox();
    co_spawn(
        io_,
        [this, on_stopped]() -> asio::awaitable<void> {
            auto deadline = std::chrono::steady_clock::now() + opts_.shutdown_flush;
            asio::steady_timer t(io_);
            while (flushing_ && std::chrono::steady_clock::now() < deadline) {
                auto pending = storage::Outbox(*db_).due_heads(now_ms(), 1);
                if (pending.empty()) break;
                t.expires_after(50ms);
                boost::system::error_code ec;
                co_await t.async_wait(asio::redirect_error(asio::use_awaitable, ec));
            }
            flushing_ = false;
            send_http_->cancel_all();
            outbox_timer_.cancel();
            if (on_stopped) on_stopped();
        },
        asio::detached);
}

}  // namespace dialoog::net
