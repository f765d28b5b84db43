#include "api.h"

#include "core/json.h"
#include "core/permissions.h"
#include "services/auth.h"

namespace LoyaltyDesk::Server::Api {

namespace {
QJsonObject principalJson(const Principal &p)
{
    return QJsonObject{{QStringLiteral("id"), p.userId},
                       {QStringLiteral("username"), p.username},
                       {QStringLiteral("roles"), QJsonArray::fromStringList(p.roles)},
                       {QStringLiteral("permissions"), QJsonArray::fromStringList(p.permissions)}};
}
}  // namespace

void registerAuth(HttpServer &http, ServerContext &ctx)
{
    using namespace Core::Permissions;
    http.add({QStringLiteral("POST"), QStringLiteral("/api/v1/auth/login"), Public, QStringLiteral("Sign in; returns a bearer token"),
              [&ctx](Request &req) -> Result<Reply> {
                  auto body = jsonBody(req);
                  if (!body) return body.error();
                  Core::Json::Reader r(*body);
                  const auto username = r.string(QStringLiteral("username"), true, 64);
                  const auto password = r.string(QStringLiteral("password"), true, 256);
                  if (auto done = r.finish(); !done) return done.error();
                  auto login = ctx.auth->login(*username, *password, req.clientAddress);
                  if (!login) return login.error();
                  return Reply::json(QJsonObject{{QStringLiteral("token"), login->token},
                                                 {QStringLiteral("expires_at"), Core::Json::isoUtc(login->expiresAt)},
                                                 {QStringLiteral("user"), principalJson(login->principal)}});
              }});
    http.add({QStringLiteral("POST"), QStringLiteral("/api/v1/auth/logout"), Authenticated, QStringLiteral("Revoke this token"),
              [&ctx](Request &req) -> Result<Reply> {
                  QString token = req.header("Authorization").mid(7).trimmed();
                  if (auto r = ctx.auth->logout(token); !r) return r.error();
                  return Reply::noContent();
              }});
    http.add({QStringLiteral("GET"), QStringLiteral("/api/v1/me"), Authenticated, QStringLiteral("Who I am and what I may do"),
              [](Request &req) -> Result<Reply> { return Reply::json(principalJson(req.principal)); }});
}

}  // namespace LoyaltyDesk::Server::Api
