#include "api.h"

#include "core/json.h"

namespace LoyaltyDesk::Server {

void registerRoutes(HttpServer &http, ServerContext &ctx)
{
    Api::registerMeta(http, ctx);
    Api::registerAuth(http, ctx);
    Api::registerCustomers(http, ctx);
    Api::registerIngest(http, ctx);
    Api::registerAdmin(http, ctx);
    Api::registerSegments(http, ctx);
    Api::registerTemplates(http, ctx);
    Api::registerChannels(http, ctx);
}

namespace Api {

Result<QJsonObject> jsonBody(const Request &req) { return Core::Json::parseObject(req.body()); }
Result<QJsonValue> jsonValueBody(const Request &req) { return Core::Json::parseValue(req.body()); }

}  // namespace Api

}  // namespace LoyaltyDesk::Server
