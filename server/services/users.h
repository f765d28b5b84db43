#pragma once

#include "http/router.h"
#include "storage/database.h"

#include <QJsonObject>

namespace LoyaltyDesk::Server {

class AuthService;

// Users and roles, for administrators. Every change is audited; changes that touch
// permissions drop the session cache so they take effect at once.
class UserService final {
public:
    UserService(Database &db, AuthService &auth);

    Result<QJsonArray> listUsers();
    Result<QJsonObject> user(qint64 id);
    Result<QJsonObject> createUser(const Principal &who, const QJsonObject &body);
    Result<QJsonObject> updateUser(const Principal &who, qint64 id, const QJsonObject &body);
    Result<void> resetPassword(const Principal &who, qint64 id, const QJsonObject &body);

    Result<QJsonArray> listRoles();
    Result<QJsonObject> role(qint64 id);
    Result<QJsonObject> createRole(const Principal &who, const QJsonObject &body);
    Result<QJsonObject> updateRole(const Principal &who, qint64 id, const QJsonObject &body);
    Result<void> deleteRole(const Principal &who, qint64 id);

    // For the command line and the demo seeder: create or update a user by name.
    Result<qint64> upsertUser(const QString &username, const QString &displayName, const QString &password,
                              const QStringList &roleCodes);

private:
    Result<QList<qint64>> roleIds(const QSqlDatabase &conn, const QStringList &codes, const QString &field);
    Result<QJsonObject> userIn(const QSqlDatabase &conn, qint64 id);
    Result<QJsonObject> roleIn(const QSqlDatabase &conn, qint64 id);
    Result<void> setUserRoles(const QSqlDatabase &conn, qint64 userId, const QList<qint64> &roles);

    Database &m_db;
    AuthService &m_auth;
};

}  // namespace LoyaltyDesk::Server
