#include "matrix/base64.hpp"

#include <cstdint>

namespace dialoog::matrix {

namespace {

// The comparisons below produce masks without branches: for values within [-255, 255],
// `x >> 8` is -1 (all bits set) when x is negative and 0 otherwise (C++20 defines the right
// shift of a negative int as arithmetic).

/// The character for a 6-bit value (0..63).
char encode_char(int v) {
    int diff = 'A';                // 0..25  -> 'A'..'Z'
    diff += ((25 - v) >> 8) & 6;   // 26..51 -> 'a'..'z'  (v + 71)
    diff -= ((51 - v) >> 8) & 75;  // 52..61 -> '0'..'9'  (v - 4)
    diff -= ((61 - v) >> 8) & 15;  // 62     -> '+'       (v - 19)
    diff += ((62 - v) >> 8) & 3;   // 63     -> '/'       (v - 16)
    return static_cast<char>(v + diff);
}

/// The 6-bit value of a character, or -1 for a character outside the standard alphabet.
int decode_char(unsigned char uc) {
    const int c = uc;
    int v = -1;
    v += (((0x40 - c) & (c - 0x5b)) >> 8) & (c - 64);  // 'A'..'Z' -> 0..25
    v += (((0x60 - c) & (c - 0x7b)) >> 8) & (c - 70);  // 'a'..'z' -> 26..51
    v += (((0x2f - c) & (c - 0x3a)) >> 8) & (c + 5);   // '0'..'9' -> 52..61
    v += (((0x2a - c) & (c - 0x2c)) >> 8) & 63;        // '+'      -> 62
    v += (((0x2e - c) & (c - 0x30)) >> 8) & 64;        // '/'      -> 63
    return v;
}

}  // namespace

std::string unpadded_base64_encode(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() * 4 + 2) / 3);
    std::size_t i = 0;
    auto byte = [&](std::size_t k) {
        return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[k]));
    };
    for (; i + 3 <= bytes.size(); i += 3) {
        std::uint32_t n = byte(i) << 16 | byte(i + 1) << 8 | byte(i + 2);
        out.push_back(encode_char(static_cast<int>(n >> 18 & 63)));
        out.push_back(encode_char(static_cast<int>(n >> 12 & 63)));
        out.push_back(encode_char(static_cast<int>(n >> 6 & 63)));
        out.push_back(encode_char(static_cast<int>(n & 63)));
    }
    std::size_t rest = bytes.size() - i;
    if (rest == 1) {
        std::uint32_t n = byte(i) << 16;
        out.push_back(encode_char(static_cast<int>(n >> 18 & 63)));
        out.push_back(encode_char(static_cast<int>(n >> 12 & 63)));
    } else if (rest == 2) {
        std::uint32_t n = byte(i) << 16 | byte(i + 1) << 8;
        out.push_back(encode_char(static_cast<int>(n >> 18 & 63)));
        out.push_back(encode_char(static_cast<int>(n >> 12 & 63)));
        out.push_back(encode_char(static_cast<int>(n >> 6 & 63)));
    }
    return out;
}

CryptoResult<std::string> unpadded_base64_decode(std::string_view text) {
    auto malformed = [] {
        return CryptoError::local(CryptoErrc::MalformedBase64, "not unpadded base64");
    };
    // Padding is only accepted where RFC 4648 puts it: the input is then a multiple of 4.
    if (text.size() % 4 == 0 && !text.empty() && text.back() == '=') {
        text.remove_suffix(1);
        if (text.back() == '=') text.remove_suffix(1);
    }
    if (text.size() % 4 == 1) return malformed();

    std::string out;
    out.reserve(text.size() * 3 / 4);
    int bad = 0;  // negative once any character was outside the alphabet
    std::size_t i = 0;
    for (; i + 4 <= text.size(); i += 4) {
        int a = decode_char(text[i]), b = decode_char(text[i + 1]);
        int c = decode_char(text[i + 2]), d = decode_char(text[i + 3]);
        bad |= a | b | c | d;
        std::uint32_t n =
            static_cast<std::uint32_t>(a & 63) << 18 | static_cast<std::uint32_t>(b & 63) << 12 |
            static_cast<std::uint32_t>(c & 63) << 6 | static_cast<std::uint32_t>(d & 63);
        out.push_back(static_cast<char>(n >> 16 & 0xff));
        out.push_back(static_cast<char>(n >> 8 & 0xff));
        out.push_back(static_cast<char>(n & 0xff));
    }
    std::size_t rest = text.size() - i;
    if (rest == 2) {
        int a = decode_char(text[i]), b = decode_char(text[i + 1]);
        bad |= a | b;
        out.push_back(static_cast<char>(((a & 63) << 2 | (b & 63) >> 4) & 0xff));
    } else if (rest == 3) {
        int a = decode_char(text[i]), b = decode_char(text[i + 1]), c = decode_char(text[i + 2]);
        bad |= a | b | c;
        std::uint32_t n = static_cast<std::uint32_t>(a & 63) << 10 |
                          static_cast<std::uint32_t>(b & 63) << 4 |
                          static_cast<std::uint32_t>(c & 63) >> 2;
        out.push_back(static_cast<char>(n >> 8 & 0xff));
        out.push_back(static_cast<char>(n & 0xff));
    }
    if (bad < 0) return malformed();
    return out;
}

}  // namespace dialoog::matrix
