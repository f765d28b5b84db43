// Every endpoint x every role: 401 without a token, 403 without the permission, and
// through to the handler with it. The route table comes from the server's own
// registration, so a new endpoint is covered the moment it exists.
#include "context.h"
#include "core/permissions.h"
#include "http/httpserver.h"
#include "services/auth.h"
#include "support/testserver.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace LoyaltyDesk;
using namespace LoyaltyDesk::Test;

namespace {

QList<Server::Route> routeTable()
{
    Server::ServerOptions options;
    Server::ServerContext ctx(options, *Server::DbConfig::parse(QStringLiteral("sqlite::memory:")));
    Server::HttpServer http(*ctx.auth, {});
    Server::registerRoutes(http, ctx);
    return http.routes();
}

std::string concretePath(const QString &path)
{
    static const QRegularExpression param(QStringLiteral("\\{[a-z_]+\\}"));
    return QString(path).replace(param, QStringLiteral("999999")).toStdString();
}

QByteArray json(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }

class PermissionMatrix : public ::testing::TestWithParam<Backend> {};

}  // namespace

TEST(Routes, EveryRouteDeclaresAKnownPermission)
{
    const auto routes = routeTable();
    ASSERT_GT(routes.size(), 20);
    for (const auto &r : routes) {
        const bool known = r.permission == Core::Permissions::Public || r.permission == Core::Permissions::Authenticated ||
                           Core::Permissions::isKnown(r.permission);
        EXPECT_TRUE(known) << r.method.toStdString() << ' ' << r.path.toStdString() << ": " << r.permission.toStdString();
        EXPECT_FALSE(r.summary.isEmpty()) << r.path.toStdString();
    }
    // Only these are open to the world.
    QStringList open;
    for (const auto &r : routes)
        if (r.permission == Core::Permissions::Public) open << r.method + u' ' + r.path;
    open.sort();
    EXPECT_EQ(open, (QStringList{QStringLiteral("GET /api/v1/openapi.json"), QStringLiteral("GET /healthz"), QStringLiteral("GET /m/{token}"),
                                 QStringLiteral("GET /t/c/{token}"), QStringLiteral("GET /t/o/{token}"), QStringLiteral("GET /u/{token}"),
                                 QStringLiteral("POST /api/v1/auth/login"), QStringLiteral("POST /u/{token}")}));
}

TEST(Routes, OpenApiDocumentMatchesTheRoutes)
{
    QFile f(QStringLiteral(LD_SOURCE_DIR "/docs/openapi.json"));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QJsonObject doc = QJsonDocument::fromJson(f.readAll()).object();
    EXPECT_TRUE(doc.value(QStringLiteral("openapi")).toString().startsWith(QStringLiteral("3.")));
    const QJsonObject paths = doc.value(QStringLiteral("paths")).toObject();
    int documented = 0;
    for (const auto &r : routeTable()) {
        const QJsonObject op = paths.value(r.path).toObject().value(r.method.toLower()).toObject();
        EXPECT_FALSE(op.isEmpty()) << "not in docs/openapi.json: " << r.method.toStdString() << ' ' << r.path.toStdString();
        EXPECT_EQ(op.value(QStringLiteral("x-permission")).toString(), r.permission) << r.path.toStdString();
        documented += op.isEmpty() ? 0 : 1;
    }
    // And nothing documented that does not exist.
    int operations = 0;
    for (auto it = paths.begin(); it != paths.end(); ++it) operations += it->toObject().size();
    EXPECT_EQ(operations, documented);
}

TEST_P(PermissionMatrix, EveryEndpointForEveryRole)
{
    if (GetParam() == Backend::PostgreSQL && !postgresAvailable()) GTEST_SKIP() << "LOYALTYDESK_TEST_PG is not set";
    TestServer::Options options;
    options.backend = GetParam();
    TestServer server(options);
    ASSERT_TRUE(server.ok()) << server.error().toStdString();
    const QString admin = server.loginAdmin();
    ASSERT_FALSE(admin.isEmpty());

    auto routes = routeTable();
    // Signing out ends the token: test it last.
    std::stable_partition(routes.begin(), routes.end(), [](const Server::Route &r) { return !r.path.endsWith(QStringLiteral("/logout")); });

    for (const auto &role : Core::builtinRoles()) {
        const QString username = QStringLiteral("u_") + role.code;
        const HttpResult created = server.post("/api/v1/users", json({{QStringLiteral("username"), username},
                                                                       {QStringLiteral("password"), QStringLiteral("matrix-password")},
                                                                       {QStringLiteral("roles"), QJsonArray{role.code}}}),
                                               admin);
        ASSERT_EQ(created.status, 201) << created.body.toStdString();
        const QString token = server.login(username, QStringLiteral("matrix-password"));
        ASSERT_FALSE(token.isEmpty()) << role.code.toStdString();
        for (const auto &r : routes) {
            const std::string path = concretePath(r.path);
            const QByteArray body = r.method == QLatin1String("GET") || r.method == QLatin1String("DELETE") ? QByteArray() : QByteArray("{}");
            const HttpResult res = server.request(r.method.toStdString(), path, body, token);
            const bool allowed = r.permission == Core::Permissions::Public || r.permission == Core::Permissions::Authenticated ||
                                 role.permissions.contains(r.permission);
            if (allowed)
                EXPECT_TRUE(res.status != 401 && res.status != 403 && res.status > 0)
                    << role.code.toStdString() << ' ' << r.method.toStdString() << ' ' << path << " -> " << res.status << ' ' << res.body.toStdString();
            else
                EXPECT_EQ(res.status, 403) << role.code.toStdString() << ' ' << r.method.toStdString() << ' ' << path << ' ' << res.body.toStdString();
            EXPECT_LT(res.status, 500) << role.code.toStdString() << ' ' << r.method.toStdString() << ' ' << path << ' ' << res.body.toStdString();
        }
    }
    // And nobody gets in without a token.
    for (const auto &r : routes) {
        if (r.permission == Core::Permissions::Public) continue;
        const HttpResult res = server.request(r.method.toStdString(), concretePath(r.path), "{}", {});
        EXPECT_EQ(res.status, 401) << r.method.toStdString() << ' ' << r.path.toStdString();
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, PermissionMatrix, ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto &info) { return backendName(info.param).toStdString(); });
