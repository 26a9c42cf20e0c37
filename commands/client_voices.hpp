#pragma once
// Client voices (inbreng) as other features may read them: a case discussion links stored,
// scrubbed stories and reads them out in a spiegelgesprek. The feature that keeps them (inbreng)
// offers this; when it is not built in, there is none (Services::client_voices() is null).

#include <cstdint>
#include <optional>
#include <string>

namespace dialoog::commands {

struct Services;

class ClientVoices {
  public:
    virtual ~ClientVoices() = default;
    /// The scrubbed text of stored story `id` of `team`; nullopt when there is no such story
    /// (withdrawn, purged, or another team's). Never the submitter: nothing links to them.
    virtual std::optional<std::string> story_text(Services& s, std::int64_t id,
                                                  const std::string& team) = 0;
};

}  // namespace dialoog::commands
