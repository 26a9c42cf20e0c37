#include "commands/marked_post.hpp"

#include "matrix/content.hpp"

namespace dialoog::commands {

std::string post_marked(Effects& fx, std::string_view room_id, std::string_view markdown,
                        std::string_view ref, const matrix::Relation& rel,
                        const std::vector<std::string>& mentions) {
    auto content =
        matrix::make_message(markdown, matrix::markdown_to_html(markdown), mentions, rel);
    content[kRefKey] = std::string(ref);
    return fx.send_raw(room_id, "m.room.message", content);
}

std::optional<std::string> ref_of(const matrix::Event& ev) {
    auto it = ev.content.find(kRefKey);
    if (it == ev.content.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
}

}  // namespace dialoog::commands
