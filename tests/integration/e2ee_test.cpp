// End-to-end encryption, step one: the bot's device identity against the fake homeserver.
// With e2ee on, the device keys are published once (also across a restart), one-time keys are
// topped up when /sync says they ran low, the fallback key is replaced once used, a failed
// upload is retried with the same keys, and a token of another device is refused. With e2ee
// off the bot never calls /keys/upload and creates no key.

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "crypto/device_identity.hpp"
#include "integration/support/bot_fixture.hpp"
#include "matrix/signing.hpp"
#include "storage/crypto/account_store.hpp"
#include "storage/migrations.hpp"

namespace dialoog::testing {
namespace {

const std::string kAlice = "@alice:fake.hs";
const std::string kE2ee = "e2ee:\n  enabled: true\n";
constexpr const char* kDevice = BotFixture::kDevice;

int uploads_with_device_keys(const FakeHomeserver& hs) {
    int n = 0;
    for (const auto& u : hs.key_uploads()) n += u.contains("device_keys");
    return n;
}

bool fully_published(const FakeHomeserver& hs) {
    auto ks = hs.keys_of(kDevice);
    return ks.device_keys && ks.one_time_keys.size() == 50 && ks.fallback_key && !ks.fallback_used;
}

// Every object uploaded so far verifies against the ed25519 key in the published device keys.
void expect_all_signed(const FakeHomeserver& hs, const std::string& user) {
    auto ks = hs.keys_of(kDevice);
    ASSERT_TRUE(ks.device_keys);
    const std::string ed25519 = (*ks.device_keys)["keys"]["ed25519:" + std::string(kDevice)];
    EXPECT_TRUE(matrix::verify_json(*ks.device_keys, user, kDevice, ed25519));
    for (const auto& [id, key] : ks.ever_uploaded)
        EXPECT_TRUE(matrix::verify_json(key, user, kDevice, ed25519)) << id;
    if (ks.fallback_key) {
        EXPECT_EQ(ks.fallback_key->second["fallback"], true);
        EXPECT_TRUE(matrix::verify_json(ks.fallback_key->second, user, kDevice, ed25519));
    }
}

TEST(E2ee, DeviceKeysArePublishedOnceAcrossARestart) {
    FakeHomeserver hs;
    BotFixture f(hs, kE2ee);
    f.start_in_room();
    // Published on the server *and* marked published by the bot: the server can hold the keys
    // while the bot still waits for the answer, and a stop then re-uploads the same keys at the
    // next start (by design, see E2ee.FailedUploadsAreRetriedWithTheSameKeys).
    ASSERT_TRUE(f.run_until([&] {
        return fully_published(hs) &&
               f.bot().key_uploads() == static_cast<int>(hs.key_uploads().size());
    }));
    expect_all_signed(hs, hs.bot_user_id());
    const std::string ed25519 = f.bot().identity()->ed25519_key();
    const auto ids_before = hs.keys_of(kDevice).ever_uploaded.size();
    f.stop();

    const int uploads_before = static_cast<int>(hs.key_uploads().size());
    f.start();
    // The start-up round asks the server for its counts (an upload without keys).
    ASSERT_TRUE(f.run_until([&] { return f.bot().key_uploads() >= 1; }));
    f.run_for(300ms);  // a sync or two: nothing more may be uploaded
    EXPECT_EQ(f.bot().identity()->ed25519_key(), ed25519) << "a new identity after restart";
    f.stop();
    EXPECT_EQ(uploads_with_device_keys(hs), 1);
    EXPECT_EQ(hs.keys_of(kDevice).ever_uploaded.size(), ids_before);
    EXPECT_EQ(hs.count_responses(Endpoint::KeysUpload, 400), 0);
    for (std::size_t i = uploads_before; i < hs.key_uploads().size(); ++i)
        EXPECT_EQ(hs.key_uploads()[i].dump(), "{}") << "upload " << i;
    EXPECT_TRUE(std::filesystem::exists(f.db_path() + ".pickle-key"));
}

TEST(E2ee, OneTimeKeysAreToppedUpWhenTheSyncCountDrops) {
    FakeHomeserver hs;
    BotFixture f(hs, kE2ee);
    f.start_in_room();
    ASSERT_TRUE(f.run_until([&] { return fully_published(hs); }));
    ASSERT_EQ(hs.claim_one_time_keys(kDevice, 30), 30);
    ASSERT_TRUE(f.run_until([&] { return hs.keys_of(kDevice).one_time_keys.size() == 50; }));
    f.stop();
    // 50 first, then 30 new ones under new ids; no id was offered twice with another key.
    EXPECT_EQ(hs.keys_of(kDevice).ever_uploaded.size(), 80u);
    EXPECT_EQ(hs.count_responses(Endpoint::KeysUpload, 400), 0);
    expect_all_signed(hs, hs.bot_user_id());
}

TEST(E2ee, UsedFallbackKeyIsReplaced) {
    FakeHomeserver hs;
    BotFixture f(hs, kE2ee);
    f.start_in_room();
    ASSERT_TRUE(f.run_until([&] { return fully_published(hs); }));
    const std::string old_id = hs.keys_of(kDevice).fallback_key->first;
    hs.use_fallback_key(kDevice);
    ASSERT_TRUE(f.run_until([&] {
        auto ks = hs.keys_of(kDevice);
        return ks.fallback_key && ks.fallback_key->first != old_id && !ks.fallback_used;
    }));
    f.stop();
    EXPECT_EQ(hs.count_responses(Endpoint::KeysUpload, 400), 0);
    expect_all_signed(hs, hs.bot_user_id());
}

TEST(E2ee, FailedUploadsAreRetriedWithTheSameKeys) {
    FakeHomeserver hs;
    hs.fail_next(Endpoint::KeysUpload, 3, 502);
    BotFixture f(hs, kE2ee);
    f.start_in_room();
    ASSERT_TRUE(f.run_until([&] { return fully_published(hs); }));
    // A crash after the server stored the keys but before the bot heard back: the restart
    // offers the same keys (accepted, nothing new), never others under the same ids.
    hs.claim_one_time_keys(kDevice, 10);
    hs.stall_next(Endpoint::KeysUpload, 1, 3000ms, /*after_processing=*/true);
    ASSERT_TRUE(f.run_until([&] { return hs.keys_of(kDevice).one_time_keys.size() == 50; }));
    f.crash();
    f.start();
    ASSERT_TRUE(f.run_until([&] { return f.bot().key_uploads() >= 1; }));
    f.run_for(300ms);
    f.stop();
    EXPECT_EQ(hs.count_responses(Endpoint::KeysUpload, 400), 0);
    EXPECT_EQ(hs.keys_of(kDevice).ever_uploaded.size(), 60u);
    EXPECT_EQ(hs.keys_of(kDevice).one_time_keys.size(), 50u);
    EXPECT_EQ(uploads_with_device_keys(hs), 1);
}

TEST(E2ee, TokenOfAnotherDeviceIsRefusedWithoutANewIdentity) {
    FakeHomeserver hs;
    BotFixture f(hs, kE2ee);
    f.start_in_room();
    ASSERT_TRUE(f.run_until([&] { return fully_published(hs); }));
    f.stop();
    const auto uploads_before = hs.key_uploads().size();
    hs.add_token("tok-other-device", "OTHERDEV");
    f.write_token("tok-other-device");
    f.start();
    ASSERT_TRUE(f.run_until([&] { return f.bot().failed(); }));
    f.stop();
    EXPECT_EQ(hs.key_uploads().size(), uploads_before);
    EXPECT_FALSE(hs.keys_of("OTHERDEV").device_keys);
    storage::Database db(f.db_path());
    EXPECT_EQ(crypto::AccountStore(db).load()->device_id, kDevice);
}

TEST(E2ee, MissingPickleKeyRefusesToStart) {
    FakeHomeserver hs;
    BotFixture f(hs, kE2ee);
    f.start_in_room();
    ASSERT_TRUE(f.run_until([&] { return hs.keys_of(kDevice).device_keys.has_value(); }));
    f.stop();
    std::filesystem::remove(f.db_path() + ".pickle-key");
    EXPECT_THROW(f.start(), std::runtime_error);
    EXPECT_FALSE(f.running());
    EXPECT_FALSE(std::filesystem::exists(f.db_path() + ".pickle-key"));
}

TEST(E2ee, OffMeansNoKeysUploadNoKeyAndNoCryptoTables) {
    FakeHomeserver hs;
    BotFixture f(hs);
    std::string room = f.start_in_room();
    std::string ping = hs.post_message(room, kAlice, "!ping");
    ASSERT_TRUE(f.await_replies({ping}));
    EXPECT_EQ(f.bot().identity(), nullptr);
    f.stop();
    EXPECT_EQ(hs.count_requests(Endpoint::KeysUpload), 0);
    EXPECT_FALSE(std::filesystem::exists(f.db_path() + ".pickle-key"));
    storage::Database db(f.db_path());
    EXPECT_EQ(storage::schema_version(db, "crypto"), 0);
}

}  // namespace
}  // namespace dialoog::testing
