#pragma once
// Result<T, E>: a failure is a value, not an exception (docs/architecture.md, "Errors").
// C++20 has no std::expected; this is a small local stand-in. The error type is a parameter so
// that each layer can say what its failures carry: matrix/ uses matrix::ApiError (errcode,
// HTTP status, retry-after), and common/ stays free of protocol knowledge.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace dialoog {

/// A failure without protocol details: a short machine-readable code and a message for logs.
struct Error {
    Error() = default;
    Error(std::string code, std::string msg) : errcode(std::move(code)), message(std::move(msg)) {}

    std::string errcode;
    std::string message;
};

/// Either a value or an error of type E. Access the value only after checking ok().
template <typename T, typename E = Error>
class [[nodiscard]] Result {
  public:
    Result(T value) : v_(std::move(value)) {}
    Result(E error) : v_(std::move(error)) {}
    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() & { return std::get<0>(v_); }
    const T& value() const& { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    const E& error() const { return std::get<1>(v_); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

  private:
    std::variant<T, E> v_;
};

/// Result for operations without a value.
struct Unit {};
using Status = Result<Unit>;
inline Status ok_status() {
    return Unit{};
}

}  // namespace dialoog
