#include "matrix/canonical_json.hpp"

#include <charconv>
#include <cmath>
#include <optional>
#include <string_view>
#include <utility>

namespace dialoog::matrix {

namespace {

using nlohmann::json;

/// True when `s` is well-formed UTF-8 (RFC 3629 table 3-7 of Unicode: no overlong forms, no
/// surrogates, nothing above U+10FFFF).
bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    auto cont = [&](std::size_t k, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
        if (k >= s.size()) return false;
        auto c = static_cast<unsigned char>(s[k]);
        return c >= lo && c <= hi;
    };
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            i += 1;
        } else if (c >= 0xC2 && c <= 0xDF) {
            if (!cont(i + 1)) return false;
            i += 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            unsigned char lo = c == 0xE0 ? 0xA0 : 0x80;  // overlong
            unsigned char hi = c == 0xED ? 0x9F : 0xBF;  // surrogates U+D800..U+DFFF
            if (!cont(i + 1, lo, hi) || !cont(i + 2)) return false;
            i += 3;
        } else if (c >= 0xF0 && c <= 0xF4) {
            unsigned char lo = c == 0xF0 ? 0x90 : 0x80;  // overlong
            unsigned char hi = c == 0xF4 ? 0x8F : 0xBF;  // above U+10FFFF
            if (!cont(i + 1, lo, hi) || !cont(i + 2) || !cont(i + 3)) return false;
            i += 4;
        } else {
            return false;
        }
    }
    return true;
}

class Writer {
  public:
    std::string out;
    std::optional<std::string> problem;

    bool value(const json& v) {
        switch (v.type()) {
            case json::value_t::null:
                out += "null";
                return true;
            case json::value_t::boolean:
                out += v.get<bool>() ? "true" : "false";
                return true;
            case json::value_t::number_integer:
                return integer(v.get<std::int64_t>());
            case json::value_t::number_unsigned: {
                auto u = v.get<std::uint64_t>();
                if (u > static_cast<std::uint64_t>(canonical_json_max_integer))
                    return fail("an integer outside [-(2^53)+1, 2^53-1]");
                return integer(static_cast<std::int64_t>(u));
            }
            case json::value_t::number_float:
                return floating(v.get<double>());
            case json::value_t::string:
                return string(v.get_ref<const std::string&>());
            case json::value_t::array: {
                out.push_back('[');
                bool first = true;
                for (const auto& item : v) {
                    if (!first) out.push_back(',');
                    first = false;
                    if (!value(item)) return false;
                }
                out.push_back(']');
                return true;
            }
            case json::value_t::object: {
                // nlohmann::json keeps an object in a std::map<std::string, …>: its keys come
                // in the order of std::string's compare, which compares bytes as unsigned
                // char; for UTF-8 that is the order of code points the spec asks for.
                out.push_back('{');
                bool first = true;
                for (auto it = v.begin(); it != v.end(); ++it) {
                    if (!first) out.push_back(',');
                    first = false;
                    if (!string(it.key())) return false;
                    out.push_back(':');
                    if (!value(it.value())) return false;
                }
                out.push_back('}');
                return true;
            }
            case json::value_t::binary:
                return fail("a binary value");
            case json::value_t::discarded:
                return fail("a discarded value");
        }
        return fail("an unknown value type");
    }

  private:
    bool fail(const char* what) {
        problem = std::string("canonical JSON cannot hold ") + what;
        return false;
    }

    bool integer(std::int64_t n) {
        if (n > canonical_json_max_integer || n < -canonical_json_max_integer)
            return fail("an integer outside [-(2^53)+1, 2^53-1]");
        char buf[24];
        auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
        out.append(buf, end);
        return true;
    }

    bool floating(double d) {
        // A float is accepted only when it is an integer exactly (1e10, -0.0): the spec's
        // example writes {"b": 1e10} as 10000000000. Anything else would be rounded.
        if (!std::isfinite(d) || std::trunc(d) != d)
            return fail("a number with a fraction (floats are not allowed)");
        if (std::fabs(d) > static_cast<double>(canonical_json_max_integer))
            return fail("an integer outside [-(2^53)+1, 2^53-1]");
        return integer(static_cast<std::int64_t>(d));
    }

    bool string(const std::string& s) {
        if (!valid_utf8(s)) return fail("a string that is not valid UTF-8");
        out.push_back('"');
        for (char ch : s) {
            auto c = static_cast<unsigned char>(ch);
            switch (c) {
                case '"':
                    out += "\\\"";
                    break;
                case '\\':
                    out += "\\\\";
                    break;
                case '\b':
                    out += "\\b";
                    break;
                case '\f':
                    out += "\\f";
                    break;
                case '\n':
                    out += "\\n";
                    break;
                case '\r':
                    out += "\\r";
                    break;
                case '\t':
                    out += "\\t";
                    break;
                default:
                    if (c < 0x20) {
                        static const char* hex = "0123456789abcdef";
                        out += "\\u00";
                        out.push_back(hex[c >> 4]);
                        out.push_back(hex[c & 15]);
                    } else {
                        out.push_back(ch);
                    }
            }
        }
        out.push_back('"');
        return true;
    }
};

}  // namespace

CryptoResult<std::string> canonical_json(const nlohmann::json& value) {
    Writer w;
    if (!w.value(value)) return CryptoError::local(CryptoErrc::NotCanonical, *w.problem);
    return std::move(w.out);
}

}  // namespace dialoog::matrix
