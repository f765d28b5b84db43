#include "session.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace LoyaltyDesk::Models {

namespace {

QStringList strings(const QJsonValue &value)
{
    QStringList out;
    for (const auto &v : value.toArray()) out << v.toString();
    return out;
}

}  // namespace

Core::Result<Session> Session::fromMeJson(const QString &token, const QJsonObject &user)
{
    if (!user.value(QStringLiteral("username")).isString())
        return Core::Error::make(Core::ErrorKind::Http,
                                 QCoreApplication::translate("LoyaltyDesk::Models::Session",
                                                             "The server sent an answer this version of LoyaltyDesk does not understand."));
    Session s;
    s.token = token;
    s.userId = user.value(QStringLiteral("id")).toInteger();
    s.username = user.value(QStringLiteral("username")).toString();
    s.roles = strings(user.value(QStringLiteral("roles")));
    s.permissions = strings(user.value(QStringLiteral("permissions")));
    return s;
}

Core::Result<Session> Session::fromLoginJson(const QJsonObject &json)
{
    const QString token = json.value(QStringLiteral("token")).toString();
    auto s = fromMeJson(token, json.value(QStringLiteral("user")).toObject());
    if (!s) return s;
    if (token.isEmpty())
        return Core::Error::make(Core::ErrorKind::Http,
                                 QCoreApplication::translate("LoyaltyDesk::Models::Session", "The server did not send a session token."));
    s->expiresAt = QDateTime::fromString(json.value(QStringLiteral("expires_at")).toString(), Qt::ISODate);
    return s;
}

}  // namespace LoyaltyDesk::Models
