#include "router.h"

#include <httplib.h>

#include <QJsonDocument>

namespace LoyaltyDesk::Server {

QByteArray Request::body() const { return QByteArray::fromStdString(raw.body); }

qint64 Request::idParam(int index) const { return param(index).toLongLong(); }

QString Request::param(int index) const
{
    const auto i = static_cast<size_t>(index + 1);
    return i < raw.matches.size() ? QString::fromStdString(raw.matches[i].str()) : QString();
}

bool Request::hasQuery(const char *name) const { return raw.has_param(name); }

QString Request::query(const char *name) const { return QString::fromStdString(raw.get_param_value(name)); }

QString Request::header(const char *name) const { return QString::fromStdString(raw.get_header_value(name)); }

Reply Reply::json(const QJsonObject &o, int status)
{
    return Reply{status, QJsonDocument(o).toJson(QJsonDocument::Compact), "application/json", {}};
}

Reply Reply::json(const QJsonArray &a, int status)
{
    return Reply{status, QJsonDocument(a).toJson(QJsonDocument::Compact), "application/json", {}};
}

Reply Reply::created(const QJsonObject &o, const QString &location)
{
    Reply r = json(o, 201);
    r.headers.append({"Location", location.toUtf8()});
    return r;
}

Reply Reply::noContent() { return Reply{204, {}, {}, {}}; }

Reply Reply::raw(QByteArray body, QByteArray contentType, int status)
{
    return Reply{status, std::move(body), std::move(contentType), {}};
}

int statusFor(const Error &e)
{
    using K = Core::ErrorKind;
    switch (e.kind) {
    case K::Validation: return e.httpStatus >= 400 ? e.httpStatus : 400;
    case K::NotFound: return 404;
    case K::Conflict: return 409;
    case K::Unauthorized: return 401;
    case K::Forbidden: return 403;
    case K::TooMany: return 429;
    case K::Network:
    case K::Http:
    case K::Server:
    case K::Internal: break;
    }
    return e.httpStatus >= 400 ? e.httpStatus : 500;
}

namespace {
QString titleFor(int status)
{
    switch (status) {
    case 400: return QStringLiteral("Bad request");
    case 401: return QStringLiteral("Not signed in");
    case 403: return QStringLiteral("Forbidden");
    case 404: return QStringLiteral("Not found");
    case 405: return QStringLiteral("Method not allowed");
    case 409: return QStringLiteral("Conflict");
    case 413: return QStringLiteral("Request too large");
    case 415: return QStringLiteral("Unsupported media type");
    case 422: return QStringLiteral("Unprocessable request");
    case 429: return QStringLiteral("Too many requests");
    case 503: return QStringLiteral("Service unavailable");
    default: return status >= 500 ? QStringLiteral("Server error") : QStringLiteral("Request failed");
    }
}

QString typeFor(const Error &e, int status)
{
    if (!e.type.isEmpty()) return e.type;
    switch (status) {
    case 400: return e.fields.isEmpty() ? QStringLiteral("bad-request") : QStringLiteral("validation");
    case 401: return QStringLiteral("unauthorized");
    case 403: return QStringLiteral("forbidden");
    case 404: return QStringLiteral("not-found");
    case 409: return QStringLiteral("conflict");
    case 429: return QStringLiteral("too-many-requests");
    default: return status >= 500 ? QStringLiteral("internal") : QStringLiteral("error");
    }
}
}  // namespace

Reply problemReply(int status, const QString &title, const QString &detail, const QString &type)
{
    const QString typeUri = QStringLiteral("https://loyaltydesk.example/problems/") + (type.isEmpty() ? QStringLiteral("error") : type);
    QJsonObject o{{QStringLiteral("type"), typeUri},
                  {QStringLiteral("title"), title.isEmpty() ? titleFor(status) : title},
                  {QStringLiteral("status"), status},
                  {QStringLiteral("detail"), detail}};
    return Reply{status, QJsonDocument(o).toJson(QJsonDocument::Compact), "application/problem+json", {}};
}

Reply problemReply(const Error &e)
{
    const int status = statusFor(e);
    // Internal errors carry driver text: keep it in the log, not in the answer.
    const QString detail = status >= 500 ? QStringLiteral("The server could not complete the request. The error was logged.")
                                         : e.message;
    Reply r = problemReply(status, {}, detail, typeFor(e, status));
    if (!e.fields.isEmpty()) {
        QJsonObject o = QJsonDocument::fromJson(r.body).object();
        QJsonArray errors;
        for (const auto &f : e.fields)
            errors.append(QJsonObject{{QStringLiteral("field"), f.field}, {QStringLiteral("message"), f.message}});
        o.insert(QStringLiteral("errors"), errors);
        r.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
    }
    return r;
}

}  // namespace LoyaltyDesk::Server
