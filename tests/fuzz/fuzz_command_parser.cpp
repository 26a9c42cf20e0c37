// libFuzzer target for the command parser: reply-fallback stripping, parsing, tokenising, edit
// distance. Invariants: names are lowercase [a-z0-9_-] starting with a letter; tokens never
// contain more bytes than the input.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "commands/command_parser.hpp"

using namespace dialoog::commands;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view in(reinterpret_cast<const char*>(data), size);
    std::string body = strip_reply_fallback(in);
    if (body.size() > in.size()) std::abort();
    if (auto cmd = parse_command(body)) {
        if (cmd->name.empty() || !(cmd->name[0] >= 'a' && cmd->name[0] <= 'z')) std::abort();
        for (char c : cmd->name)
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
                std::abort();
        std::size_t total = 0;
        for (const auto& a : cmd->args) total += a.size();
        if (total > body.size()) std::abort();
    }
    auto toks = tokenize_args(in);
    (void)toks;
    auto half = in.size() / 2;
    int d = edit_distance(in.substr(0, half), in.substr(half), 2);
    if (d < 0 || d > 3) std::abort();
    return 0;
}
