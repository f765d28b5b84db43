#pragma once

#include "context.h"
#include "http/httpserver.h"

#include <QJsonObject>

namespace LoyaltyDesk::Server::Api {

void registerAuth(HttpServer &http, ServerContext &ctx);
void registerCustomers(HttpServer &http, ServerContext &ctx);
void registerIngest(HttpServer &http, ServerContext &ctx);
void registerAdmin(HttpServer &http, ServerContext &ctx);
void registerMeta(HttpServer &http, ServerContext &ctx);
void registerSegments(HttpServer &http, ServerContext &ctx);
void registerTemplates(HttpServer &http, ServerContext &ctx);
void registerChannels(HttpServer &http, ServerContext &ctx);

// Body helpers shared by handlers.
Result<QJsonObject> jsonBody(const Request &req);
Result<QJsonValue> jsonValueBody(const Request &req);

}  // namespace LoyaltyDesk::Server::Api
