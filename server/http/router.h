#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace httplib {
struct Request;
struct Response;
class Server;
}  // namespace httplib

namespace LoyaltyDesk::Server {

using Core::Error;
using Core::Result;

// Who is calling: resolved by the auth middleware before any handler runs.
struct Principal {
    qint64 userId = 0;
    QString username;
    QStringList roles;
    QStringList permissions;
    bool has(const QString &permission) const { return permissions.contains(permission); }
};

struct Request {
    const httplib::Request &raw;
    Principal principal;
    QString clientAddress;

    QByteArray body() const;
    // Path parameters in order of appearance ("{id}" -> integer).
    qint64 idParam(int index = 0) const;
    QString param(int index) const;
    bool hasQuery(const char *name) const;
    QString query(const char *name) const;
    QString header(const char *name) const;
};

struct Reply {
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    QList<std::pair<QByteArray, QByteArray>> headers;

    static Reply json(const QJsonObject &o, int status = 200);
    static Reply json(const QJsonArray &a, int status = 200);
    static Reply created(const QJsonObject &o, const QString &location);
    static Reply noContent();
    static Reply raw(QByteArray body, QByteArray contentType, int status = 200);
};

using Handler = std::function<Result<Reply>(Request &)>;

// One endpoint: what it is, what permission it needs, and who serves it.
struct Route {
    QString method;      // GET, POST, PATCH, PUT, DELETE
    QString path;        // "/api/v1/customers/{id}/receipts"
    QString permission;  // Core::Permissions::*; Public only where deliberately open
    QString summary;
    Handler handler;
};

// Answers a problem+json body.
Reply problemReply(const Error &error);
Reply problemReply(int status, const QString &title, const QString &detail, const QString &type = {});
int statusFor(const Error &error);

}  // namespace LoyaltyDesk::Server
