#include "matrix/events.hpp"

namespace dialoog::matrix {

namespace {
using nlohmann::json;

std::optional<std::string> str_field(const json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
}

const json* obj_field(const json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_object()) return nullptr;
    return &*it;
}

const json* arr_field(const json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_array()) return nullptr;
    return &*it;
}

void parse_events(const json* arr, std::string_view room_id, bool strict, std::vector<Event>& out,
                  int& dropped) {
    if (!arr) return;
    out.reserve(out.size() + arr->size());
    for (const auto& e : *arr) {
        if (auto ev = parse_event(e, room_id, strict))
            out.push_back(std::move(*ev));
        else
            ++dropped;
    }
}
}  // namespace

std::string Event::msgtype() const {
    return str_field(content, "msgtype").value_or("");
}

std::optional<std::string> Event::body() const {
    return str_field(content, "body");
}

std::string Event::rel_type() const {
    if (auto rel = obj_field(content, "m.relates_to"))
        return str_field(*rel, "rel_type").value_or("");
    return "";
}

std::optional<std::string> Event::thread_root() const {
    if (auto rel = obj_field(content, "m.relates_to")) {
        if (str_field(*rel, "rel_type").value_or("") == "m.thread")
            return str_field(*rel, "event_id");
    }
    return std::nullopt;
}

std::optional<Event> parse_event(const json& j, std::string_view room_id, bool strict) {
    if (!j.is_object()) return std::nullopt;
    Event ev;
    auto type = str_field(j, "type");
    auto sender = str_field(j, "sender");
    if (!type || !sender) return std::nullopt;
    ev.type = std::move(*type);
    ev.sender = std::move(*sender);
    if (auto id = str_field(j, "event_id"))
        ev.event_id = std::move(*id);
    else if (strict)
        return std::nullopt;
    ev.room_id = str_field(j, "room_id").value_or(std::string(room_id));
    ev.state_key = str_field(j, "state_key");
    if (auto it = j.find("origin_server_ts"); it != j.end() && it->is_number_integer())
        ev.origin_server_ts = it->get<std::int64_t>();
    if (auto c = obj_field(j, "content")) ev.content = *c;
    ev.redacts = str_field(j, "redacts");
    if (!ev.redacts && ev.type == "m.room.redaction") ev.redacts = str_field(ev.content, "redacts");
    return ev;
}

ApiResult<SyncResponse> parse_sync_response(std::string_view body) {
    json j = json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object())
        return ApiError::local(Errcode::BadJson, "sync response is not a JSON object");
    SyncResponse out;
    auto nb = str_field(j, "next_batch");
    if (!nb) return ApiError::local(Errcode::BadJson, "sync response has no next_batch");
    out.next_batch = std::move(*nb);

    if (auto ad = obj_field(j, "account_data")) {
        if (auto evs = arr_field(*ad, "events")) {
            for (const auto& e : *evs) {
                if (e.is_object() && str_field(e, "type").value_or("") == "m.direct") {
                    if (auto c = obj_field(e, "content")) out.direct = *c;
                }
            }
        }
    }
    if (auto counts = obj_field(j, "device_one_time_keys_count")) {
        std::map<std::string, std::int64_t> m;
        for (const auto& [algorithm, n] : counts->items())
            if (n.is_number_integer()) m[algorithm] = n.get<std::int64_t>();
        out.device_one_time_keys_count = std::move(m);
    }
    if (auto types = arr_field(j, "device_unused_fallback_key_types")) {
        std::vector<std::string> v;
        for (const auto& t : *types)
            if (t.is_string()) v.push_back(t.get<std::string>());
        out.device_unused_fallback_key_types = std::move(v);
    }
    auto rooms = obj_field(j, "rooms");
    if (!rooms) return out;
    if (auto join = obj_field(*rooms, "join")) {
        for (const auto& [room_id, r] : join->items()) {
            if (!r.is_object()) continue;
            JoinedRoom jr;
            jr.room_id = room_id;
            if (auto st = obj_field(r, "state"))
                parse_events(arr_field(*st, "events"), room_id, true, jr.state, out.dropped_events);
            if (auto tl = obj_field(r, "timeline")) {
                parse_events(arr_field(*tl, "events"), room_id, true, jr.timeline,
                             out.dropped_events);
                if (auto it = tl->find("limited"); it != tl->end() && it->is_boolean())
                    jr.limited = it->get<bool>();
                jr.prev_batch = str_field(*tl, "prev_batch");
            }
            out.join.push_back(std::move(jr));
        }
    }
    if (auto invite = obj_field(*rooms, "invite")) {
        for (const auto& [room_id, r] : invite->items()) {
            if (!r.is_object()) continue;
            InvitedRoom ir;
            ir.room_id = room_id;
            if (auto is = obj_field(r, "invite_state"))
                parse_events(arr_field(*is, "events"), room_id, false, ir.invite_state,
                             out.dropped_events);
            out.invite.push_back(std::move(ir));
        }
    }
    if (auto leave = obj_field(*rooms, "leave")) {
        for (const auto& [room_id, r] : leave->items()) {
            if (!r.is_object()) continue;
            LeftRoom lr;
            lr.room_id = room_id;
            if (auto st = obj_field(r, "state"))
                parse_events(arr_field(*st, "events"), room_id, true, lr.state, out.dropped_events);
            if (auto tl = obj_field(r, "timeline"))
                parse_events(arr_field(*tl, "events"), room_id, true, lr.timeline,
                             out.dropped_events);
            out.leave.push_back(std::move(lr));
        }
    }
    return out;
}

ApiResult<MessagesPage> parse_messages_response(std::string_view body, std::string_view room_id) {
    json j = json::parse(body, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return ApiError::local(Errcode::BadJson, "messages response is not a JSON object");
    MessagesPage page;
    int dropped = 0;
    parse_events(arr_field(j, "chunk"), room_id, true, page.chunk, dropped);
    page.end = str_field(j, "end");
    return page;
}

}  // namespace dialoog::matrix
