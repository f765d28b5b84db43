#include "api.h"

#include "core/permissions.h"

#include <QFile>

namespace LoyaltyDesk::Server::Api {

void registerMeta(HttpServer &http, ServerContext &ctx)
{
    using namespace Core::Permissions;
    http.add({QStringLiteral("GET"), QStringLiteral("/healthz"), Public, QStringLiteral("Liveness and database check"),
              [&ctx](Request &) -> Result<Reply> {
                  auto v = ctx.db.schemaVersion();
                  if (!v) return problemReply(503, {}, QStringLiteral("The database cannot be reached."), QStringLiteral("unavailable"));
                  return Reply::json(QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}, {QStringLiteral("schema_version"), *v}});
              }});
    http.add({QStringLiteral("GET"), QStringLiteral("/api/v1/openapi.json"), Public, QStringLiteral("This API as an OpenAPI 3 document"),
              [](Request &) -> Result<Reply> {
                  QFile f(QStringLiteral(":/api/openapi.json"));
                  if (!f.open(QIODevice::ReadOnly)) return Error::make(Core::ErrorKind::Internal, QStringLiteral("The OpenAPI document is missing from the build."));
                  return Reply::raw(f.readAll(), "application/json");
              }});
    http.add({QStringLiteral("GET"), QStringLiteral("/api/v1/permissions"), RolesManage, QStringLiteral("Every grantable permission"),
              [](Request &) -> Result<Reply> {
                  QJsonArray items;
                  for (const auto &p : Core::Permissions::all())
                      items.append(QJsonObject{{QStringLiteral("code"), p.code}, {QStringLiteral("description"), p.description}});
                  return Reply::json(QJsonObject{{QStringLiteral("items"), items}, {QStringLiteral("next_cursor"), QJsonValue()}});
              }});
}

}  // namespace LoyaltyDesk::Server::Api
