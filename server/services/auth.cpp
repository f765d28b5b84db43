#include "auth.h"

#include "core/permissions.h"

#include <sodium.h>

#include <QDateTime>
#include <QSqlError>

namespace LoyaltyDesk::Server {

namespace {
constexpr int kFreeFailures = 5;        // attempts before throttling starts
constexpr qint64 kMaxLockSeconds = 900;  // 15 minutes
constexpr qint64 kCacheSeconds = 30;     // a cached session is re-read after this

Error unauthorized(const QString &message)
{
    Error e = Error::make(Core::ErrorKind::Unauthorized, message);
    e.type = QStringLiteral("unauthorized");
    return e;
}

bool sodiumReady()
{
    static const bool ok = sodium_init() >= 0;
    return ok;
}
}  // namespace

AuthService::AuthService(Database &db, qint64 tokenTtlSeconds) : m_db(db), m_ttl(tokenTtlSeconds)
{
    sodiumReady();
}

QString AuthService::hashPassword(const QString &password)
{
    sodiumReady();
    const QByteArray pw = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, pw.constData(), static_cast<unsigned long long>(pw.size()),
                              crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                              crypto_pwhash_ALG_ARGON2ID13) != 0)
        return {};
    return QString::fromLatin1(out);
}

bool AuthService::verifyPassword(const QString &hash, const QString &password)
{
    sodiumReady();
    const QByteArray h = hash.toLatin1(), pw = password.toUtf8();
    if (h.isEmpty()) return false;
    return crypto_pwhash_str_verify(h.constData(), pw.constData(), static_cast<unsigned long long>(pw.size())) == 0;
}

Result<void> AuthService::checkPasswordPolicy(const QString &password)
{
    if (password.size() < 8)
        return Error::validation(QStringLiteral("password"), QStringLiteral("A password needs at least 8 characters."));
    if (password.size() > 256)
        return Error::validation(QStringLiteral("password"), QStringLiteral("A password can have at most 256 characters."));
    return {};
}

QString AuthService::tokenHash(const QString &token)
{
    sodiumReady();
    const QByteArray t = token.toLatin1();
    unsigned char out[32];
    crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char *>(t.constData()),
                       static_cast<unsigned long long>(t.size()), nullptr, 0);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(out), sizeof out).toHex());
}

qint64 AuthService::throttled(const QString &key, qint64 now)
{
    QMutexLocker lock(&m_attemptsLock);
    auto it = m_attempts.constFind(key);
    if (it == m_attempts.cend() || it->lockedUntil <= now) return 0;
    return it->lockedUntil - now;
}

void AuthService::recordFailure(const QString &key, qint64 now)
{
    QMutexLocker lock(&m_attemptsLock);
    Attempts &a = m_attempts[key];
    ++a.failures;
    if (a.failures >= kFreeFailures) {
        const int extra = std::min(a.failures - kFreeFailures, 10);
        a.lockedUntil = now + std::min<qint64>(kMaxLockSeconds, qint64(30) << extra);
    }
    if (m_attempts.size() > 100000) m_attempts.clear();  // bounded memory under a spray attack
}

Result<Principal> AuthService::principalFor(qint64 userId)
{
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    Sql u(*conn, QStringLiteral("SELECT username, disabled FROM users WHERE id = ?"));
    u.bind(userId);
    if (auto r = u.exec(); !r) return r.error();
    if (!u.next()) return unauthorized(QStringLiteral("The user no longer exists."));
    if (u.value(1).toInt() != 0) return unauthorized(QStringLiteral("This user is disabled."));
    Principal p;
    p.userId = userId;
    p.username = u.value(0).toString();
    Sql roles(*conn, QStringLiteral("SELECT r.code, rp.permission FROM user_roles ur JOIN roles r ON r.id = ur.role_id "
                                    "LEFT JOIN role_permissions rp ON rp.role_id = r.id WHERE ur.user_id = ? ORDER BY r.code, rp.permission"));
    roles.bind(userId);
    if (auto r = roles.exec(); !r) return r.error();
    while (roles.next()) {
        const QString role = roles.value(0).toString();
        if (!p.roles.contains(role)) p.roles << role;
        const QString perm = roles.value(1).toString();
        if (!perm.isEmpty() && !p.permissions.contains(perm)) p.permissions << perm;
    }
    return p;
}

Result<LoginResult> AuthService::login(const QString &username, const QString &password, const QString &client)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QString key = username.trimmed().toLower();
    const QString clientKey = QStringLiteral("ip:") + client;
    if (const qint64 wait = std::max(throttled(key, now), throttled(clientKey, now)); wait > 0) {
        Error e = Error::make(Core::ErrorKind::TooMany,
                              QStringLiteral("Too many failed sign-in attempts. Try again in %1 seconds.").arg(wait));
        e.httpStatus = 429;
        e.type = QStringLiteral("login-throttled");
        e.fields.append({QStringLiteral("retry_after"), QString::number(wait)});
        return e;
    }
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    Sql q(*conn, QStringLiteral("SELECT id, password_hash, disabled FROM users WHERE username = ?"));
    q.bind(key);
    if (auto r = q.exec(); !r) return r.error();
    const bool found = q.next();
    const qint64 userId = found ? q.value(0).toLongLong() : 0;
    const QString hash = found ? q.value(1).toString() : QString();
    const bool disabled = found && q.value(2).toInt() != 0;
    // Release the read before writing: a statement left open keeps an old snapshot,
    // and SQLite refuses to upgrade it once another connection has written.
    q.query().finish();
    // Release the read before the write transaction below: on SQLite in WAL mode a
    // statement left open pins an old snapshot, and BEGIN IMMEDIATE then fails at once
    // with "database is locked" when another connection has written since.
    q.query().finish();
    // Same work whether or not the user exists, so timing does not reveal usernames.
    static const QString dummy = hashPassword(QStringLiteral("not-a-real-password"));
    const bool good = verifyPassword(found ? hash : dummy, password) && found;
    if (!good || disabled) {
        recordFailure(key, now);
        recordFailure(clientKey, now);
        Error e = unauthorized(disabled && good ? QStringLiteral("This user is disabled. Ask an administrator.")
                                                : QStringLiteral("Wrong username or password."));
        e.type = QStringLiteral("invalid-credentials");
        return e;
    }
    {
        QMutexLocker lock(&m_attemptsLock);
        m_attempts.remove(key);
    }
    auto principal = principalFor(userId);
    if (!principal) return principal.error();

    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    const QString token = QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(raw), sizeof raw).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    LoginResult result{token, now + m_ttl, *principal};
    Transaction tx(m_db, *conn, true);
    if (auto b = tx.begin(); !b) return b.error();
    Sql ins(*conn, QStringLiteral("INSERT INTO sessions (token_hash, user_id, created_at, expires_at, client) VALUES (?, ?, ?, ?, ?)"));
    ins.bind(tokenHash(token)).bind(userId).bind(now).bind(result.expiresAt).bind(client);
    if (auto r = ins.exec(); !r) return r.error();
    Sql upd(*conn, QStringLiteral("UPDATE users SET last_login_at = ? WHERE id = ?"));
    upd.bind(now).bind(userId);
    if (auto r = upd.exec(); !r) return r.error();
    // Expired sessions of this user are of no use any more.
    Sql purge(*conn, QStringLiteral("DELETE FROM sessions WHERE user_id = ? AND expires_at < ?"));
    purge.bind(userId).bind(now - 86400);
    if (auto r = purge.exec(); !r) return r.error();
    if (auto c = tx.commit(); !c) return c.error();
    return result;
}

Result<void> AuthService::logout(const QString &token)
{
    const QString hash = tokenHash(token);
    {
        QWriteLocker lock(&m_cacheLock);
        m_cache.remove(hash);
    }
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    Sql q(*conn, QStringLiteral("UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL"));
    q.bind(QDateTime::currentSecsSinceEpoch()).bind(hash);
    return q.exec();
}

Result<Principal> AuthService::authenticate(const QString &token)
{
    if (token.isEmpty() || token.size() > 200) return unauthorized(QStringLiteral("Sign in first: this request needs a bearer token."));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QString hash = tokenHash(token);
    {
        QReadLocker lock(&m_cacheLock);
        auto it = m_cache.constFind(hash);
        if (it != m_cache.cend() && now - it->cachedAt < kCacheSeconds) {
            if (it->expiresAt <= now) return unauthorized(QStringLiteral("Your session has expired. Sign in again."));
            return it->principal;
        }
    }
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    Sql q(*conn, QStringLiteral("SELECT user_id, expires_at, revoked_at FROM sessions WHERE token_hash = ?"));
    q.bind(hash);
    if (auto r = q.exec(); !r) return r.error();
    if (!q.next()) return unauthorized(QStringLiteral("The session is not known. Sign in again."));
    if (!q.value(2).isNull()) return unauthorized(QStringLiteral("You have signed out. Sign in again."));
    const qint64 expiresAt = q.value(1).toLongLong();
    if (expiresAt <= now) return unauthorized(QStringLiteral("Your session has expired. Sign in again."));
    auto principal = principalFor(q.value(0).toLongLong());
    if (!principal) return principal.error();
    QWriteLocker lock(&m_cacheLock);
    if (m_cache.size() > 50000) m_cache.clear();
    m_cache.insert(hash, Cached{*principal, expiresAt, now});
    return principal;
}

void AuthService::invalidateCache()
{
    QWriteLocker lock(&m_cacheLock);
    m_cache.clear();
}

Result<void> AuthService::revokeSessionsOf(const QSqlDatabase &conn, qint64 userId)
{
    Sql q(conn, QStringLiteral("UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL"));
    q.bind(QDateTime::currentSecsSinceEpoch()).bind(userId);
    auto r = q.exec();
    invalidateCache();
    return r;
}

Result<QString> AuthService::bootstrap(const QString &adminPassword)
{
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    Transaction tx(m_db, *conn, true);
    if (auto b = tx.begin(); !b) return b.error();
    for (const auto &role : Core::builtinRoles()) {
        Sql exists(*conn, QStringLiteral("SELECT id FROM roles WHERE code = ?"));
        exists.bind(role.code);
        auto id = exists.scalar();
        if (!id) return id.error();
        if (id->isValid()) continue;
        Sql ins(*conn, QStringLiteral("INSERT INTO roles (code, name, description, builtin, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?) RETURNING id"));
        ins.bind(role.code).bind(role.name).bind(role.description).bind(now).bind(now);
        auto newId = ins.scalar();
        if (!newId) return newId.error();
        for (const auto &perm : role.permissions) {
            Sql p(*conn, QStringLiteral("INSERT INTO role_permissions (role_id, permission) VALUES (?, ?)"));
            p.bind(*newId).bind(perm);
            if (auto r = p.exec(); !r) return r.error();
        }
    }
    Sql count(*conn, QStringLiteral("SELECT COUNT(*) FROM users"));
    auto n = count.scalar();
    if (!n) return n.error();
    QString generated;
    if (n->toLongLong() == 0) {
        QString password = adminPassword;
        if (password.isEmpty()) {
            unsigned char raw[12];
            randombytes_buf(raw, sizeof raw);
            password = QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(raw), sizeof raw)
                                               .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
            generated = password;
        }
        Sql ins(*conn, QStringLiteral("INSERT INTO users (username, display_name, password_hash, created_at, updated_at) "
                                      "VALUES ('admin', 'Administrator', ?, ?, ?) RETURNING id"));
        ins.bind(hashPassword(password)).bind(now).bind(now);
        auto uid = ins.scalar();
        if (!uid) return uid.error();
        Sql link(*conn, QStringLiteral("INSERT INTO user_roles (user_id, role_id) SELECT ?, id FROM roles WHERE code = 'administrator'"));
        link.bind(*uid);
        if (auto r = link.exec(); !r) return r.error();
    }
    Sql partner(*conn, QStringLiteral("INSERT INTO partners (code, name, currency, created_at) VALUES ('default', 'Default brand', 'RUB', ?) "
                                      "ON CONFLICT (code) DO NOTHING"));
    partner.bind(now);
    if (auto r = partner.exec(); !r) return r.error();
    if (auto c = tx.commit(); !c) return c.error();
    return generated;
}

}  // namespace LoyaltyDesk::Server
