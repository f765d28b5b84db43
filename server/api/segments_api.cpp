#include "api.h"

#include "core/permissions.h"
#include "services/segments.h"

namespace LoyaltyDesk::Server::Api {

namespace {

Reply pageReply(const Page &page) { return Reply::json(page.toJson()); }

Reply csvReply(const QByteArray &csv, const QString &name)
{
    Reply r = Reply::raw(csv, "text/csv; charset=utf-8");
    r.headers.append({QByteArray("Content-Disposition"), QStringLiteral("attachment; filename=\"%1\"").arg(name).toUtf8()});
    return r;
}

}  // namespace

void registerSegments(HttpServer &http, ServerContext &ctx)
{
    using namespace Core::Permissions;
    auto &s = *ctx.segments;
    const QString get = QStringLiteral("GET"), post = QStringLiteral("POST"), patch = QStringLiteral("PATCH"), del = QStringLiteral("DELETE");

    http.add({get, QStringLiteral("/api/v1/segments/fields"), SegmentsRead, QStringLiteral("The fields, operators and values rules can use"),
              [&s](Request &) -> Result<Reply> {
                  auto c = s.catalog();
                  if (!c) return c.error();
                  return Reply::json(c->toJson());
              }});
    http.add({post, QStringLiteral("/api/v1/segments/preview"), SegmentsRead,
              QStringLiteral("Count the customers a rule selects, with metrics (time-limited, cancellable by request_id)"),
              [&s](Request &req) -> Result<Reply> {
                  auto body = jsonBody(req);
                  if (!body) return body.error();
                  auto r = s.preview(*body);
                  if (!r) return r.error();
                  return Reply::json(*r);
              }});
    http.add({post, QStringLiteral("/api/v1/segments/preview/{request_id}/cancel"), SegmentsRead, QStringLiteral("Cancel a running count"),
              [&s](Request &req) -> Result<Reply> {
                  if (auto r = s.cancelPreview(req.param(0).left(64)); !r) return r.error();
                  return Reply::noContent();
              }});
    http.add({get, QStringLiteral("/api/v1/segments"), SegmentsRead, QStringLiteral("Saved segments with size, trend and last recalculation"),
              [&s](Request &req) -> Result<Reply> {
                  auto page = readPage(req.query("limit"), req.query("cursor"), 1);
                  if (!page) return page.error();
                  auto r = s.list(req.query("q").left(200), *page);
                  if (!r) return r.error();
                  return pageReply(*r);
              }});
    http.add({post, QStringLiteral("/api/v1/segments"), SegmentsWrite, QStringLiteral("Save a segment"),
              [&s](Request &req) -> Result<Reply> {
                  auto body = jsonBody(req);
                  if (!body) return body.error();
                  auto r = s.create(req.principal, *body);
                  if (!r) return r.error();
                  return Reply::created(*r, QStringLiteral("/api/v1/segments/%1").arg(r->value(QStringLiteral("id")).toInteger()));
              }});
    http.add({get, QStringLiteral("/api/v1/segments/{id}"), SegmentsRead, QStringLiteral("One segment"),
              [&s](Request &req) -> Result<Reply> {
                  auto r = s.get(req.idParam());
                  if (!r) return r.error();
                  return Reply::json(*r);
              }});
    http.add({patch, QStringLiteral("/api/v1/segments/{id}"), SegmentsWrite, QStringLiteral("Change a segment's name, rule, tags or schedule"),
              [&s](Request &req) -> Result<Reply> {
                  auto body = jsonBody(req);
                  if (!body) return body.error();
                  auto r = s.update(req.principal, req.idParam(), *body);
                  if (!r) return r.error();
                  return Reply::json(*r);
              }});
    http.add({del, QStringLiteral("/api/v1/segments/{id}"), SegmentsWrite, QStringLiteral("Delete a segment no other segment uses"),
              [&s](Request &req) -> Result<Reply> {
                  if (auto r = s.remove(req.principal, req.idParam()); !r) return r.error();
                  return Reply::noContent();
              }});
    http.add({post, QStringLiteral("/api/v1/segments/{id}/duplicate"), SegmentsWrite, QStringLiteral("Copy a segment"),
              [&s](Request &req) -> Result<Reply> {
                  auto r = s.duplicate(req.principal, req.idParam());
                  if (!r) return r.error();
                  return Reply::created(*r, QStringLiteral("/api/v1/segments/%1").arg(r->value(QStringLiteral("id")).toInteger()));
              }});
    http.add({post, QStringLiteral("/api/v1/segments/{id}/recalculate"), SegmentsWrite, QStringLiteral("Recalculate the members now"),
              [&s](Request &req) -> Result<Reply> {
                  auto r = s.recalculate(req.idParam(), QStringLiteral("user:") + req.principal.username);
                  if (!r) return r.error();
                  return Reply::json(*r);
              }});
    http.add({get, QStringLiteral("/api/v1/segments/{id}/members"), SegmentsRead, QStringLiteral("Members as of the last recalculation"),
              [&s](Request &req) -> Result<Reply> {
                  auto page = readPage(req.query("limit"), req.query("cursor"), 1);
                  if (!page) return page.error();
                  auto r = s.members(req.idParam(), *page);
                  if (!r) return r.error();
                  return pageReply(*r);
              }});
    http.add({get, QStringLiteral("/api/v1/segments/{id}/export"), CustomersExport, QStringLiteral("Members as CSV"),
              [&s](Request &req) -> Result<Reply> {
                  if (auto seg = s.get(req.idParam()); !seg) return seg.error();
                  auto r = s.exportMembers(QStringLiteral("segment_members"), QStringLiteral("segment_id"), req.idParam());
                  if (!r) return r.error();
                  return csvReply(*r, QStringLiteral("segment-%1.csv").arg(req.idParam()));
              }});
    http.add({get, QStringLiteral("/api/v1/segments/{id}/history"), SegmentsRead, QStringLiteral("Size and metrics at each recalculation"),
              [&s](Request &req) -> Result<Reply> {
                  auto page = readPage(req.query("limit"), req.query("cursor"), 1);
                  if (!page) return page.error();
                  auto r = s.history(req.idParam(), *page);
                  if (!r) return r.error();
                  return pageReply(*r);
              }});
    http.add({get, QStringLiteral("/api/v1/segments/{id}/changes"), SegmentsRead, QStringLiteral("Who entered and who left (?kind=entered|left)"),
              [&s](Request &req) -> Result<Reply> {
                  auto page = readPage(req.query("limit"), req.query("cursor"), 1);
                  if (!page) return page.error();
                  auto r = s.changes(req.idParam(), req.query("kind"), *page);
                  if (!r) return r.error();
                  return pageReply(*r);
              }});
    http.add({get, QStringLiteral("/api/v1/products"), SegmentsRead, QStringLiteral("Products whose name or SKU contains ?q= (for rule pickers)"),
              [&s](Request &req) -> Result<Reply> {
                  auto page = readPage(req.query("limit"), {}, 1);
                  if (!page) return page.error();
                  auto r = s.products(req.query("q").left(200), page->limit);
                  if (!r) return r.error();
                  return pageReply(*r);
              }});
    http.add({get, QStringLiteral("/api/v1/products/categories"), SegmentsRead, QStringLiteral("Product categories containing ?q=, with their product counts"),
              [&s](Request &req) -> Result<Reply> {
                  auto page = readPage(req.query("limit"), {}, 1);
                  if (!page) return page.error();
                  auto r = s.productCategories(req.query("q").left(200), page->limit);
                  if (!r) return r.error();
                  return pageReply(*r);
              }});
    http.add({get, QStringLiteral("/api/v1/rfm"), SegmentsRead, QStringLiteral("RFM settings, the recency x frequency grid and the groups"),
              [&s](Request &) -> Result<Reply> {
                  auto r = s.rfmReport();
                  if (!r) return r.error();
                  return Reply::json(*r);
              }});
    http.add({get, QStringLiteral("/api/v1/rfm/customers"), SegmentsRead, QStringLiteral("Customers of one RF cell (?r=&f=) or one group (?group=)"),
              [&s](Request &req) -> Result<Reply> {
                  auto page = readPage(req.query("limit"), req.query("cursor"), 1);
                  if (!page) return page.error();
                  auto r = s.rfmCustomers(req.query("r").left(4), req.query("f").left(4), req.query("group").left(40), *page);
                  if (!r) return r.error();
                  return pageReply(*r);
              }});
    http.add({patch, QStringLiteral("/api/v1/rfm/settings"), SegmentsWrite, QStringLiteral("Change the RFM window and scoring"),
              [&s](Request &req) -> Result<Reply> {
                  auto body = jsonBody(req);
                  if (!body) return body.error();
                  auto r = s.updateRfmSettings(req.principal, *body);
                  if (!r) return r.error();
                  return Reply::json(*r);
              }});
    http.add({post, QStringLiteral("/api/v1/rfm/recalculate"), SegmentsWrite, QStringLiteral("Score every customer now"),
              [&s](Request &) -> Result<Reply> {
                  auto r = s.recalculateRfm();
                  if (!r) return r.error();
                  return Reply::json(*r);
              }});
    http.add({get, QStringLiteral("/api/v1/audiences"), SegmentsRead, QStringLiteral("Target audiences"),
              [&s](Request &req) -> Result<Reply> {
                  auto page = readPage(req.query("limit"), req.query("cursor"), 1);
                  if (!page) return page.error();
                  auto r = s.audiences(*page);
                  if (!r) return r.error();
                  return pageReply(*r);
              }});
    http.add({post, QStringLiteral("/api/v1/audiences"), SegmentsWrite, QStringLiteral("Take a static snapshot of a segment or a rule"),
              [&s](Request &req) -> Result<Reply> {
                  auto body = jsonBody(req);
                  if (!body) return body.error();
                  auto r = s.createAudience(req.principal, *body);
                  if (!r) return r.error();
                  return Reply::created(*r, QStringLiteral("/api/v1/audiences/%1").arg(r->value(QStringLiteral("id")).toInteger()));
              }});
    http.add({get, QStringLiteral("/api/v1/audiences/{id}"), SegmentsRead, QStringLiteral("One audience"),
              [&s](Request &req) -> Result<Reply> {
                  auto r = s.audience(req.idParam());
                  if (!r) return r.error();
                  return Reply::json(*r);
              }});
    http.add({del, QStringLiteral("/api/v1/audiences/{id}"), SegmentsWrite, QStringLiteral("Delete an audience"),
              [&s](Request &req) -> Result<Reply> {
                  if (auto r = s.removeAudience(req.principal, req.idParam()); !r) return r.error();
                  return Reply::noContent();
              }});
    http.add({get, QStringLiteral("/api/v1/audiences/{id}/members"), SegmentsRead, QStringLiteral("Members of an audience"),
              [&s](Request &req) -> Result<Reply> {
                  auto page = readPage(req.query("limit"), req.query("cursor"), 1);
                  if (!page) return page.error();
                  auto r = s.audienceMembers(req.idParam(), *page);
                  if (!r) return r.error();
                  return pageReply(*r);
              }});
    http.add({get, QStringLiteral("/api/v1/audiences/{id}/export"), CustomersExport, QStringLiteral("Audience members as CSV"),
              [&s](Request &req) -> Result<Reply> {
                  if (auto a = s.audience(req.idParam()); !a) return a.error();
                  auto r = s.exportMembers(QStringLiteral("audience_members"), QStringLiteral("audience_id"), req.idParam());
                  if (!r) return r.error();
                  return csvReply(*r, QStringLiteral("audience-%1.csv").arg(req.idParam()));
              }});
}

}  // namespace LoyaltyDesk::Server::Api
