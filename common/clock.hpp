#pragma once
// Every reader of the time takes a Clock, so tests inject one and never sleep
// (docs/architecture.md, "Time").

#include <chrono>
#include <cstdint>

namespace dialoog {

/// An instant in UTC with millisecond precision.
using UtcMs = std::chrono::sys_time<std::chrono::milliseconds>;

/// Milliseconds since the Unix epoch (UTC), the unit every database column of time uses.
inline std::int64_t to_epoch_ms(UtcMs t) {
    return t.time_since_epoch().count();
}
inline UtcMs from_epoch_ms(std::int64_t ms) {
    return UtcMs{std::chrono::milliseconds{ms}};
}

/// Source of "now". Implementations must be safe to call from the io_context thread.
class Clock {
  public:
    virtual ~Clock() = default;
    virtual UtcMs now() const = 0;
};

/// The real wall clock.
class SystemClock final : public Clock {
  public:
    UtcMs now() const override {
        return std::chrono::time_point_cast<std::chrono::milliseconds>(
            std::chrono::system_clock::now());
    }
};

/// A clock that only moves when told to; for tests.
class ManualClock final : public Clock {
  public:
    explicit ManualClock(UtcMs start) : now_(start) {}
    UtcMs now() const override { return now_; }
    void set(UtcMs t) { now_ = t; }
    void advance(std::chrono::milliseconds d) { now_ += d; }

  private:
    UtcMs now_;
};

}  // namespace dialoog
