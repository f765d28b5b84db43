#include "channels.h"

#include "audit.h"
#include "channels/mime.h"
#include "channels/tracking.h"
#include "core/email.h"
#include "core/json.h"
#include "core/liquid/template.h"
#include "core/messages/content.h"
#include "customers.h"
#include "templates.h"

#include <sodium.h>

#include <QDateTime>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrl>

namespace LoyaltyDesk::Server {

using Core::ErrorKind;
using namespace Channels;

namespace {

const QStringList &channelNames()
{
    static const QStringList names{QStringLiteral("email"), QStringLiteral("sms"), QStringLiteral("push"), QStringLiteral("messenger"), QStringLiteral("in_app")};
    return names;
}
bool isProvider(const QString &channel) { return channel == QLatin1String("sms") || channel == QLatin1String("push") || channel == QLatin1String("messenger"); }
QString compact(const QJsonObject &o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); }
QJsonObject parseObject(const QString &s) { return QJsonDocument::fromJson(s.toUtf8()).object(); }

Error noChannel(const QString &channel)
{
    return Error::make(ErrorKind::NotFound, QStringLiteral("There is no channel \"%1\"; channels are %2.").arg(channel.left(40), channelNames().join(QStringLiteral(", "))));
}
Error unprocessable(const QString &field, const QString &message) { return Error{ErrorKind::Validation, message, {{field, message}}, 422, {}}; }
Error conflict(const QString &message) { return Error::make(ErrorKind::Conflict, message); }
// Tokens that do not verify look exactly like tokens of messages that do not exist.
Error badToken() { return Error::make(ErrorKind::NotFound, QStringLiteral("This link is not valid.")); }

QString defaultBodyTemplate(const QString &channel)
{
    if (channel == QLatin1String("push"))
        return QStringLiteral("{\"to\": \"{{ to }}\", \"title\": \"{{ title }}\", \"body\": \"{{ body }}\", \"deep_link\": \"{{ deep_link }}\", "
                              "\"image\": \"{{ image }}\", \"message_id\": \"{{ message_id }}\"}");
    return QStringLiteral("{\"to\": \"{{ to }}\", \"text\": \"{{ text }}\", \"message_id\": \"{{ message_id }}\"}");
}

// Every setting with its default, so clients always see the whole shape.
QJsonObject defaults(const QString &channel)
{
    if (channel == QLatin1String("email"))
        return {{QStringLiteral("smtp_url"), QString()}, {QStringLiteral("security"), QStringLiteral("starttls")}, {QStringLiteral("username"), QString()},
                {QStringLiteral("from_email"), QString()}, {QStringLiteral("from_name"), QString()}, {QStringLiteral("reply_to"), QString()},
                {QStringLiteral("tracking_base_url"), QString()}, {QStringLiteral("open_tracking"), true}, {QStringLiteral("click_tracking"), true},
                {QStringLiteral("timeout_ms"), 15000}};
    if (isProvider(channel))
        return {{QStringLiteral("url"), QString()}, {QStringLiteral("method"), QStringLiteral("POST")},
                {QStringLiteral("body_template"), defaultBodyTemplate(channel)},
                {QStringLiteral("success_codes"), QJsonArray{200, 201, 202, 204}}, {QStringLiteral("permanent_failure_codes"), QJsonArray{400, 404, 410, 422}},
                {QStringLiteral("timeout_ms"), 10000}};
    return {};
}

QString secretKey(const QString &channel) { return channel == QLatin1String("email") ? QStringLiteral("password") : QStringLiteral("auth_header"); }

bool isWebUrl(const QString &text)
{
    const QUrl u(text, QUrl::StrictMode);
    return u.isValid() && (u.scheme() == QLatin1String("http") || u.scheme() == QLatin1String("https")) && !u.host().isEmpty();
}

QList<int> codes(const QJsonValue &v)
{
    QList<int> out;
    for (const auto &c : v.toArray()) out << c.toInt();
    return out;
}

// Provider variables rendered with a body template; the result must be JSON.
Result<QByteArray> renderBody(const QString &bodyTemplate, const QJsonObject &vars)
{
    auto parsed = Core::Liquid::Template::parse(bodyTemplate);
    if (!parsed) return parsed.error();
    Core::Liquid::RenderOptions options;
    options.escaping = Core::Liquid::Escaping::Json;
    auto out = parsed->render(Core::Liquid::Value::fromJson(vars), options);
    if (!out) return out.error();
    QJsonParseError err;
    QJsonDocument::fromJson(out->text.toUtf8(), &err);
    if (err.error != QJsonParseError::NoError)
        return Error::validation(QStringLiteral("settings.body_template"),
                                 QStringLiteral("The body template does not produce JSON (%1 at byte %2).").arg(err.errorString()).arg(err.offset));
    return out->text.toUtf8();
}

QJsonObject sampleProviderVars(const QString &to)
{
    return {{QStringLiteral("to"), to}, {QStringLiteral("text"), QStringLiteral("Анна, у вас 450 баллов — \"Весна\" ждёт!")},
            {QStringLiteral("title"), QStringLiteral("Весенняя распродажа")}, {QStringLiteral("body"), QStringLiteral("Скидки до 30%\nтолько до воскресенья")},
            {QStringLiteral("deep_link"), QStringLiteral("app://offers/spring")}, {QStringLiteral("image"), QStringLiteral("https://example.com/a.png")},
            {QStringLiteral("message_id"), QStringLiteral("1")}};
}

// Reads the PATCH settings of one channel over the saved ones.
Result<QJsonObject> mergeSettings(const QString &channel, const QJsonObject &saved, const QJsonObject &given, bool enabling)
{
    Core::Json::Reader r(given, QStringLiteral("settings"));
    QJsonObject s = saved;
    auto take = [&](const QString &key, const std::optional<QString> &v) {
        if (v) s.insert(key, v->trimmed());
    };
    auto emailField = [&](const QString &key, bool required) {
        const auto v = r.string(key, false, 254);
        if (v && !v->trimmed().isEmpty() && !Core::EmailNormalizer::normalize(*v).valid)
            r.fail(key, QStringLiteral("Is not an e-mail address."));
        take(key, v);
        if (required && s.value(key).toString().isEmpty()) r.fail(key, QStringLiteral("Is needed before the channel can be enabled."));
    };
    if (channel == QLatin1String("email")) {
        const auto url = r.string(QStringLiteral("smtp_url"), false, 500);
        if (url && !url->trimmed().isEmpty()) {
            const QUrl u(url->trimmed(), QUrl::StrictMode);
            if (!u.isValid() || (u.scheme() != QLatin1String("smtp") && u.scheme() != QLatin1String("smtps")) || u.host().isEmpty() || !u.path(QUrl::FullyDecoded).remove(u'/').isEmpty() || !u.userInfo().isEmpty())
                r.fail(QStringLiteral("smtp_url"), QStringLiteral("Write it as smtp://host:port or smtps://host:port (no user or path; the user name has its own field)."));
        }
        take(QStringLiteral("smtp_url"), url);
        take(QStringLiteral("security"), r.oneOf(QStringLiteral("security"), {QStringLiteral("none"), QStringLiteral("starttls"), QStringLiteral("tls")}));
        take(QStringLiteral("username"), r.string(QStringLiteral("username"), false, 254));
        if (r.has(QStringLiteral("password")) && r.isNull(QStringLiteral("password"))) {
            r.string(QStringLiteral("password"));
            s.remove(QStringLiteral("password"));
        } else if (const auto pw = r.string(QStringLiteral("password"), false, 500)) {
            if (pw->isEmpty()) s.remove(QStringLiteral("password"));
            else s.insert(QStringLiteral("password"), *pw);
        }
        emailField(QStringLiteral("from_email"), enabling);
        take(QStringLiteral("from_name"), r.string(QStringLiteral("from_name"), false, 200));
        emailField(QStringLiteral("reply_to"), false);
        const auto base = r.string(QStringLiteral("tracking_base_url"), false, 500);
        if (base && !base->trimmed().isEmpty() && !isWebUrl(base->trimmed()))
            r.fail(QStringLiteral("tracking_base_url"), QStringLiteral("Is the public http(s) address of this server, e.g. https://crm.example.com."));
        if (base) s.insert(QStringLiteral("tracking_base_url"), base->trimmed().endsWith(u'/') ? base->trimmed().chopped(1) : base->trimmed());
        if (const auto b = r.boolean(QStringLiteral("open_tracking"))) s.insert(QStringLiteral("open_tracking"), *b);
        if (const auto b = r.boolean(QStringLiteral("click_tracking"))) s.insert(QStringLiteral("click_tracking"), *b);
        if (const auto t = r.integer(QStringLiteral("timeout_ms"), false, 500, 120000)) s.insert(QStringLiteral("timeout_ms"), *t);
        const QString scheme = QUrl(s.value(QStringLiteral("smtp_url")).toString()).scheme();
        const QString security = s.value(QStringLiteral("security")).toString();
        if (!scheme.isEmpty() && (scheme == QLatin1String("smtps")) != (security == QLatin1String("tls")))
            r.fail(QStringLiteral("security"), QStringLiteral("\"tls\" (TLS from the first byte) goes with an smtps:// URL; \"starttls\" and \"none\" with smtp://."));
        if (enabling && s.value(QStringLiteral("smtp_url")).toString().isEmpty()) r.fail(QStringLiteral("smtp_url"), QStringLiteral("Is needed before the channel can be enabled."));
        if (enabling && s.value(QStringLiteral("tracking_base_url")).toString().isEmpty())
            r.fail(QStringLiteral("tracking_base_url"), QStringLiteral("Is needed before the channel can be enabled: unsubscribe links point there."));
    } else if (isProvider(channel)) {
        const auto url = r.string(QStringLiteral("url"), false, 1000);
        if (url && !url->trimmed().isEmpty() && !isWebUrl(url->trimmed())) r.fail(QStringLiteral("url"), QStringLiteral("Is an http(s) URL of the provider's API."));
        take(QStringLiteral("url"), url);
        take(QStringLiteral("method"), r.oneOf(QStringLiteral("method"), {QStringLiteral("POST"), QStringLiteral("PUT"), QStringLiteral("PATCH")}));
        if (r.has(QStringLiteral("auth_header")) && r.isNull(QStringLiteral("auth_header"))) {
            r.string(QStringLiteral("auth_header"));
            s.remove(QStringLiteral("auth_header"));
        } else if (const auto h = r.string(QStringLiteral("auth_header"), false, 2000)) {
            static const QRegularExpression headerLine(QStringLiteral("^[A-Za-z0-9-]+:\\s*\\S[^\\r\\n]*$"));
            if (h->trimmed().isEmpty()) s.remove(QStringLiteral("auth_header"));
            else if (!headerLine.match(h->trimmed()).hasMatch())
                r.fail(QStringLiteral("auth_header"), QStringLiteral("Is one header line, e.g. \"Authorization: Bearer <key>\"."));
            else s.insert(QStringLiteral("auth_header"), h->trimmed());
        }
        if (const auto body = r.string(QStringLiteral("body_template"), false, 20000)) {
            if (auto rendered = renderBody(*body, sampleProviderVars(QStringLiteral("+79161234567"))); !rendered)
                r.fail(QStringLiteral("body_template"), rendered.error().message);
            s.insert(QStringLiteral("body_template"), *body);
        }
        for (const QString &key : {QStringLiteral("success_codes"), QStringLiteral("permanent_failure_codes")}) {
            const auto list = r.array(key, false, 50);
            if (!list) continue;
            for (const auto &c : *list)
                if (!c.isDouble() || c.toInt() < 100 || c.toInt() > 599 || c.toDouble() != c.toInt()) r.fail(key, QStringLiteral("Is a list of HTTP status codes (100–599)."));
            s.insert(key, *list);
        }
        if (const auto t = r.integer(QStringLiteral("timeout_ms"), false, 500, 120000)) s.insert(QStringLiteral("timeout_ms"), *t);
        if (codes(s.value(QStringLiteral("success_codes"))).isEmpty()) r.fail(QStringLiteral("success_codes"), QStringLiteral("Name at least one status that means sent."));
        if (enabling && s.value(QStringLiteral("url")).toString().isEmpty()) r.fail(QStringLiteral("url"), QStringLiteral("Is needed before the channel can be enabled."));
    }
    if (auto done = r.finish(); !done) return done.error();
    return s;
}

SmtpSettings smtpSettings(const QJsonObject &s)
{
    return {s.value(QStringLiteral("smtp_url")).toString(), s.value(QStringLiteral("security")).toString(), s.value(QStringLiteral("username")).toString(),
            s.value(QStringLiteral("password")).toString(), s.value(QStringLiteral("timeout_ms")).toInt(15000)};
}

HttpProvider httpProvider(const QJsonObject &s)
{
    HttpProvider p;
    p.url = s.value(QStringLiteral("url")).toString();
    p.method = s.value(QStringLiteral("method")).toString(QStringLiteral("POST"));
    p.authHeader = s.value(QStringLiteral("auth_header")).toString();
    p.successCodes = codes(s.value(QStringLiteral("success_codes")));
    p.permanentCodes = codes(s.value(QStringLiteral("permanent_failure_codes")));
    p.timeoutMs = s.value(QStringLiteral("timeout_ms")).toInt(10000);
    return p;
}

QString contactKind(const QString &channel)
{
    return channel == QLatin1String("email") ? QStringLiteral("email") : channel == QLatin1String("push") ? QStringLiteral("push") : QStringLiteral("phone");
}

QString maskRecipient(const QString &r)
{
    const qsizetype at = r.indexOf(u'@');
    if (at > 0) return r.left(1) + QStringLiteral("•••") + r.mid(at);
    return r.size() > 4 ? QStringLiteral("•••") + r.right(4) : r;
}

}  // namespace

ChannelService::ChannelService(Database &db, TemplateService &templates, const Core::PhoneNormalizer &phones)
    : m_db(db), m_templates(templates), m_phones(phones)
{
}

Result<ChannelService::Config> ChannelService::config(const QSqlDatabase &conn, const QString &channel)
{
    if (!channelNames().contains(channel)) return noChannel(channel);
    Sql q(conn, QStringLiteral("SELECT enabled, rate_limit_per_second, settings FROM channel_settings WHERE channel = ?"));
    q.bind(channel);
    if (auto r = q.exec(); !r) return r.error();
    Config c;
    c.channel = channel;
    c.settings = defaults(channel);
    if (q.next()) {
        c.enabled = q.value(0).toInt() != 0;
        c.ratePerSecond = q.value(1).toInt();
        const QJsonObject saved = parseObject(q.value(2).toString());
        for (auto it = saved.begin(); it != saved.end(); ++it) c.settings.insert(it.key(), *it);
    }
    return c;
}

QJsonObject ChannelService::publicView(const Config &c)
{
    QJsonObject settings = c.settings;
    if (c.channel == QLatin1String("email") || isProvider(c.channel)) {
        const QString secret = secretKey(c.channel);
        settings.insert(secret + QStringLiteral("_set"), settings.contains(secret) && !settings.value(secret).toString().isEmpty());
        settings.remove(secret);
    }
    return {{QStringLiteral("channel"), c.channel}, {QStringLiteral("enabled"), c.enabled}, {QStringLiteral("rate_limit_per_second"), c.ratePerSecond},
            {QStringLiteral("settings"), settings}};
}

Result<QJsonArray> ChannelService::list()
{
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    QJsonArray items;
    for (const QString &channel : channelNames()) {
        auto c = config(*conn, channel);
        if (!c) return c.error();
        items.append(publicView(*c));
    }
    return items;
}

Result<QJsonObject> ChannelService::get(const QString &channel)
{
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    auto c = config(*conn, channel);
    if (!c) return c.error();
    return publicView(*c);
}

Result<QJsonObject> ChannelService::update(const Principal &who, const QString &channel, const QJsonObject &body)
{
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    auto before = config(*conn, channel);
    if (!before) return before.error();
    Core::Json::Reader r(body);
    const auto enabled = r.boolean(QStringLiteral("enabled"));
    const auto rate = r.integer(QStringLiteral("rate_limit_per_second"), false, 0, 100000);
    const auto given = r.object(QStringLiteral("settings"));
    if (auto done = r.finish(); !done) return done.error();
    const bool enabling = enabled.value_or(before->enabled);
    auto merged = mergeSettings(channel, before->settings, given.value_or(QJsonObject()), enabling);
    if (!merged) return merged.error();
    Config after = *before;
    after.enabled = enabling;
    after.ratePerSecond = rate ? int(*rate) : before->ratePerSecond;
    after.settings = *merged;
    Transaction tx(m_db, *conn, true);
    if (auto b = tx.begin(); !b) return b.error();
    Sql up(*conn, QStringLiteral("INSERT INTO channel_settings (channel, enabled, rate_limit_per_second, settings, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?) "
                                 "ON CONFLICT (channel) DO UPDATE SET enabled = excluded.enabled, rate_limit_per_second = excluded.rate_limit_per_second, "
                                 "settings = excluded.settings, updated_by = excluded.updated_by, updated_at = excluded.updated_at"));
    up.bind(channel).bind(after.enabled ? 1 : 0).bind(after.ratePerSecond).bind(compact(after.settings)).bind(who.username).bind(QDateTime::currentSecsSinceEpoch());
    if (auto e = up.exec(); !e) return e.error();
    // The audit trail shows that a secret changed, never the secret.
    QJsonObject b = publicView(*before), a = publicView(after);
    const QString secret = secretKey(channel);
    if (before->settings.value(secret) != after.settings.value(secret)) {
        QJsonObject bs = b.value(QStringLiteral("settings")).toObject(), as = a.value(QStringLiteral("settings")).toObject();
        bs.insert(secret, QStringLiteral("(old)"));
        as.insert(secret, after.settings.contains(secret) ? QStringLiteral("(new)") : QStringLiteral("(removed)"));
        b.insert(QStringLiteral("settings"), bs);
        a.insert(QStringLiteral("settings"), as);
    }
    const QJsonObject diff = Audit::diff(b, a);
    if (!diff.isEmpty())
        if (auto e = Audit::record(*conn, who, QStringLiteral("channel.update"), QStringLiteral("channel"), std::nullopt, std::nullopt,
                                   QJsonObject{{QStringLiteral("channel"), channel}, {QStringLiteral("changes"), diff}});
            !e)
            return e.error();
    if (auto c = tx.commit(); !c) return c.error();
    return publicView(after);
}

Result<QJsonObject> ChannelService::check(const QString &channel)
{
    Config c;
    {
        auto conn = m_db.connection();
        if (!conn) return conn.error();
        auto loaded = config(*conn, channel);
        if (!loaded) return loaded.error();
        c = *loaded;
    }
    auto answer = [](bool ok, const QString &message) { return QJsonObject{{QStringLiteral("ok"), ok}, {QStringLiteral("message"), message}}; };
    if (channel == QLatin1String("email")) {
        if (c.settings.value(QStringLiteral("smtp_url")).toString().isEmpty()) return answer(false, QStringLiteral("Set the SMTP server's address first."));
        const SendOutcome o = checkSmtp(smtpSettings(c.settings));
        return answer(o.ok, o.ok ? QStringLiteral("Connected and signed in: %1").arg(o.response) : QStringLiteral("SMTP check failed: %1").arg(o.response));
    }
    if (isProvider(channel)) {
        const HttpProvider p = httpProvider(c.settings);
        if (p.url.isEmpty()) return answer(false, QStringLiteral("Set the provider's URL first."));
        auto body = renderBody(c.settings.value(QStringLiteral("body_template")).toString(), sampleProviderVars(QString()));
        if (!body) return answer(false, body.error().message);
        // A HEAD request reaches the provider without sending anything.
        HttpProvider probe = p;
        probe.method = QStringLiteral("HEAD");
        const SendOutcome o = sendHttp(probe, {});
        if (o.code == 0) return answer(false, QStringLiteral("Could not reach the provider: %1").arg(o.response));
        const bool ok = o.code != 401 && o.code != 403;
        return answer(ok, ok ? QStringLiteral("The provider answered (HTTP %1); the body template produces valid JSON.").arg(o.code)
                             : QStringLiteral("The provider refused the credentials (HTTP %1).").arg(o.code));
    }
    return answer(true, QStringLiteral("In-app messages are delivered by the app itself; nothing to connect to."));
}

Result<QByteArray> ChannelService::signingKey()
{
    std::lock_guard lock(m_keyMutex);
    if (!m_key.isEmpty()) return m_key;
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    // Generated once per database; whoever writes first wins, everyone reads the same.
    Sql ins(*conn, QStringLiteral("INSERT INTO settings (key, value) VALUES ('tracking_key', ?) ON CONFLICT (key) DO NOTHING"));
    ins.bind(QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(raw), sizeof raw).toBase64()));
    if (auto r = ins.exec(); !r) return r.error();
    Sql q(*conn, QStringLiteral("SELECT value FROM settings WHERE key = 'tracking_key'"));
    auto v = q.scalar();
    if (!v) return v.error();
    m_key = QByteArray::fromBase64(v->toString().toLatin1());
    return m_key;
}

Result<ChannelService::Delivery> ChannelService::testSend(const Principal &who, const QJsonObject &body)
{
    Core::Json::Reader r(body);
    Job job;
    const auto templateId = r.integer(QStringLiteral("template_id"), false, 1);
    const auto inline_ = r.object(QStringLiteral("template"));
    const auto to = r.string(QStringLiteral("to"), true, 500);
    const auto customerId = r.integer(QStringLiteral("customer_id"), false, 1);
    job.strict = r.boolean(QStringLiteral("strict")).value_or(true);
    if (!templateId && !inline_) r.fail(QStringLiteral("template_id"), QStringLiteral("Give a template_id or a template {channel, content}."));
    if (templateId && inline_) r.fail(QStringLiteral("template"), QStringLiteral("Give a template_id or a template, not both."));
    if (inline_) {
        Core::Json::Reader t(*inline_, QStringLiteral("template"));
        const auto channel = t.oneOf(QStringLiteral("channel"), Core::Messages::channels(), true);
        const auto content = t.object(QStringLiteral("content"), true);
        if (auto done = t.finish(); !done)
            for (const auto &f : done.error().fields) r.fail(f.field.mid(QStringLiteral("template.").size()).prepend(QStringLiteral("template.")), f.message);
        if (channel && content) {
            job.channel = *channel;
            auto checked = Core::Messages::validateContent(*channel, *content);
            if (!checked) return checked.error();
            job.content = *checked;
        }
    }
    if (auto done = r.finish(); !done) return done.error();
    if (templateId) {
        auto t = m_templates.get(*templateId);
        if (!t) return t.error();
        job.channel = t->value(QStringLiteral("channel")).toString();
        job.templateId = templateId;
    }
    job.recipient = to->trimmed();
    if (job.channel == QLatin1String("email")) {
        const auto e = Core::EmailNormalizer::normalize(job.recipient);
        if (!e.valid) return Error::validation(QStringLiteral("to"), QStringLiteral("Is not an e-mail address: %1").arg(e.error));
        job.recipient = e.normalized;
    } else if (job.channel == QLatin1String("sms") || job.channel == QLatin1String("messenger")) {
        const auto p = m_phones.normalize(job.recipient);
        if (!p.valid) return Error::validation(QStringLiteral("to"), QStringLiteral("Is not a phone number: %1").arg(p.error));
        job.recipient = p.e164;
    } else if (job.channel == QLatin1String("in_app")) {
        return unprocessable(QStringLiteral("template"), QStringLiteral("In-app messages show inside the app; they cannot be sent to an address."));
    } else if (job.recipient.isEmpty()) {
        return Error::validation(QStringLiteral("to"), QStringLiteral("Give the device's push token."));
    }
    job.dataFor = customerId;
    job.test = true;
    return deliver(who, job);
}

Result<ChannelService::Delivery> ChannelService::sendToCustomer(const Principal &who, qint64 customerId, const QJsonObject &body)
{
    Core::Json::Reader r(body);
    const auto templateId = r.integer(QStringLiteral("template_id"), true, 1);
    if (auto done = r.finish(); !done) return done.error();
    auto t = m_templates.get(*templateId);
    if (!t) return t.error();
    Job job;
    job.channel = t->value(QStringLiteral("channel")).toString();
    job.templateId = templateId;
    job.customerId = job.dataFor = customerId;
    if (job.channel == QLatin1String("in_app")) return unprocessable(QStringLiteral("template_id"), QStringLiteral("In-app messages show inside the app; they are not sent."));
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    Sql exists(*conn, QStringLiteral("SELECT id FROM customers WHERE id = ?"));
    exists.bind(customerId);
    auto found = exists.scalar();
    if (!found) return found.error();
    if (!found->isValid()) return Error::make(ErrorKind::NotFound, QStringLiteral("There is no customer with id %1.").arg(customerId));
    Sql sub(*conn, QStringLiteral("SELECT subscribed FROM subscriptions WHERE customer_id = ? AND channel = ?"));
    sub.bind(customerId).bind(job.channel);
    auto subscribed = sub.scalar();
    if (!subscribed) return subscribed.error();
    if (!subscribed->isValid() || subscribed->toInt() == 0)
        return conflict(QStringLiteral("The customer is not subscribed to %1 messages.").arg(job.channel));
    Sql contact(*conn, QStringLiteral("SELECT id, value FROM contacts WHERE customer_id = ? AND kind = ? AND valid = 1 AND value IS NOT NULL "
                                      "ORDER BY is_primary DESC, id LIMIT 1"));
    contact.bind(customerId).bind(contactKind(job.channel));
    if (auto e = contact.exec(); !e) return e.error();
    if (!contact.next())
        return unprocessable(QStringLiteral("contact"), QStringLiteral("The customer has no valid %1 to send %2 messages to.")
                                                          .arg(contactKind(job.channel) == QLatin1String("email") ? QStringLiteral("e-mail address")
                                                               : contactKind(job.channel) == QLatin1String("push") ? QStringLiteral("push token")
                                                                                                                   : QStringLiteral("phone number"),
                                                               job.channel));
    job.contactId = contact.value(0).toLongLong();
    job.recipient = contact.value(1).toString();
    contact.query().finish();
    return deliver(who, job);
}

Result<ChannelService::Delivery> ChannelService::deliver(const Principal &who, const Job &job)
{
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    auto cfg = config(*conn, job.channel);
    if (!cfg) return cfg.error();
    const QJsonObject &s = cfg->settings;
    const bool email = job.channel == QLatin1String("email");
    if (!job.test && !cfg->enabled) return conflict(QStringLiteral("The %1 channel is switched off (Administration → Channels).").arg(job.channel));
    if (email && (s.value(QStringLiteral("smtp_url")).toString().isEmpty() || s.value(QStringLiteral("from_email")).toString().isEmpty() ||
                  s.value(QStringLiteral("tracking_base_url")).toString().isEmpty()))
        return conflict(QStringLiteral("The e-mail channel is not set up: it needs the SMTP server, the sender address and the tracking base URL."));
    if (!email && s.value(QStringLiteral("url")).toString().isEmpty())
        return conflict(QStringLiteral("The %1 channel has no provider URL yet (Administration → Channels).").arg(job.channel));
    auto key = signingKey();
    if (!key) return key.error();
    const LinkSigner signer(*key);

    // The message exists first: its id goes into the signed links it carries.
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    Sql ins(*conn, QStringLiteral("INSERT INTO messages (partner_id, customer_id, channel, campaign_name, template_id, recipient, status, is_test, created_at, updated_at) "
                                  "VALUES ((SELECT MIN(id) FROM partners), ?, ?, ?, ?, ?, 'queued', ?, ?, ?) RETURNING id"));
    ins.bind(job.customerId ? QVariant(*job.customerId) : QVariant(QMetaType(QMetaType::LongLong))).bind(job.channel)
        .bind(job.test ? QStringLiteral("Test send") : QStringLiteral("Manual send"))
        .bind(job.templateId ? QVariant(*job.templateId) : QVariant(QMetaType(QMetaType::LongLong))).bind(job.recipient).bind(job.test ? 1 : 0).bind(now).bind(now);
    auto inserted = ins.scalar();
    if (!inserted) return inserted.error();
    Delivery d;
    d.messageId = inserted->toLongLong();
    d.channel = job.channel;
    d.recipient = job.recipient;
    auto discard = [&]() {
        Sql del(*conn, QStringLiteral("DELETE FROM messages WHERE id = ?"));
        del.bind(d.messageId);
        (void)del.exec();
    };

    QJsonObject data;
    if (job.dataFor) {
        auto cd = m_templates.customerData(*job.dataFor);
        if (!cd) {
            discard();
            return cd.error();
        }
        data = *cd;
    } else {
        data = TemplateService::sampleData();
    }
    const QString base = s.value(QStringLiteral("tracking_base_url")).toString();
    const QString unsubscribeUrl = base + QStringLiteral("/u/") + signer.sign({LinkKind::Unsubscribe, d.messageId, {}});
    const QString viewUrl = base + QStringLiteral("/m/") + signer.sign({LinkKind::View, d.messageId, {}});
    data.insert(QStringLiteral("unsubscribe_url"), unsubscribeUrl);
    data.insert(QStringLiteral("view_in_browser_url"), viewUrl);
    data.insert(QStringLiteral("campaign"), QJsonObject{{QStringLiteral("id"), QJsonValue()}, {QStringLiteral("name"), job.test ? QStringLiteral("Test send") : QStringLiteral("Manual send")}});
    QJsonObject renderRequest{{QStringLiteral("data"), data}, {QStringLiteral("strict"), job.strict}};
    if (job.templateId) renderRequest.insert(QStringLiteral("template_id"), *job.templateId);
    else {
        renderRequest.insert(QStringLiteral("channel"), job.channel);
        renderRequest.insert(QStringLiteral("content"), job.content);
    }
    auto rendered = m_templates.render(renderRequest);
    if (!rendered || !rendered->value(QStringLiteral("ok")).toBool()) {
        discard();
        if (!rendered) return rendered.error();
        d.messageId = 0;
        d.renderErrors = rendered->value(QStringLiteral("errors")).toArray();
        return d;
    }
    const QJsonObject parts = rendered->value(QStringLiteral("parts")).toObject();
    auto part = [&parts](const char *name) { return parts.value(QString::fromLatin1(name)).toString(); };

    QString subject, storedBody;
    QByteArray payload;
    if (email) {
        QString html = addPreheader(part("html"), part("preheader"));
        if (s.value(QStringLiteral("click_tracking")).toBool())
            html = rewriteLinks(
                html, [&](const QString &url) -> QString { return base + QStringLiteral("/t/c/") + signer.sign({LinkKind::Click, d.messageId, url}); },
                [&](const QString &url) { return url == unsubscribeUrl || url == viewUrl; });
        if (s.value(QStringLiteral("open_tracking")).toBool()) html = addOpenPixel(html, base + QStringLiteral("/t/o/") + signer.sign({LinkKind::Open, d.messageId, {}}));
        MailMessage m;
        m.from = {part("sender_name").isEmpty() ? s.value(QStringLiteral("from_name")).toString() : part("sender_name"),
                  part("sender_email").isEmpty() ? s.value(QStringLiteral("from_email")).toString() : part("sender_email").trimmed()};
        m.to = job.recipient;
        m.replyTo = s.value(QStringLiteral("reply_to")).toString();
        m.subject = subject = part("subject");
        m.text = part("text");
        m.html = storedBody = html;
        m.date = QDateTime::currentDateTimeUtc();
        const QString domain = m.from.email.mid(m.from.email.indexOf(u'@') + 1);
        m.messageId = QStringLiteral("ld.%1.%2@%3").arg(d.messageId).arg(QRandomGenerator::global()->generate64(), 0, 36).arg(domain);
        m.listUnsubscribeUrl = unsubscribeUrl;
        if (!s.value(QStringLiteral("reply_to")).toString().isEmpty())
            m.listUnsubscribeMailto = s.value(QStringLiteral("reply_to")).toString() + QStringLiteral("?subject=unsubscribe");
        payload = buildMime(m);
        d.queued = m_limiter.acquire(job.channel, cfg->ratePerSecond);
        d.outcome = sendSmtp(smtpSettings(s), m.from.email, job.recipient, payload);
    } else {
        const QJsonObject vars{{QStringLiteral("to"), job.recipient}, {QStringLiteral("text"), part("text")}, {QStringLiteral("title"), part("title")},
                               {QStringLiteral("body"), part("body")}, {QStringLiteral("deep_link"), part("deep_link")}, {QStringLiteral("image"), part("image")},
                               {QStringLiteral("message_id"), QString::number(d.messageId)}};
        subject = part("title");
        storedBody = part("text").isEmpty() ? part("body") : part("text");
        auto jsonBody = renderBody(s.value(QStringLiteral("body_template")).toString(), vars);
        if (!jsonBody) {
            discard();
            return jsonBody.error();
        }
        d.queued = m_limiter.acquire(job.channel, cfg->ratePerSecond);
        d.outcome = sendHttp(httpProvider(s), *jsonBody);
    }

    // Record what happened, and what it means for the contact, in one transaction.
    Transaction tx(m_db, *conn, true);
    if (auto b = tx.begin(); !b) return b.error();
    const qint64 done = QDateTime::currentSecsSinceEpoch();
    const QString status = d.outcome.ok ? QStringLiteral("sent") : QStringLiteral("failed");
    Sql up(*conn, QStringLiteral("UPDATE messages SET status = ?, subject = ?, body = ?, updated_at = ? WHERE id = ?"));
    up.bind(status).bind(subject).bind(storedBody).bind(done).bind(d.messageId);
    if (auto e = up.exec(); !e) return e.error();
    const QJsonObject details{{QStringLiteral("code"), qint64(d.outcome.code)}, {QStringLiteral("response"), d.outcome.response},
                              {QStringLiteral("permanent"), d.outcome.permanent}, {QStringLiteral("rate_limited"), d.queued}};
    Sql st(*conn, QStringLiteral("INSERT INTO message_status (message_id, status, at, details) VALUES (?, ?, ?, ?)"));
    st.bind(d.messageId).bind(status).bind(done).bind(compact(details));
    if (auto e = st.exec(); !e) return e.error();
    if (!d.outcome.ok && d.outcome.permanent && job.contactId) {
        Sql old(*conn, QStringLiteral("SELECT details FROM contacts WHERE id = ?"));
        old.bind(*job.contactId);
        auto prior = old.scalar();
        if (!prior) return prior.error();
        QJsonObject contactDetails = parseObject(prior->toString());
        contactDetails.insert(QStringLiteral("invalid_reason"), d.outcome.response);
        contactDetails.insert(QStringLiteral("invalid_code"), qint64(d.outcome.code));
        contactDetails.insert(QStringLiteral("invalid_at"), Core::Json::isoUtc(done));
        contactDetails.insert(QStringLiteral("invalid_message_id"), d.messageId);
        Sql bad(*conn, QStringLiteral("UPDATE contacts SET valid = 0, details = ?, updated_at = ? WHERE id = ?"));
        bad.bind(compact(contactDetails)).bind(done).bind(*job.contactId);
        if (auto e = bad.exec(); !e) return e.error();
        if (auto e = Audit::record(*conn, who, QStringLiteral("contact.invalidate"), QStringLiteral("contact"), *job.contactId, job.customerId,
                                   QJsonObject{{QStringLiteral("recipient"), job.recipient}, {QStringLiteral("channel"), job.channel},
                                               {QStringLiteral("code"), qint64(d.outcome.code)}, {QStringLiteral("response"), d.outcome.response}});
            !e)
            return e.error();
    }
    const QJsonObject auditDetails{{QStringLiteral("channel"), job.channel}, {QStringLiteral("recipient"), job.recipient}, {QStringLiteral("status"), status},
                                   {QStringLiteral("template_id"), job.templateId ? QJsonValue(*job.templateId) : QJsonValue()},
                                   {QStringLiteral("rendered_for"), job.dataFor ? QJsonValue(*job.dataFor) : QJsonValue(QStringLiteral("sample data"))}};
    if (auto e = Audit::record(*conn, who, job.test ? QStringLiteral("template.test_send") : QStringLiteral("message.send"), QStringLiteral("message"),
                               d.messageId, job.customerId, auditDetails);
        !e)
        return e.error();
    if (auto c = tx.commit(); !c) return c.error();
    return d;
}

Result<QJsonObject> ChannelService::messageFor(const QString &token, char kind)
{
    auto key = signingKey();
    if (!key) return key.error();
    const auto p = LinkSigner(*key).verify(token);
    if (!p || char(p->kind) != kind) return badToken();
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    Sql q(*conn, QStringLiteral("SELECT id, customer_id, channel, recipient, is_test, body FROM messages WHERE id = ?"));
    q.bind(p->messageId);
    if (auto r = q.exec(); !r) return r.error();
    if (!q.next()) return badToken();
    QJsonObject m{{QStringLiteral("id"), q.value(0).toLongLong()}, {QStringLiteral("customer_id"), q.value(1).isNull() ? QJsonValue() : QJsonValue(q.value(1).toLongLong())},
                  {QStringLiteral("channel"), q.value(2).toString()}, {QStringLiteral("recipient"), q.value(3).toString()},
                  {QStringLiteral("test"), q.value(4).toInt() != 0}, {QStringLiteral("body"), q.value(5).toString()}, {QStringLiteral("url"), p->url}};
    return m;
}

namespace {
Result<void> addStatus(const QSqlDatabase &conn, qint64 messageId, const QString &status, const QJsonObject &details)
{
    Sql st(conn, QStringLiteral("INSERT INTO message_status (message_id, status, at, details) VALUES (?, ?, ?, ?)"));
    st.bind(messageId).bind(status).bind(QDateTime::currentSecsSinceEpoch()).bind(details.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(compact(details)));
    return st.exec();
}
}  // namespace

Result<void> ChannelService::recordOpen(const QString &token)
{
    auto m = messageFor(token, 'o');
    if (!m) return m.error();
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    return addStatus(*conn, m->value(QStringLiteral("id")).toInteger(), QStringLiteral("opened"), {});
}

Result<QString> ChannelService::recordClick(const QString &token)
{
    auto m = messageFor(token, 'c');
    if (!m) return m.error();
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    const QString url = m->value(QStringLiteral("url")).toString();
    if (auto r = addStatus(*conn, m->value(QStringLiteral("id")).toInteger(), QStringLiteral("clicked"), {{QStringLiteral("url"), url}}); !r) return r.error();
    return url;
}

Result<QString> ChannelService::viewInBrowser(const QString &token)
{
    auto m = messageFor(token, 'v');
    if (!m) return m.error();
    return m->value(QStringLiteral("body")).toString();
}

Result<QJsonObject> ChannelService::unsubscribeInfo(const QString &token)
{
    auto m = messageFor(token, 'u');
    if (!m) return m.error();
    return QJsonObject{{QStringLiteral("channel"), m->value(QStringLiteral("channel"))},
                       {QStringLiteral("recipient"), maskRecipient(m->value(QStringLiteral("recipient")).toString())},
                       {QStringLiteral("test"), m->value(QStringLiteral("test"))}};
}

Result<QJsonObject> ChannelService::unsubscribe(const QString &token)
{
    auto m = messageFor(token, 'u');
    if (!m) return m.error();
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    const qint64 messageId = m->value(QStringLiteral("id")).toInteger();
    const QString channel = m->value(QStringLiteral("channel")).toString();
    QJsonObject info{{QStringLiteral("channel"), channel}, {QStringLiteral("recipient"), maskRecipient(m->value(QStringLiteral("recipient")).toString())},
                     {QStringLiteral("test"), m->value(QStringLiteral("test"))}, {QStringLiteral("changed"), false}};
    Transaction tx(m_db, *conn, true);
    if (auto b = tx.begin(); !b) return b.error();
    if (auto r = addStatus(*conn, messageId, QStringLiteral("unsubscribed"), {}); !r) return r.error();
    // A test send belongs to no customer: there is nothing to change.
    if (!m->value(QStringLiteral("customer_id")).isNull()) {
        const qint64 customerId = m->value(QStringLiteral("customer_id")).toInteger();
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        auto changed = CustomerService::setSubscription(*conn, customerId, channel, false, QStringLiteral("unsubscribe link"), now);
        if (!changed) return changed.error();
        info.insert(QStringLiteral("changed"), *changed);
    }
    if (auto c = tx.commit(); !c) return c.error();
    return info;
}

}  // namespace LoyaltyDesk::Server
