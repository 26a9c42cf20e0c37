#include "commands/inbreng/withdrawal_code.hpp"

#include "common/keyed_hash.hpp"

namespace dialoog::inbreng {

namespace {
constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr std::size_t kSymbols = 12;
}  // namespace

std::string new_withdrawal_code() {
    auto raw = random_bytes(8);
    std::uint64_t bits = 0;
    for (unsigned char c : raw) bits = (bits << 8) | c;
    std::string out;
    for (std::size_t i = 0; i < kSymbols; ++i) {
        if (i > 0 && i % 4 == 0) out.push_back('-');
        out.push_back(kAlphabet[bits & 31]);
        bits >>= 5;
    }
    return out;
}

std::optional<std::string> normalise_withdrawal_code(std::string_view typed) {
    std::string out;
    for (char c : typed) {
        if (c == '-' || c == ' ' || c == '`' || c == '*') continue;
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (c == 'O') c = '0';
        if (c == 'I' || c == 'L') c = '1';
        if (kAlphabet.find(c) == std::string_view::npos) return std::nullopt;
        out.push_back(c);
    }
    if (out.size() != kSymbols) return std::nullopt;
    return out;
}

std::string withdrawal_code_hash(std::string_view canonical) {
    // A fixed key: the code's 60 random bits are what protect it; the hash only keeps the
    // code itself out of the database.
    return hmac_hex("dialoogbot.inbreng.withdrawal-code", canonical, 16);
}

}  // namespace dialoog::inbreng
