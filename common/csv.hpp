#pragma once
// One CSV field for the exports admins and leaders open in a spreadsheet (inbreng-export,
// !overzicht export): RFC 4180 quoting, and a leading = + - @ tab or carriage return is
// neutralised with a ' so a spreadsheet never runs stored text as a formula (OWASP "CSV
// injection").

#include <string>
#include <string_view>

namespace dialoog {

/// `value` as one CSV field: quoted when it holds , " ; CR or LF (quotes doubled), and
/// prefixed with ' when it starts with a formula character.
inline std::string csv_field(std::string_view value) {
    const bool formula =
        !value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' ||
                           value[0] == '@' || value[0] == '\t' || value[0] == '\r');
    std::string s = formula ? "'" : "";
    s.append(value);
    if (s.find_first_of(",\"\r\n;") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace dialoog
