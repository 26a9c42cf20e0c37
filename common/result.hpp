#pragma once
// Result<T>: a failure is a value, not an exception (docs/architecture.md).
// C++20 has no std::expected; this is a small local stand-in.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace dialoog {

/// A failure of a protocol or I/O operation.
/// `errcode` is the Matrix errcode (e.g. "M_LIMIT_EXCEEDED", spec "Standard error response")
/// or a local code ("network", "timeout", "bad_json"); `http_status` is 0 when no HTTP response
/// arrived; `retry_after_ms` is set for HTTP 429 (Retry-After header, else `retry_after_ms`).
struct Error {
    Error() = default;
    Error(std::string code, std::string msg, int status = 0)
        : errcode(std::move(code)), message(std::move(msg)), http_status(status) {}

    std::string errcode;
    std::string message;
    int http_status = 0;
    std::optional<std::int64_t> retry_after_ms;
    bool soft_logout = false;

    /// True for failures worth retrying later: network errors, timeouts, 429 and 5xx.
    bool transient() const { return http_status == 0 || http_status == 429 || http_status >= 500; }
};

/// Either a value or an Error. Access the value only after checking ok().
template <typename T>
class [[nodiscard]] Result {
  public:
    Result(T value) : v_(std::move(value)) {}
    Result(Error error) : v_(std::move(error)) {}
    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() & { return std::get<0>(v_); }
    const T& value() const& { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    const Error& error() const { return std::get<1>(v_); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

  private:
    std::variant<T, Error> v_;
};

/// Result for operations without a value.
struct Unit {};
using Status = Result<Unit>;
inline Status ok_status() {
    return Unit{};
}

}  // namespace dialoog
