#include "users.h"

#include "audit.h"
#include "auth.h"
#include "core/json.h"
#include "core/permissions.h"
#include "storage/rows.h"

#include <QDateTime>
#include <QRegularExpression>

#include <functional>

namespace LoyaltyDesk::Server {

using Core::ErrorKind;

namespace {

Error notFound(const QString &what, qint64 id)
{
    return Error::make(ErrorKind::NotFound, QStringLiteral("There is no %1 with id %2.").arg(what).arg(id));
}

bool validCode(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[a-z][a-z0-9_.-]{1,63}$"));
    return re.match(s).hasMatch();
}

Result<QStringList> stringList(Core::Json::Reader &r, const QString &key, bool required)
{
    auto a = r.array(key, required, 100);
    QStringList out;
    if (!a) return out;
    for (const auto &v : *a) {
        if (!v.isString()) {
            r.fail(key, QStringLiteral("Must be a list of names."));
            return out;
        }
        out << v.toString();
    }
    return out;
}

}  // namespace

UserService::UserService(Database &db, AuthService &auth) : m_db(db), m_auth(auth) {}

namespace {

// One row by id, with the strings of a second query as a list under `key`.
Result<QJsonObject> rowWithList(const QSqlDatabase &conn, const QString &rowSql, const QString &listSql, const QString &key,
                                const QString &what, qint64 id)
{
    Sql q(conn, rowSql);
    q.bind(id);
    if (auto r = q.exec(); !r) return r.error();
    if (!q.next()) return notFound(what, id);
    QJsonObject o = rowToJson(q.query());
    Sql items(conn, listSql);
    items.bind(id);
    if (auto r = items.exec(); !r) return r.error();
    QJsonArray list;
    while (items.next()) list.append(items.value(0).toString());
    o.insert(key, list);
    return o;
}

// Every row an id query lists, loaded one by one.
Result<QJsonArray> loadAll(const QSqlDatabase &conn, const QString &idsSql, const std::function<Result<QJsonObject>(qint64)> &load)
{
    Sql q(conn, idsSql);
    if (auto r = q.exec(); !r) return r.error();
    QList<qint64> ids;
    while (q.next()) ids << q.value(0).toLongLong();
    QJsonArray out;
    for (qint64 id : ids) {
        auto item = load(id);
        if (!item) return item.error();
        out.append(*item);
    }
    return out;
}

}  // namespace

Result<QJsonObject> UserService::userIn(const QSqlDatabase &conn, qint64 id)
{
    return rowWithList(conn, QStringLiteral("SELECT id, username, display_name, disabled, created_at, updated_at, last_login_at FROM users WHERE id = ?"),
                       QStringLiteral("SELECT r.code FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = ? ORDER BY r.code"),
                       QStringLiteral("roles"), QStringLiteral("user"), id);
}

Result<QJsonArray> UserService::listUsers()
{
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    return loadAll(*conn, QStringLiteral("SELECT id FROM users ORDER BY username"), [&](qint64 id) { return userIn(*conn, id); });
}

Result<QJsonObject> UserService::user(qint64 id)
{
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    return userIn(*conn, id);
}

Result<QList<qint64>> UserService::roleIds(const QSqlDatabase &conn, const QStringList &codes, const QString &field)
{
    QList<qint64> ids;
    for (const QString &code : codes) {
        Sql q(conn, QStringLiteral("SELECT id FROM roles WHERE code = ?"));
        q.bind(code);
        auto v = q.scalar();
        if (!v) return v.error();
        if (!v->isValid()) return Error::validation(field, QStringLiteral("There is no role \"%1\".").arg(code));
        ids << v->toLongLong();
    }
    return ids;
}

Result<void> UserService::setUserRoles(const QSqlDatabase &conn, qint64 userId, const QList<qint64> &roles)
{
    Sql del(conn, QStringLiteral("DELETE FROM user_roles WHERE user_id = ?"));
    del.bind(userId);
    if (auto r = del.exec(); !r) return r;
    Sql ins(conn, QStringLiteral("INSERT INTO user_roles (user_id, role_id) VALUES (?, ?)"));
    for (qint64 role : roles) {
        ins.bind(userId).bind(role);
        if (auto r = ins.exec(); !r) return r;
    }
    return {};
}

Result<QJsonObject> UserService::createUser(const Principal &who, const QJsonObject &body)
{
    Core::Json::Reader r(body);
    const auto username = r.string(QStringLiteral("username"), true, 64);
    const auto display = r.string(QStringLiteral("display_name"), false, 200);
    const auto password = r.string(QStringLiteral("password"), true, 256);
    auto roles = stringList(r, QStringLiteral("roles"), true);
    if (username && !validCode(username->toLower()))
        r.fail(QStringLiteral("username"), QStringLiteral("Use 2 to 64 latin letters, digits, dots, dashes or underscores, starting with a letter."));
    if (password)
        if (auto p = AuthService::checkPasswordPolicy(*password); !p) r.fail(QStringLiteral("password"), p.error().message);
    if (auto done = r.finish(); !done) return done.error();

    auto conn = m_db.connection();
    if (!conn) return conn.error();
    Transaction tx(m_db, *conn, true);
    if (auto b = tx.begin(); !b) return b.error();
    auto ids = roleIds(*conn, *roles, QStringLiteral("roles"));
    if (!ids) return ids.error();
    const QString name = username->toLower();
    Sql dup(*conn, QStringLiteral("SELECT id FROM users WHERE username = ?"));
    dup.bind(name);
    auto existing = dup.scalar();
    if (!existing) return existing.error();
    if (existing->isValid())
        return Error{ErrorKind::Conflict, QStringLiteral("The username \"%1\" is taken.").arg(name),
                     {{QStringLiteral("username"), QStringLiteral("Is taken.")}}, 409, {}};
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    Sql ins(*conn, QStringLiteral("INSERT INTO users (username, display_name, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?) RETURNING id"));
    ins.bind(name).bind(display.value_or(name)).bind(AuthService::hashPassword(*password)).bind(now).bind(now);
    auto id = ins.scalar();
    if (!id) return id.error();
    if (auto s = setUserRoles(*conn, id->toLongLong(), *ids); !s) return s.error();
    auto after = userIn(*conn, id->toLongLong());
    if (!after) return after.error();
    if (auto a = Audit::record(*conn, who, QStringLiteral("user.create"), QStringLiteral("user"), id->toLongLong(), std::nullopt,
                               QJsonObject{{QStringLiteral("values"), *after}});
        !a)
        return a.error();
    if (auto c = tx.commit(); !c) return c.error();
    return after;
}

Result<QJsonObject> UserService::updateUser(const Principal &who, qint64 id, const QJsonObject &body)
{
    Core::Json::Reader r(body);
    const auto display = r.string(QStringLiteral("display_name"), false, 200);
    const auto disabled = r.boolean(QStringLiteral("disabled"));
    std::optional<QStringList> roles;
    if (r.has(QStringLiteral("roles"))) roles = *stringList(r, QStringLiteral("roles"), true);
    if (auto done = r.finish(); !done) return done.error();
    if (id == who.userId && disabled.value_or(false))
        return Error::validation(QStringLiteral("disabled"), QStringLiteral("You cannot disable your own user."));

    auto conn = m_db.connection();
    if (!conn) return conn.error();
    Transaction tx(m_db, *conn, true);
    if (auto b = tx.begin(); !b) return b.error();
    auto before = userIn(*conn, id);
    if (!before) return before.error();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (display || disabled) {
        Sql up(*conn, QStringLiteral("UPDATE users SET display_name = COALESCE(?, display_name), disabled = COALESCE(?, disabled), updated_at = ? WHERE id = ?"));
        up.bind(display ? QVariant(*display) : QVariant(QMetaType(QMetaType::QString)))
            .bind(disabled ? QVariant(*disabled ? 1 : 0) : QVariant(QMetaType(QMetaType::Int)))
            .bind(now).bind(id);
        if (auto e = up.exec(); !e) return e.error();
    }
    if (roles) {
        auto ids = roleIds(*conn, *roles, QStringLiteral("roles"));
        if (!ids) return ids.error();
        if (id == who.userId && !roles->contains(QStringLiteral("administrator")) &&
            before->value(QStringLiteral("roles")).toArray().contains(QStringLiteral("administrator")))
            return Error::validation(QStringLiteral("roles"), QStringLiteral("You cannot take the administrator role from yourself."));
        if (auto s = setUserRoles(*conn, id, *ids); !s) return s.error();
    }
    if (disabled.value_or(false))
        if (auto s = m_auth.revokeSessionsOf(*conn, id); !s) return s.error();
    auto after = userIn(*conn, id);
    if (!after) return after.error();
    const QJsonObject diff = Audit::diff(*before, *after);
    if (!diff.isEmpty())
        if (auto a = Audit::record(*conn, who, QStringLiteral("user.update"), QStringLiteral("user"), id, std::nullopt,
                                   QJsonObject{{QStringLiteral("changes"), diff}});
            !a)
            return a.error();
    if (auto c = tx.commit(); !c) return c.error();
    m_auth.invalidateCache();
    return after;
}

Result<void> UserService::resetPassword(const Principal &who, qint64 id, const QJsonObject &body)
{
    Core::Json::Reader r(body);
    const auto password = r.string(QStringLiteral("password"), true, 256);
    if (password)
        if (auto p = AuthService::checkPasswordPolicy(*password); !p) r.fail(QStringLiteral("password"), p.error().message);
    if (auto done = r.finish(); !done) return done.error();
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    Transaction tx(m_db, *conn, true);
    if (auto b = tx.begin(); !b) return b.error();
    if (auto u = userIn(*conn, id); !u) return u.error();
    Sql up(*conn, QStringLiteral("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?"));
    up.bind(AuthService::hashPassword(*password)).bind(QDateTime::currentSecsSinceEpoch()).bind(id);
    if (auto e = up.exec(); !e) return e.error();
    if (auto s = m_auth.revokeSessionsOf(*conn, id); !s) return s.error();
    if (auto a = Audit::record(*conn, who, QStringLiteral("user.password_reset"), QStringLiteral("user"), id, std::nullopt, {}); !a)
        return a.error();
    return tx.commit();
}

Result<QJsonObject> UserService::roleIn(const QSqlDatabase &conn, qint64 id)
{
    return rowWithList(conn, QStringLiteral("SELECT id, code, name, description, builtin, created_at, updated_at FROM roles WHERE id = ?"),
                       QStringLiteral("SELECT permission FROM role_permissions WHERE role_id = ? ORDER BY permission"), QStringLiteral("permissions"),
                       QStringLiteral("role"), id);
}

Result<QJsonArray> UserService::listRoles()
{
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    return loadAll(*conn, QStringLiteral("SELECT id FROM roles ORDER BY builtin DESC, code"), [&](qint64 id) { return roleIn(*conn, id); });
}

Result<QJsonObject> UserService::role(qint64 id)
{
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    return roleIn(*conn, id);
}

namespace {
Result<void> setPermissions(const QSqlDatabase &conn, qint64 roleId, const QStringList &perms)
{
    Sql del(conn, QStringLiteral("DELETE FROM role_permissions WHERE role_id = ?"));
    del.bind(roleId);
    if (auto r = del.exec(); !r) return r;
    Sql ins(conn, QStringLiteral("INSERT INTO role_permissions (role_id, permission) VALUES (?, ?)"));
    QStringList unique = perms;
    unique.removeDuplicates();
    for (const QString &p : unique) {
        ins.bind(roleId).bind(p);
        if (auto r = ins.exec(); !r) return r;
    }
    return {};
}

void checkPermissions(Core::Json::Reader &r, const QStringList &perms)
{
    for (const QString &p : perms)
        if (!Core::Permissions::isKnown(p)) r.fail(QStringLiteral("permissions"), QStringLiteral("There is no permission \"%1\".").arg(p));
}
}  // namespace

Result<QJsonObject> UserService::createRole(const Principal &who, const QJsonObject &body)
{
    Core::Json::Reader r(body);
    const auto code = r.string(QStringLiteral("code"), true, 64);
    const auto name = r.string(QStringLiteral("name"), true, 200);
    const auto description = r.string(QStringLiteral("description"), false, 1000);
    auto perms = stringList(r, QStringLiteral("permissions"), true);
    if (code && !validCode(*code))
        r.fail(QStringLiteral("code"), QStringLiteral("Use 2 to 64 lower-case latin letters, digits, dots, dashes or underscores."));
    checkPermissions(r, *perms);
    if (auto done = r.finish(); !done) return done.error();
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    Transaction tx(m_db, *conn, true);
    if (auto b = tx.begin(); !b) return b.error();
    Sql dup(*conn, QStringLiteral("SELECT id FROM roles WHERE code = ?"));
    dup.bind(*code);
    auto existing = dup.scalar();
    if (!existing) return existing.error();
    if (existing->isValid())
        return Error{ErrorKind::Conflict, QStringLiteral("A role with the code \"%1\" exists.").arg(*code),
                     {{QStringLiteral("code"), QStringLiteral("Is taken.")}}, 409, {}};
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    Sql ins(*conn, QStringLiteral("INSERT INTO roles (code, name, description, builtin, created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?) RETURNING id"));
    ins.bind(*code).bind(*name).bind(description ? *description : QStringLiteral("")).bind(now).bind(now);
    auto id = ins.scalar();
    if (!id) return id.error();
    if (auto s = setPermissions(*conn, id->toLongLong(), *perms); !s) return s.error();
    auto after = roleIn(*conn, id->toLongLong());
    if (!after) return after.error();
    if (auto a = Audit::record(*conn, who, QStringLiteral("role.create"), QStringLiteral("role"), id->toLongLong(), std::nullopt,
                               QJsonObject{{QStringLiteral("values"), *after}});
        !a)
        return a.error();
    if (auto c = tx.commit(); !c) return c.error();
    return after;
}

Result<QJsonObject> UserService::updateRole(const Principal &who, qint64 id, const QJsonObject &body)
{
    Core::Json::Reader r(body);
    const auto name = r.string(QStringLiteral("name"), false, 200);
    const auto description = r.string(QStringLiteral("description"), false, 1000);
    std::optional<QStringList> perms;
    if (r.has(QStringLiteral("permissions"))) {
        perms = *stringList(r, QStringLiteral("permissions"), true);
        checkPermissions(r, *perms);
    }
    if (auto done = r.finish(); !done) return done.error();
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    Transaction tx(m_db, *conn, true);
    if (auto b = tx.begin(); !b) return b.error();
    auto before = roleIn(*conn, id);
    if (!before) return before.error();
    if (perms && before->value(QStringLiteral("code")).toString() == QLatin1String("administrator"))
        return Error::validation(QStringLiteral("permissions"), QStringLiteral("The administrator role always has every permission."));
    Sql up(*conn, QStringLiteral("UPDATE roles SET name = COALESCE(?, name), description = COALESCE(?, description), updated_at = ? WHERE id = ?"));
    up.bind(name ? QVariant(*name) : QVariant(QMetaType(QMetaType::QString)))
        .bind(description ? QVariant(*description) : QVariant(QMetaType(QMetaType::QString)))
        .bind(QDateTime::currentSecsSinceEpoch()).bind(id);
    if (auto e = up.exec(); !e) return e.error();
    if (perms)
        if (auto s = setPermissions(*conn, id, *perms); !s) return s.error();
    auto after = roleIn(*conn, id);
    if (!after) return after.error();
    const QJsonObject diff = Audit::diff(*before, *after);
    if (!diff.isEmpty())
        if (auto a = Audit::record(*conn, who, QStringLiteral("role.update"), QStringLiteral("role"), id, std::nullopt,
                                   QJsonObject{{QStringLiteral("changes"), diff}});
            !a)
            return a.error();
    if (auto c = tx.commit(); !c) return c.error();
    m_auth.invalidateCache();
    return after;
}

Result<void> UserService::deleteRole(const Principal &who, qint64 id)
{
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    Transaction tx(m_db, *conn, true);
    if (auto b = tx.begin(); !b) return b.error();
    auto before = roleIn(*conn, id);
    if (!before) return before.error();
    if (before->value(QStringLiteral("builtin")).toBool())
        return Error{ErrorKind::Conflict, QStringLiteral("Built-in roles cannot be deleted."), {}, 409, {}};
    Sql used(*conn, QStringLiteral("SELECT COUNT(*) FROM user_roles WHERE role_id = ?"));
    used.bind(id);
    auto n = used.scalar();
    if (!n) return n.error();
    if (n->toLongLong() > 0)
        return Error{ErrorKind::Conflict, QStringLiteral("%1 users have this role. Take it from them first.").arg(n->toLongLong()), {}, 409, {}};
    Sql del(*conn, QStringLiteral("DELETE FROM roles WHERE id = ?"));
    del.bind(id);
    if (auto e = del.exec(); !e) return e.error();
    if (auto a = Audit::record(*conn, who, QStringLiteral("role.delete"), QStringLiteral("role"), id, std::nullopt,
                               QJsonObject{{QStringLiteral("values"), *before}});
        !a)
        return a.error();
    if (auto c = tx.commit(); !c) return c.error();
    m_auth.invalidateCache();
    return {};
}

Result<qint64> UserService::upsertUser(const QString &username, const QString &displayName, const QString &password,
                                       const QStringList &roleCodes)
{
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    Transaction tx(m_db, *conn, true);
    if (auto b = tx.begin(); !b) return b.error();
    auto ids = roleIds(*conn, roleCodes, QStringLiteral("roles"));
    if (!ids) return ids.error();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    Sql find(*conn, QStringLiteral("SELECT id FROM users WHERE username = ?"));
    find.bind(username);
    auto existing = find.scalar();
    if (!existing) return existing.error();
    qint64 id;
    if (existing->isValid()) {
        id = existing->toLongLong();
        Sql up(*conn, QStringLiteral("UPDATE users SET display_name = ?, password_hash = ?, disabled = 0, updated_at = ? WHERE id = ?"));
        up.bind(displayName).bind(AuthService::hashPassword(password)).bind(now).bind(id);
        if (auto e = up.exec(); !e) return e.error();
    } else {
        Sql ins(*conn, QStringLiteral("INSERT INTO users (username, display_name, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?) RETURNING id"));
        ins.bind(username).bind(displayName).bind(AuthService::hashPassword(password)).bind(now).bind(now);
        auto v = ins.scalar();
        if (!v) return v.error();
        id = v->toLongLong();
    }
    if (auto s = setUserRoles(*conn, id, *ids); !s) return s.error();
    if (auto a = Audit::record(*conn, Principal{0, QStringLiteral("system"), {}, {}}, QStringLiteral("user.upsert"), QStringLiteral("user"), id,
                               std::nullopt, QJsonObject{{QStringLiteral("username"), username}, {QStringLiteral("roles"), QJsonArray::fromStringList(roleCodes)}});
        !a)
        return a.error();
    if (auto c = tx.commit(); !c) return c.error();
    m_auth.invalidateCache();
    return id;
}

}  // namespace LoyaltyDesk::Server
