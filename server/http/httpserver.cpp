#include "httpserver.h"

#include "core/permissions.h"
#include "services/auth.h"

#include <httplib.h>

#include <QDebug>
#include <QRegularExpression>

#include <cstdio>

namespace LoyaltyDesk::Server {

namespace {

void send(httplib::Response &res, const Reply &reply)
{
    res.status = reply.status;
    for (const auto &[name, value] : reply.headers) res.set_header(name.toStdString(), value.toStdString());
    if (reply.status != 204) res.set_content(reply.body.toStdString(), reply.contentType.toStdString());
}

QString bearer(const httplib::Request &req)
{
    const std::string h = req.get_header_value("Authorization");
    static const std::string prefix = "Bearer ";
    if (h.size() <= prefix.size() || h.compare(0, prefix.size(), prefix) != 0) return {};
    return QString::fromStdString(h.substr(prefix.size())).trimmed();
}

}  // namespace

HttpServer::HttpServer(AuthService &auth, HttpConfig config) : m_auth(auth), m_config(std::move(config)) {}

HttpServer::~HttpServer() { stop(); }

QString HttpServer::patternToRegex(const QString &path)
{
    QString re = QRegularExpression::escape(path);
    re.replace(QStringLiteral("\\{id\\}"), QStringLiteral("(\\d{1,18})"));
    static const QRegularExpression other(QStringLiteral("\\\\\\{[a-z_]+\\\\\\}"));
    re.replace(other, QStringLiteral("([^/]+)"));
    return re;
}

void HttpServer::add(Route route)
{
    Q_ASSERT(!route.permission.isEmpty());
    m_routes.append(std::move(route));
}

void HttpServer::install(const Route &route)
{
    const std::string pattern = patternToRegex(route.path).toStdString();
    auto handler = [this, route](const httplib::Request &req, httplib::Response &res) {
        Request request{req, {}, QString::fromStdString(req.remote_addr)};
        if (route.permission != Core::Permissions::Public) {
            const QString token = bearer(req);
            auto who = m_auth.authenticate(token);
            if (!who) {
                Reply r = problemReply(who.error());
                r.headers.append({QByteArray("WWW-Authenticate"), QByteArray("Bearer")});
                send(res, r);
                return;
            }
            request.principal = *who;
            if (route.permission != Core::Permissions::Authenticated && !who->has(route.permission)) {
                send(res, problemReply(403, {}, QStringLiteral("You do not have the permission \"%1\" that this needs. Ask an administrator.")
                                                     .arg(route.permission),
                                       QStringLiteral("forbidden")));
                return;
            }
        }
        // Public routes read their own bodies (the one-click unsubscribe is a form post).
        if ((route.method == QLatin1String("POST") || route.method == QLatin1String("PATCH") || route.method == QLatin1String("PUT")) &&
            !req.body.empty() && route.permission != Core::Permissions::Public) {
            const std::string ct = req.get_header_value("Content-Type");
            if (ct.find("json") == std::string::npos && ct.find("csv") == std::string::npos && ct.find("text/plain") == std::string::npos &&
                ct.find("text/html") == std::string::npos) {
                send(res, problemReply(415, {}, QStringLiteral("Send the body as application/json."), QStringLiteral("unsupported-media-type")));
                return;
            }
        }
        try {
            auto reply = route.handler(request);
            if (!reply) {
                if (statusFor(reply.error()) >= 500)
                    qWarning().noquote() << route.method << route.path << "failed:" << reply.error().message;
                Reply r = problemReply(reply.error());
                if (reply.error().kind == Core::ErrorKind::TooMany)
                    for (const auto &f : reply.error().fields)
                        if (f.field == QLatin1String("retry_after")) r.headers.append({QByteArray("Retry-After"), f.message.toLatin1()});
                send(res, r);
                return;
            }
            send(res, *reply);
        } catch (const std::exception &e) {
            qWarning().noquote() << route.method << route.path << "threw:" << e.what();
            send(res, problemReply(500, {}, QStringLiteral("The server could not complete the request. The error was logged."), QStringLiteral("internal")));
        }
    };
    if (route.method == QLatin1String("GET")) m_server->Get(pattern, handler);
    else if (route.method == QLatin1String("POST")) m_server->Post(pattern, handler);
    else if (route.method == QLatin1String("PATCH")) m_server->Patch(pattern, handler);
    else if (route.method == QLatin1String("PUT")) m_server->Put(pattern, handler);
    else if (route.method == QLatin1String("DELETE")) m_server->Delete(pattern, handler);
}

Result<int> HttpServer::start()
{
    m_server = std::make_unique<httplib::Server>();
    const int threads = m_config.threads;
    m_server->new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
    m_server->set_tcp_nodelay(true);
    m_server->set_keep_alive_timeout(5);
    m_server->set_keep_alive_max_count(10000);
    m_server->set_read_timeout(30, 0);
    m_server->set_write_timeout(30, 0);
    m_server->set_payload_max_length(m_config.maxBodyBytes);
    for (const auto &r : m_routes) install(r);

    const size_t maxBody = m_config.maxBodyBytes;
    // httplib calls this for every answer of 400 and up: keep the problem documents our
    // handlers wrote, and give the ones httplib makes itself (404, 413, 400) a body.
    m_server->set_error_handler(httplib::Server::HandlerWithResponse([maxBody](const httplib::Request &req, httplib::Response &res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        Reply r;
        switch (res.status) {
        case 404: r = problemReply(404, {}, QStringLiteral("There is no such resource: %1 %2.").arg(QString::fromStdString(req.method), QString::fromStdString(req.path)), QStringLiteral("not-found")); break;
        case 413: r = problemReply(413, {}, QStringLiteral("The request body is larger than the limit of %1 bytes.").arg(maxBody), QStringLiteral("payload-too-large")); break;
        case 400: r = problemReply(400, {}, QStringLiteral("The request could not be read."), QStringLiteral("bad-request")); break;
        default: r = problemReply(res.status, {}, QStringLiteral("The request failed with HTTP status %1.").arg(res.status), QStringLiteral("error")); break;
        }
        res.set_content(r.body.toStdString(), r.contentType.toStdString());
        return httplib::Server::HandlerResponse::Handled;
    }));
    m_server->set_exception_handler([](const httplib::Request &, httplib::Response &res, std::exception_ptr) {
        Reply r = problemReply(500, {}, QStringLiteral("The server could not complete the request. The error was logged."), QStringLiteral("internal"));
        res.status = 500;
        res.set_content(r.body.toStdString(), r.contentType.toStdString());
    });

    const std::string host = m_config.host.toStdString();
    if (m_config.port == 0) {
        m_port = m_server->bind_to_any_port(host);
    } else {
        m_port = m_server->bind_to_port(host, m_config.port) ? m_config.port : -1;
    }
    if (m_port <= 0) {
        Error e = Error::make(Core::ErrorKind::Internal, QStringLiteral("Cannot listen on %1:%2 (in use, or not an address of this machine).")
                                                              .arg(m_config.host)
                                                              .arg(m_config.port));
        return e;
    }
    m_thread = std::thread([this] { m_server->listen_after_bind(); });
    return m_port;
}

void HttpServer::stop()
{
    if (m_server) m_server->stop();
    if (m_thread.joinable()) m_thread.join();
    m_server.reset();
}

}  // namespace LoyaltyDesk::Server
