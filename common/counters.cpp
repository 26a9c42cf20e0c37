#include "common/counters.hpp"

#include <algorithm>
#include <mutex>

namespace dialoog::counters {

namespace {

struct Registry {
    std::mutex mu;
    std::map<std::string, Family, std::less<>> families;
};

Registry& registry() {
    static Registry r;
    return r;
}

std::string clean(std::string_view v) {
    std::string out;
    out.reserve(std::min<std::size_t>(v.size(), 64));
    for (char c : v.substr(0, 64)) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        bool ok =
            (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
        out += ok ? c : '_';
    }
    return out.empty() ? std::string("_") : out;
}

Family& family_locked(Registry& r, std::string_view name) {
    auto it = r.families.find(name);
    if (it == r.families.end()) {
        Family f;
        f.name = clean(name);
        f.label = "kind";
        it = r.families.emplace(std::string(name), std::move(f)).first;
    }
    return it->second;
}

void bump_locked(Family& f, std::string_view value, std::int64_t n) {
    std::string v = clean(value);
    auto it = f.values.find(v);
    if (it == f.values.end()) {
        if (f.values.size() >= kMaxLabels) v = "other";
        it = f.values.emplace(v, 0).first;
    }
    it->second += n;
}

}  // namespace

void describe(std::string_view name, std::string_view help, std::string_view label,
              const std::vector<std::string>& initial) {
    auto& r = registry();
    std::lock_guard lock(r.mu);
    Family& f = family_locked(r, name);
    f.help = std::string(help);
    f.label = clean(label);
    for (const auto& v : initial) bump_locked(f, v, 0);
}

void add(std::string_view name, std::string_view label_value, std::int64_t n) {
    auto& r = registry();
    std::lock_guard lock(r.mu);
    bump_locked(family_locked(r, name), label_value, n);
}

std::int64_t get(std::string_view name, std::string_view label_value) {
    auto& r = registry();
    std::lock_guard lock(r.mu);
    auto it = r.families.find(name);
    if (it == r.families.end()) return 0;
    auto v = it->second.values.find(clean(label_value));
    return v == it->second.values.end() ? 0 : v->second;
}

std::vector<Family> snapshot() {
    auto& r = registry();
    std::lock_guard lock(r.mu);
    std::vector<Family> out;
    for (const auto& [k, f] : r.families) out.push_back(f);
    return out;
}

}  // namespace dialoog::counters
