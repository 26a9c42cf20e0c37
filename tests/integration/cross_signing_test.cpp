// End-to-end encryption, step two: the bot cross-signs its own device against the fake
// homeserver (Matrix spec, "Cross-signing"; crypto/cross_signing.hpp). On the first start with
// e2ee it makes a master and a self-signing key, uploads them, signs its device and checks
// the chain with /keys/query; the master key goes to a 0600 recovery file and never into the
// database; a crash anywhere resumes without a second identity; keys the server holds that
// are not the bot's are never replaced by the bot itself; a server that asks for the password
// gets it from bot.password_file, and without one the bot says what to do and keeps working.

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "bot/net/cross_signer.hpp"
#include "integration/support/bot_fixture.hpp"
#include "matrix/base64.hpp"
#include "matrix/olm/pk_signing.hpp"
#include "matrix/signing.hpp"

namespace dialoog::testing {
namespace {

const std::string kAlice = "@alice:fake.hs";
const std::string kE2ee = "e2ee:\n  enabled: true\n";
constexpr const char* kDevice = BotFixture::kDevice;
using crypto::ServerView;

bool signed_view(BotFixture& f) {
    const auto* cs = f.bot().cross_signer();
    return cs && cs->last_view() == ServerView::Signed;
}

std::string only_key(const json& cross_signing_key) {
    return cross_signing_key["keys"].begin().value().get<std::string>();
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string line_value(const std::string& text, const std::string& key) {
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (line.rfind(key + ": ", 0) == 0) return line.substr(key.size() + 2);
    return "";
}

// The server's keys form the chain other clients check: master -> self-signing -> device.
void expect_chain_on_server(const FakeHomeserver& hs) {
    const auto cs = hs.cross_signing();
    ASSERT_TRUE(cs.master_key && cs.self_signing_key);
    const std::string user = hs.bot_user_id();
    const std::string master = only_key(*cs.master_key);
    const std::string ssk = only_key(*cs.self_signing_key);
    EXPECT_EQ((*cs.master_key)["usage"], json::array({"master"}));
    EXPECT_EQ((*cs.self_signing_key)["usage"], json::array({"self_signing"}));
    EXPECT_TRUE(matrix::verify_json(*cs.self_signing_key, user, master, master).ok());
    const auto dk = hs.keys_of(kDevice).device_keys;
    ASSERT_TRUE(dk);
    EXPECT_TRUE(matrix::verify_json(*dk, user, ssk, ssk).ok());
    EXPECT_FALSE((*cs.master_key).contains("user_signing")) << "no user-signing key is needed";
}

TEST(CrossSigning, DeviceIsCrossSignedOnFirstStartAndStaysSoAcrossARestart) {
    FakeHomeserver hs;
    BotFixture f(hs, kE2ee);
    f.start_in_room();
    ASSERT_TRUE(f.run_until([&] { return signed_view(f); }));
    expect_chain_on_server(hs);
    const std::string master = only_key(*hs.cross_signing().master_key);

    // The master key is in the recovery file (0600) and nowhere in the database.
    const std::string recovery = f.db_path() + ".cross-signing-recovery";
    struct stat st {};
    ASSERT_EQ(::stat(recovery.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    const std::string text = read_file(recovery);
    EXPECT_EQ(line_value(text, "master_public_key"), master);
    const std::string secret = line_value(text, "master_private_key");
    auto seed = matrix::unpadded_base64_decode(secret);
    ASSERT_TRUE(seed.ok());
    auto restored = matrix::olm::PkSigning::from_seed(*seed);
    ASSERT_TRUE(restored.ok());
    EXPECT_EQ(restored->public_key(), master) << "the file's private key is the master key";
    f.stop();
    for (const auto& suffix : {"", "-wal"}) {
        const std::string db_bytes = read_file(f.db_path() + suffix);
        EXPECT_EQ(db_bytes.find(secret), std::string::npos) << "master key in the database";
    }

    f.start();
    ASSERT_TRUE(f.run_until([&] { return signed_view(f); }));
    f.run_for(300ms);
    f.stop();
    EXPECT_EQ(hs.cross_signing().uploads, 1);
    EXPECT_EQ(only_key(*hs.cross_signing().master_key), master);
    EXPECT_EQ(hs.cross_signing().uia_challenges, 0) << "first keys need no password (MSC3967)";
}

TEST(CrossSigning, CrashAfterTheUploadResumesWithTheSameKeys) {
    FakeHomeserver hs;
    // The server stores the keys but the answer never arrives before the crash.
    hs.stall_next(Endpoint::CrossSigningUpload, 1, 3000ms, /*after_processing=*/true);
    BotFixture f(hs, kE2ee);
    f.start_in_room();
    ASSERT_TRUE(f.run_until([&] { return hs.cross_signing().uploads == 1; }));
    const std::string master = only_key(*hs.cross_signing().master_key);
    f.crash();
    f.start();
    ASSERT_TRUE(f.run_until([&] { return signed_view(f); }));
    f.stop();
    expect_chain_on_server(hs);
    EXPECT_EQ(only_key(*hs.cross_signing().master_key), master) << "a second identity";
    EXPECT_EQ(hs.cross_signing().uia_challenges, 0);
    for (const auto& entry :
         std::filesystem::directory_iterator(std::filesystem::path(f.db_path()).parent_path()))
        EXPECT_EQ(entry.path().string().find(".replaced-"), std::string::npos)
            << "the recovery file was made twice";
}

TEST(CrossSigning, CrashBeforeTheSignatureIsSentSignsAfterTheRestart) {
    FakeHomeserver hs;
    hs.fail_next(Endpoint::SignaturesUpload, 1000, 503);
    BotFixture f(hs, kE2ee);
    f.start_in_room();
    ASSERT_TRUE(f.run_until([&] { return hs.count_requests(Endpoint::SignaturesUpload) >= 2; }));
    f.crash();
    hs.clear_faults();
    f.start();
    ASSERT_TRUE(f.run_until([&] { return signed_view(f); }));
    f.stop();
    expect_chain_on_server(hs);
    EXPECT_EQ(hs.cross_signing().uploads, 1);
}

TEST(CrossSigning, KeysTheServerHoldsThatAreNotTheBotsAreNeverReplaced) {
    FakeHomeserver hs;
    auto foreign = matrix::olm::PkSigning::generate();
    ASSERT_TRUE(foreign.ok());
    const std::string user = hs.bot_user_id();
    json master = {{"user_id", user},
                   {"usage", {"master"}},
                   {"keys", {{"ed25519:" + foreign->public_key(), foreign->public_key()}}}};
    hs.set_cross_signing(master, master);
    BotFixture f(hs, kE2ee);
    const std::string room = f.start_in_room();
    ASSERT_TRUE(f.run_until([&] { return hs.count_requests(Endpoint::KeysQuery) >= 1; }));
    // The bot keeps working in clear rooms while the admin decides.
    const std::string ping = hs.post_message(room, kAlice, "!ping");
    ASSERT_TRUE(f.await_replies({ping}));
    f.run_for(500ms);
    f.stop();
    EXPECT_EQ(hs.count_requests(Endpoint::CrossSigningUpload), 0);
    EXPECT_EQ(only_key(*hs.cross_signing().master_key), foreign->public_key());
    EXPECT_FALSE(std::filesystem::exists(f.db_path() + ".cross-signing-recovery"));
}

TEST(CrossSigning, AnIdentityReplacedElsewhereIsReportedNotTakenBack) {
    FakeHomeserver hs;
    BotFixture f(hs, kE2ee);
    f.start_in_room();
    ASSERT_TRUE(f.run_until([&] { return signed_view(f); }));
    auto foreign = matrix::olm::PkSigning::generate();
    ASSERT_TRUE(foreign.ok());
    json master = {{"user_id", hs.bot_user_id()},
                   {"usage", {"master"}},
                   {"keys", {{"ed25519:" + foreign->public_key(), foreign->public_key()}}}};
    hs.set_cross_signing(master, master);
    ASSERT_TRUE(f.run_until(
        [&] { return f.bot().cross_signer()->last_view() == ServerView::ForeignMaster; }));
    f.run_for(500ms);
    f.stop();
    EXPECT_EQ(hs.cross_signing().uploads, 1);
    EXPECT_EQ(only_key(*hs.cross_signing().master_key), foreign->public_key());
}

TEST(CrossSigning, AServerThatAsksForThePasswordGetsItFromThePasswordFile) {
    FakeHomeserver hs;
    hs.require_uia_always(true);
    BotFixture f(hs, kE2ee, fast_options(), BotFixture::Auth::PasswordFile);
    f.start_in_room();
    ASSERT_TRUE(f.run_until([&] { return signed_view(f); }));
    f.stop();
    expect_chain_on_server(hs);
    EXPECT_EQ(hs.cross_signing().uia_challenges, 1);
    EXPECT_EQ(hs.cross_signing().uploads, 1);
}

TEST(CrossSigning, WithoutAPasswordTheBotWaitsForTheAdminAndKeepsAnswering) {
    FakeHomeserver hs;
    hs.require_uia_always(true);
    BotFixture f(hs, kE2ee);
    const std::string room = f.start_in_room();
    ASSERT_TRUE(f.run_until([&] { return hs.cross_signing().uia_challenges >= 1; }));
    const std::string ping = hs.post_message(room, kAlice, "!ping");
    ASSERT_TRUE(f.await_replies({ping}));
    f.run_for(300ms);
    EXPECT_TRUE(f.bot().token_valid()) << "a 401 asking for a password is not a bad token";
    f.stop();
    EXPECT_EQ(hs.cross_signing().uploads, 0);
    // It waits for SIGHUP or the hourly recheck (200 ms here), not in a tight loop.
    EXPECT_LE(hs.cross_signing().uia_challenges, 15);
}

}  // namespace
}  // namespace dialoog::testing
