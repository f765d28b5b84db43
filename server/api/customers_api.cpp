#include "api.h"

#include "core/customer.h"
#include "core/json.h"
#include "core/permissions.h"
#include "services/customers.h"

namespace LoyaltyDesk::Server::Api {

namespace {

Result<PartFilter> readFilter(const Request &req)
{
    PartFilter f;
    auto time = [&](const char *name, bool endOfDay) -> Result<std::optional<qint64>> {
        if (!req.hasQuery(name)) return std::optional<qint64>{};
        const QString text = req.query(name);
        auto t = Core::Json::parseTime(text);
        if (!t)
            return Error::validation(QString::fromLatin1(name), QStringLiteral("%1 must be a date (YYYY-MM-DD) or an ISO 8601 time.").arg(QString::fromLatin1(name)));
        // A bare date as the end of a range means the whole day.
        return std::optional<qint64>{(endOfDay && text.size() == 10) ? *t + 86399 : *t};
    };
    auto from = time("from", false);
    if (!from) return from.error();
    auto to = time("to", true);
    if (!to) return to.error();
    f.from = *from;
    f.to = *to;
    f.pos = req.query("pos").left(100);
    f.cheque = req.query("cheque").left(100);
    f.card = req.query("card").left(100);
    f.type = req.query("type").left(100);
    return f;
}

void addPart(HttpServer &http, ServerContext &ctx, const QString &name, ProfilePart part, const QString &summary,
             const QString &permission = Core::Permissions::CustomersRead)
{
    http.add({QStringLiteral("GET"), QStringLiteral("/api/v1/customers/{id}/") + name, permission, summary,
              [&ctx, part](Request &req) -> Result<Reply> {
                  auto page = readPage(req.query("limit"), req.query("cursor"), 2);
                  if (!page) return page.error();
                  auto filter = readFilter(req);
                  if (!filter) return filter.error();
                  auto result = ctx.customers->part(req.idParam(), part, *filter, *page);
                  if (!result) return result.error();
                  return Reply::json(result->toJson());
              }});
}

}  // namespace

void registerCustomers(HttpServer &http, ServerContext &ctx)
{
    using namespace Core::Permissions;
    http.add({QStringLiteral("GET"), QStringLiteral("/api/v1/customers"), CustomersRead,
              QStringLiteral("Find customers by phone, e-mail, card, cheque number or name"),
              [&ctx](Request &req) -> Result<Reply> {
                  auto page = readPage(req.query("limit"), req.query("cursor"), 1);
                  if (!page) return page.error();
                  auto result = ctx.customers->search(req.query("q"), *page);
                  if (!result) return result.error();
                  return Reply::json(result->toJson());
              }});
    http.add({QStringLiteral("POST"), QStringLiteral("/api/v1/customers"), CustomersWrite, QStringLiteral("Create a customer"),
              [&ctx](Request &req) -> Result<Reply> {
                  auto body = jsonBody(req);
                  if (!body) return body.error();
                  auto changes = Core::CustomerChanges::fromJson(*body);
                  if (!changes) return changes.error();
                  auto created = ctx.customers->create(req.principal, *changes);
                  if (!created) return created.error();
                  return Reply::created(*created, QStringLiteral("/api/v1/customers/%1").arg(created->value(QStringLiteral("id")).toInteger()));
              }});
    http.add({QStringLiteral("GET"), QStringLiteral("/api/v1/customers/{id}"), CustomersRead, QStringLiteral("A customer's 360° profile"),
              [&ctx](Request &req) -> Result<Reply> {
                  auto p = ctx.customers->profile(req.idParam());
                  if (!p) return p.error();
                  return Reply::json(*p);
              }});
    http.add({QStringLiteral("PATCH"), QStringLiteral("/api/v1/customers/{id}"), CustomersWrite, QStringLiteral("Change a customer"),
              [&ctx](Request &req) -> Result<Reply> {
                  auto body = jsonBody(req);
                  if (!body) return body.error();
                  auto changes = Core::CustomerChanges::fromJson(*body);
                  if (!changes) return changes.error();
                  auto updated = ctx.customers->update(req.principal, req.idParam(), *changes);
                  if (!updated) return updated.error();
                  return Reply::json(*updated);
              }});
    http.add({QStringLiteral("POST"), QStringLiteral("/api/v1/customers/{id}/cards"), CustomersWrite,
              QStringLiteral("Issue a card (new bonus account, or replacing a card and keeping its accounts)"),
              [&ctx](Request &req) -> Result<Reply> {
                  auto body = jsonBody(req);
                  if (!body) return body.error();
                  auto card = ctx.customers->issueCard(req.principal, req.idParam(), *body);
                  if (!card) return card.error();
                  return Reply::created(*card, QStringLiteral("/api/v1/customers/%1/cards").arg(req.idParam()));
              }});
    addPart(http, ctx, QStringLiteral("receipts"), ProfilePart::Receipts, QStringLiteral("Purchases with their lines"));
    addPart(http, ctx, QStringLiteral("cards"), ProfilePart::Cards, QStringLiteral("Cards with accounts and replacement history"));
    addPart(http, ctx, QStringLiteral("accounts"), ProfilePart::Accounts, QStringLiteral("Bonus accounts with points activating or expiring"));
    addPart(http, ctx, QStringLiteral("ledger"), ProfilePart::Ledger, QStringLiteral("Bonus history"));
    addPart(http, ctx, QStringLiteral("events"), ProfilePart::Events, QStringLiteral("Events and site visits"));
    addPart(http, ctx, QStringLiteral("messages"), ProfilePart::Messages, QStringLiteral("Communications with their status timeline"));
    addPart(http, ctx, QStringLiteral("coupons"), ProfilePart::Coupons, QStringLiteral("Coupons issued and redeemed"));
    addPart(http, ctx, QStringLiteral("support"), ProfilePart::Support, QStringLiteral("Support conversation"));
    addPart(http, ctx, QStringLiteral("audit"), ProfilePart::Audit, QStringLiteral("Audit trail of the customer"), AuditRead);
}

}  // namespace LoyaltyDesk::Server::Api
