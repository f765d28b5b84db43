#include "api.h"

#include "core/permissions.h"
#include "services/audit.h"
#include "services/users.h"

namespace LoyaltyDesk::Server::Api {

void registerAdmin(HttpServer &http, ServerContext &ctx)
{
    using namespace Core::Permissions;
    auto &users = *ctx.users;
    http.add({QStringLiteral("GET"), QStringLiteral("/api/v1/users"), UsersManage, QStringLiteral("List users"),
              [&users](Request &) -> Result<Reply> {
                  auto list = users.listUsers();
                  if (!list) return list.error();
                  return Reply::json(QJsonObject{{QStringLiteral("items"), *list}, {QStringLiteral("next_cursor"), QJsonValue()}});
              }});
    http.add({QStringLiteral("POST"), QStringLiteral("/api/v1/users"), UsersManage, QStringLiteral("Create a user"),
              [&users](Request &req) -> Result<Reply> {
                  auto body = jsonBody(req);
                  if (!body) return body.error();
                  auto u = users.createUser(req.principal, *body);
                  if (!u) return u.error();
                  return Reply::created(*u, QStringLiteral("/api/v1/users/%1").arg(u->value(QStringLiteral("id")).toInteger()));
              }});
    http.add({QStringLiteral("GET"), QStringLiteral("/api/v1/users/{id}"), UsersManage, QStringLiteral("One user"),
              [&users](Request &req) -> Result<Reply> {
                  auto u = users.user(req.idParam());
                  if (!u) return u.error();
                  return Reply::json(*u);
              }});
    http.add({QStringLiteral("PATCH"), QStringLiteral("/api/v1/users/{id}"), UsersManage,
              QStringLiteral("Change a user's name, roles, or disable them"),
              [&users](Request &req) -> Result<Reply> {
                  auto body = jsonBody(req);
                  if (!body) return body.error();
                  auto u = users.updateUser(req.principal, req.idParam(), *body);
                  if (!u) return u.error();
                  return Reply::json(*u);
              }});
    http.add({QStringLiteral("POST"), QStringLiteral("/api/v1/users/{id}/password"), UsersManage,
              QStringLiteral("Set a new password for a user (signs them out everywhere)"),
              [&users](Request &req) -> Result<Reply> {
                  auto body = jsonBody(req);
                  if (!body) return body.error();
                  if (auto r = users.resetPassword(req.principal, req.idParam(), *body); !r) return r.error();
                  return Reply::noContent();
              }});
    http.add({QStringLiteral("GET"), QStringLiteral("/api/v1/audit"), AuditRead,
              QStringLiteral("The audit log, newest first (?entity=&entity_id=&username=)"),
              [&ctx](Request &req) -> Result<Reply> {
                  auto page = readPage(req.query("limit"), req.query("cursor"), 1);
                  if (!page) return page.error();
                  std::optional<qint64> entityId;
                  if (req.hasQuery("entity_id")) {
                      bool ok = false;
                      entityId = req.query("entity_id").toLongLong(&ok);
                      if (!ok) return Error::validation(QStringLiteral("entity_id"), QStringLiteral("entity_id must be a whole number."));
                  }
                  auto result = Audit::list(ctx.db, req.query("entity").left(50), entityId, req.query("username").left(64), *page);
                  if (!result) return result.error();
                  return Reply::json(result->toJson());
              }});
    http.add({QStringLiteral("GET"), QStringLiteral("/api/v1/roles"), RolesManage, QStringLiteral("List roles with their permissions"),
              [&users](Request &) -> Result<Reply> {
                  auto list = users.listRoles();
                  if (!list) return list.error();
                  return Reply::json(QJsonObject{{QStringLiteral("items"), *list}, {QStringLiteral("next_cursor"), QJsonValue()}});
              }});
    http.add({QStringLiteral("POST"), QStringLiteral("/api/v1/roles"), RolesManage, QStringLiteral("Create a role"),
              [&users](Request &req) -> Result<Reply> {
                  auto body = jsonBody(req);
                  if (!body) return body.error();
                  auto r = users.createRole(req.principal, *body);
                  if (!r) return r.error();
                  return Reply::created(*r, QStringLiteral("/api/v1/roles/%1").arg(r->value(QStringLiteral("id")).toInteger()));
              }});
    http.add({QStringLiteral("GET"), QStringLiteral("/api/v1/roles/{id}"), RolesManage, QStringLiteral("One role"),
              [&users](Request &req) -> Result<Reply> {
                  auto r = users.role(req.idParam());
                  if (!r) return r.error();
                  return Reply::json(*r);
              }});
    http.add({QStringLiteral("PATCH"), QStringLiteral("/api/v1/roles/{id}"), RolesManage, QStringLiteral("Change a role's name or permissions"),
              [&users](Request &req) -> Result<Reply> {
                  auto body = jsonBody(req);
                  if (!body) return body.error();
                  auto r = users.updateRole(req.principal, req.idParam(), *body);
                  if (!r) return r.error();
                  return Reply::json(*r);
              }});
    http.add({QStringLiteral("DELETE"), QStringLiteral("/api/v1/roles/{id}"), RolesManage, QStringLiteral("Delete an unused custom role"),
              [&users](Request &req) -> Result<Reply> {
                  if (auto r = users.deleteRole(req.principal, req.idParam()); !r) return r.error();
                  return Reply::noContent();
              }});
}

}  // namespace LoyaltyDesk::Server::Api
