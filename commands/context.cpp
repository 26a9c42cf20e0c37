#include "commands/context.hpp"

#include <algorithm>

#include "commands/feature.hpp"

namespace dialoog::commands {

DecisionLog* Services::decision_log() const {
    for (Feature* f : features)
        if (auto* log = f->decision_log()) return log;
    return nullptr;
}

ClientVoices* Services::client_voices() const {
    for (Feature* f : features)
        if (auto* voices = f->client_voices()) return voices;
    return nullptr;
}

std::vector<Services::DigestPart> Services::digest_parts() const {
    std::vector<DigestPart> out;
    for (Feature* f : features)
        if (auto* d = f->digest()) out.push_back({f->name(), d});
    std::stable_sort(out.begin(), out.end(), [](const DigestPart& a, const DigestPart& b) {
        const int oa = a.contributor->digest_order();
        const int ob = b.contributor->digest_order();
        return oa != ob ? oa < ob : a.feature < b.feature;
    });
    return out;
}

matrix::Relation reply_relation(const matrix::Event& ev) {
    matrix::Relation rel;
    rel.in_reply_to = ev.event_id;
    if (auto root = ev.thread_root()) {
        rel.thread_root = *root;
        rel.is_falling_back = false;
    }
    return rel;
}

void EventContext::reply(std::string_view markdown, const std::vector<std::string>& mentions) {
    fx.notice(room.room_id, markdown, reply_relation(event), mentions);
}

void EventContext::reply_file(std::string_view filename, std::string_view content_type,
                              std::string_view data) {
    fx.file(room.room_id, filename, content_type, data, reply_relation(event));
}

}  // namespace dialoog::commands
