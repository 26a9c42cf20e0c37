#include "matrix/error.hpp"

#include <charconv>
#include <utility>

#include <nlohmann/json.hpp>

namespace dialoog::matrix {

namespace {
struct Named {
    Errcode code;
    const char* text;
};
constexpr Named kNames[] = {
    {Errcode::Forbidden, "M_FORBIDDEN"},          {Errcode::UnknownToken, "M_UNKNOWN_TOKEN"},
    {Errcode::MissingToken, "M_MISSING_TOKEN"},   {Errcode::UserDeactivated, "M_USER_DEACTIVATED"},
    {Errcode::UserLocked, "M_USER_LOCKED"},       {Errcode::NotFound, "M_NOT_FOUND"},
    {Errcode::LimitExceeded, "M_LIMIT_EXCEEDED"}, {Errcode::TooLarge, "M_TOO_LARGE"},
    {Errcode::MissingParam, "M_MISSING_PARAM"},   {Errcode::InvalidParam, "M_INVALID_PARAM"},
    {Errcode::Unrecognized, "M_UNRECOGNIZED"},    {Errcode::Unknown, "M_UNKNOWN"},
};
constexpr Named kLocal[] = {
    {Errcode::Network, "network"},
    {Errcode::Cancelled, "cancelled"},
    {Errcode::BadJson, "bad_json"},
};

std::vector<std::string> strings_of(const nlohmann::json& array) {
    std::vector<std::string> out;
    if (!array.is_array()) return out;
    for (const auto& v : array)
        if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

UiaChallenge read_uia(const nlohmann::json& body, const nlohmann::json& flows) {
    UiaChallenge c;
    if (auto it = body.find("session"); it != body.end() && it->is_string())
        c.session = it->get<std::string>();
    for (const auto& flow : flows)
        if (flow.is_object())
            if (auto st = flow.find("stages"); st != flow.end()) c.flows.push_back(strings_of(*st));
    if (auto it = body.find("completed"); it != body.end()) c.completed = strings_of(*it);
    return c;
}
}  // namespace

bool UiaChallenge::offers_single(std::string_view stage) const {
    for (const auto& f : flows)
        if (f.size() == 1 && f.front() == stage) return true;
    return false;
}

Errcode errcode_from(std::string_view errcode) {
    for (const auto& n : kNames)
        if (errcode == n.text) return n.code;
    return Errcode::Other;
}

const char* to_string(Errcode code) {
    for (const auto& n : kNames)
        if (n.code == code) return n.text;
    for (const auto& n : kLocal)
        if (n.code == code) return n.text;
    return "";
}

ApiError ApiError::local(Errcode code, std::string message, int http_status) {
    ApiError e;
    e.code = code;
    e.errcode = to_string(code);
    e.message = std::move(message);
    e.http_status = http_status;
    return e;
}

ApiError parse_error_response(int http_status, std::string_view body,
                              std::optional<std::string_view> retry_after_header) {
    ApiError e;
    e.http_status = http_status;
    auto j = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (j.is_object()) {
        if (auto it = j.find("errcode"); it != j.end() && it->is_string())
            e.errcode = it->get<std::string>();
        if (auto it = j.find("error"); it != j.end() && it->is_string())
            e.message = it->get<std::string>();
        if (auto it = j.find("retry_after_ms"); it != j.end() && it->is_number_integer())
            e.retry_after_ms = it->get<std::int64_t>();
        if (auto it = j.find("soft_logout"); it != j.end() && it->is_boolean())
            e.soft_logout = it->get<bool>();
        if (auto it = j.find("flows"); http_status == 401 && it != j.end() && it->is_array())
            e.uia = read_uia(j, *it);
    }
    e.code = errcode_from(e.errcode);
    if (e.errcode.empty()) e.errcode = "HTTP_" + std::to_string(http_status);
    if (e.message.empty()) e.message = "HTTP status " + std::to_string(http_status);
    // The header wins over the body (spec "Rate limiting", v1.10+).
    if (retry_after_header) {
        std::string_view h = *retry_after_header;
        while (!h.empty() && h.front() == ' ') h.remove_prefix(1);
        long long secs = 0;
        auto [end, ec] = std::from_chars(h.data(), h.data() + h.size(), secs);
        // An HTTP-date (or anything else) leaves the body's value.
        if (ec == std::errc() && end != h.data() && secs >= 0) e.retry_after_ms = secs * 1000;
    }
    return e;
}

}  // namespace dialoog::matrix
