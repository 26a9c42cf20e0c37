#include "commands/context.hpp"

namespace dialoog::commands {

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
