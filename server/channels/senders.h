#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <chrono>
#include <map>
#include <mutex>

namespace LoyaltyDesk::Server::Channels {

// How one delivery attempt ended. A permanent failure (SMTP 5xx, a provider's
// "invalid number") means the address will not work; a temporary one may on retry.
struct SendOutcome {
    bool ok = false;
    bool permanent = false;
    long code = 0;     // SMTP reply code or HTTP status; 0 when nothing answered
    QString response;  // what the server said (or the transport error)
};

struct SmtpSettings {
    QString url;       // smtp://host:port or smtps://host:port
    QString security;  // none | starttls | tls
    QString username, password;
    int timeoutMs = 15000;
};

// Sends one message over SMTP with libcurl (AUTH when a username is set, TLS per
// the settings). The SMTP envelope is from -> to.
SendOutcome sendSmtp(const SmtpSettings &settings, const QString &from, const QString &to, const QByteArray &message);
// Connects, greets, starts TLS and signs in as a send would, then says NOOP.
SendOutcome checkSmtp(const SmtpSettings &settings);

struct HttpProvider {
    QString url;
    QString method = QStringLiteral("POST");
    QString authHeader;  // a whole header line, e.g. "Authorization: Bearer …"
    QList<int> successCodes{200, 201, 202, 204};
    QList<int> permanentCodes{400, 404, 410, 422};
    int timeoutMs = 10000;
};

// Sends a JSON body to an HTTP provider and classifies the answer by status.
SendOutcome sendHttp(const HttpProvider &provider, const QByteArray &jsonBody);

// Token buckets per channel shared by every send of the process: a channel with a
// limit of N per second lets N go at once, then one every 1/N s. Callers wait in
// the order they arrived.
class RateLimiter final {
public:
    // Blocks until the channel may send; true when it had to wait. 0 = no limit.
    bool acquire(const QString &channel, int perSecond);

private:
    struct Bucket {
        double tokens = 0;
        int rate = 0;
        std::chrono::steady_clock::time_point refilled;
    };
    std::mutex m_mutex;
    std::map<QString, Bucket> m_buckets;
};

}  // namespace LoyaltyDesk::Server::Channels
