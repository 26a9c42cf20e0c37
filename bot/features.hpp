#pragma once
// The one place that lists the features compiled into this binary (main's composition root).

#include <memory>
#include <vector>

#include "commands/feature.hpp"

namespace dialoog {

/// A fresh instance of every feature, core first.
std::vector<std::unique_ptr<commands::Feature>> all_features();

}  // namespace dialoog
