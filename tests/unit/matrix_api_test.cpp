// matrix/api.hpp and matrix/error.hpp: the typed requests and responses of the Client-Server
// API calls the bot makes, read from bodies shaped like Synapse's, and error responses.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "matrix/api.hpp"
#include "matrix/content.hpp"
#include "matrix/error.hpp"
#include "matrix/events.hpp"

using namespace dialoog::matrix;
using nlohmann::json;

// ---- Responses ------------------------------------------------------------------------------

TEST(MatrixApi, WhoamiWithAndWithoutDevice) {
    auto r = parse_response<WhoamiResponse>(
        R"({"user_id":"@dialoogbot:example.org","is_guest":false,"device_id":"DIALOOGBOT"})", 200);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->user_id, "@dialoogbot:example.org");
    EXPECT_EQ(r->device_id, "DIALOOGBOT");
    // Appservice users have no device.
    auto as = parse_response<WhoamiResponse>(R"({"user_id":"@bridge:example.org"})", 200);
    ASSERT_TRUE(as.ok());
    EXPECT_FALSE(as->device_id.has_value());
}

TEST(MatrixApi, LoginResponseAsSynapseSendsIt) {
    auto r = parse_response<LoginResponse>(
        R"({"user_id":"@dialoogbot:example.org","access_token":"syt_ZGlhbG9vZ2JvdA_abc_123",)"
        R"("home_server":"example.org","device_id":"DIALOOGBOT",)"
        R"("well_known":{"m.homeserver":{"base_url":"https://matrix.example.org/"}}})",
        200);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->access_token, "syt_ZGlhbG9vZ2JvdA_abc_123");
    EXPECT_EQ(r->user_id, "@dialoogbot:example.org");
    EXPECT_EQ(r->device_id, "DIALOOGBOT");
}

TEST(MatrixApi, EventIdFromSendAndRedact) {
    auto r = parse_response<EventIdResponse>(
        R"({"event_id":"$YUwRidLecu2YP0xCVk2lBsxKRoQnbYOR4vrFcH3IB1c"})", 200);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->event_id, "$YUwRidLecu2YP0xCVk2lBsxKRoQnbYOR4vrFcH3IB1c");
}

TEST(MatrixApi, RoomIdFromJoinCreateRoomAndDirectory) {
    auto join =
        parse_response<RoomIdResponse>(R"({"room_id":"!hGkqBpuvEZLtKbSOQx:example.org"})", 200);
    ASSERT_TRUE(join.ok());
    EXPECT_EQ(join->room_id, "!hGkqBpuvEZLtKbSOQx:example.org");
    auto dir = parse_response<RoomIdResponse>(
        R"({"room_id":"!hGkqBpuvEZLtKbSOQx:example.org","servers":["example.org","other.org"]})",
        200);
    ASSERT_TRUE(dir.ok());
    EXPECT_EQ(dir->room_id, "!hGkqBpuvEZLtKbSOQx:example.org");
}

TEST(MatrixApi, UploadNeedsAnMxcUri) {
    auto r = parse_response<UploadResponse>(
        R"({"content_uri":"mxc://example.org/AQwafuaFswefuhsfAFAgsw"})", 200);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->content_uri, "mxc://example.org/AQwafuaFswefuhsfAFAgsw");
    auto http = parse_response<UploadResponse>(R"({"content_uri":"https://example.org/x"})", 200);
    ASSERT_FALSE(http.ok());
    EXPECT_EQ(http.error().code, Errcode::BadJson);
}

TEST(MatrixApi, EmptyResponseTakesAnyObject) {
    EXPECT_TRUE(parse_response<EmptyResponse>("{}", 200).ok());
    EXPECT_TRUE(parse_response<EmptyResponse>(R"({"unexpected":1})", 200).ok());
    EXPECT_FALSE(parse_response<EmptyResponse>("[]", 200).ok());
}

// A 2xx body without a required field, or with the wrong type, is unreadable as a whole:
// BadJson with the HTTP status, which the outbox retries with the same txn_id.
TEST(MatrixApi, MissingOrMistypedRequiredFieldIsBadJson) {
    auto send = parse_response<EventIdResponse>("{}", 200);
    ASSERT_FALSE(send.ok());
    EXPECT_EQ(send.error().code, Errcode::BadJson);
    EXPECT_EQ(send.error().errcode, "bad_json");
    EXPECT_EQ(send.error().http_status, 200);
    EXPECT_FALSE(send.error().transient()) << "retried because of BadJson, not the status";

    auto login = parse_response<LoginResponse>(
        R"({"user_id":"@dialoogbot:example.org","device_id":"DIALOOGBOT"})", 200);
    ASSERT_FALSE(login.ok());
    EXPECT_EQ(login.error().code, Errcode::BadJson);
    EXPECT_NE(login.error().message.find("access_token"), std::string::npos);
    // The message names the field, never a value: a login answer with a token but a bad
    // user_id must not carry the token into the error (and so into a log line).
    auto leaky = parse_response<LoginResponse>(
        R"({"access_token":"syt_SeCrEt_abc","user_id":7,"device_id":"D"})", 200);
    ASSERT_FALSE(leaky.ok());
    EXPECT_NE(leaky.error().message.find("user_id"), std::string::npos);
    EXPECT_EQ(leaky.error().message.find("SeCrEt"), std::string::npos) << leaky.error().message;

    auto room = parse_response<RoomIdResponse>(R"({"room_id":42})", 200);
    ASSERT_FALSE(room.ok());
    EXPECT_EQ(room.error().code, Errcode::BadJson);

    auto who = parse_response<WhoamiResponse>(R"({"user_id":"@a:hs","device_id":7})", 200);
    ASSERT_FALSE(who.ok()) << "a device_id that is not a string";
}

TEST(MatrixApi, BodyThatIsNotAnObjectIsBadJson) {
    for (const char* body :
         {"", "<html>502 Bad Gateway</html>", R"({"event_id": "$x)", "[]", "\"text\"", "null"}) {
        auto r = parse_response<EventIdResponse>(body, 200);
        ASSERT_FALSE(r.ok()) << body;
        EXPECT_EQ(r.error().code, Errcode::BadJson) << body;
    }
}

// ---- Requests -------------------------------------------------------------------------------

TEST(MatrixApi, LoginRequestBody) {
    LoginRequest req;
    req.user = "@dialoogbot:example.org";
    req.password = "secret";
    req.device_id = "DIALOOGBOT";
    EXPECT_EQ(json(req), json::parse(R"({
        "type": "m.login.password",
        "identifier": {"type": "m.id.user", "user": "@dialoogbot:example.org"},
        "password": "secret",
        "device_id": "DIALOOGBOT",
        "initial_device_display_name": "dialoogbot"})"));
}

TEST(MatrixApi, CreateRoomRequestForADirectChat) {
    EXPECT_EQ(json(CreateRoomRequest::direct_chat("@alice:example.org")),
              json::parse(R"({"is_direct": true, "invite": ["@alice:example.org"],
                              "preset": "trusted_private_chat"})"));
    EXPECT_EQ(json(CreateRoomRequest{}), json::object());
}

TEST(MatrixApi, ReasonIsOmittedWhenEmpty) {
    EXPECT_EQ(json(RedactRequest{}).dump(), "{}");
    EXPECT_EQ(json(RedactRequest{"spam"}).dump(), R"({"reason":"spam"})");
    EXPECT_EQ(json(LeaveRequest{}).dump(), "{}");
    EXPECT_EQ(json(LeaveRequest{"bye"}).dump(), R"({"reason":"bye"})");
}

TEST(MatrixApi, DirectContentMapsUsersToRooms) {
    DirectContent c;
    c.rooms["@b:hs"] = {"!2:hs"};
    c.rooms["@a:hs"] = {"!1:hs"};
    EXPECT_EQ(json(c).dump(), R"({"@a:hs":["!1:hs"],"@b:hs":["!2:hs"]})");
    EXPECT_EQ(json(DirectContent{}).dump(), "{}");
}

// ---- Errors ---------------------------------------------------------------------------------

TEST(MatrixApiError, RateLimitedWithRetryAfterMs) {
    auto e = parse_error_response(
        429, R"({"errcode":"M_LIMIT_EXCEEDED","error":"Too Many Requests","retry_after_ms":2000})");
    EXPECT_EQ(e.code, Errcode::LimitExceeded);
    EXPECT_EQ(e.errcode, "M_LIMIT_EXCEEDED");
    EXPECT_EQ(e.message, "Too Many Requests");
    EXPECT_EQ(e.http_status, 429);
    EXPECT_EQ(e.retry_after_ms, 2000);
    EXPECT_TRUE(e.rate_limited());
    EXPECT_TRUE(e.transient());
    EXPECT_FALSE(e.token_rejected());
}

// spec "Rate limiting" (v1.10+): the Retry-After header (seconds) wins over the body; an
// HTTP-date leaves the body's value.
TEST(MatrixApiError, RetryAfterHeaderWinsOverBody) {
    const char* body = R"({"errcode":"M_LIMIT_EXCEEDED","error":"Too Many Requests",)"
                       R"("retry_after_ms":2000})";
    EXPECT_EQ(parse_error_response(429, body, "3").retry_after_ms, 3000);
    EXPECT_EQ(parse_error_response(429, body, "Wed, 21 Oct 2015 07:28:00 GMT").retry_after_ms,
              2000);
    EXPECT_EQ(parse_error_response(429, R"({"errcode":"M_LIMIT_EXCEEDED"})", "1").retry_after_ms,
              1000);
    EXPECT_FALSE(
        parse_error_response(429, R"({"errcode":"M_LIMIT_EXCEEDED"})").retry_after_ms.has_value());
}

TEST(MatrixApiError, UnknownTokenWithSoftLogout) {
    auto e = parse_error_response(
        401,
        R"({"errcode":"M_UNKNOWN_TOKEN","error":"Invalid access token passed.","soft_logout":true})");
    EXPECT_EQ(e.code, Errcode::UnknownToken);
    EXPECT_TRUE(e.soft_logout);
    EXPECT_TRUE(e.token_rejected());
    // A 401 rejects the token whatever its errcode.
    auto missing = parse_error_response(
        401, R"({"errcode":"M_MISSING_TOKEN","error":"Missing access token"})");
    EXPECT_EQ(missing.code, Errcode::MissingToken);
    EXPECT_TRUE(missing.token_rejected());
}

TEST(MatrixApiError, ForbiddenAndNotFound) {
    auto f = parse_error_response(
        403, R"({"errcode":"M_FORBIDDEN","error":"User @dialoogbot:example.org not in room"})");
    EXPECT_EQ(f.code, Errcode::Forbidden);
    EXPECT_FALSE(f.transient());
    auto n =
        parse_error_response(404, R"({"errcode":"M_NOT_FOUND","error":"Room alias not found"})");
    EXPECT_EQ(n.code, Errcode::NotFound);
    auto big = parse_error_response(413, R"({"errcode":"M_TOO_LARGE","error":"event too large"})");
    EXPECT_EQ(big.code, Errcode::TooLarge);
}

// A proxy's HTML page or an empty body: the status speaks.
TEST(MatrixApiError, BodyWithoutErrcode) {
    auto e = parse_error_response(502, "<html><body>502 Bad Gateway</body></html>");
    EXPECT_EQ(e.code, Errcode::Other);
    EXPECT_EQ(e.errcode, "HTTP_502");
    EXPECT_EQ(e.message, "HTTP status 502");
    EXPECT_TRUE(e.transient());
}

// The server's M_BAD_JSON (it could not read our request) is not the local BadJson (we could
// not read its answer): only the latter is retried.
TEST(MatrixApiError, ServerBadJsonIsNotLocalBadJson) {
    auto e = parse_error_response(400, R"({"errcode":"M_BAD_JSON","error":"Content not JSON."})");
    EXPECT_EQ(e.code, Errcode::Other);
    EXPECT_EQ(e.errcode, "M_BAD_JSON");
    EXPECT_EQ(errcode_from("bad_json"), Errcode::Other);
    EXPECT_EQ(errcode_from("M_UNKNOWN_TOKEN"), Errcode::UnknownToken);
    EXPECT_EQ(errcode_from("M_SOMETHING_NEW"), Errcode::Other);
}

TEST(MatrixApiError, LocalCodesKeepTheirStrings) {
    auto n = ApiError::local(Errcode::Network, "Couldn't connect to server");
    EXPECT_EQ(n.errcode, "network");
    EXPECT_EQ(n.http_status, 0);
    EXPECT_TRUE(n.transient());
    EXPECT_EQ(ApiError::local(Errcode::Cancelled, "").errcode, "cancelled");
    EXPECT_EQ(ApiError::local(Errcode::BadJson, "", 200).errcode, "bad_json");
    EXPECT_STREQ(to_string(Errcode::LimitExceeded), "M_LIMIT_EXCEEDED");
    EXPECT_STREQ(to_string(Errcode::Other), "");
}

// /sync and /messages bodies that cannot be read are BadJson too.
TEST(MatrixApiError, SyncAndMessagesParseErrorsAreBadJson) {
    auto sync = parse_sync_response(R"({"rooms":{}})");
    ASSERT_FALSE(sync.ok());
    EXPECT_EQ(sync.error().code, Errcode::BadJson);
    auto page = parse_messages_response("<html>", "!r:hs");
    ASSERT_FALSE(page.ok());
    EXPECT_EQ(page.error().code, Errcode::BadJson);
}

TEST(MatrixApiError, A401WithFlowsAsksForInteractiveAuthNotForANewToken) {
    // Synapse's answer to a cross-signing upload that needs the password (spec "User-Interactive
    // Authentication API"): no errcode, the flows and a session.
    auto e = parse_error_response(
        401, R"({"flows":[{"stages":["m.login.password"]},{"stages":["m.login.sso"]}],)"
             R"("params":{},"session":"xyz"})");
    ASSERT_TRUE(e.uia);
    EXPECT_EQ(e.uia->session, "xyz");
    EXPECT_TRUE(e.uia->offers_single("m.login.password"));
    EXPECT_FALSE(e.uia->offers_single("m.login.recaptcha"));
    EXPECT_FALSE(e.token_rejected());
    // A wrong password: M_FORBIDDEN with the same flows and the completed stages.
    auto wrong = parse_error_response(
        401, R"({"errcode":"M_FORBIDDEN","error":"Invalid password","completed":[],)"
             R"("flows":[{"stages":["m.login.password"]}],"session":"xyz"})");
    ASSERT_TRUE(wrong.uia);
    EXPECT_FALSE(wrong.token_rejected());
    // A two-stage flow is not a password-only one.
    auto two = parse_error_response(
        401, R"({"flows":[{"stages":["m.login.password","m.login.email.identity"]}]})");
    ASSERT_TRUE(two.uia);
    EXPECT_FALSE(two.uia->offers_single("m.login.password"));
    // A plain 401 is a rejected token, and flows on another status mean nothing.
    EXPECT_TRUE(parse_error_response(401, R"({"errcode":"M_UNKNOWN_TOKEN"})").token_rejected());
    EXPECT_FALSE(parse_error_response(403, R"({"flows":[]})").uia);
}

TEST(MatrixApi, CrossSigningRequestsHaveTheSpecShapes) {
    DeviceSigningUploadRequest up;
    up.master_key = {{"user_id", "@b:x"}};
    up.self_signing_key = {{"user_id", "@b:x"}};
    EXPECT_EQ(nlohmann::json(up).dump(),
              R"({"master_key":{"user_id":"@b:x"},"self_signing_key":{"user_id":"@b:x"}})");
    up.auth = password_auth("@b:x", "pw", "s1");
    EXPECT_EQ(nlohmann::json(up)["auth"].dump(),
              R"({"identifier":{"type":"m.id.user","user":"@b:x"},"password":"pw",)"
              R"("session":"s1","type":"m.login.password"})");
    EXPECT_FALSE(password_auth("@b:x", "pw", "").contains("session"));
    KeysQueryRequest q;
    q.users = {"@b:x"};
    EXPECT_EQ(nlohmann::json(q).dump(), R"({"device_keys":{"@b:x":[]},"timeout":10000})");
}

TEST(MatrixApi, KeysQueryResponseSkipsEntriesThatAreNotObjects) {
    auto r = parse_response<KeysQueryResponse>(
        R"({"device_keys":{"@b:x":{"DEV":{"device_id":"DEV"},"BAD":3},"@c:x":7},)"
        R"("master_keys":{"@b:x":{"usage":["master"]},"@c:x":"no"},)"
        R"("self_signing_keys":{},"failures":{"other.org":{"status":503}}})",
        200);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->device_keys.size(), 1u);
    EXPECT_EQ(r->device_keys["@b:x"].size(), 1u);
    EXPECT_EQ(r->master_keys.size(), 1u);
    EXPECT_EQ(r->failures.count("other.org"), 1u);
    auto s = parse_response<SignaturesUploadResponse>(
        R"({"failures":{"@b:x":{"DEV":{"errcode":"M_INVALID_SIGNATURE"}}}})", 200);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->failures["@b:x"]["DEV"]["errcode"], "M_INVALID_SIGNATURE");
    EXPECT_TRUE(parse_response<SignaturesUploadResponse>("{}", 200)->failures.empty());
}

// ---- Message content ------------------------------------------------------------------------

// Notifications and plain clients show `body`: it is the Markdown's plain text, without the
// escapes that keep user text from being formatted (a newcomer saw `\[NAAM\]` and `\*\*`).
TEST(MatrixContent, PlainBodyHasNoMarkdownEscapesOrMarkers) {
    EXPECT_EQ(markdown_to_plain("Je verhaal: \\[NAAM\\] woont in \\[PLAATS\\]."),
              "Je verhaal: [NAAM] woont in [PLAATS].");
    EXPECT_EQ(markdown_to_plain("**Casus** op *maandag*: `!casus plan morgen 14:00`"),
              "Casus op maandag: !casus plan morgen 14:00");
    EXPECT_EQ(markdown_to_plain("Titel: \\<b\\>vet\\</b\\> \\*\\*x\\*\\*"),
              "Titel: <b>vet</b> **x**");
    // A mention shows the display name only; other links keep their target.
    EXPECT_EQ(markdown_to_plain("[Anna de Vries](https://matrix.to/#/@anna:hs), wil jij…"),
              "Anna de Vries, wil jij…");
    EXPECT_EQ(markdown_to_plain("Zie [de handleiding](https://example.org/doc)."),
              "Zie de handleiding (https://example.org/doc).");
    EXPECT_EQ(markdown_to_plain("Zie https://example.org/doc."), "Zie https://example.org/doc.");
}

TEST(MatrixContent, MessageBodyIsPlainAndFormattedBodyIsTheHtml) {
    const std::string md = "**Let op**: \\[NAAM\\]";
    auto c = make_message(md, markdown_to_html(md), {}, {});
    EXPECT_EQ(c["body"], "Let op: [NAAM]");
    EXPECT_EQ(c["formatted_body"], "<p><strong>Let op</strong>: [NAAM]</p>");
    EXPECT_EQ(c["format"], "org.matrix.custom.html");
    // Without HTML the text is sent as given (a file name is not Markdown).
    auto file = make_message("rapport_*2026*.csv", "", {}, {}, "m.file");
    EXPECT_EQ(file["body"], "rapport_*2026*.csv");
    EXPECT_FALSE(file.contains("format"));
}
