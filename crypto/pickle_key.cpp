#include "crypto/pickle_key.hpp"

#include <fcntl.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "crypto/e2ee_config.hpp"

namespace dialoog::crypto {

namespace {

PickleKeyError fail(PickleKeyError::Code code, std::string message) {
    return PickleKeyError{code, std::move(message)};
}

std::string errno_text() {
    return std::strerror(errno);
}

}  // namespace

PickleKey::PickleKey(PickleKey&& other) noexcept : bytes_(std::move(other.bytes_)) {
    other.bytes_.clear();
}

PickleKey& PickleKey::operator=(PickleKey&& other) noexcept {
    if (this != &other) {
        if (!bytes_.empty()) OPENSSL_cleanse(bytes_.data(), bytes_.size());
        bytes_ = std::move(other.bytes_);
        other.bytes_.clear();
    }
    return *this;
}

PickleKey::~PickleKey() {
    if (!bytes_.empty()) OPENSSL_cleanse(bytes_.data(), bytes_.size());
}

std::string pickle_key_path(const config::Config& cfg) {
    if (cfg.bot.pickle_key_file) return *cfg.bot.pickle_key_file;
    return cfg.storage + ".pickle-key";
}

Result<PickleKey, PickleKeyError> read_pickle_key(const std::string& path) {
    using Code = PickleKeyError::Code;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        if (errno == ENOENT)
            return fail(Code::Missing, "the pickle key file " + path + " does not exist");
        return fail(Code::Unreadable,
                    "cannot read the pickle key file " + path + " (" + errno_text() + ")");
    }
    if (!S_ISREG(st.st_mode))
        return fail(Code::Unreadable, "the pickle key file " + path + " is not a regular file");
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return fail(Code::Unreadable,
                    "cannot read the pickle key file " + path + " (" + errno_text() + ")");
    // One byte more than a key: a longer file is refused, not cut.
    std::vector<unsigned char> bytes(kPickleKeyBytes + 1);
    std::size_t got = 0;
    while (got < bytes.size()) {
        ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const std::string why = errno_text();
            ::close(fd);
            OPENSSL_cleanse(bytes.data(), bytes.size());
            return fail(Code::Unreadable,
                        "cannot read the pickle key file " + path + " (" + why + ")");
        }
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    if (got != kPickleKeyBytes) {
        OPENSSL_cleanse(bytes.data(), bytes.size());
        return fail(Code::WrongLength,
                    "the pickle key file " + path + " holds " +
                        (got > kPickleKeyBytes ? "more than " + std::to_string(kPickleKeyBytes)
                                               : std::to_string(got)) +
                        " bytes; a pickle key is exactly " + std::to_string(kPickleKeyBytes) +
                        " bytes");
    }
    bytes.resize(kPickleKeyBytes);
    return PickleKey(std::move(bytes));
}

std::vector<std::string> pickle_key_file_problems(const config::Config& cfg) {
    std::vector<std::string> out;
    if (!cfg.section(kE2eeSection).enabled) return out;
    const std::string path = pickle_key_path(cfg);
    const std::string name =
        cfg.bot.pickle_key_file ? "bot.pickle_key_file: " + path : "the pickle key file " + path;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        if (cfg.bot.pickle_key_file)
            out.push_back(name + " does not exist; create it (head -c 32 /dev/urandom > " + path +
                          " && chmod 600 " + path +
                          "), or leave bot.pickle_key_file out and the bot makes one beside the "
                          "database");
        return out;
    }
    if (!S_ISREG(st.st_mode)) {
        out.push_back(name + " is not a regular file; the bot refuses to start with it");
        return out;
    }
    if (st.st_size != static_cast<off_t>(kPickleKeyBytes))
        out.push_back(name + " holds " + std::to_string(st.st_size) + " bytes, not " +
                      std::to_string(kPickleKeyBytes) + "; the bot refuses to start with it");
    if (st.st_mode & (S_IRWXG | S_IRWXO))
        out.push_back(name + " is readable by group or others; run chmod 600 on it");
    return out;
}

std::optional<std::string> write_new_secret_file(const std::string& path, std::string_view data) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return errno == EEXIST ? std::string("exists already") : errno_text();
    // The umask cannot widen 0600, but an inherited ACL default could: set it outright.
    bool ok = ::fchmod(fd, 0600) == 0;
    std::size_t done = 0;
    while (ok && done < data.size()) {
        ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            ok = false;
            break;
        }
        done += static_cast<std::size_t>(n);
    }
    ok = ok && ::fsync(fd) == 0;
    const std::string why = ok ? "" : errno_text();
    ::close(fd);
    if (!ok) {
        ::unlink(path.c_str());
        return why;
    }
    // The directory entry too: a file lost in a power cut would orphan what depends on it.
    auto dir = std::filesystem::path(path).parent_path();
    if (dir.empty()) dir = ".";
    int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        (void)::fsync(dfd);
        ::close(dfd);
    }
    return std::nullopt;
}

Result<PickleKey, PickleKeyError> create_pickle_key(const std::string& path) {
    using Code = PickleKeyError::Code;
    std::vector<unsigned char> bytes(kPickleKeyBytes);
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1)
        return fail(Code::RandomFailed, "the random number generator failed");
    PickleKey key(std::move(bytes));
    if (auto failed = write_new_secret_file(path, key.view())) {
        if (*failed == "exists already")
            return fail(Code::Exists, "the pickle key file " + path + " exists already");
        return fail(Code::CreateFailed,
                    "cannot create the pickle key file " + path + " (" + *failed + ")");
    }
    return key;
}

}  // namespace dialoog::crypto
