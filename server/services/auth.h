#pragma once

#include "http/router.h"
#include "storage/database.h"

#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <QReadWriteLock>

namespace LoyaltyDesk::Server {

struct LoginResult {
    QString token;
    qint64 expiresAt = 0;
    Principal principal;
};

// Passwords (libsodium Argon2id), bearer sessions that expire, login throttling,
// and the permission sets of users through their roles.
class AuthService final {
public:
    AuthService(Database &db, qint64 tokenTtlSeconds);

    static QString hashPassword(const QString &password);
    static bool verifyPassword(const QString &hash, const QString &password);
    static Result<void> checkPasswordPolicy(const QString &password);

    Result<LoginResult> login(const QString &username, const QString &password, const QString &client);
    Result<void> logout(const QString &token);
    // Resolves a bearer token: Unauthorized when unknown, expired or revoked.
    Result<Principal> authenticate(const QString &token);
    Result<Principal> principalFor(qint64 userId);

    // Forget cached sessions (after users or roles change).
    void invalidateCache();
    // Revoke every session of a user (disabled, password reset).
    Result<void> revokeSessionsOf(const QSqlDatabase &conn, qint64 userId);

    // Creates the built-in roles that are missing, and the first administrator when
    // there are no users. Returns the generated password when one was made.
    Result<QString> bootstrap(const QString &adminPassword);

    qint64 tokenTtl() const { return m_ttl; }

    static QString tokenHash(const QString &token);

private:
    struct Cached {
        Principal principal;
        qint64 expiresAt;
        qint64 cachedAt;
    };
    struct Attempts {
        int failures = 0;
        qint64 lockedUntil = 0;
    };
    // Seconds to wait before another attempt is allowed; 0 = go ahead.
    qint64 throttled(const QString &key, qint64 now);
    void recordFailure(const QString &key, qint64 now);

    Database &m_db;
    qint64 m_ttl;
    QReadWriteLock m_cacheLock;
    QHash<QString, Cached> m_cache;
    QMutex m_attemptsLock;
    QHash<QString, Attempts> m_attempts;
};

}  // namespace LoyaltyDesk::Server
