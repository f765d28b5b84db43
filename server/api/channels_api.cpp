#include "api.h"

#include "core/permissions.h"
#include "services/channels.h"

#include <QJsonDocument>

namespace LoyaltyDesk::Server::Api {

namespace {

// A send's answer: 200 when the server took it, 422 with the render errors, 502 with
// what the mail server or provider said.
Reply deliveryReply(const ChannelService::Delivery &d)
{
    if (!d.renderErrors.isEmpty()) {
        Reply r = problemReply(422, {}, QStringLiteral("The template does not render: %1").arg(d.renderErrors.first().toObject().value(QStringLiteral("message")).toString()),
                               QStringLiteral("render-error"));
        QJsonObject o = QJsonDocument::fromJson(r.body).object();
        o.insert(QStringLiteral("errors"), d.renderErrors);
        r.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
        return r;
    }
    if (!d.outcome.ok) {
        const QString who = d.channel == QLatin1String("email") ? QStringLiteral("The SMTP server") : QStringLiteral("The provider");
        Reply r = problemReply(502, QStringLiteral("Sending failed"),
                               d.outcome.code ? QStringLiteral("%1 refused the message (%2): %3").arg(who).arg(d.outcome.code).arg(d.outcome.response)
                                              : QStringLiteral("%1 could not be reached: %2").arg(who, d.outcome.response),
                               QStringLiteral("send-failed"));
        QJsonObject o = QJsonDocument::fromJson(r.body).object();
        o.insert(QStringLiteral("message_id"), d.messageId);
        o.insert(QStringLiteral("response"), d.outcome.response);
        o.insert(QStringLiteral("code"), qint64(d.outcome.code));
        o.insert(QStringLiteral("permanent"), d.outcome.permanent);
        r.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
        return r;
    }
    return Reply::json(QJsonObject{{QStringLiteral("message_id"), d.messageId}, {QStringLiteral("channel"), d.channel}, {QStringLiteral("recipient"), d.recipient},
                                   {QStringLiteral("status"), QStringLiteral("sent")}, {QStringLiteral("response"), d.outcome.response},
                                   {QStringLiteral("queued"), d.queued}});
}

// The small pages a customer sees after clicking "unsubscribe".
Reply page(const QString &title, const QString &body, int status = 200)
{
    const QString html = QStringLiteral(
        "<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<meta name=\"robots\" content=\"noindex\"><title>%1</title><style>"
        "body{font-family:-apple-system,'Segoe UI',Roboto,Arial,sans-serif;background:#f4f6fa;color:#1f2937;margin:0;padding:48px 16px}"
        ".card{max-width:460px;margin:0 auto;background:#fff;border-radius:12px;padding:32px;box-shadow:0 2px 12px rgba(0,0,0,.08)}"
        "h1{font-size:22px;margin:0 0 12px}p{line-height:1.5;margin:0 0 16px}.en{color:#6b7280;font-size:14px}"
        "button{background:#2563eb;color:#fff;border:0;border-radius:8px;padding:12px 20px;font-size:16px;cursor:pointer}"
        "</style></head><body><div class=\"card\">%2</div></body></html>")
                             .arg(title.toHtmlEscaped(), body);
    Reply r = Reply::raw(html.toUtf8(), "text/html; charset=utf-8", status);
    r.headers.append({QByteArray("Cache-Control"), QByteArray("no-store")});
    return r;
}

QString channelWords(const QString &channel)
{
    if (channel == QLatin1String("email")) return QStringLiteral("e-mail рассылки / e-mail newsletters");
    if (channel == QLatin1String("sms")) return QStringLiteral("SMS");
    if (channel == QLatin1String("push")) return QStringLiteral("push-уведомления / push notifications");
    return QStringLiteral("сообщения в мессенджерах / messenger messages");
}

// A link that does not verify gets a page a person can read; real faults stay errors.
Result<Reply> orPage(const Error &e)
{
    if (e.kind != Core::ErrorKind::NotFound) return e;
    return page(QStringLiteral("Ссылка недействительна"), QStringLiteral("<h1>Ссылка недействительна</h1><p class=\"en\">This link is not valid.</p>"), 404);
}

}  // namespace

void registerChannels(HttpServer &http, ServerContext &ctx)
{
    using namespace Core::Permissions;
    auto &c = *ctx.channels;
    const QString get = QStringLiteral("GET"), post = QStringLiteral("POST"), patch = QStringLiteral("PATCH");
    http.add({get, QStringLiteral("/api/v1/channels"), SettingsManage, QStringLiteral("Message channels and their settings (secrets are never returned)"),
              [&c](Request &) -> Result<Reply> {
                  auto items = c.list();
                  if (!items) return items.error();
                  return Reply::json(QJsonObject{{QStringLiteral("items"), *items}});
              }});
    http.add({patch, QStringLiteral("/api/v1/channels/{channel}"), SettingsManage, QStringLiteral("Change a channel's settings"),
              [&c](Request &req) -> Result<Reply> {
                  auto body = jsonBody(req);
                  if (!body) return body.error();
                  auto r = c.update(req.principal, req.param(0), *body);
                  if (!r) return r.error();
                  return Reply::json(*r);
              }});
    http.add({post, QStringLiteral("/api/v1/channels/{channel}/check"), SettingsManage,
              QStringLiteral("Connect to the channel's SMTP server or provider with the saved settings"),
              [&c](Request &req) -> Result<Reply> {
                  auto r = c.check(req.param(0));
                  if (!r) return r.error();
                  return Reply::json(*r);
              }});
    http.add({post, QStringLiteral("/api/v1/templates/test-send"), TemplatesWrite,
              QStringLiteral("Send a template to an address or number, rendered for a customer (needs customers.read) or sample data"),
              [&c](Request &req) -> Result<Reply> {
                  auto body = jsonBody(req);
                  if (!body) return body.error();
                  if (body->contains(QStringLiteral("customer_id")) && !req.principal.has(CustomersRead))
                      return Error{Core::ErrorKind::Forbidden, QStringLiteral("Rendering for a real customer needs the permission \"customers.read\"; use sample data."), {}, 403, {}};
                  auto d = c.testSend(req.principal, *body);
                  if (!d) return d.error();
                  return deliveryReply(*d);
              }});
    http.add({post, QStringLiteral("/api/v1/customers/{id}/messages"), CampaignsWrite,
              QStringLiteral("Send a template to the customer's primary contact on its channel"),
              [&c](Request &req) -> Result<Reply> {
                  auto body = jsonBody(req);
                  if (!body) return body.error();
                  auto d = c.sendToCustomer(req.principal, req.idParam(), *body);
                  if (!d) return d.error();
                  return deliveryReply(*d);
              }});

    // Public: links inside sent messages. Bad tokens are plain 404s.
    http.add({get, QStringLiteral("/t/o/{token}"), Public, QStringLiteral("Open-tracking pixel (a 1×1 GIF)"),
              [&c](Request &req) -> Result<Reply> {
                  if (auto r = c.recordOpen(req.param(0)); !r) return r.error();
                  static const QByteArray gif = QByteArray::fromBase64("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
                  Reply r = Reply::raw(gif, "image/gif");
                  r.headers.append({QByteArray("Cache-Control"), QByteArray("no-store, no-cache, must-revalidate")});
                  return r;
              }});
    http.add({get, QStringLiteral("/t/c/{token}"), Public, QStringLiteral("Click tracking: records the click and redirects to the link"),
              [&c](Request &req) -> Result<Reply> {
                  auto url = c.recordClick(req.param(0));
                  if (!url) return url.error();
                  Reply r = Reply::raw({}, "text/plain", 302);
                  r.headers.append({QByteArray("Location"), url->toUtf8()});
                  r.headers.append({QByteArray("Cache-Control"), QByteArray("no-store")});
                  return r;
              }});
    http.add({get, QStringLiteral("/m/{token}"), Public, QStringLiteral("An e-mail as sent, for reading in a browser"),
              [&c](Request &req) -> Result<Reply> {
                  auto html = c.viewInBrowser(req.param(0));
                  if (!html) return orPage(html.error());
                  Reply r = Reply::raw(html->toUtf8(), "text/html; charset=utf-8");
                  r.headers.append({QByteArray("Cache-Control"), QByteArray("no-store")});
                  return r;
              }});
    http.add({get, QStringLiteral("/u/{token}"), Public, QStringLiteral("Unsubscribe page (asks for confirmation)"),
              [&c](Request &req) -> Result<Reply> {
                  auto info = c.unsubscribeInfo(req.param(0));
                  if (!info) return orPage(info.error());
                  const QString what = channelWords(info->value(QStringLiteral("channel")).toString());
                  return page(QStringLiteral("Отписка"),
                              QStringLiteral("<h1>Отписаться?</h1><p>Вы больше не будете получать %1 на адрес <b>%2</b>.</p>"
                                             "<p class=\"en\">You will no longer receive these messages at this address.</p>"
                                             "<form method=\"post\"><button type=\"submit\">Отписаться / Unsubscribe</button></form>")
                                  .arg(what.toHtmlEscaped(), info->value(QStringLiteral("recipient")).toString().toHtmlEscaped()));
              }});
    http.add({post, QStringLiteral("/u/{token}"), Public, QStringLiteral("Unsubscribe (RFC 8058 one-click and the page's button)"),
              [&c](Request &req) -> Result<Reply> {
                  auto done = c.unsubscribe(req.param(0));
                  if (!done) return orPage(done.error());
                  const QString what = channelWords(done->value(QStringLiteral("channel")).toString());
                  return page(QStringLiteral("Вы отписаны"),
                              QStringLiteral("<h1>Вы отписаны</h1><p>Мы больше не будем присылать %1 на адрес <b>%2</b>.</p>"
                                             "<p class=\"en\">You are unsubscribed.</p>")
                                  .arg(what.toHtmlEscaped(), done->value(QStringLiteral("recipient")).toString().toHtmlEscaped()));
              }});
}

}  // namespace LoyaltyDesk::Server::Api
