#pragma once

#include "router.h"

#include <QList>
#include <QString>

#include <memory>
#include <thread>

namespace LoyaltyDesk::Server {

class AuthService;

struct HttpConfig {
    QString host = QStringLiteral("127.0.0.1");
    int port = 8080;  // 0 = any free port
    size_t maxBodyBytes = 8 * 1024 * 1024;
    int threads = 32;
};

// cpp-httplib behind our routing: every route declares a permission, the
// middleware resolves the bearer token and enforces it before the handler runs,
// every error leaves as application/problem+json, and nothing a client sends can
// take the process down.
class HttpServer final {
public:
    HttpServer(AuthService &auth, HttpConfig config);
    ~HttpServer();

    void add(Route route);
    const QList<Route> &routes() const { return m_routes; }

    // Binds and starts serving on a background thread. Returns the bound port.
    Result<int> start();
    void stop();
    int port() const { return m_port; }

    // "/api/v1/customers/{id}" -> "/api/v1/customers/(\d+)"
    static QString patternToRegex(const QString &path);

private:
    void install(const Route &route);

    AuthService &m_auth;
    HttpConfig m_config;
    QList<Route> m_routes;
    std::unique_ptr<httplib::Server> m_server;
    std::thread m_thread;
    int m_port = 0;
};

}  // namespace LoyaltyDesk::Server
