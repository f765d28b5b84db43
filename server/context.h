#pragma once

#include "core/phone.h"
#include "storage/database.h"

#include <memory>

namespace LoyaltyDesk::Server {

class AuthService;
class CustomerService;
class IngestService;
class MetricsFold;
class PointsService;
class UserService;
class SegmentService;
class TemplateService;
class ChannelService;
class HttpServer;

struct ServerOptions {
    QString dbUrl;
    QString phoneRegion = QStringLiteral("RU");
    qint64 tokenTtlSeconds = 12 * 3600;
    // How long a segment count (preview) may run when the request names no limit.
    qint64 segmentTimeLimitMs = 20000;
    // How often ingest folds new purchases into customer metrics and balances (fold.h).
    qint64 foldIntervalMs = 10000;
};

// Everything one server process owns, composed once.
class ServerContext final {
public:
    explicit ServerContext(const ServerOptions &options, const DbConfig &db);
    ~ServerContext();

    Database db;
    Core::PhoneNormalizer phones;
    std::unique_ptr<AuthService> auth;
    std::unique_ptr<MetricsFold> fold;
    std::unique_ptr<CustomerService> customers;
    std::unique_ptr<IngestService> ingest;
    std::unique_ptr<PointsService> points;
    std::unique_ptr<UserService> users;
    std::unique_ptr<SegmentService> segments;
    std::unique_ptr<TemplateService> templates;
    std::unique_ptr<ChannelService> channels;
};

// Registers every endpoint of the REST API on the server.
void registerRoutes(HttpServer &http, ServerContext &ctx);

}  // namespace LoyaltyDesk::Server
