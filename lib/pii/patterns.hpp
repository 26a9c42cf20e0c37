// Hand-written scanners for the structured formats (no standard-library regex: it is slow and
// recurses on long input). Each appends candidates for one format to `out`; text is NFC UTF-8.
#pragma once

#include <string_view>
#include <vector>

#include "lib/pii/candidate.hpp"

namespace dialoog::pii::detail {

/// local@domain.tld, any TLD of 2+ letters.
void find_emails(std::string_view text, std::vector<Candidate>& out);
/// http(s)://, ftp://, www. addresses, and bare domains with a path or a common TLD.
void find_urls(std::string_view text, std::vector<Candidate>& out);
/// IBANs of any country, with or without spaces, any case, mod-97 == 1.
void find_ibans(std::string_view text, std::vector<Candidate>& out);
/// Dutch numbers (06, area codes, +31, 0031, (0)6; spaces, dashes, brackets) and +cc numbers.
void find_phones(std::string_view text, std::vector<Candidate>& out);
/// BSN (9 digits, or 8 with a dropped leading zero near a BSN keyword; dots/spaces allowed;
/// elfproef) and other digit strings of 7+ digits ([NUMMER]).
void find_digit_strings(std::string_view text, std::vector<Candidate>& out);
/// Dutch licence plates (kentekens) such as "45-VKL-3", as [NUMMER].
void find_license_plates(std::string_view text, std::vector<Candidate>& out);
/// Dutch postcodes "1234 AB" / "1234AB" (not "1000 mg").
void find_postcodes(std::string_view text, std::vector<Candidate>& out);
/// Numeric dates with a year: 12-03-1985, 12/3/85, 12.03.1985, 1985-03-12.
void find_numeric_dates(std::string_view text, std::vector<Candidate>& out);

/// The BSN elfproef on 9 digits: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 == 0 (mod 11), and
/// not 000000000. digits must hold exactly 9 ASCII digits.
bool passes_elfproef(std::string_view digits) noexcept;
/// ISO 13616 check: moves the first four characters to the end, letters A=10..Z=35, value
/// mod 97 == 1. compact: letters and digits only, any case, 5..34 characters.
bool passes_iban_checksum(std::string_view compact) noexcept;

}  // namespace dialoog::pii::detail
