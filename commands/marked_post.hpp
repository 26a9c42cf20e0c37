#pragma once
// Posting a message whose event id the feature must learn later (a session's thread root, an
// intervision prompt): the content carries a custom key, and when /sync echoes the bot's own
// event back (Feature::on_own_message) the feature reads the key and stores the event id.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "commands/effects.hpp"
#include "matrix/content.hpp"
#include "matrix/events.hpp"

namespace dialoog::commands {

/// Custom content key (Java-package style, as the spec asks for custom fields).
inline constexpr const char* kRefKey = "nl.dialoogbot.ref";

/// Posts `markdown` as an m.notice to `room_id` with content[kRefKey] = `ref`. Returns the
/// txn_id.
std::string post_marked(Effects& fx, std::string_view room_id, std::string_view markdown,
                        std::string_view ref, const matrix::Relation& rel = {},
                        const std::vector<std::string>& mentions = {});

/// content[kRefKey] of an event, when it is a string.
std::optional<std::string> ref_of(const matrix::Event& ev);

}  // namespace dialoog::commands
