#include "bot/engine/sync_processor.hpp"

#include <spdlog/spdlog.h>

#include "commands/feature.hpp"
#include "common/error_id.hpp"
#include "common/keyed_hash.hpp"
#include "storage/handled_events.hpp"
#include "storage/kv_store.hpp"
#include "storage/outbox.hpp"
#include "storage/rooms.hpp"

namespace dialoog::engine {

using matrix::Event;

SyncProcessor::SyncProcessor(commands::Services& s, commands::Dispatcher& d) : s_(s), d_(d) {}

std::optional<std::string> SyncProcessor::next_batch() {
    return storage::KvStore(s_.db).get("next_batch");
}

BatchStats SyncProcessor::process(const matrix::SyncResponse& resp, bool initial) {
    BatchStats st;
    storage::Transaction tx(s_.db);
    for (const auto& inv : resp.invite) handle_invite(inv, st);
    for (const auto& jr : resp.join) handle_join(jr, initial, st);
    for (const auto& lr : resp.leave) handle_leave(lr, initial);
    if (resp.direct) {
        // Adopt DM rooms the account already has (e.g. after restoring an old database).
        storage::Rooms rooms(s_.db);
        for (const auto& [user, list] : resp.direct->items()) {
            if (!list.is_array() || list.empty() || !list.back().is_string()) continue;
            if (!rooms.dm_room(user))
                rooms.set_dm_room(user, list.back().get<std::string>(), s_.now_ms());
        }
    }
    storage::KvStore kv(s_.db);
    kv.set("next_batch", resp.next_batch);
    kv.set("last_sync_ms", std::to_string(s_.now_ms()));
    tx.commit();
    return st;
}

void SyncProcessor::handle_invite(const matrix::InvitedRoom& inv, BatchStats& st) {
    const auto& cfg = s_.cfg();
    storage::Rooms rooms(s_.db);
    auto existing = rooms.get(inv.room_id);
    if (existing && existing->membership == "join") return;
    const Event* own = nullptr;
    for (const auto& ev : inv.invite_state)
        if (ev.type == "m.room.member" && ev.state_key == cfg.bot.user_id &&
            ev.content.value("membership", "") == "invite")
            own = &ev;
    if (!own) return;
    // The invite repeats in every sync until we act; the outbox row's fixed txn_id (cause =
    // room + inviter + the invite event) makes the repeat a no-op. The invite's event id is part
    // of the cause so that a new invite after a kick gets a new join row (with room + inviter
    // only, the old, already sent row's txn_id matched and the bot never rejoined).
    const std::string cause = "invite:" + inv.room_id + ":" + own->sender +
                              (own->event_id.empty() ? "" : ":" + own->event_id);
    bool is_direct = own->content.value("is_direct", false);
    bool allowed = cfg.invite_allowed(own->sender);
    for (auto* f : s_.features) allowed = allowed || f->accepts_invite(own->sender, is_direct);
    if (existing && existing->membership == "invite" && existing->inviter == own->sender) return;
    storage::Savepoint sp(s_.db, "invite");
    rooms.set_membership(inv.room_id, "invite", s_.now_ms(), own->sender);
    rooms.set_direct(inv.room_id, is_direct);
    commands::Effects fx(s_.db, s_.clock, s_.mark_key, cause);
    if (allowed) {
        spdlog::info("invite to {} from {}: joining", inv.room_id, own->sender);
        fx.join(inv.room_id);
    } else {
        spdlog::warn("invite to {} from {} is not allowed by invites.allow: rejecting", inv.room_id,
                     own->sender);
        fx.leave(inv.room_id);
        rooms.set_membership(inv.room_id, "leave", s_.now_ms());
    }
    ++st.invites;
    sp.release();
}

void SyncProcessor::apply_state(const Event& ev) {
    storage::Rooms rooms(s_.db);
    const auto& key = ev.state_key.value_or("");
    if (ev.type == "m.room.power_levels" && key.empty()) {
        rooms.set_power_levels(ev.room_id, ev.content.dump());
    } else if (ev.type == "m.room.create" && key.empty()) {
        std::string version = "1";
        if (auto v = ev.content.find("room_version"); v != ev.content.end() && v->is_string())
            version = v->get<std::string>();
        nlohmann::json extra = nlohmann::json::array();
        if (auto a = ev.content.find("additional_creators"); a != ev.content.end() && a->is_array())
            extra = *a;
        rooms.set_create(ev.room_id, ev.sender, version, extra.dump());
    } else if (ev.type == "m.room.encryption" && key.empty()) {
        rooms.set_encrypted(ev.room_id, s_.now_ms());
    } else if (ev.type == "m.room.member" && !key.empty()) {
        auto m = ev.content.find("membership");
        if (m != ev.content.end() && m->is_string())
            rooms.set_member(ev.room_id, key, m->get<std::string>());
    }
}

void SyncProcessor::handle_join(const matrix::JoinedRoom& jr, bool initial, BatchStats& st) {
    storage::Rooms rooms(s_.db);
    auto before = rooms.get(jr.room_id);
    bool newly_joined = !before || before->membership != "join";
    if (newly_joined) rooms.set_membership(jr.room_id, "join", s_.now_ms());
    for (const auto& ev : jr.state) apply_state(ev);
    for (const auto& ev : jr.timeline)
        if (ev.is_state()) apply_state(ev);

    auto room = rooms.get(jr.room_id);
    const auto* team = s_.cfg().team_for_room(jr.room_id);
    const std::string lang = d_.language_for(team);
    // Greet once when we accepted an invite (not for rooms found joined on a first start).
    if (newly_joined && before && before->membership == "invite" && !initial) {
        commands::Effects fx(s_.db, s_.clock, s_.mark_key, "welcome:" + jr.room_id);
        if (room && room->encrypted) {
            // The encryption notice below says everything; no second greeting.
        } else if (team) {
            fx.notice(jr.room_id, s_.texts.get(lang, "core.welcome_team",
                                               {{"team", commands::md_escape(team->name)}}));
        } else if (!(room && room->is_direct)) {
            fx.notice(jr.room_id, s_.texts.get(lang, "core.welcome_room"));
        }
    }
    if (room && room->encrypted && !room->encryption_notice_sent) {
        spdlog::warn("room {} is end-to-end encrypted: dialoogbot cannot read it; posted a notice",
                     jr.room_id);
        commands::Effects fx(s_.db, s_.clock, s_.mark_key, "encrypted:" + jr.room_id);
        fx.notice(jr.room_id, s_.texts.get(lang, "core.encrypted_room"));
        rooms.set_encryption_notice_sent(jr.room_id);
    }

    for (const auto& ev : jr.timeline) {
        ++st.events;
        if (ev.is_state()) continue;
        if (initial) {
            ++st.not_replayed;
            continue;
        }
        handle_timeline_event(ev, jr.room_id, st);
    }
}

void SyncProcessor::handle_timeline_event(const Event& ev, const std::string& room_id,
                                          BatchStats& st) {
    storage::HandledEvents handled(s_.db, s_.mark_key);
    if (ev.event_id.empty()) return;
    if (handled.seen(ev.event_id)) {
        ++st.duplicates;
        return;
    }
    const std::int64_t now = s_.now_ms();
    std::string sp_name = "ev" + std::to_string(++savepoint_seq_);
    {
        storage::Savepoint sp(s_.db, sp_name);
        try {
            if (ev.origin_server_ts > 0 &&
                now - ev.origin_server_ts > s_.cfg().catch_up_max_age_ms) {
                ++st.too_old;  // sent long before: answering now would confuse more than help
            } else {
                auto room = storage::Rooms(s_.db).get(room_id);
                if (room && room->membership == "join") {
                    commands::Effects fx(s_.db, s_.clock, s_.mark_key, ev.event_id);
                    d_.handle(ev, *room, fx);
                    ++st.handled;
                }
            }
            handled.mark(ev.event_id, now);
            sp.release();
            return;
        } catch (const std::exception& e) {
            sp.rollback();
            auto error_id = new_error_id();
            // what() comes from our code or SQLite, never from message content.
            spdlog::error("error {}: handler for {} event in {} failed: {}", error_id, ev.type,
                          room_id, e.what());
            ++st.failed;
            storage::Savepoint sp2(s_.db, sp_name + "f");
            handled.mark(ev.event_id, now);
            if (d_.is_command(ev)) {
                commands::Effects fx(s_.db, s_.clock, s_.mark_key, ev.event_id + ":error");
                const auto* team = s_.cfg().team_for_room(room_id);
                fx.notice(room_id,
                          s_.texts.get(d_.language_for(team), "core.internal_error",
                                       {{"error_id", error_id}}),
                          matrix::reply_relation(ev));
            }
            sp2.release();
        }
    }
}

void SyncProcessor::handle_leave(const matrix::LeftRoom& lr, bool initial) {
    const auto& cfg = s_.cfg();
    storage::Rooms rooms(s_.db);
    const Event* own = nullptr;
    for (const auto* list : {&lr.state, &lr.timeline})
        for (const auto& ev : *list)
            if (ev.type == "m.room.member" && ev.state_key == cfg.bot.user_id) own = &ev;
    auto before = rooms.get(lr.room_id);
    if (!own) {
        if (before && before->membership != "leave" && before->membership != "ban")
            rooms.set_membership(lr.room_id, "leave", s_.now_ms());
        return;
    }
    std::string membership = own->content.value("membership", "leave");
    if (membership != "leave" && membership != "ban") return;
    if (before && before->membership == membership) return;  // already known
    storage::Savepoint sp(s_.db, "leave");
    rooms.set_membership(lr.room_id, membership, s_.now_ms());
    rooms.forget_dm_room(lr.room_id);
    int dropped = storage::Outbox(s_.db).fail_room(lr.room_id, "bot is no longer in the room");
    bool removed = own->sender != cfg.bot.user_id;
    if (removed && !initial) {
        std::string reason = own->content.value("reason", "");
        spdlog::warn("removed from room {} ({}) by {}; {} pending messages marked failed",
                     lr.room_id, membership, own->sender, dropped);
        commands::Effects fx(s_.db, s_.clock, s_.mark_key,
                             own->event_id.empty() ? "removed:" + lr.room_id : own->event_id);
        for (const auto& admin : cfg.admins) {
            const std::string& lang = cfg.language;
            std::string how = s_.texts.get(
                lang, membership == "ban" ? "core.removed_banned" : "core.removed_kicked");
            std::string why = reason.empty()
                                  ? ""
                                  : s_.texts.get(lang, "core.removed_reason",
                                                 {{"reason", commands::md_escape(reason)}});
            fx.dm(admin, s_.texts.get(lang, "core.admin_removed",
                                      {{"room", lr.room_id},
                                       {"how", how},
                                       {"by", commands::md_escape(own->sender)},
                                       {"reason", why}}));
        }
    }
    sp.release();
}

}  // namespace dialoog::engine
