#include "api.h"

#include "core/permissions.h"
#include "services/ingest.h"

namespace LoyaltyDesk::Server::Api {

void registerIngest(HttpServer &http, ServerContext &ctx)
{
    using namespace Core::Permissions;
    http.add({QStringLiteral("POST"), QStringLiteral("/api/v1/receipts"), DataIngest,
              QStringLiteral("Ingest a batch of receipts (idempotent by external_id)"),
              [&ctx](Request &req) -> Result<Reply> {
                  auto body = jsonValueBody(req);
                  if (!body) return body.error();
                  auto result = ctx.ingest->receipts(req.principal, *body);
                  if (!result) return result.error();
                  return Reply::json(*result);
              }});
    http.add({QStringLiteral("POST"), QStringLiteral("/api/v1/events"), DataIngest,
              QStringLiteral("Ingest a batch of events (idempotent by external_id)"),
              [&ctx](Request &req) -> Result<Reply> {
                  auto body = jsonValueBody(req);
                  if (!body) return body.error();
                  auto result = ctx.ingest->events(req.principal, *body);
                  if (!result) return result.error();
                  return Reply::json(*result);
              }});
}

}  // namespace LoyaltyDesk::Server::Api
