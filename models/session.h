#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace LoyaltyDesk::Models {

// Who is signed in and what they may do, as the server told us.
struct Session {
    QString token;
    QDateTime expiresAt;
    qint64 userId = 0;
    QString username;
    QStringList roles;
    QStringList permissions;

    bool isValid() const { return !token.isEmpty(); }
    bool can(const QString &permission) const { return permissions.contains(permission); }

    // The answer of POST /api/v1/auth/login.
    static Core::Result<Session> fromLoginJson(const QJsonObject &json);
    // The answer of GET /api/v1/me, for a token we already hold.
    static Core::Result<Session> fromMeJson(const QString &token, const QJsonObject &json);
};

}  // namespace LoyaltyDesk::Models
