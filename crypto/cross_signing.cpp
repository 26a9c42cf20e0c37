#include "crypto/cross_signing.hpp"

#include <spdlog/spdlog.h>

#include <filesystem>
#include <system_error>

#include "crypto/device_identity.hpp"
#include "lib/wanneer/wanneer.hpp"
#include "matrix/base64.hpp"
#include "matrix/signing.hpp"

namespace dialoog::crypto {

namespace olm = matrix::olm;
using nlohmann::json;

std::string recovery_file_path(const config::Config& cfg) {
    return cfg.storage + ".cross-signing-recovery";
}

const char* to_string(ServerView view) {
    switch (view) {
        case ServerView::Signed:
            return "signed";
        case ServerView::NoMaster:
            return "no_master";
        case ServerView::ForeignMaster:
            return "foreign_master";
        case ServerView::SelfSigningWrong:
            return "self_signing_wrong";
        case ServerView::DeviceNotSigned:
            return "device_not_signed";
        case ServerView::DeviceMissing:
            return "device_missing";
    }
    return "";
}

namespace {

/// The single ed25519 public key of a CrossSigningKey object (spec "Cross-signing": `keys`
/// holds exactly one key, "ed25519:<public key>": "<public key>"), or "".
std::string only_key(const json& cross_signing_key) {
    auto keys = cross_signing_key.find("keys");
    if (keys == cross_signing_key.end() || !keys->is_object() || keys->size() != 1) return "";
    // Not items().begin(): its proxy would outlive the temporary it points into.
    const auto it = keys->begin();
    if (!it.value().is_string() || it.key() != "ed25519:" + it.value().get<std::string>())
        return "";
    return it.value().get<std::string>();
}

bool has_usage(const json& cross_signing_key, const char* usage) {
    auto u = cross_signing_key.find("usage");
    if (u == cross_signing_key.end() || !u->is_array()) return false;
    for (const auto& v : *u)
        if (v == usage) return true;
    return false;
}

json cross_signing_key(const std::string& user_id, const char* usage,
                       const std::string& public_key) {
    return json{{"user_id", user_id},
                {"usage", json::array({usage})},
                {"keys", {{"ed25519:" + public_key, public_key}}}};
}

/// The recovery file's text: what it is, for whom, and the master key's seed (unpadded
/// base64, the form secret storage uses for m.cross_signing.master).
std::string recovery_text(const std::string& user_id, const olm::PkSigning& master,
                          std::int64_t now_ms) {
    return "# dialoogbot: the MASTER KEY of the bot's cross-signing identity (Matrix spec,\n"
           "# \"Cross-signing\"). SECRET: whoever holds it can vouch for devices as the bot.\n"
           "# Move it off this server into the organisation's password vault. The bot does\n"
           "# not need it to run; docs/admin.en.md (\"Encryption\") says when you do.\n"
           "user_id: " +
           user_id + "\nmaster_public_key: " + master.public_key() +
           "\nmaster_private_key: " + matrix::unpadded_base64_encode(master.seed()) +
           "\ncreated_utc: " +
           wanneer::format_utc_iso(wanneer::UtcMs{std::chrono::milliseconds{now_ms}}) + "\n";
}

}  // namespace

std::string published_master_key(const matrix::KeysQueryResponse& r, const std::string& user_id) {
    auto it = r.master_keys.find(user_id);
    if (it == r.master_keys.end() || !has_usage(it->second, "master")) return "";
    return only_key(it->second);
}

ServerView inspect_own_keys(const matrix::KeysQueryResponse& r, const std::string& user_id,
                            const std::string& device_id, const std::string& device_ed25519,
                            const std::string& master_key, const std::string& self_signing_key) {
    const std::string master = published_master_key(r, user_id);
    if (master.empty()) return ServerView::NoMaster;
    if (master != master_key) return ServerView::ForeignMaster;
    auto ssk = r.self_signing_keys.find(user_id);
    if (ssk == r.self_signing_keys.end() || !has_usage(ssk->second, "self_signing") ||
        only_key(ssk->second) != self_signing_key ||
        !matrix::verify_json(ssk->second, user_id, master, master).ok())
        return ServerView::SelfSigningWrong;
    auto user = r.device_keys.find(user_id);
    if (user == r.device_keys.end()) return ServerView::DeviceMissing;
    auto device = user->second.find(device_id);
    if (device == user->second.end()) return ServerView::DeviceMissing;
    // The device must be the one we hold (its own signature) and carry the self-signing key's.
    if (!matrix::verify_json(device->second, user_id, device_id, device_ed25519).ok())
        return ServerView::DeviceMissing;
    if (!matrix::verify_json(device->second, user_id, self_signing_key, self_signing_key).ok())
        return ServerView::DeviceNotSigned;
    return ServerView::Signed;
}

Result<std::optional<CrossSigning>, std::string> CrossSigning::open(storage::Database& db,
                                                                    const PickleKey& key,
                                                                    const Clock& clock) {
    auto row = CrossSigningStore(db).load();
    if (!row) return std::optional<CrossSigning>{};
    auto ssk = olm::PkSigning::unpickle(row->self_signing_pickle, key.view());
    if (!ssk)
        return std::string("the pickle key does not open the stored self-signing key (" +
                           ssk.error().errcode + "); restore the pickle key file from a backup");
    if (ssk->public_key() != row->self_signing_key)
        return std::string(
            "the stored self-signing key does not match its recorded public key (the database "
            "was altered?)");
    return std::optional<CrossSigning>(
        CrossSigning(db, clock, std::move(ssk).value(), std::move(*row)));
}

Result<CrossSigning, std::string> CrossSigning::create(storage::Database& db, const PickleKey& key,
                                                       const Clock& clock,
                                                       const std::string& user_id,
                                                       const std::string& recovery_path,
                                                       bool replace_on_server) {
    auto master = olm::PkSigning::generate();
    auto ssk = olm::PkSigning::generate();
    if (!master || !ssk) return std::string("cannot make the cross-signing keys (random failed)");
    auto ssk_json = matrix::sign_json(cross_signing_key(user_id, "self_signing", ssk->public_key()),
                                      user_id, *master);
    auto pickle = ssk->pickle(key.view());
    if (!ssk_json || !pickle) return std::string("cannot sign or store the self-signing key");
    const std::int64_t now = to_epoch_ms(clock.now());

    // The master key goes to the admin's file first: a crash before the row is saved leaves
    // an unused file (replaced below on the next try), never a published key nobody holds.
    std::error_code ec;
    if (std::filesystem::exists(recovery_path, ec)) {
        const std::string aside = recovery_path + ".replaced-" + std::to_string(now);
        std::filesystem::rename(recovery_path, aside, ec);
        if (ec)
            return "cannot move the existing recovery file " + recovery_path + " aside (" +
                   ec.message() + ")";
        spdlog::warn("e2ee: moved the earlier cross-signing recovery file to {}", aside);
    }
    if (auto failed =
            write_new_secret_file(recovery_path, recovery_text(user_id, master.value(), now)))
        return "cannot write the cross-signing recovery file " + recovery_path + " (" + *failed +
               ")";

    CrossSigningRow row;
    row.user_id = user_id;
    row.master_key = master->public_key();
    row.self_signing_key = ssk->public_key();
    row.master_key_json = cross_signing_key(user_id, "master", master->public_key()).dump();
    row.self_signing_key_json = ssk_json->dump();
    row.self_signing_pickle = std::move(pickle).value();
    row.recovery_file = recovery_path;
    row.replace_on_server = replace_on_server;
    row.created_ms = now;
    CrossSigning made(db, clock, std::move(ssk).value(), std::move(row));
    made.save();
    spdlog::info(
        "e2ee: made the cross-signing identity of {} (master key {}); its master key is in {} "
        "(mode 0600): move it to a safe place",
        user_id, format_fingerprint(made.row_.master_key), recovery_path);
    return made;
}

matrix::DeviceSigningUploadRequest CrossSigning::upload_request(std::optional<json> auth) const {
    matrix::DeviceSigningUploadRequest req;
    req.master_key = json::parse(row_.master_key_json);
    req.self_signing_key = json::parse(row_.self_signing_key_json);
    req.auth = std::move(auth);
    return req;
}

matrix::CryptoResult<json> CrossSigning::sign_device(json device_keys) const {
    return matrix::sign_json(std::move(device_keys), row_.user_id, self_signing_);
}

void CrossSigning::mark_keys_uploaded() {
    row_.keys_uploaded = true;
    row_.replace_on_server = false;
    save();
}

void CrossSigning::set_device_signed(bool signed_now) {
    row_.device_signed = signed_now;
    save();
}

void CrossSigning::record_server_view(ServerView view) {
    row_.server_state = to_string(view);
    row_.server_checked_ms = to_epoch_ms(clock_.now());
    save();
}

void CrossSigning::save() {
    row_.updated_ms = to_epoch_ms(clock_.now());
    if (row_.created_ms == 0) row_.created_ms = row_.updated_ms;
    storage::Transaction tx(db_);
    CrossSigningStore(db_).save(row_);
    tx.commit();
}

}  // namespace dialoog::crypto
