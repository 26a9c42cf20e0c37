#pragma once
// The pickle key: 32 random bytes (OpenSSL RAND_bytes) in a file of their own, with which
// libolm encrypts the account it stores in the database (docs/security.md, "A later switch
// stays open"). The database alone then holds no usable secret; losing the key file means a
// new device identity, so the bot never makes one silently (crypto/device_identity.hpp).
//
// The file holds exactly the 32 raw bytes. The bot creates it (mode 0600) only on the first
// start with `e2ee.enabled: true` and only beside the database (`<storage>.pickle-key`) when
// `bot.pickle_key_file` is not set. The key never appears in logs or error messages.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "config/config.hpp"

namespace dialoog::crypto {

/// Length of the key in bytes (and of the file).
inline constexpr std::size_t kPickleKeyBytes = 32;

/// The key's bytes, wiped (OPENSSL_cleanse) when the object goes. Move-only.
class PickleKey {
  public:
    explicit PickleKey(std::vector<unsigned char> bytes) : bytes_(std::move(bytes)) {}
    PickleKey(PickleKey&& other) noexcept;
    PickleKey& operator=(PickleKey&& other) noexcept;
    PickleKey(const PickleKey&) = delete;
    PickleKey& operator=(const PickleKey&) = delete;
    ~PickleKey();

    /// The bytes, for olm::Account::pickle / unpickle.
    std::string_view view() const {
        return {reinterpret_cast<const char*>(bytes_.data()), bytes_.size()};
    }
    std::size_t size() const { return bytes_.size(); }

  private:
    std::vector<unsigned char> bytes_;
};

/// Why a key could not be had. `message` names the file and what to do, never the key.
struct PickleKeyError {
    enum class Code { Missing, Unreadable, WrongLength, Exists, CreateFailed, RandomFailed };
    Code code = Code::Unreadable;
    std::string message;
};

/// Where the key is: `bot.pickle_key_file` when set, else `<storage>.pickle-key` (the
/// database's path with ".pickle-key" appended).
std::string pickle_key_path(const config::Config& cfg);

/// Reads the key at `path`. Fails with Missing (no such file), Unreadable (cannot be opened
/// or read, or not a regular file) or WrongLength (not exactly kPickleKeyBytes bytes).
Result<PickleKey, PickleKeyError> read_pickle_key(const std::string& path);

/// Makes a new key from RAND_bytes and writes it to `path`, created with mode 0600 (never
/// over an existing file: Exists), flushed to disk with its directory entry. Fails with
/// RandomFailed, Exists or CreateFailed.
Result<PickleKey, PickleKeyError> create_pickle_key(const std::string& path);

/// What an admin should fix about the pickle key file before the bot needs it (only when
/// `e2ee.enabled`; empty otherwise): a configured file that does not exist, a path that is not
/// a regular file, a size other than kPickleKeyBytes (the bot refuses to start with those), or
/// a mode that lets group or others read it. Each message names `bot.pickle_key_file` or the
/// default path and the fix; never the key. For --check-config, the start and `crypto status`.
std::vector<std::string> pickle_key_file_problems(const config::Config& cfg);

/// Writes `data` to a new file `path` with mode 0600 (never over an existing file), flushed to
/// disk with its directory entry; on a failure the file is removed. nullopt on success, else
/// why ("exists already" when `path` exists, else the system's error text). For secrets: the
/// pickle key and the cross-signing recovery file.
std::optional<std::string> write_new_secret_file(const std::string& path, std::string_view data);

}  // namespace dialoog::crypto
