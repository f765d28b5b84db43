#pragma once

#include "channels/senders.h"
#include "core/phone.h"
#include "http/router.h"
#include "storage/database.h"

#include <QJsonArray>
#include <QJsonObject>

#include <mutex>

namespace LoyaltyDesk::Server {

class TemplateService;

// Message channels: their settings (secrets write-only), test sends from the
// template editor, sends to one customer, and the public side of e-mail — the open
// pixel, click redirects, the view-in-browser copy and the unsubscribe page.
class ChannelService final {
public:
    ChannelService(Database &db, TemplateService &templates, const Core::PhoneNormalizer &phones);

    Result<QJsonArray> list();
    Result<QJsonObject> get(const QString &channel);
    Result<QJsonObject> update(const Principal &who, const QString &channel, const QJsonObject &body);
    // Connects to the SMTP server or provider with the saved settings.
    Result<QJsonObject> check(const QString &channel);

    // How a send went. A message that did not render has renderErrors and no id.
    struct Delivery {
        qint64 messageId = 0;
        QString channel, recipient;
        Channels::SendOutcome outcome;
        bool queued = false;  // waited for the channel's rate limit
        QJsonArray renderErrors;
    };
    // {template_id | template:{channel, content}, to, customer_id?, strict?}
    Result<Delivery> testSend(const Principal &who, const QJsonObject &body);
    // {template_id}: to the customer's primary valid contact on the template's channel.
    Result<Delivery> sendToCustomer(const Principal &who, qint64 customerId, const QJsonObject &body);

    // The public endpoints; a token that does not verify is "not found".
    Result<void> recordOpen(const QString &token);
    Result<QString> recordClick(const QString &token);  // the original URL
    Result<QString> viewInBrowser(const QString &token);  // the message's HTML
    Result<QJsonObject> unsubscribeInfo(const QString &token);  // channel, recipient (masked), test
    Result<QJsonObject> unsubscribe(const QString &token);

private:
    struct Config {
        QString channel;
        bool enabled = false;
        int ratePerSecond = 0;
        QJsonObject settings;  // with secrets
    };
    struct Job {
        QString channel;
        QString recipient;
        std::optional<qint64> templateId;
        QJsonObject content;  // when no template id
        std::optional<qint64> dataFor;  // render for this customer, else sample data
        std::optional<qint64> customerId;  // the message belongs to this customer
        std::optional<qint64> contactId;  // marked invalid on a permanent failure
        bool strict = true;
        bool test = false;
    };
    Result<Config> config(const QSqlDatabase &conn, const QString &channel);
    static QJsonObject publicView(const Config &c);
    Result<Delivery> deliver(const Principal &who, const Job &job);
    Result<QByteArray> signingKey();
    Result<QJsonObject> messageFor(const QString &token, char kind);

    Database &m_db;
    TemplateService &m_templates;
    const Core::PhoneNormalizer &m_phones;
    Channels::RateLimiter m_limiter;
    std::mutex m_keyMutex;
    QByteArray m_key;
};

}  // namespace LoyaltyDesk::Server
