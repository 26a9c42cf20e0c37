// A candidate item found by one of the scrubber's detectors, before overlaps are merged.
#pragma once

#include <cstddef>

#include "lib/pii/scrubber.hpp"

namespace dialoog::pii::detail {

/// Byte range [begin, end) in the NFC text. Overlapping candidates are merged into one
/// replacement; the longest member names the type, priority breaks ties.
struct Candidate {
    std::size_t begin;
    std::size_t end;
    PiiType type;
    int priority;
};

// Priorities: structured, checksummed formats beat loose word rules.
inline constexpr int kPriorityUrl = 100;
inline constexpr int kPriorityEmail = 100;
inline constexpr int kPriorityIban = 90;
inline constexpr int kPriorityDate = 80;
inline constexpr int kPriorityPhone = 75;
inline constexpr int kPriorityBsn = 70;
inline constexpr int kPriorityPostcode = 65;
inline constexpr int kPriorityAddress = 60;
inline constexpr int kPriorityCaseNumber = 55;
inline constexpr int kPriorityNumber = 50;
inline constexpr int kPriorityAge = 45;
inline constexpr int kPriorityPlace = 40;
inline constexpr int kPriorityName = 30;

}  // namespace dialoog::pii::detail
