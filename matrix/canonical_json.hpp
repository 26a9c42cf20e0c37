#pragma once
// Canonical JSON (Matrix spec, Appendices, "Signing JSON" > "Canonical JSON"): the one byte
// string a JSON value has when it is signed or hashed, so that signer and verifier agree.
//
// The shortest UTF-8 encoding: no insignificant whitespace, object keys sorted by Unicode code
// point, strings as UTF-8 with only the escapes the spec's grammar allows (\" \\ \b \f \n \r \t
// and \u00XX, lowercase hex, for the other control characters below U+0020), numbers as
// integers in [-(2^53)+1, 2^53-1] without exponent, fraction or "-0".

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "matrix/crypto_error.hpp"

namespace dialoog::matrix {

/// The largest integer canonical JSON allows, 2^53 - 1; the smallest is its negation.
inline constexpr std::int64_t canonical_json_max_integer = (std::int64_t{1} << 53) - 1;

/// `value` as canonical JSON (UTF-8 bytes).
///
/// Numbers: integers within +/-canonical_json_max_integer are written in decimal. A number
/// nlohmann holds as a floating-point value is written as that integer when it is one
/// exactly and within range, as the spec's own example asks ({"a": -0, "b": 1e10} ->
/// {"a":0,"b":10000000000}); any other float (1.5, NaN, infinity, 1e300) is an error, never
/// written approximately.
///
/// Fails with CryptoErrc::NotCanonical for such a number, an integer out of range, a string
/// or key that is not valid UTF-8 (overlong forms, surrogates and code points above U+10FFFF
/// included), and binary values. The message names the problem, never the value.
CryptoResult<std::string> canonical_json(const nlohmann::json& value);

}  // namespace dialoog::matrix
