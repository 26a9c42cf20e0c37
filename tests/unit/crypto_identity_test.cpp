// The device identity (crypto/device_identity.hpp, crypto/pickle_key.hpp): the pickle key file
// is created beside the database with mode 0600 and refused when missing, of the wrong length
// or the wrong key; `device_keys` carry a valid self-signature; how many one-time keys are
// generated; and keys generated before a crash are uploaded again, the same ones, after it.

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "common/clock.hpp"
#include "config/config.hpp"
#include "crypto/cross_signing.hpp"
#include "crypto/device_identity.hpp"
#include "crypto/e2ee_config.hpp"
#include "crypto/pickle_key.hpp"
#include "matrix/api.hpp"
#include "matrix/base64.hpp"
#include "matrix/events.hpp"
#include "matrix/olm/pk_signing.hpp"
#include "matrix/signing.hpp"
#include "storage/crypto/account_store.hpp"
#include "storage/crypto/cross_signing_store.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

using namespace dialoog;
using crypto::IdentityError;
using nlohmann::json;

namespace {

constexpr const char* kUser = "@dialoogbot:example.org";

class TempDir {
  public:
    TempDir() {
        std::string tmpl = ::testing::TempDir() + "/crypto-XXXXXX";
        if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp");
        path_ = tmpl;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    std::string file(const std::string& name) const { return path_ + "/" + name; }

  private:
    std::string path_;
};

std::shared_ptr<const config::Config> make_config(const std::string& db_path,
                                                  const std::string& device = "DIALOOGBOT1",
                                                  const std::string& key_file = "") {
    std::string y =
        "homeserver: https://matrix.example.org\n"
        "bot:\n"
        "  user_id: \"" +
        std::string(kUser) +
        "\"\n"
        "  access_token_file: /nonexistent/token\n"
        "  device_id: " +
        device + "\n" + (key_file.empty() ? "" : "  pickle_key_file: " + key_file + "\n") +
        "storage: " + db_path + "\ne2ee: {enabled: true}\n";
    auto r = config::load_config_text(y, crypto::e2ee_config_sections(), "<t>");
    if (!r.config) throw std::runtime_error("test config invalid");
    return r.config;
}

void write_bytes(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

class Identity : public ::testing::Test {
  protected:
    TempDir dir;
    std::string db_path = dir.file("bot.db");
    std::string key_path = db_path + ".pickle-key";
    ManualClock clock{from_epoch_ms(1'700'000'000'000)};

    Result<crypto::DeviceIdentity, IdentityError> open(storage::Database& db,
                                                       const config::Config& cfg) {
        storage::migrate_core(db);  // the bot migrates the core first (schema_versions)
        return crypto::open_device_identity(db, cfg, clock);
    }
};

}  // namespace

TEST_F(Identity, FirstStartCreatesThePickleKeyBesideTheDatabaseWithMode0600) {
    storage::Database db(db_path);
    auto cfg = make_config(db_path);
    ASSERT_FALSE(std::filesystem::exists(key_path));
    auto id = open(db, *cfg);
    ASSERT_TRUE(id) << id.error().message;
    struct stat st {};
    ASSERT_EQ(::stat(key_path.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    EXPECT_EQ(st.st_size, 32);
    EXPECT_EQ(id->user_id(), kUser);
    EXPECT_EQ(id->device_id(), "DIALOOGBOT1");
    auto row = crypto::AccountStore(db).load();
    ASSERT_TRUE(row);
    EXPECT_EQ(row->ed25519_key, id->ed25519_key());
    EXPECT_FALSE(row->device_keys_published);
    // The pickle is encrypted: the public key is in its own column, not readable in the pickle.
    EXPECT_EQ(row->pickle.find(id->ed25519_key()), std::string::npos);
}

TEST_F(Identity, RestartOpensTheSameIdentity) {
    storage::Database db(db_path);
    auto cfg = make_config(db_path);
    std::string ed25519, curve25519;
    {
        auto first = open(db, *cfg);
        ASSERT_TRUE(first) << first.error().message;
        ed25519 = first->ed25519_key();
        curve25519 = first->curve25519_key();
    }
    auto again = open(db, *cfg);
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_EQ(again->ed25519_key(), ed25519);
    EXPECT_EQ(again->curve25519_key(), curve25519);
}

TEST_F(Identity, MissingKeyWithStoredIdentityIsRefusedAndNoNewKeyIsMade) {
    storage::Database db(db_path);
    auto cfg = make_config(db_path);
    std::string ed25519;
    {
        auto first = open(db, *cfg);
        ASSERT_TRUE(first);
        ed25519 = first->ed25519_key();
    }
    std::filesystem::remove(key_path);
    auto again = open(db, *cfg);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, IdentityError::Code::KeyMissing);
    EXPECT_NE(again.error().message.find(key_path), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(key_path)) << "a new key was made silently";
    EXPECT_EQ(crypto::AccountStore(db).load()->ed25519_key, ed25519);
}

TEST_F(Identity, KeyFileOfTheWrongLengthIsRefused) {
    storage::Database db(db_path);
    auto cfg = make_config(db_path);
    ASSERT_TRUE(open(db, *cfg));
    for (std::size_t n : {std::size_t{31}, std::size_t{33}, std::size_t{0}}) {
        write_bytes(key_path, std::string(n, 'k'));
        auto again = open(db, *cfg);
        ASSERT_FALSE(again) << n;
        EXPECT_EQ(again.error().code, IdentityError::Code::KeyWrongLength) << n;
    }
}

TEST_F(Identity, AnotherKeyOfTheRightLengthIsRefused) {
    storage::Database db(db_path);
    auto cfg = make_config(db_path);
    ASSERT_TRUE(open(db, *cfg));
    write_bytes(key_path, std::string(32, 'x'));
    auto again = open(db, *cfg);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, IdentityError::Code::KeyDoesNotOpen);
    // The message names the file, never the key's bytes.
    EXPECT_NE(again.error().message.find(key_path), std::string::npos);
    EXPECT_EQ(again.error().message.find(std::string(32, 'x')), std::string::npos);
}

TEST_F(Identity, ConfiguredKeyFileThatDoesNotExistIsRefusedNotCreated) {
    storage::Database db(db_path);
    const std::string configured = dir.file("configured-key");
    auto cfg = make_config(db_path, "DIALOOGBOT1", configured);
    auto id = open(db, *cfg);
    ASSERT_FALSE(id);
    EXPECT_EQ(id.error().code, IdentityError::Code::ConfiguredKeyMissing);
    EXPECT_FALSE(std::filesystem::exists(configured));
    EXPECT_FALSE(std::filesystem::exists(key_path));
    EXPECT_FALSE(crypto::AccountStore(db).load());
}

TEST_F(Identity, ConfiguredKeyFileIsUsedAndNothingIsCreatedBesideTheDatabase) {
    storage::Database db(db_path);
    const std::string configured = dir.file("configured-key");
    write_bytes(configured, std::string(32, '\x07'));
    auto cfg = make_config(db_path, "DIALOOGBOT1", configured);
    ASSERT_TRUE(open(db, *cfg));
    EXPECT_FALSE(std::filesystem::exists(key_path));
    // And it is that key that opens the account: another one does not.
    write_bytes(configured, std::string(32, '\x08'));
    auto again = open(db, *cfg);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, IdentityError::Code::KeyDoesNotOpen);
}

TEST_F(Identity, StoredIdentityOfAnotherDeviceIsRefused) {
    storage::Database db(db_path);
    ASSERT_TRUE(open(db, *make_config(db_path, "DEVICEA")));
    auto other = open(db, *make_config(db_path, "DEVICEB"));
    ASSERT_FALSE(other);
    EXPECT_EQ(other.error().code, IdentityError::Code::OtherDevice);
    EXPECT_NE(other.error().message.find("DEVICEA"), std::string::npos);
    EXPECT_EQ(crypto::AccountStore(db).load()->device_id, "DEVICEA");
}

TEST_F(Identity, DeviceKeysAreSignedByTheDevicesEd25519Key) {
    storage::Database db(db_path);
    auto id = open(db, *make_config(db_path));
    ASSERT_TRUE(id);
    auto dk = id->device_keys();
    ASSERT_TRUE(dk) << dk.error().message;
    EXPECT_EQ((*dk)["user_id"], kUser);
    EXPECT_EQ((*dk)["device_id"], "DIALOOGBOT1");
    EXPECT_EQ((*dk)["algorithms"],
              json::array({"m.olm.v1.curve25519-aes-sha2", "m.megolm.v1.aes-sha2"}));
    EXPECT_EQ((*dk)["keys"]["ed25519:DIALOOGBOT1"], id->ed25519_key());
    EXPECT_EQ((*dk)["keys"]["curve25519:DIALOOGBOT1"], id->curve25519_key());
    auto ok = matrix::verify_json(*dk, kUser, "DIALOOGBOT1", id->ed25519_key());
    EXPECT_TRUE(ok) << ok.error().message;
    // The signature covers the content: a changed algorithm list no longer verifies.
    json tampered = *dk;
    tampered["algorithms"] = json::array({"m.olm.v1.curve25519-aes-sha2"});
    EXPECT_FALSE(matrix::verify_json(tampered, kUser, "DIALOOGBOT1", id->ed25519_key()));
}

TEST(OneTimeKeys, GenerateUpToHalfOfTheMaximum) {
    EXPECT_EQ(crypto::one_time_keys_to_generate(0, 0, 100), 50u);
    EXPECT_EQ(crypto::one_time_keys_to_generate(30, 0, 100), 20u);
    EXPECT_EQ(crypto::one_time_keys_to_generate(30, 10, 100), 10u);
    EXPECT_EQ(crypto::one_time_keys_to_generate(50, 0, 100), 0u);
    EXPECT_EQ(crypto::one_time_keys_to_generate(80, 0, 100), 0u);
    EXPECT_EQ(crypto::one_time_keys_to_generate(0, 50, 100), 0u);
    EXPECT_EQ(crypto::one_time_keys_to_generate(-3, 0, 100), 50u);
    EXPECT_EQ(crypto::one_time_keys_to_generate(0, 0, 101), 50u);
    EXPECT_EQ(crypto::one_time_keys_to_generate(0, 0, 1), 0u);
}

TEST(OneTimeKeys, CountsFromSyncAndFromTheUploadAnswer) {
    auto none = crypto::KeyCounts::from_sync(std::nullopt, std::nullopt);
    EXPECT_FALSE(none.one_time_keys);
    EXPECT_FALSE(none.fallback_key_missing);
    auto zero = crypto::KeyCounts::from_sync(std::map<std::string, std::int64_t>{},
                                             std::vector<std::string>{});
    EXPECT_EQ(zero.one_time_keys.value_or(-1), 0);
    EXPECT_TRUE(zero.fallback_key_missing);
    auto some =
        crypto::KeyCounts::from_sync(std::map<std::string, std::int64_t>{{"signed_curve25519", 42}},
                                     std::vector<std::string>{"signed_curve25519"});
    EXPECT_EQ(some.one_time_keys.value_or(-1), 42);
    EXPECT_FALSE(some.fallback_key_missing);
    matrix::KeysUploadResponse answer;
    answer.one_time_key_counts["signed_curve25519"] = 7;
    EXPECT_EQ(crypto::KeyCounts::from_upload(answer).one_time_keys.value_or(-1), 7);
}

TEST(OneTimeKeys, SyncResponseCarriesTheKeyCounts) {
    auto r = matrix::parse_sync_response(
        R"({"next_batch":"s1","device_one_time_keys_count":{"signed_curve25519":12,"x":"bad"},)"
        R"("device_unused_fallback_key_types":["signed_curve25519"]})");
    ASSERT_TRUE(r);
    ASSERT_TRUE(r->device_one_time_keys_count);
    EXPECT_EQ(r->device_one_time_keys_count->at("signed_curve25519"), 12);
    EXPECT_EQ(r->device_one_time_keys_count->count("x"), 0u);
    ASSERT_TRUE(r->device_unused_fallback_key_types);
    EXPECT_EQ(*r->device_unused_fallback_key_types, std::vector<std::string>{"signed_curve25519"});
    auto bare = matrix::parse_sync_response(R"({"next_batch":"s1"})");
    ASSERT_TRUE(bare);
    EXPECT_FALSE(bare->device_one_time_keys_count);
    EXPECT_FALSE(bare->device_unused_fallback_key_types);
}

TEST(OneTimeKeys, UploadRequestAndAnswerShapes) {
    matrix::KeysUploadRequest empty;
    EXPECT_EQ(json(empty).dump(), "{}");
    matrix::KeysUploadRequest req;
    req.one_time_keys["signed_curve25519:AAAAAQ"] = {{"key", "k"}};
    EXPECT_EQ(json(req).dump(), R"({"one_time_keys":{"signed_curve25519:AAAAAQ":{"key":"k"}}})");
    auto ok = matrix::parse_response<matrix::KeysUploadResponse>(
        R"({"one_time_key_counts":{"signed_curve25519":50}})", 200);
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->one_time_key_counts.at("signed_curve25519"), 50);
    EXPECT_FALSE(matrix::parse_response<matrix::KeysUploadResponse>(R"({})", 200));
}

TEST(Fingerprint, GroupsOfFourAsElementShowsThem) {
    EXPECT_EQ(crypto::format_fingerprint("abcdefghij"), "abcd efgh ij");
    EXPECT_EQ(crypto::format_fingerprint("abcd"), "abcd");
}

TEST_F(Identity, FirstUploadHasDeviceKeysThenTopUpAndFallbackAreSigned) {
    storage::Database db(db_path);
    auto id = open(db, *make_config(db_path));
    ASSERT_TRUE(id);
    // Before anything is known of the server: only the device keys.
    auto first = id->prepare_upload(crypto::KeyCounts{});
    ASSERT_TRUE(first);
    EXPECT_TRUE(first->device_keys);
    EXPECT_TRUE(first->one_time_keys.empty());
    EXPECT_TRUE(first->fallback_keys.empty());
    ASSERT_TRUE(id->mark_published(*first));
    EXPECT_TRUE(id->device_keys_published());

    auto top_up = id->prepare_upload(crypto::KeyCounts{0, true});
    ASSERT_TRUE(top_up);
    EXPECT_FALSE(top_up->device_keys) << "device keys are uploaded once";
    EXPECT_EQ(top_up->one_time_keys.size(), id->max_one_time_keys() / 2);
    ASSERT_EQ(top_up->fallback_keys.size(), 1u);
    for (const auto& [key_id, obj] : top_up->one_time_keys) {
        EXPECT_EQ(key_id.rfind("signed_curve25519:", 0), 0u) << key_id;
        EXPECT_FALSE(obj.contains("fallback"));
        EXPECT_TRUE(matrix::verify_json(obj, kUser, "DIALOOGBOT1", id->ed25519_key())) << key_id;
    }
    const auto& [fb_id, fb] = *top_up->fallback_keys.begin();
    EXPECT_EQ(fb_id.rfind("signed_curve25519:", 0), 0u);
    EXPECT_EQ(fb["fallback"], true);
    EXPECT_TRUE(matrix::verify_json(fb, kUser, "DIALOOGBOT1", id->ed25519_key()));
    // The fallback flag is signed: without it the signature fails.
    json unflagged = fb;
    unflagged.erase("fallback");
    EXPECT_FALSE(matrix::verify_json(unflagged, kUser, "DIALOOGBOT1", id->ed25519_key()));
}

// Persist before upload, mark published after: a crash between generating and uploading
// uploads the same keys after the restart, and generates none beside them.
TEST_F(Identity, KeysGeneratedBeforeACrashAreUploadedAgainUnchanged) {
    storage::Database db(db_path);
    auto cfg = make_config(db_path);
    matrix::KeysUploadRequest before_crash;
    {
        auto id = open(db, *cfg);
        ASSERT_TRUE(id);
        auto req = id->prepare_upload(crypto::KeyCounts{0, true});
        ASSERT_TRUE(req);
        before_crash = std::move(req).value();
        // Saved before the upload: the row says what waits.
        auto row = crypto::AccountStore(db).load();
        EXPECT_EQ(row->unpublished_one_time_keys, static_cast<int>(id->max_one_time_keys() / 2));
        EXPECT_TRUE(row->unpublished_fallback_key);
        // "Crash": the identity goes without the upload or mark_published.
    }
    ASSERT_EQ(before_crash.one_time_keys.size(), 50u);
    ASSERT_TRUE(before_crash.device_keys);

    auto id = open(db, *cfg);
    ASSERT_TRUE(id);
    // The server still holds no keys and no fallback key: the same counts as before.
    auto after = id->prepare_upload(crypto::KeyCounts{0, true});
    ASSERT_TRUE(after);
    EXPECT_EQ(after->one_time_keys, before_crash.one_time_keys) << "other keys than before";
    EXPECT_EQ(after->fallback_keys, before_crash.fallback_keys);
    EXPECT_EQ(after->device_keys, before_crash.device_keys);

    ASSERT_TRUE(id->mark_published(*after));
    EXPECT_EQ(id->unpublished_one_time_keys(), 0u);
    // Published and saved: after another restart nothing is waiting and nothing is needed.
    auto reopened = open(db, *cfg);
    ASSERT_TRUE(reopened);
    EXPECT_TRUE(reopened->device_keys_published());
    auto nothing = reopened->prepare_upload(crypto::KeyCounts{50, false});
    ASSERT_TRUE(nothing);
    EXPECT_TRUE(nothing->empty());
    auto row = crypto::AccountStore(db).load();
    EXPECT_EQ(row->unpublished_one_time_keys, 0);
    EXPECT_FALSE(row->unpublished_fallback_key);
}

TEST_F(Identity, MarkPublishedRefusesARequestThatIsNotTheWaitingKeys) {
    storage::Database db(db_path);
    auto id = open(db, *make_config(db_path));
    ASSERT_TRUE(id);
    ASSERT_TRUE(id->prepare_upload(crypto::KeyCounts{0, false}));
    EXPECT_FALSE(id->mark_published(matrix::KeysUploadRequest{}));
    EXPECT_EQ(id->unpublished_one_time_keys(), 50u) << "nothing may be marked";
}

// ---- Cross-signing (crypto/cross_signing.hpp) ------------------------------------------------

namespace {

class CrossSigningTest : public Identity {
  protected:
    std::string recovery = db_path + ".cross-signing-recovery";

    // The device's signed keys, the bot's master and self-signing keys as the server would
    // list them in /keys/query, all consistent: the Signed case.
    struct World {
        json device_keys;
        std::string device_ed25519;
        std::string master;
        std::string ssk;
        matrix::KeysQueryResponse query;
    };
    World signed_world(crypto::DeviceIdentity& id, const crypto::CrossSigning& cs) {
        World w;
        w.device_keys = id.device_keys().value();
        w.device_ed25519 = id.ed25519_key();
        w.master = cs.row().master_key;
        w.ssk = cs.row().self_signing_key;
        auto req = cs.upload_request(std::nullopt);
        w.query.master_keys[kUser] = req.master_key;
        w.query.self_signing_keys[kUser] = req.self_signing_key;
        w.query.device_keys[kUser]["DIALOOGBOT1"] = cs.sign_device(w.device_keys).value();
        return w;
    }
    crypto::ServerView inspect(const World& w) {
        return crypto::inspect_own_keys(w.query, kUser, "DIALOOGBOT1", w.device_ed25519, w.master,
                                        w.ssk);
    }
};

}  // namespace

TEST_F(CrossSigningTest, CreateWritesTheMasterKeyOnlyToA0600RecoveryFile) {
    storage::Database db(db_path);
    auto cfg = make_config(db_path);
    auto id = open(db, *cfg);
    ASSERT_TRUE(id);
    auto cs = crypto::CrossSigning::create(db, id->pickle_key(), clock, kUser, recovery, false);
    ASSERT_TRUE(cs) << cs.error();
    struct stat st {};
    ASSERT_EQ(::stat(recovery.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    std::ifstream in(recovery);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_NE(text.find("master_public_key: " + cs->row().master_key), std::string::npos);
    const auto at = text.find("master_private_key: ");
    ASSERT_NE(at, std::string::npos);
    const std::string secret = text.substr(at + 20, text.find('\n', at) - at - 20);
    auto seed = matrix::unpadded_base64_decode(secret);
    ASSERT_TRUE(seed.ok());
    EXPECT_EQ(matrix::olm::PkSigning::from_seed(*seed)->public_key(), cs->row().master_key);
    // Stored: public keys, the signed objects and the self-signing key's pickle; not the master.
    auto row = crypto::CrossSigningStore(db).load();
    ASSERT_TRUE(row);
    for (const auto& field : {row->master_key_json, row->self_signing_key_json,
                              row->self_signing_pickle, row->master_key, row->self_signing_key})
        EXPECT_EQ(field.find(secret), std::string::npos);
    EXPECT_EQ(row->recovery_file, recovery);
    EXPECT_FALSE(row->keys_uploaded);
    // The self-signing key is signed by the master key.
    const json ssk = json::parse(row->self_signing_key_json);
    EXPECT_TRUE(matrix::verify_json(ssk, kUser, row->master_key, row->master_key).ok());
}

TEST_F(CrossSigningTest, AnExistingRecoveryFileIsMovedAsideNeverOverwritten) {
    storage::Database db(db_path);
    auto cfg = make_config(db_path);
    auto id = open(db, *cfg);
    ASSERT_TRUE(id);
    write_bytes(recovery, "an earlier master key\n");
    auto cs = crypto::CrossSigning::create(db, id->pickle_key(), clock, kUser, recovery, true);
    ASSERT_TRUE(cs) << cs.error();
    const std::string aside = recovery + ".replaced-1700000000000";
    ASSERT_TRUE(std::filesystem::exists(aside));
    std::ifstream in(aside);
    std::string old((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(old, "an earlier master key\n");
    EXPECT_TRUE(cs->row().replace_on_server);
}

TEST_F(CrossSigningTest, ReopenedIdentitySendsTheSameBytesAndSignsWithTheSameKey) {
    storage::Database db(db_path);
    auto cfg = make_config(db_path);
    auto id = open(db, *cfg);
    ASSERT_TRUE(id);
    std::string first_body;
    {
        auto cs = crypto::CrossSigning::create(db, id->pickle_key(), clock, kUser, recovery, false);
        ASSERT_TRUE(cs);
        first_body = json(cs->upload_request(std::nullopt)).dump();
        cs->mark_keys_uploaded();
    }
    auto reopened = crypto::CrossSigning::open(db, id->pickle_key(), clock);
    ASSERT_TRUE(reopened);
    ASSERT_TRUE(reopened->has_value());
    auto& cs = **reopened;
    EXPECT_EQ(json(cs.upload_request(std::nullopt)).dump(), first_body);
    EXPECT_TRUE(cs.row().keys_uploaded);
    auto signed_keys = cs.sign_device(id->device_keys().value());
    ASSERT_TRUE(signed_keys.ok());
    const std::string ssk = cs.row().self_signing_key;
    EXPECT_TRUE(matrix::verify_json(*signed_keys, kUser, ssk, ssk).ok());
    // The device's own signature is kept beside it.
    EXPECT_TRUE(matrix::verify_json(*signed_keys, kUser, "DIALOOGBOT1", id->ed25519_key()).ok());
}

TEST_F(CrossSigningTest, AWrongPickleKeyDoesNotOpenTheSelfSigningKey) {
    storage::Database db(db_path);
    auto cfg = make_config(db_path);
    auto id = open(db, *cfg);
    ASSERT_TRUE(id);
    ASSERT_TRUE(crypto::CrossSigning::create(db, id->pickle_key(), clock, kUser, recovery, false));
    crypto::PickleKey wrong(std::vector<unsigned char>(32, 7));
    auto reopened = crypto::CrossSigning::open(db, wrong, clock);
    ASSERT_FALSE(reopened);
    EXPECT_NE(reopened.error().find("pickle key"), std::string::npos);
}

TEST_F(CrossSigningTest, ServerViewNamesEachBrokenLinkOfTheChain) {
    storage::Database db(db_path);
    auto cfg = make_config(db_path);
    auto id = open(db, *cfg);
    ASSERT_TRUE(id);
    auto cs = crypto::CrossSigning::create(db, id->pickle_key(), clock, kUser, recovery, false);
    ASSERT_TRUE(cs);
    using crypto::ServerView;
    const World good = signed_world(*id, *cs);
    EXPECT_EQ(inspect(good), ServerView::Signed);

    World w = good;
    w.query.master_keys.clear();
    EXPECT_EQ(inspect(w), ServerView::NoMaster);

    auto other = matrix::olm::PkSigning::generate().value();
    w = good;
    w.query.master_keys[kUser]["keys"] = {{"ed25519:" + other.public_key(), other.public_key()}};
    EXPECT_EQ(inspect(w), ServerView::ForeignMaster);

    // A self-signing key the master did not sign (the signature is by another key).
    w = good;
    w.query.self_signing_keys[kUser]["signatures"][kUser] = {
        {"ed25519:" + good.master,
         matrix::sign_json(w.query.self_signing_keys[kUser], kUser, other)
             .value()["signatures"][kUser]["ed25519:" + other.public_key()]}};
    EXPECT_EQ(inspect(w), ServerView::SelfSigningWrong);

    w = good;
    w.query.device_keys[kUser]["DIALOOGBOT1"] = good.device_keys;  // only the device's signature
    EXPECT_EQ(inspect(w), ServerView::DeviceNotSigned);

    w = good;
    w.query.device_keys[kUser].clear();
    EXPECT_EQ(inspect(w), ServerView::DeviceMissing);

    // A device entry under our id with other keys is not ours.
    w = good;
    w.query.device_keys[kUser]["DIALOOGBOT1"]["keys"]["ed25519:DIALOOGBOT1"] = other.public_key();
    EXPECT_EQ(inspect(w), ServerView::DeviceMissing);

    // Malformed master entries count as none.
    w = good;
    w.query.master_keys[kUser]["keys"] = json::array();
    EXPECT_EQ(inspect(w), ServerView::NoMaster);
    w = good;
    w.query.master_keys[kUser]["usage"] = {"self_signing"};
    EXPECT_EQ(inspect(w), ServerView::NoMaster);
}

TEST_F(Identity, PickleKeyFileProblemsAreNamedBeforeTheBotNeedsTheKey) {
    const std::string key_file = dir.file("pickle.key");
    auto cfg = make_config(db_path, "DIALOOGBOT1", key_file);
    auto problems = crypto::pickle_key_file_problems(*cfg);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].find("does not exist"), std::string::npos);
    EXPECT_NE(problems[0].find("head -c 32 /dev/urandom"), std::string::npos);

    write_bytes(key_file, std::string(31, 'k'));
    ::chmod(key_file.c_str(), 0644);
    problems = crypto::pickle_key_file_problems(*cfg);
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_NE(problems[0].find("holds 31 bytes, not 32"), std::string::npos);
    EXPECT_NE(problems[1].find("chmod 600"), std::string::npos);
    for (const auto& p : problems) EXPECT_EQ(p.find(std::string(31, 'k')), std::string::npos);

    write_bytes(key_file, std::string(32, 'k'));
    ::chmod(key_file.c_str(), 0600);
    EXPECT_TRUE(crypto::pickle_key_file_problems(*cfg).empty());

    std::filesystem::remove(key_file);
    std::filesystem::create_directory(key_file);
    problems = crypto::pickle_key_file_problems(*cfg);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].find("not a regular file"), std::string::npos);

    // The default key beside the database may be missing: the bot makes it at its first start.
    EXPECT_TRUE(crypto::pickle_key_file_problems(*make_config(db_path)).empty());
}
