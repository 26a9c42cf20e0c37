#pragma once
// The core commands every room gets: !help / !hulp and !ping.

#include "commands/feature.hpp"

namespace dialoog::commands {

class CoreFeature final : public Feature {
  public:
    std::string_view name() const override { return "core"; }
    void add_texts(Catalogue&) const override;
    void add_commands(Registry&) override;
};

}  // namespace dialoog::commands
