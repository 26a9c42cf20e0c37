#include "commands/inbreng/anonymiser.hpp"

#include <map>
#include <mutex>

namespace dialoog::inbreng {

std::shared_ptr<const Scrubber> shared_scrubber(const std::vector<std::string>& keep_words) {
    static std::mutex mu;
    static std::map<std::vector<std::string>, std::shared_ptr<const Scrubber>> cache;
    std::lock_guard lock(mu);
    auto it = cache.find(keep_words);
    if (it != cache.end()) return it->second;
    // A reload with new keep-words adds an entry; keep the cache small.
    if (cache.size() >= 4) cache.clear();
    Scrubber::Options opts;
    opts.keep_words = keep_words;
    auto s = std::make_shared<const Scrubber>(std::move(opts));
    cache.emplace(keep_words, s);
    return s;
}

std::string anonymise(const Scrubber& scrubber, std::string_view text) {
    auto out = scrubber.scrub(text).text;
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    std::size_t b = 0, e = out.size();
    while (b < e && is_space(out[b])) ++b;
    while (e > b && is_space(out[e - 1])) --e;
    return out.substr(b, e - b);
}

}  // namespace dialoog::inbreng
