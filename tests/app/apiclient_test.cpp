// ApiClient against the real server: sign-in, errors by kind, 403, and the 401 that
// asks for a new sign-in once and then retries the call.
#include "apptest.h"

#include "models/apiclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QTcpServer>

#include <gtest/gtest.h>

#include <optional>

using namespace LoyaltyDesk;
namespace LT = LoyaltyDesk::Test;
using Core::ErrorKind;
using LT::demoServer;
using LT::waitUntil;

namespace {

struct Client {
    QObject context;
    Models::ApiClient api;
    Client() { api.setBaseUrl(QUrl(demoServer().baseUrl())); }

    Core::Result<Models::Session> login(const QString &user, const QString &password)
    {
        std::optional<Core::Result<Models::Session>> out;
        api.login(user, password, &context, [&](Core::Result<Models::Session> r) { out.emplace(std::move(r)); });
        EXPECT_TRUE(waitUntil([&] { return out.has_value(); }));
        return out ? *out : Core::Result<Models::Session>(Core::Error::make(ErrorKind::Internal, QStringLiteral("no answer")));
    }

    Core::Result<QJsonObject> get(const QString &path, const QUrlQuery &query = {})
    {
        std::optional<Core::Result<QJsonObject>> out;
        api.get(path, query, &context, [&](Core::Result<QJsonObject> r) { out.emplace(std::move(r)); });
        EXPECT_TRUE(waitUntil([&] { return out.has_value(); }));
        return out ? *out : Core::Result<QJsonObject>(Core::Error::make(ErrorKind::Internal, QStringLiteral("no answer")));
    }
};

}  // namespace

TEST(ApiClient, SignsInWithTheDemoOperatorAndReadsPermissions)
{
    ASSERT_TRUE(demoServer().ok()) << demoServer().error().toStdString();
    Client c;
    auto s = c.login(QStringLiteral("operator"), LT::TestServer::demoPassword());
    ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
    EXPECT_EQ(s->username, QStringLiteral("operator"));
    EXPECT_TRUE(s->roles.contains(QStringLiteral("operator")));
    EXPECT_TRUE(s->can(QStringLiteral("customers.read")));
    EXPECT_FALSE(s->can(QStringLiteral("users.manage")));
    EXPECT_FALSE(s->token.isEmpty());
    EXPECT_EQ(c.api.token(), s->token);
    EXPECT_TRUE(s->expiresAt.isValid());
}

TEST(ApiClient, WrongPasswordIsUnauthorizedWithAClearMessage)
{
    Client c;
    auto s = c.login(QStringLiteral("operator"), QStringLiteral("not-the-password"));
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().kind, ErrorKind::Unauthorized);
    EXPECT_EQ(s.error().httpStatus, 401);
    EXPECT_TRUE(s.error().type.endsWith(QLatin1String("invalid-credentials"))) << s.error().type.toStdString();
    EXPECT_EQ(s.error().message, Models::ApiClient::problemMessage(s.error().type));
}

TEST(ApiClient, ForbiddenWithoutThePermission)
{
    Client c;
    ASSERT_TRUE(c.login(QStringLiteral("operator"), LT::TestServer::demoPassword()).ok());
    const qint64 id = LT::demoCustomer().id;
    ASSERT_GT(id, 0);
    auto r = c.get(QStringLiteral("/api/v1/customers/%1/audit").arg(id));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::Forbidden);
    EXPECT_EQ(r.error().httpStatus, 403);
    EXPECT_FALSE(r.error().message.isEmpty());
}

TEST(ApiClient, NotFoundAndValidationCarryTheirKindAndField)
{
    Client c;
    ASSERT_TRUE(c.login(QStringLiteral("admin"), LT::TestServer::adminPassword()).ok());
    auto missing = c.get(QStringLiteral("/api/v1/customers/999999999"));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().kind, ErrorKind::NotFound);

    std::optional<Core::Result<QJsonObject>> patched;
    c.api.patch(QStringLiteral("/api/v1/customers/%1").arg(LT::demoCustomer().id), QJsonObject{{QStringLiteral("shoe_size"), 42}},
                &c.context, [&](Core::Result<QJsonObject> r) { patched.emplace(std::move(r)); });
    ASSERT_TRUE(waitUntil([&] { return patched.has_value(); }));
    ASSERT_FALSE(patched->ok());
    EXPECT_EQ(patched->error().kind, ErrorKind::Validation);
    ASSERT_FALSE(patched->error().fields.isEmpty());
    EXPECT_EQ(patched->error().fields.first().field, QStringLiteral("shoe_size"));
}

TEST(ApiClient, UnauthorizedAsksForSignInOnceAndRetries)
{
    Client c;
    auto first = c.login(QStringLiteral("operator"), LT::TestServer::demoPassword());
    ASSERT_TRUE(first.ok());
    // The session ends on the server (as when it expires).
    ASSERT_EQ(demoServer().post("/api/v1/auth/logout", {}, first->token).status, 204);

    int prompts = 0;
    c.api.setReauthenticator([&](std::function<void(bool)> done) {
        ++prompts;
        c.api.login(QStringLiteral("operator"), LT::TestServer::demoPassword(), &c.context,
                    [done](Core::Result<Models::Session> r) { done(r.ok()); });
    });
    // Two calls meet the 401 together; the user is asked once.
    std::optional<Core::Result<QJsonObject>> a, b;
    c.api.get(QStringLiteral("/api/v1/customers"), QUrlQuery(QStringLiteral("limit=2")), &c.context,
              [&](Core::Result<QJsonObject> r) { a.emplace(std::move(r)); });
    c.api.get(QStringLiteral("/api/v1/me"), {}, &c.context, [&](Core::Result<QJsonObject> r) { b.emplace(std::move(r)); });
    ASSERT_TRUE(waitUntil([&] { return a.has_value() && b.has_value(); }));
    EXPECT_EQ(prompts, 1);
    ASSERT_TRUE(a->ok()) << a->error().message.toStdString();
    EXPECT_EQ(a->value().value(QStringLiteral("items")).toArray().size(), 2);
    ASSERT_TRUE(b->ok());
    EXPECT_NE(c.api.token(), first->token);
}

TEST(ApiClient, GivingUpOnSignInReportsUnauthorized)
{
    Client c;
    auto first = c.login(QStringLiteral("analyst"), LT::TestServer::demoPassword());
    ASSERT_TRUE(first.ok());
    ASSERT_EQ(demoServer().post("/api/v1/auth/logout", {}, first->token).status, 204);
    c.api.setReauthenticator([](std::function<void(bool)> done) { done(false); });
    auto r = c.get(QStringLiteral("/api/v1/me"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::Unauthorized);
}

TEST(ApiClient, UnreachableServerIsANetworkErrorAndGoesOffline)
{
    Client c;
    c.api.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:1")));
    bool wentOffline = false;
    QObject::connect(&c.api, &Models::ApiClient::onlineChanged, &c.context, [&](bool online) { wentOffline = !online; });
    auto r = c.get(QStringLiteral("/api/v1/me"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::Network);
    EXPECT_TRUE(r.error().message.contains(QLatin1String("127.0.0.1:1")));
    EXPECT_TRUE(wentOffline);
    EXPECT_FALSE(c.api.isOnline());
}

TEST(ApiClient, BigAnswersAreParsedOffTheGuiThreadAndArriveWhole)
{
    Client c;
    ASSERT_TRUE(c.login(QStringLiteral("admin"), LT::TestServer::adminPassword()).ok());
    auto r = c.get(QStringLiteral("/api/v1/customers"), QUrlQuery(QStringLiteral("limit=300")));
    ASSERT_TRUE(r.ok());
    const QJsonArray items = r->value(QStringLiteral("items")).toArray();
    EXPECT_EQ(items.size(), LT::DemoCustomers);
    EXPECT_GT(QJsonDocument(*r).toJson(QJsonDocument::Compact).size(), Models::ApiClient::OffThreadParseBytes);
}

TEST(ApiClient, ReconnectsByItselfWhenTheServerComesBack)
{
    QTcpServer probe;  // a free port the restarted server can take again
    ASSERT_TRUE(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    LT::TestServer::Options options;
    options.serveArgs = {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port)};
    LT::TestServer server(options);
    ASSERT_TRUE(server.ok()) << server.error().toStdString();
    ASSERT_EQ(server.port(), port);

    Client c;
    c.api.setBaseUrl(QUrl(server.baseUrl()));
    c.api.setToken(LT::adminToken(server));
    ASSERT_TRUE(c.get(QStringLiteral("/api/v1/me")).ok());
    server.stop();
    ASSERT_FALSE(c.get(QStringLiteral("/api/v1/me")).ok());
    EXPECT_FALSE(c.api.isOnline());
    ASSERT_TRUE(server.start());
    EXPECT_TRUE(waitUntil([&] { return c.api.isOnline(); }, 20000));
    EXPECT_TRUE(c.get(QStringLiteral("/api/v1/me")).ok());
}
