#include "integration/support/fake_homeserver.hpp"

#include <utility>  // Boost 1.74's awaitable.hpp needs std::exchange

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <stdexcept>
#include <thread>

namespace dialoog::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

const char* to_string(Endpoint e) {
    switch (e) {
        case Endpoint::Whoami:
            return "whoami";
        case Endpoint::Login:
            return "login";
        case Endpoint::Sync:
            return "sync";
        case Endpoint::Send:
            return "send";
        case Endpoint::Redact:
            return "redact";
        case Endpoint::Messages:
            return "messages";
        case Endpoint::Join:
            return "join";
        case Endpoint::Leave:
            return "leave";
        case Endpoint::CreateRoom:
            return "createRoom";
        case Endpoint::AccountData:
            return "account_data";
        case Endpoint::Directory:
            return "directory";
        case Endpoint::Upload:
            return "upload";
        case Endpoint::KeysUpload:
            return "keys_upload";
        case Endpoint::CrossSigningUpload:
            return "device_signing_upload";
        case Endpoint::SignaturesUpload:
            return "signatures_upload";
        case Endpoint::KeysQuery:
            return "keys_query";
    }
    return "?";
}

std::string AcceptedEvent::in_reply_to() const {
    auto rel = content.find("m.relates_to");
    if (rel == content.end() || !rel->is_object()) return "";
    auto irt = rel->find("m.in_reply_to");
    if (irt == rel->end() || !irt->is_object()) return "";
    auto id = irt->find("event_id");
    return id != irt->end() && id->is_string() ? id->get<std::string>() : "";
}

namespace {

constexpr const char* kPrefix = "/_matrix/client/v3/";
constexpr std::size_t kMaxEventBytes = 65536;  // spec: whole serialised event
constexpr const char* kNoiseRoom = "!noise:fake.hs";

std::int64_t wall_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string pct_decode(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
            out.push_back(static_cast<char>(hexval(s[i + 1]) * 16 + hexval(s[i + 2])));
            i += 2;
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        auto pos = s.find(sep, start);
        out.emplace_back(s.substr(start, pos == std::string_view::npos ? s.npos : pos - start));
        if (pos == std::string_view::npos) break;
        start = pos + 1;
    }
    return out;
}

/// "s<digits>" -> position; nullopt for anything else.
std::optional<std::int64_t> parse_token(const std::string& t) {
    if (t.size() < 2 || t[0] != 's') return std::nullopt;
    std::int64_t v = 0;
    for (std::size_t i = 1; i < t.size(); ++i) {
        if (t[i] < '0' || t[i] > '9') return std::nullopt;
        v = v * 10 + (t[i] - '0');
        if (v > (std::int64_t{1} << 50)) return std::nullopt;
    }
    return v;
}

/// j[k] when j is an object and j[k] a string, else "" (injected events may be malformed).
std::string sfield(const json& j, const char* k) {
    if (!j.is_object()) return "";
    auto it = j.find(k);
    return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

std::string token(std::int64_t pos) {
    return "s" + std::to_string(pos);
}

json error_body(const std::string& errcode, const std::string& msg) {
    return json{{"errcode", errcode}, {"error", msg}};
}

struct Route {
    std::optional<Endpoint> endpoint;
    std::string method;
    std::string path;  // decoded, without query
    std::string raw_query;
    std::vector<std::string> seg;              // decoded segments after the v3 prefix
    std::map<std::string, std::string> query;  // decoded
};

Route parse_route(const std::string& method, std::string_view target) {
    Route r;
    r.method = method;
    auto q = target.find('?');
    std::string_view path = target.substr(0, q);
    if (q != std::string_view::npos) {
        r.raw_query = std::string(target.substr(q + 1));
        for (const auto& kv : split(target.substr(q + 1), '&')) {
            if (kv.empty()) continue;
            auto eq = kv.find('=');
            r.query[pct_decode(kv.substr(0, eq))] =
                eq == std::string::npos ? "" : pct_decode(kv.substr(eq + 1));
        }
    }
    r.path = pct_decode(path);
    if (method == "POST" && path == "/_matrix/media/v3/upload") {
        r.endpoint = Endpoint::Upload;
        return r;
    }
    if (path.rfind(kPrefix, 0) != 0) return r;
    for (const auto& s : split(path.substr(std::string_view(kPrefix).size()), '/'))
        r.seg.push_back(pct_decode(s));
    const auto& s = r.seg;
    auto is = [&](std::size_t n, const char* m) { return s.size() == n && method == m; };
    if (is(2, "GET") && s[0] == "account" && s[1] == "whoami")
        r.endpoint = Endpoint::Whoami;
    else if (is(1, "POST") && s[0] == "login")
        r.endpoint = Endpoint::Login;
    else if (is(1, "GET") && s[0] == "sync")
        r.endpoint = Endpoint::Sync;
    else if (is(5, "PUT") && s[0] == "rooms" && s[2] == "send")
        r.endpoint = Endpoint::Send;
    else if (is(5, "PUT") && s[0] == "rooms" && s[2] == "redact")
        r.endpoint = Endpoint::Redact;
    else if (is(3, "GET") && s[0] == "rooms" && s[2] == "messages")
        r.endpoint = Endpoint::Messages;
    else if (is(2, "POST") && s[0] == "join")
        r.endpoint = Endpoint::Join;
    else if (is(3, "POST") && s[0] == "rooms" && s[2] == "leave")
        r.endpoint = Endpoint::Leave;
    else if (is(1, "POST") && s[0] == "createRoom")
        r.endpoint = Endpoint::CreateRoom;
    else if (is(4, "PUT") && s[0] == "user" && s[2] == "account_data")
        r.endpoint = Endpoint::AccountData;
    else if (is(3, "GET") && s[0] == "directory" && s[1] == "room")
        r.endpoint = Endpoint::Directory;
    else if (is(2, "POST") && s[0] == "keys" && s[1] == "upload")
        r.endpoint = Endpoint::KeysUpload;
    else if (is(3, "POST") && s[0] == "keys" && s[1] == "device_signing" && s[2] == "upload")
        r.endpoint = Endpoint::CrossSigningUpload;
    else if (is(3, "POST") && s[0] == "keys" && s[1] == "signatures" && s[2] == "upload")
        r.endpoint = Endpoint::SignaturesUpload;
    else if (is(2, "POST") && s[0] == "keys" && s[1] == "query")
        r.endpoint = Endpoint::KeysQuery;
    return r;
}

/// What a handler decided to answer.
struct Reply {
    int status = 200;
    std::string body = "{}";
    std::vector<std::pair<std::string, std::string>> headers;
    enum class Drop { None, Headers, Body } drop = Drop::None;

    static Reply ok(const json& j) { return Reply{200, j.dump(), {}, Drop::None}; }
    static Reply err(int status, const std::string& errcode, const std::string& msg) {
        return Reply{status, error_body(errcode, msg).dump(), {}, Drop::None};
    }
};

}  // namespace

struct FakeHomeserver::Impl {
    struct Entry {
        std::string room_id;
        json event;
    };
    struct Room {
        std::map<std::pair<std::string, std::string>, json> state;  // (type, state_key)
    };

    explicit Impl(std::string bot_user) : bot(std::move(bot_user)), acceptor(io) {}

    std::string bot;
    asio::io_context io{1};
    tcp::acceptor acceptor;
    std::thread thread;

    mutable std::mutex mu;
    // --- everything below is guarded by mu ---
    std::map<std::string, std::string> tokens;  // token -> device_id
    std::optional<std::string> password;
    int login_seq = 0;
    std::map<std::string, Room> rooms;
    std::vector<Entry> stream;                       // position = index + 1
    std::map<std::string, std::size_t> event_index;  // event_id -> index in stream (first)
    std::map<std::string, std::string> txns;         // device "\n" path -> event_id
    std::vector<AcceptedEvent> accepted;
    std::vector<UploadedMedia> uploads;
    std::map<std::string, int> send_attempts;
    std::vector<RequestRecord> requests;
    std::map<Endpoint, std::deque<Fault>> faults;
    int timeline_limit = 100;
    int force_limited = 0;
    int duplicate_syncs = 0;
    int pad_syncs = 0;
    std::size_t pad_bytes = 0;
    std::map<std::int64_t, std::int64_t> since_from;  // next_batch -> the since it answered
    std::map<std::string, json> account_data;
    std::map<std::string, std::string> aliases;
    int syncs_served = 0;
    std::map<std::string, DeviceKeyState> keys;  // device_id -> its published keys
    std::vector<json> key_uploads;
    FakeHomeserver::CrossSigningState cross_signing;
    bool uia_always = false;
    int uia_seq = 0;
    bool key_news = false;  // counts changed: the next long-poll answers at once
    bool query_token = false;
    std::int64_t event_seq = 0;
    std::int64_t room_seq = 0;
    std::int64_t pad_seq = 0;
    // --- server thread only ---
    std::vector<std::weak_ptr<asio::steady_timer>> waiters;

    // ---------------- helpers (mu held) ----------------
    std::string new_event_id() { return "$e" + std::to_string(++event_seq) + ":fake.hs"; }

    json make_event(const std::string& type, const std::string& sender, json content,
                    std::optional<std::string> state_key = std::nullopt) {
        json ev = {{"event_id", new_event_id()},
                   {"type", type},
                   {"sender", sender},
                   {"origin_server_ts", wall_ms()},
                   {"content", std::move(content)}};
        if (state_key) ev["state_key"] = *state_key;
        return ev;
    }

    void append(const std::string& room_id, json ev) {
        if (auto id = ev.find("event_id"); id != ev.end() && id->is_string())
            event_index.emplace(id->get<std::string>(), stream.size());
        auto sk = ev.find("state_key");
        auto ty = ev.find("type");
        if (sk != ev.end() && sk->is_string() && ty != ev.end() && ty->is_string())
            rooms[room_id].state[{ty->get<std::string>(), sk->get<std::string>()}] = ev;
        stream.push_back(Entry{room_id, std::move(ev)});
    }

    std::string membership(const std::string& room_id, const std::string& user) const {
        auto r = rooms.find(room_id);
        if (r == rooms.end()) return "";
        auto m = r->second.state.find({"m.room.member", user});
        if (m == r->second.state.end()) return "";
        auto c = m->second.find("content");
        return c == m->second.end() ? "" : sfield(*c, "membership");
    }

    void set_member(const std::string& room_id, const std::string& user, const std::string& sender,
                    const std::string& membership, json extra = json::object()) {
        json content = {{"membership", membership}};
        for (auto& [k, v] : extra.items()) content[k] = v;
        append(room_id, make_event("m.room.member", sender, std::move(content), user));
    }

    std::string create_room_locked(const std::string& creator,
                                   const std::vector<std::string>& members, bool bot_joined,
                                   std::string room_id) {
        if (room_id.empty()) room_id = "!r" + std::to_string(++room_seq) + ":fake.hs";
        if (rooms.count(room_id)) throw std::logic_error("room exists: " + room_id);
        rooms[room_id];
        append(room_id, make_event("m.room.create", creator,
                                   {{"room_version", "10"}, {"creator", creator}}, ""));
        set_member(room_id, creator, creator, "join");
        append(room_id, make_event("m.room.power_levels", creator,
                                   {{"users", {{creator, 100}}}, {"users_default", 0}}, ""));
        for (const auto& m : members)
            if (m != creator) set_member(room_id, m, m, "join");
        if (bot_joined && creator != bot) set_member(room_id, bot, bot, "join");
        return room_id;
    }

    /// Takes the next fault queued for `e`, if any.
    std::optional<Fault> take_fault(Endpoint e) {
        auto it = faults.find(e);
        if (it == faults.end() || it->second.empty()) return std::nullopt;
        Fault f = it->second.front();
        it->second.pop_front();
        return f;
    }

    std::optional<std::string> device_of(const std::string& auth_header, Reply& deny) const {
        const std::string prefix = "Bearer ";
        if (auth_header.rfind(prefix, 0) != 0) {
            deny = Reply::err(401, "M_MISSING_TOKEN", "Missing access token");
            return std::nullopt;
        }
        auto it = tokens.find(auth_header.substr(prefix.size()));
        if (it == tokens.end()) {
            deny = Reply{401,
                         json{{"errcode", "M_UNKNOWN_TOKEN"},
                              {"error", "Unrecognised access token"},
                              {"soft_logout", false}}
                             .dump(),
                         {},
                         Reply::Drop::None};
            return std::nullopt;
        }
        return it->second;
    }

    // ---------------- sync ----------------
    /// True when an incremental sync from `from` has something to say.
    bool sync_has_news(std::int64_t from) const {
        if (static_cast<std::int64_t>(stream.size()) > from) return true;
        if (pad_syncs > 0) return true;
        if (key_news) return true;
        if (duplicate_syncs > 0) {
            auto it = since_from.find(from);
            if (it != since_from.end() && it->second < from) return true;
        }
        return false;
    }

    static json strip(const json& ev) {
        json s = json::object();
        for (const char* k : {"type", "state_key", "sender", "content"})
            if (ev.contains(k)) s[k] = ev[k];
        return s;
    }

    json all_state(const std::string& room_id) const {
        json out = json::array();
        auto r = rooms.find(room_id);
        if (r == rooms.end()) return out;
        for (const auto& [k, ev] : r->second.state) out.push_back(ev);
        return out;
    }

    json invite_state(const std::string& room_id) const {
        json out = json::array();
        auto r = rooms.find(room_id);
        if (r == rooms.end()) return out;
        for (const auto& [k, ev] : r->second.state)
            if (k.first == "m.room.create" || k.first == "m.room.name" ||
                (k.first == "m.room.member" && k.second == bot))
                out.push_back(strip(ev));
        return out;
    }

    json padding() {
        // About 50 kB per event, well under the 64 KiB event limit; never a command.
        const std::size_t per_event = 50 * 1024;
        std::size_t n = std::max<std::size_t>(1, pad_bytes / per_event);
        json events = json::array();
        std::string body(per_event, 'x');
        for (std::size_t i = 0; i < n; ++i) {
            body[0] = static_cast<char>('a' + (i % 26));
            events.push_back({{"event_id", "$pad" + std::to_string(++pad_seq) + ":fake.hs"},
                              {"type", "m.room.message"},
                              {"sender", "@noise:fake.hs"},
                              {"origin_server_ts", wall_ms()},
                              {"content", {{"msgtype", "m.text"}, {"body", body}}}});
        }
        return events;
    }

    /// Builds a /sync response (consumes one-shot knobs). `since` nullopt = initial sync.
    json build_sync(std::optional<std::int64_t> since, const std::string& device) {
        const auto to = static_cast<std::int64_t>(stream.size());
        json join = json::object(), invite = json::object(), leave = json::object();
        if (!since) {
            for (const auto& [room_id, room] : rooms) {
                std::string m = membership(room_id, bot);
                if (m == "join") {
                    join[room_id] = {{"state", {{"events", all_state(room_id)}}},
                                     {"timeline",
                                      {{"events", json::array()},
                                       {"limited", false},
                                       {"prev_batch", token(to)}}}};
                } else if (m == "invite") {
                    invite[room_id] = {{"invite_state", {{"events", invite_state(room_id)}}}};
                }
            }
        } else {
            std::int64_t from = *since;
            if (duplicate_syncs > 0) {
                --duplicate_syncs;
                if (auto it = since_from.find(from); it != since_from.end())
                    from = std::min(from, it->second);
            }
            since_from[to] = *since;
            bool force = force_limited > 0 && to > from;
            if (force) --force_limited;
            // Group the new stream entries by room, in stream order.
            std::vector<std::string> order;
            std::map<std::string, std::vector<std::int64_t>> by_room;  // positions
            for (std::int64_t pos = std::max<std::int64_t>(from, 0) + 1; pos <= to; ++pos) {
                const auto& e = stream[static_cast<std::size_t>(pos - 1)];
                auto [it, fresh] = by_room.try_emplace(e.room_id);
                if (fresh) order.push_back(e.room_id);
                it->second.push_back(pos);
            }
            for (const auto& room_id : order) {
                const auto& positions = by_room[room_id];
                std::string m = membership(room_id, bot);
                auto is_own_member = [&](const json& ev, const char* want) {
                    return sfield(ev, "type") == "m.room.member" &&
                           sfield(ev, "state_key") == bot && ev.contains("content") &&
                           sfield(ev["content"], "membership") == want;
                };
                if (m == "join") {
                    bool joined_now = false;
                    for (auto p : positions)
                        joined_now =
                            joined_now ||
                            is_own_member(stream[static_cast<std::size_t>(p - 1)].event, "join");
                    const auto limit = static_cast<std::size_t>(std::max(timeline_limit, 1));
                    bool limited = force || positions.size() > limit;
                    std::size_t first = positions.size() > limit ? positions.size() - limit : 0;
                    json tl = json::array();
                    for (std::size_t i = first; i < positions.size(); ++i)
                        tl.push_back(stream[static_cast<std::size_t>(positions[i] - 1)].event);
                    json room = {{"timeline",
                                  {{"events", tl},
                                   {"limited", limited},
                                   {"prev_batch", token(positions[first] - 1)}}}};
                    room["state"] = {{"events", joined_now ? all_state(room_id) : json::array()}};
                    join[room_id] = std::move(room);
                } else if (m == "invite") {
                    bool invited_now = false;
                    for (auto p : positions)
                        invited_now =
                            invited_now ||
                            is_own_member(stream[static_cast<std::size_t>(p - 1)].event, "invite");
                    if (invited_now)
                        invite[room_id] = {{"invite_state", {{"events", invite_state(room_id)}}}};
                } else if (m == "leave" || m == "ban") {
                    json tl = json::array();
                    for (auto p : positions)
                        tl.push_back(stream[static_cast<std::size_t>(p - 1)].event);
                    leave[room_id] = {{"timeline", {{"events", tl}, {"limited", false}}},
                                      {"state", {{"events", json::array()}}}};
                }
            }
            if (pad_syncs > 0) {
                --pad_syncs;
                json& room = join[kNoiseRoom];
                if (!room.is_object()) room = {{"timeline", {{"events", json::array()}}}};
                for (auto& ev : padding()) room["timeline"]["events"].push_back(std::move(ev));
            }
            ++syncs_served;
        }
        json resp = {{"next_batch", token(to)},
                     {"rooms", {{"join", join}, {"invite", invite}, {"leave", leave}}}};
        // [End-to-End Encryption > Extensions to /sync], as Synapse sends them on every sync.
        key_news = false;
        const DeviceKeyState& ks = keys[device];
        resp["device_one_time_keys_count"] = {
            {"signed_curve25519", static_cast<std::int64_t>(ks.one_time_keys.size())}};
        resp["device_unused_fallback_key_types"] = ks.fallback_key && !ks.fallback_used
                                                       ? json::array({"signed_curve25519"})
                                                       : json::array();
        if (auto it = account_data.find("m.direct"); it != account_data.end())
            resp["account_data"] = {
                {"events", json::array({{{"type", "m.direct"}, {"content", it->second}}})}};
        return resp;
    }

    // ---------------- request handling ----------------
    asio::awaitable<Reply> process(const Route& rt, const http::request<http::string_body>& req) {
        std::string auth(req[http::field::authorization]);
        std::string device;
        if (rt.endpoint != Endpoint::Login) {
            std::lock_guard lock(mu);
            if (rt.query.count("access_token")) query_token = true;
            Reply deny;
            auto d = device_of(auth, deny);
            if (!d) co_return deny;
            device = *d;
        }
        if (rt.endpoint == Endpoint::Sync) co_return co_await handle_sync(rt, device);
        Reply r;
        bool grew = false;
        {
            std::lock_guard lock(mu);
            auto before = stream.size();
            try {
                if (rt.endpoint == Endpoint::Upload)
                    r = handle_upload(rt, req);
                else
                    r = handle_plain(rt, req.body(), device);
            } catch (const std::exception& e) {
                r = Reply::err(500, "M_UNKNOWN", std::string("fake homeserver: ") + e.what());
            }
            grew = stream.size() != before;
        }
        if (grew) wake_waiters();  // e.g. the bot's own message: long-polls return it
        co_return r;
    }

    // Content repository upload: stores the body and answers {"content_uri"} (spec: Content
    // repository, POST /_matrix/media/v3/upload). Caller holds mu.
    Reply handle_upload(const Route& rt, const http::request<http::string_body>& req) {
        UploadedMedia m;
        m.content_uri = "mxc://" + std::string(FakeHomeserver::kServerName) + "/m" +
                        std::to_string(uploads.size() + 1);
        if (auto f = rt.query.find("filename"); f != rt.query.end()) m.filename = f->second;
        m.content_type = std::string(req[http::field::content_type]);
        m.data = req.body();
        std::string uri = m.content_uri;
        uploads.push_back(std::move(m));
        return Reply::ok({{"content_uri", uri}});
    }

    asio::awaitable<Reply> handle_sync(const Route& rt, const std::string& device) {
        std::optional<std::int64_t> since;
        if (auto it = rt.query.find("since"); it != rt.query.end()) {
            since = parse_token(it->second);
            if (!since) co_return Reply::err(400, "M_INVALID_PARAM", "bad since token");
        }
        long timeout = 0;
        if (auto it = rt.query.find("timeout"); it != rt.query.end())
            timeout = std::strtol(it->second.c_str(), nullptr, 10);
        auto deadline =
            Clock::now() + std::chrono::milliseconds(std::clamp<long>(timeout, 0, 60000));
        for (;;) {
            {
                std::lock_guard lock(mu);
                if (!since || sync_has_news(*since) || Clock::now() >= deadline) {
                    try {
                        co_return Reply::ok(build_sync(since, device));
                    } catch (const std::exception& e) {
                        co_return Reply::err(500, "M_UNKNOWN",
                                             std::string("fake homeserver: ") + e.what());
                    }
                }
            }
            auto t = std::make_shared<asio::steady_timer>(io, deadline);
            waiters.push_back(t);
            boost::system::error_code ec;
            co_await t->async_wait(asio::redirect_error(asio::use_awaitable, ec));
        }
    }

    Reply handle_plain(const Route& rt, const std::string& body, const std::string& device) {
        const auto& s = rt.seg;
        switch (*rt.endpoint) {
            case Endpoint::Whoami:
                return Reply::ok({{"user_id", bot}, {"device_id", device}});
            case Endpoint::Login: {
                auto j = json::parse(body, nullptr, false);
                if (!j.is_object()) return Reply::err(400, "M_NOT_JSON", "not JSON");
                if (!password || j.value("type", "") != "m.login.password" ||
                    !j.contains("password") || j["password"] != *password)
                    return Reply::err(403, "M_FORBIDDEN", "Invalid username or password");
                std::string dev = j.value("device_id", "DEV" + std::to_string(login_seq));
                std::string tok = "login-" + std::to_string(++login_seq);
                tokens[tok] = dev;
                return Reply::ok({{"access_token", tok}, {"device_id", dev}, {"user_id", bot}});
            }
            case Endpoint::Send:
            case Endpoint::Redact: {
                const bool redact = *rt.endpoint == Endpoint::Redact;
                const std::string& room_id = s[1];
                const std::string& txn = s[4];
                ++send_attempts[txn];
                const std::string key = device + "\n" + rt.path;
                if (auto it = txns.find(key); it != txns.end())
                    return Reply::ok({{"event_id", it->second}});
                if (membership(room_id, bot) != "join")
                    return Reply::err(403, "M_FORBIDDEN", "not in room");
                auto content = json::parse(body, nullptr, false);
                if (!content.is_object())
                    return Reply::err(400, "M_NOT_JSON", "content is not JSON");
                std::string type = redact ? "m.room.redaction" : s[3];
                json ev = make_event(type, bot, content);
                if (redact) ev["redacts"] = s[3];
                if (ev.dump().size() > kMaxEventBytes)
                    return Reply::err(413, "M_TOO_LARGE", "event too large");
                std::string id = ev["event_id"];
                append(room_id, ev);
                txns[key] = id;
                accepted.push_back(AcceptedEvent{room_id, type, txn, id, device, content});
                return Reply::ok({{"event_id", id}});
            }
            case Endpoint::Messages: {
                const std::string& room_id = s[1];
                auto q = [&](const char* k) {
                    auto it = rt.query.find(k);
                    return it == rt.query.end() ? std::string() : it->second;
                };
                if (q("dir") != "b") return Reply::err(400, "M_INVALID_PARAM", "dir=b only");
                const auto now_pos = static_cast<std::int64_t>(stream.size());
                std::int64_t from =
                    q("from").empty() ? now_pos : parse_token(q("from")).value_or(-1);
                std::int64_t to = q("to").empty() ? 0 : parse_token(q("to")).value_or(-1);
                if (from < 0 || to < 0) return Reply::err(400, "M_INVALID_PARAM", "bad token");
                long limit = q("limit").empty() ? 10 : std::strtol(q("limit").c_str(), nullptr, 10);
                limit = std::clamp<long>(limit, 1, 1000);
                json chunk = json::array();
                std::int64_t pos = std::min(from, now_pos);
                std::int64_t last = pos;
                for (; pos > to && static_cast<long>(chunk.size()) < limit; --pos) {
                    const auto& e = stream[static_cast<std::size_t>(pos - 1)];
                    if (e.room_id != room_id) continue;
                    json ev = e.event;
                    ev["room_id"] = room_id;
                    chunk.push_back(std::move(ev));
                    last = pos;
                }
                bool more = false;
                for (std::int64_t p = last - 1; p > to && !more; --p)
                    more = stream[static_cast<std::size_t>(p - 1)].room_id == room_id;
                json resp = {{"chunk", chunk}, {"start", token(from)}};
                if (more) resp["end"] = token(last - 1);
                return Reply::ok(resp);
            }
            case Endpoint::Join: {
                std::string room_id = s[1];
                if (!room_id.empty() && room_id[0] == '#') {
                    auto a = aliases.find(room_id);
                    if (a == aliases.end()) return Reply::err(404, "M_NOT_FOUND", "no such alias");
                    room_id = a->second;
                }
                if (!rooms.count(room_id)) return Reply::err(404, "M_NOT_FOUND", "no such room");
                std::string m = membership(room_id, bot);
                if (m != "invite" && m != "join")
                    return Reply::err(403, "M_FORBIDDEN", "You are not invited to this room.");
                if (m == "invite") set_member(room_id, bot, bot, "join");
                return Reply::ok({{"room_id", room_id}});
            }
            case Endpoint::Leave: {
                const std::string& room_id = s[1];
                if (!rooms.count(room_id)) return Reply::err(404, "M_NOT_FOUND", "no such room");
                std::string m = membership(room_id, bot);
                if (m != "join" && m != "invite")
                    return Reply::err(403, "M_FORBIDDEN", "not in room");
                set_member(room_id, bot, bot, "leave");
                return Reply::ok(json::object());
            }
            case Endpoint::CreateRoom: {
                auto j = json::parse(body, nullptr, false);
                if (!j.is_object()) return Reply::err(400, "M_NOT_JSON", "not JSON");
                std::string room_id = create_room_locked(bot, {}, true, "");
                bool direct = j.value("is_direct", false);
                if (auto inv = j.find("invite"); inv != j.end() && inv->is_array())
                    for (const auto& u : *inv)
                        if (u.is_string())
                            set_member(room_id, u.get<std::string>(), bot, "invite",
                                       {{"is_direct", direct}});
                return Reply::ok({{"room_id", room_id}});
            }
            case Endpoint::AccountData: {
                if (s[1] != bot) return Reply::err(403, "M_FORBIDDEN", "not your account");
                auto j = json::parse(body, nullptr, false);
                if (!j.is_object()) return Reply::err(400, "M_NOT_JSON", "not JSON");
                account_data[s[3]] = j;
                return Reply::ok(json::object());
            }
            case Endpoint::Directory: {
                auto a = aliases.find(s[2]);
                if (a == aliases.end())
                    return Reply::err(404, "M_NOT_FOUND", "Room alias not found");
                return Reply::ok({{"room_id", a->second}, {"servers", {"fake.hs"}}});
            }
            case Endpoint::KeysUpload:
                return handle_keys_upload(body, device);
            case Endpoint::CrossSigningUpload:
                return handle_cross_signing_upload(body);
            case Endpoint::SignaturesUpload:
                return handle_signatures_upload(body);
            case Endpoint::KeysQuery:
                return handle_keys_query(body);
            case Endpoint::Sync:
            case Endpoint::Upload:  // handled before handle_plain
                break;
        }
        return Reply::err(404, "M_UNRECOGNIZED", "Unrecognized request");
    }

    // POST /keys/upload as Synapse answers it: a one-time key id already uploaded with another
    // key is refused with 400 ("One time key … already exists"), the same key again is
    // accepted and changes nothing; device keys for another device are refused, and so are
    // device keys that differ from those already published. Caller holds mu.
    Reply handle_keys_upload(const std::string& body, const std::string& device) {
        auto j = json::parse(body, nullptr, false);
        if (!j.is_object()) return Reply::err(400, "M_NOT_JSON", "not JSON");
        DeviceKeyState& ks = keys[device];
        if (auto dk = j.find("device_keys"); dk != j.end()) {
            if (!dk->is_object() || sfield(*dk, "user_id") != bot ||
                sfield(*dk, "device_id") != device)
                return Reply::err(400, "M_INVALID_PARAM",
                                  "device_keys must be for the authenticated user and device");
            if (ks.device_keys && *ks.device_keys != *dk)
                return Reply::err(400, "M_INVALID_PARAM",
                                  "device_keys differ from those already uploaded");
        }
        auto otks = j.find("one_time_keys");
        if (otks != j.end()) {
            if (!otks->is_object()) return Reply::err(400, "M_BAD_JSON", "one_time_keys");
            for (const auto& [id, key] : otks->items())
                if (auto old = ks.ever_uploaded.find(id);
                    old != ks.ever_uploaded.end() && old->second != key)
                    return Reply::err(400, "M_UNKNOWN",
                                      "One time key " + id + " already exists. Old key: " +
                                          old->second.dump() + "; new key: " + key.dump());
        }
        auto fbs = j.find("fallback_keys");
        if (fbs != j.end() && (!fbs->is_object() || fbs->size() > 1))
            return Reply::err(400, "M_BAD_JSON", "fallback_keys: one key per algorithm");
        // Valid: apply.
        if (auto dk = j.find("device_keys"); dk != j.end()) ks.device_keys = *dk;
        if (otks != j.end())
            for (const auto& [id, key] : otks->items())
                if (ks.ever_uploaded.emplace(id, key).second) ks.one_time_keys[id] = key;
        if (fbs != j.end())
            for (const auto& [id, key] : fbs->items()) {
                if (!ks.fallback_key || ks.fallback_key->second != key) ks.fallback_used = false;
                ks.fallback_key = std::make_pair(id, key);
            }
        key_uploads.push_back(j);
        return Reply::ok(
            {{"one_time_key_counts",
              {{"signed_curve25519", static_cast<std::int64_t>(ks.one_time_keys.size())}}}});
    }

    // POST /keys/device_signing/upload as Synapse answers it: the first keys of a user and the
    // same keys again need no interactive authentication (MSC3967), a replacement does
    // (m.login.password with the account's password); require_uia_always asks every time.
    // Caller holds mu.
    Reply handle_cross_signing_upload(const std::string& body) {
        auto j = json::parse(body, nullptr, false);
        if (!j.is_object() || !j.contains("master_key") || !j.contains("self_signing_key"))
            return Reply::err(400, "M_BAD_JSON", "master_key and self_signing_key");
        auto& cs = cross_signing;
        const bool same = cs.master_key && *cs.master_key == j["master_key"] &&
                          cs.self_signing_key && *cs.self_signing_key == j["self_signing_key"];
        const bool needs_auth = uia_always || (cs.master_key && !same);
        if (needs_auth) {
            auto auth = j.find("auth");
            json challenge = {{"flows", {{{"stages", {"m.login.password"}}}}},
                              {"params", json::object()},
                              {"session", "uia" + std::to_string(uia_seq + 1)}};
            if (auth == j.end() || !auth->is_object()) {
                ++uia_seq;
                ++cs.uia_challenges;
                return Reply{401, challenge.dump(), {}, Reply::Drop::None};
            }
            if (auth->value("type", "") != "m.login.password" || !password ||
                auth->value("password", "") != *password ||
                auth->value("session", "") != "uia" + std::to_string(uia_seq)) {
                ++cs.uia_challenges;
                challenge["errcode"] = "M_FORBIDDEN";
                challenge["error"] = "Invalid password";
                challenge["session"] = "uia" + std::to_string(uia_seq);
                return Reply{401, challenge.dump(), {}, Reply::Drop::None};
            }
        }
        cs.master_key = j["master_key"];
        cs.self_signing_key = j["self_signing_key"];
        ++cs.uploads;
        return Reply::ok(json::object());
    }

    static json without_signatures(json j) {
        if (j.is_object()) {
            j.erase("signatures");
            j.erase("unsigned");
        }
        return j;
    }

    // POST /keys/signatures/upload: a signature of the bot's device is merged into its
    // published device keys when the signed object is those keys (Synapse also checks the
    // signature; the bot checks it again when it reads /keys/query). Caller holds mu.
    Reply handle_signatures_upload(const std::string& body) {
        auto j = json::parse(body, nullptr, false);
        if (!j.is_object()) return Reply::err(400, "M_NOT_JSON", "not JSON");
        json failures = json::object();
        for (const auto& [user, objects] : j.items()) {
            if (!objects.is_object()) continue;
            for (const auto& [key_id, object] : objects.items()) {
                auto dev = keys.find(key_id);
                if (user != bot || dev == keys.end() || !dev->second.device_keys ||
                    without_signatures(*dev->second.device_keys) != without_signatures(object) ||
                    !object.contains("signatures")) {
                    failures[user][key_id] = error_body("M_INVALID_SIGNATURE", "not a known key");
                    continue;
                }
                for (const auto& [signer, sigs] : object["signatures"].items())
                    for (const auto& [sig_id, sig] : sigs.items())
                        (*dev->second.device_keys)["signatures"][signer][sig_id] = sig;
            }
        }
        return Reply::ok({{"failures", failures}});
    }

    // POST /keys/query: the bot's devices and cross-signing keys (other users are unknown).
    // Caller holds mu.
    Reply handle_keys_query(const std::string& body) {
        auto j = json::parse(body, nullptr, false);
        if (!j.is_object() || !j.contains("device_keys") || !j["device_keys"].is_object())
            return Reply::err(400, "M_BAD_JSON", "device_keys");
        json out = {{"device_keys", json::object()},
                    {"master_keys", json::object()},
                    {"self_signing_keys", json::object()},
                    {"failures", json::object()}};
        for (const auto& [user, ignored] : j["device_keys"].items()) {
            out["device_keys"][user] = json::object();
            if (user != bot) continue;
            for (const auto& [device_id, ks] : keys)
                if (ks.device_keys) out["device_keys"][user][device_id] = *ks.device_keys;
            if (cross_signing.master_key) out["master_keys"][user] = *cross_signing.master_key;
            if (cross_signing.self_signing_key)
                out["self_signing_keys"][user] = *cross_signing.self_signing_key;
        }
        return Reply::ok(out);
    }

    static Reply fault_reply(const Fault& f, const std::string& real_body) {
        // A stand-in body when the handler did not run: looks like a plausible answer.
        std::string body =
            real_body.size() > 2 ? real_body : R"({"next_batch":"s0","event_id":"$x:fake.hs"})";
        switch (f.kind) {
            case Fault::Kind::Status: {
                std::string errcode = !f.errcode.empty()
                                          ? f.errcode
                                          : (f.status == 429 ? "M_LIMIT_EXCEEDED" : "M_UNKNOWN");
                json b = error_body(errcode, "injected fault");
                if (f.retry_after_ms) b["retry_after_ms"] = *f.retry_after_ms;
                Reply r{f.status, b.dump(), {}, Reply::Drop::None};
                if (f.retry_after_header_s)
                    r.headers.emplace_back("Retry-After", std::to_string(*f.retry_after_header_s));
                return r;
            }
            case Fault::Kind::DropHeaders:
                return Reply{200, body, {}, Reply::Drop::Headers};
            case Fault::Kind::DropBody:
                return Reply{200, body, {}, Reply::Drop::Body};
            case Fault::Kind::Malformed:
                return Reply{
                    200, "{\"next_batch\": <html>502 Bad Gateway</html>", {}, Reply::Drop::None};
            case Fault::Kind::Truncated:
                return Reply{200, body.substr(0, body.size() / 2), {}, Reply::Drop::None};
            case Fault::Kind::Stall:
                break;
        }
        return Reply{200, body, {}, Reply::Drop::None};
    }

    asio::awaitable<void> pause(std::chrono::milliseconds d) {
        asio::steady_timer t(io, d);
        boost::system::error_code ec;
        co_await t.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    }

    asio::awaitable<void> session(tcp::socket sock) {
        try {
            co_await serve(sock);
        } catch (const std::exception&) {
            // A bug in the fake must not take the test process down; the client sees a close.
        }
        boost::system::error_code ignored;
        sock.shutdown(tcp::socket::shutdown_both, ignored);
    }

    asio::awaitable<void> serve(tcp::socket& sock) {
        beast::flat_buffer buf;
        for (;;) {
            http::request_parser<http::string_body> parser;
            parser.body_limit(16 * 1024 * 1024);
            boost::system::error_code ec;
            co_await http::async_read(sock, buf, parser,
                                      asio::redirect_error(asio::use_awaitable, ec));
            if (ec) break;
            auto req = parser.release();
            Route rt = parse_route(std::string(req.method_string()),
                                   std::string_view(req.target().data(), req.target().size()));
            std::size_t rec_index = 0;
            std::optional<Fault> fault;
            {
                std::lock_guard lock(mu);
                RequestRecord rec;
                rec.endpoint = rt.endpoint;
                rec.method = rt.method;
                rec.path = rt.path;
                rec.query = rt.raw_query;
                if (rt.endpoint == Endpoint::Send || rt.endpoint == Endpoint::Redact)
                    rec.txn_id = rt.seg[4];
                rec.received = Clock::now();
                rec_index = requests.size();
                requests.push_back(std::move(rec));
                if (rt.endpoint) fault = take_fault(*rt.endpoint);
            }
            Reply reply;
            if (!rt.endpoint) {
                reply = Reply::err(404, "M_UNRECOGNIZED", "Unrecognized request");
            } else if (fault && !fault->after_processing) {
                if (fault->kind == Fault::Kind::Stall) {
                    co_await pause(fault->stall);
                    reply = co_await process(rt, req);
                } else {
                    reply = fault_reply(*fault, "");
                }
            } else {
                reply = co_await process(rt, req);
                if (fault && fault->kind == Fault::Kind::Stall)
                    co_await pause(fault->stall);
                else if (fault)
                    reply = fault_reply(*fault, reply.body);
            }
            {
                std::lock_guard lock(mu);
                requests[rec_index].status = reply.drop == Reply::Drop::None ? reply.status : 0;
            }
            if (reply.drop != Reply::Drop::None) {
                std::string raw;
                if (reply.drop == Reply::Drop::Headers) {
                    raw = "HTTP/1.1 200 OK\r\nContent-Type: appl";
                } else {
                    raw = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                          std::to_string(reply.body.size()) + "\r\n\r\n" +
                          reply.body.substr(0, reply.body.size() / 2);
                }
                co_await asio::async_write(sock, asio::buffer(raw),
                                           asio::redirect_error(asio::use_awaitable, ec));
                break;  // the socket closes when the frame ends
            }
            http::response<http::string_body> res{static_cast<http::status>(reply.status),
                                                  req.version()};
            res.set(http::field::server, "fake-homeserver");
            res.set(http::field::content_type, "application/json");
            for (const auto& [k, v] : reply.headers) res.set(k, v);
            res.keep_alive(req.keep_alive());
            res.body() = std::move(reply.body);
            res.prepare_payload();
            co_await http::async_write(sock, res, asio::redirect_error(asio::use_awaitable, ec));
            if (ec || !res.keep_alive()) break;
        }
    }

    asio::awaitable<void> listen() {
        for (;;) {
            boost::system::error_code ec;
            tcp::socket sock =
                co_await acceptor.async_accept(asio::redirect_error(asio::use_awaitable, ec));
            if (ec) {
                if (ec == asio::error::operation_aborted || !acceptor.is_open()) co_return;
                continue;
            }
            asio::co_spawn(io, session(std::move(sock)), asio::detached);
        }
    }

    /// Server thread only.
    void wake_waiters() {
        for (auto& w : waiters)
            if (auto t = w.lock()) t->cancel();
        waiters.clear();
    }
    /// Wakes long-polling syncs (called from any thread after a change).
    void notify() {
        asio::post(io, [this] { wake_waiters(); });
    }
};

FakeHomeserver::FakeHomeserver(std::string bot_user_id)
    : bot_(std::move(bot_user_id)), impl_(std::make_unique<Impl>(bot_)) {
    tcp::endpoint ep(asio::ip::make_address("127.0.0.1"), 0);
    impl_->acceptor.open(ep.protocol());
    impl_->acceptor.set_option(tcp::acceptor::reuse_address(true));
    impl_->acceptor.bind(ep);
    impl_->acceptor.listen();
    port_ = impl_->acceptor.local_endpoint().port();
    asio::co_spawn(impl_->io, impl_->listen(), asio::detached);
    impl_->thread = std::thread([this] { impl_->io.run(); });
}

FakeHomeserver::~FakeHomeserver() {
    impl_->io.stop();
    impl_->thread.join();
    boost::system::error_code ec;
    impl_->acceptor.close(ec);
    // Destroying the io_context destroys the suspended session frames (closing their sockets)
    // before the acceptor and the state they refer to.
}

std::string FakeHomeserver::base_url() const {
    return "http://127.0.0.1:" + std::to_string(port_);
}

void FakeHomeserver::add_token(const std::string& token, const std::string& device_id) {
    std::lock_guard lock(impl_->mu);
    impl_->tokens[token] = device_id;
}

void FakeHomeserver::revoke_token(const std::string& token) {
    std::lock_guard lock(impl_->mu);
    impl_->tokens.erase(token);
}

void FakeHomeserver::revoke_all_tokens() {
    std::lock_guard lock(impl_->mu);
    impl_->tokens.clear();
}

void FakeHomeserver::set_password(const std::string& password) {
    std::lock_guard lock(impl_->mu);
    impl_->password = password;
}

std::string FakeHomeserver::create_room(const std::string& creator,
                                        const std::vector<std::string>& members, bool bot_joined,
                                        std::string room_id) {
    std::string id;
    {
        std::lock_guard lock(impl_->mu);
        id = impl_->create_room_locked(creator, members, bot_joined, std::move(room_id));
    }
    impl_->notify();
    return id;
}

std::string FakeHomeserver::invite_bot(const std::string& inviter, bool is_direct,
                                       std::string room_id) {
    std::string id;
    {
        std::lock_guard lock(impl_->mu);
        id = room_id;
        if (id.empty() || !impl_->rooms.count(id))
            id = impl_->create_room_locked(inviter, {}, false, std::move(room_id));
        impl_->set_member(id, bot_, inviter, "invite", {{"is_direct", is_direct}});
    }
    impl_->notify();
    return id;
}

void FakeHomeserver::kick_bot(const std::string& room_id, const std::string& by, bool ban) {
    {
        std::lock_guard lock(impl_->mu);
        impl_->set_member(room_id, bot_, by, ban ? "ban" : "leave");
    }
    impl_->notify();
}

std::string FakeHomeserver::post_message(const std::string& room_id, const std::string& sender,
                                         const std::string& body, const json& content_extra) {
    std::string id;
    {
        std::lock_guard lock(impl_->mu);
        json content = {{"msgtype", "m.text"}, {"body", body}};
        for (auto& [k, v] : content_extra.items()) content[k] = v;
        json ev = impl_->make_event("m.room.message", sender, std::move(content));
        id = ev["event_id"];
        impl_->append(room_id, std::move(ev));
    }
    impl_->notify();
    return id;
}

std::vector<std::string> FakeHomeserver::post_messages(const std::string& room_id,
                                                       const std::string& sender,
                                                       const std::vector<std::string>& bodies) {
    std::vector<std::string> ids;
    {
        std::lock_guard lock(impl_->mu);
        for (const auto& b : bodies) {
            json ev =
                impl_->make_event("m.room.message", sender, {{"msgtype", "m.text"}, {"body", b}});
            ids.push_back(ev["event_id"]);
            impl_->append(room_id, std::move(ev));
        }
    }
    impl_->notify();
    return ids;
}

void FakeHomeserver::post_raw_event(const std::string& room_id, json event) {
    {
        std::lock_guard lock(impl_->mu);
        impl_->append(room_id, std::move(event));
    }
    impl_->notify();
}

void FakeHomeserver::replay_event(const std::string& event_id) {
    {
        std::lock_guard lock(impl_->mu);
        auto it = impl_->event_index.find(event_id);
        if (it == impl_->event_index.end()) throw std::logic_error("unknown event " + event_id);
        auto entry = impl_->stream[it->second];
        impl_->stream.push_back(std::move(entry));
    }
    impl_->notify();
}

int FakeHomeserver::claim_one_time_keys(const std::string& device_id, int n) {
    int claimed = 0;
    {
        std::lock_guard lock(impl_->mu);
        auto& otks = impl_->keys[device_id].one_time_keys;
        while (claimed < n && !otks.empty()) {
            otks.erase(otks.begin());
            ++claimed;
        }
        impl_->key_news = true;
    }
    impl_->notify();
    return claimed;
}

void FakeHomeserver::use_fallback_key(const std::string& device_id) {
    {
        std::lock_guard lock(impl_->mu);
        impl_->keys[device_id].fallback_used = true;
        impl_->key_news = true;
    }
    impl_->notify();
}

DeviceKeyState FakeHomeserver::keys_of(const std::string& device_id) const {
    std::lock_guard lock(impl_->mu);
    auto it = impl_->keys.find(device_id);
    return it == impl_->keys.end() ? DeviceKeyState{} : it->second;
}

std::vector<json> FakeHomeserver::key_uploads() const {
    std::lock_guard lock(impl_->mu);
    return impl_->key_uploads;
}

FakeHomeserver::CrossSigningState FakeHomeserver::cross_signing() const {
    std::lock_guard lock(impl_->mu);
    return impl_->cross_signing;
}

void FakeHomeserver::set_cross_signing(json master_key, json self_signing_key) {
    std::lock_guard lock(impl_->mu);
    impl_->cross_signing.master_key = std::move(master_key);
    impl_->cross_signing.self_signing_key = std::move(self_signing_key);
}

void FakeHomeserver::require_uia_always(bool on) {
    std::lock_guard lock(impl_->mu);
    impl_->uia_always = on;
}

void FakeHomeserver::set_alias(const std::string& alias, const std::string& room_id) {
    std::lock_guard lock(impl_->mu);
    impl_->aliases[alias] = room_id;
}

void FakeHomeserver::inject(Endpoint e, Fault f, int count) {
    std::lock_guard lock(impl_->mu);
    for (int i = 0; i < count; ++i) impl_->faults[e].push_back(f);
}

void FakeHomeserver::fail_next(Endpoint e, int count, int status, std::string errcode,
                               bool after_processing) {
    Fault f;
    f.kind = Fault::Kind::Status;
    f.status = status;
    f.errcode = std::move(errcode);
    f.after_processing = after_processing;
    inject(e, f, count);
}

void FakeHomeserver::rate_limit_next(Endpoint e, int count, std::optional<int> retry_after_header_s,
                                     std::optional<std::int64_t> retry_after_ms) {
    Fault f;
    f.kind = Fault::Kind::Status;
    f.status = 429;
    f.errcode = "M_LIMIT_EXCEEDED";
    f.retry_after_header_s = retry_after_header_s;
    f.retry_after_ms = retry_after_ms;
    inject(e, f, count);
}

void FakeHomeserver::stall_next(Endpoint e, int count, std::chrono::milliseconds d,
                                bool after_processing) {
    Fault f;
    f.kind = Fault::Kind::Stall;
    f.stall = d;
    f.after_processing = after_processing;
    inject(e, f, count);
}

void FakeHomeserver::drop_next(Endpoint e, int count, bool in_body, bool after_processing) {
    Fault f;
    f.kind = in_body ? Fault::Kind::DropBody : Fault::Kind::DropHeaders;
    f.after_processing = after_processing;
    inject(e, f, count);
}

void FakeHomeserver::malformed_next(Endpoint e, int count, bool after_processing) {
    Fault f;
    f.kind = Fault::Kind::Malformed;
    f.after_processing = after_processing;
    inject(e, f, count);
}

void FakeHomeserver::truncated_next(Endpoint e, int count, bool after_processing) {
    Fault f;
    f.kind = Fault::Kind::Truncated;
    f.after_processing = after_processing;
    inject(e, f, count);
}

void FakeHomeserver::clear_faults() {
    std::lock_guard lock(impl_->mu);
    impl_->faults.clear();
}

void FakeHomeserver::set_timeline_limit(int n) {
    std::lock_guard lock(impl_->mu);
    impl_->timeline_limit = n;
}

void FakeHomeserver::force_limited_next(int n) {
    std::lock_guard lock(impl_->mu);
    impl_->force_limited = n;
}

void FakeHomeserver::duplicate_next_syncs(int n) {
    {
        std::lock_guard lock(impl_->mu);
        impl_->duplicate_syncs = n;
    }
    impl_->notify();
}

void FakeHomeserver::pad_next_syncs(int n, std::size_t bytes) {
    {
        std::lock_guard lock(impl_->mu);
        impl_->pad_syncs = n;
        impl_->pad_bytes = bytes;
    }
    impl_->notify();
}

std::vector<AcceptedEvent> FakeHomeserver::accepted() const {
    std::lock_guard lock(impl_->mu);
    return impl_->accepted;
}

int FakeHomeserver::replies_to(const std::string& event_id) const {
    std::lock_guard lock(impl_->mu);
    int n = 0;
    for (const auto& a : impl_->accepted) n += a.in_reply_to() == event_id ? 1 : 0;
    return n;
}

std::optional<AcceptedEvent> FakeHomeserver::reply_to(const std::string& event_id) const {
    std::lock_guard lock(impl_->mu);
    for (const auto& a : impl_->accepted)
        if (a.in_reply_to() == event_id) return a;
    return std::nullopt;
}

int FakeHomeserver::send_attempts(const std::string& txn_id) const {
    std::lock_guard lock(impl_->mu);
    auto it = impl_->send_attempts.find(txn_id);
    return it == impl_->send_attempts.end() ? 0 : it->second;
}

std::vector<RequestRecord> FakeHomeserver::requests() const {
    std::lock_guard lock(impl_->mu);
    return impl_->requests;
}

int FakeHomeserver::count_requests(Endpoint e) const {
    std::lock_guard lock(impl_->mu);
    int n = 0;
    for (const auto& r : impl_->requests) n += r.endpoint == e ? 1 : 0;
    return n;
}

int FakeHomeserver::count_responses(Endpoint e, int status) const {
    std::lock_guard lock(impl_->mu);
    int n = 0;
    for (const auto& r : impl_->requests) n += (r.endpoint == e && r.status == status) ? 1 : 0;
    return n;
}

std::string FakeHomeserver::bot_membership(const std::string& room_id) const {
    std::lock_guard lock(impl_->mu);
    return impl_->membership(room_id, bot_);
}

std::optional<json> FakeHomeserver::account_data(const std::string& type) const {
    std::lock_guard lock(impl_->mu);
    auto it = impl_->account_data.find(type);
    if (it == impl_->account_data.end()) return std::nullopt;
    return it->second;
}

std::vector<UploadedMedia> FakeHomeserver::uploads() const {
    std::lock_guard lock(impl_->mu);
    return impl_->uploads;
}

std::int64_t FakeHomeserver::stream_position() const {
    std::lock_guard lock(impl_->mu);
    return static_cast<std::int64_t>(impl_->stream.size());
}

int FakeHomeserver::syncs_served() const {
    std::lock_guard lock(impl_->mu);
    return impl_->syncs_served;
}

int FakeHomeserver::pending_faults() const {
    std::lock_guard lock(impl_->mu);
    int n = 0;
    for (const auto& [e, q] : impl_->faults) n += static_cast<int>(q.size());
    return n;
}

bool FakeHomeserver::saw_query_token() const {
    std::lock_guard lock(impl_->mu);
    return impl_->query_token;
}

}  // namespace dialoog::testing
