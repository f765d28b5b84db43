#include "api.h"

#include "core/permissions.h"
#include "services/templates.h"

namespace LoyaltyDesk::Server::Api {

void registerTemplates(HttpServer &http, ServerContext &ctx)
{
    using namespace Core::Permissions;
    auto &t = *ctx.templates;
    const QString get = QStringLiteral("GET"), post = QStringLiteral("POST"), patch = QStringLiteral("PATCH"), del = QStringLiteral("DELETE");
    http.add({get, QStringLiteral("/api/v1/templates"), TemplatesRead, QStringLiteral("The message library (?q=&channel=&folder=&tag=)"),
              [&t](Request &req) -> Result<Reply> {
                  auto page = readPage(req.query("limit"), req.query("cursor"), 1);
                  if (!page) return page.error();
                  auto r = t.list(req.query("q").left(200), req.query("channel").left(20), req.query("folder").left(200), req.query("tag").left(50), *page);
                  if (!r) return r.error();
                  return Reply::json(r->toJson());
              }});
    http.add({post, QStringLiteral("/api/v1/templates"), TemplatesWrite, QStringLiteral("Create a template"),
              [&t](Request &req) -> Result<Reply> {
                  auto body = jsonBody(req);
                  if (!body) return body.error();
                  auto r = t.create(req.principal, *body);
                  if (!r) return r.error();
                  return Reply::created(*r, QStringLiteral("/api/v1/templates/%1").arg(r->value(QStringLiteral("id")).toInteger()));
              }});
    http.add({get, QStringLiteral("/api/v1/templates/variables"), TemplatesRead, QStringLiteral("The variables and filters templates can use"),
              [](Request &) -> Result<Reply> { return Reply::json(TemplateService::variables()); }});
    http.add({post, QStringLiteral("/api/v1/templates/render"), TemplatesRead,
              QStringLiteral("Render a template or content for a customer (needs customers.read) or sample data"),
              [&t](Request &req) -> Result<Reply> {
                  auto body = jsonBody(req);
                  if (!body) return body.error();
                  if (body->contains(QStringLiteral("customer_id")) && !req.principal.has(CustomersRead))
                      return Error{Core::ErrorKind::Forbidden, QStringLiteral("Rendering for a real customer needs the permission \"customers.read\"; use sample data."), {}, 403, {}};
                  auto r = t.render(*body);
                  if (!r) return r.error();
                  return Reply::json(*r);
              }});
    http.add({post, QStringLiteral("/api/v1/templates/import"), TemplatesWrite, QStringLiteral("Import an HTML file as an e-mail template (?name=)"),
              [&t](Request &req) -> Result<Reply> {
                  auto r = t.importHtml(req.principal, req.query("name").left(200).trimmed(), req.body());
                  if (!r) return r.error();
                  return Reply::created(*r, QStringLiteral("/api/v1/templates/%1").arg(r->value(QStringLiteral("id")).toInteger()));
              }});
    http.add({get, QStringLiteral("/api/v1/templates/{id}"), TemplatesRead, QStringLiteral("One template"),
              [&t](Request &req) -> Result<Reply> {
                  auto r = t.get(req.idParam());
                  if (!r) return r.error();
                  return Reply::json(*r);
              }});
    http.add({patch, QStringLiteral("/api/v1/templates/{id}"), TemplatesWrite, QStringLiteral("Change a template (a new version when the content or name changes)"),
              [&t](Request &req) -> Result<Reply> {
                  auto body = jsonBody(req);
                  if (!body) return body.error();
                  auto r = t.update(req.principal, req.idParam(), *body);
                  if (!r) return r.error();
                  return Reply::json(*r);
              }});
    http.add({del, QStringLiteral("/api/v1/templates/{id}"), TemplatesWrite, QStringLiteral("Delete a template"),
              [&t](Request &req) -> Result<Reply> {
                  if (auto r = t.remove(req.principal, req.idParam()); !r) return r.error();
                  return Reply::noContent();
              }});
    http.add({post, QStringLiteral("/api/v1/templates/{id}/duplicate"), TemplatesWrite, QStringLiteral("Copy a template"),
              [&t](Request &req) -> Result<Reply> {
                  auto r = t.duplicate(req.principal, req.idParam());
                  if (!r) return r.error();
                  return Reply::created(*r, QStringLiteral("/api/v1/templates/%1").arg(r->value(QStringLiteral("id")).toInteger()));
              }});
    http.add({get, QStringLiteral("/api/v1/templates/{id}/versions"), TemplatesRead, QStringLiteral("Every saved version, newest first"),
              [&t](Request &req) -> Result<Reply> {
                  auto page = readPage(req.query("limit"), req.query("cursor"), 1);
                  if (!page) return page.error();
                  auto r = t.versions(req.idParam(), *page);
                  if (!r) return r.error();
                  return Reply::json(r->toJson());
              }});
    http.add({post, QStringLiteral("/api/v1/templates/{id}/versions/{version}/restore"), TemplatesWrite,
              QStringLiteral("Make an old version current again (as a new version)"),
              [&t](Request &req) -> Result<Reply> {
                  bool ok = false;
                  const qint64 version = req.param(1).toLongLong(&ok);
                  if (!ok) return Error::validation(QStringLiteral("version"), QStringLiteral("The version is a whole number."));
                  auto r = t.restore(req.principal, req.idParam(), version);
                  if (!r) return r.error();
                  return Reply::json(*r);
              }});
    http.add({get, QStringLiteral("/api/v1/templates/{id}/export"), TemplatesRead, QStringLiteral("An e-mail template as an HTML file, others as JSON"),
              [&t](Request &req) -> Result<Reply> { return t.exportTemplate(req.idParam()); }});
}

}  // namespace LoyaltyDesk::Server::Api
