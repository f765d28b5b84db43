#include "audit.h"

#include <QDateTime>
#include "storage/rows.h"

#include <QJsonDocument>

namespace LoyaltyDesk::Server {

Result<void> Audit::record(const QSqlDatabase &conn, const Principal &who, const QString &action,
                           const QString &entity, std::optional<qint64> entityId,
                           std::optional<qint64> customerId, const QJsonObject &details)
{
    Sql q(conn, QStringLiteral("INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, customer_id, details) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bind(QDateTime::currentSecsSinceEpoch())
        .bind(who.userId ? QVariant(who.userId) : QVariant(QMetaType(QMetaType::LongLong)))
        .bind(who.username.isEmpty() ? QStringLiteral("system") : who.username)
        .bind(action)
        .bind(entity)
        .bind(entityId ? QVariant(*entityId) : QVariant(QMetaType(QMetaType::LongLong)))
        .bind(customerId ? QVariant(*customerId) : QVariant(QMetaType(QMetaType::LongLong)))
        .bind(QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact)));
    return q.exec();
}

QJsonObject Audit::diff(const QJsonObject &before, const QJsonObject &after)
{
    QJsonObject changes;
    QStringList keys = before.keys() + after.keys();
    keys.removeDuplicates();
    for (const QString &k : keys) {
        const QJsonValue a = before.value(k), b = after.value(k);
        if (a == b) continue;
        changes.insert(k, QJsonObject{{QStringLiteral("from"), a.isUndefined() ? QJsonValue() : a},
                                      {QStringLiteral("to"), b.isUndefined() ? QJsonValue() : b}});
    }
    return changes;
}

Result<Page> Audit::list(Database &db, const QString &entity, std::optional<qint64> entityId, const QString &username,
                         const PageRequest &page)
{
    auto conn = db.connection();
    if (!conn) return conn.error();
    QString sql = QStringLiteral("SELECT id, at, user_id, username, action, entity, entity_id, customer_id, details FROM audit_log WHERE 1 = 1");
    QVariantList binds;
    if (!entity.isEmpty()) { sql += QStringLiteral(" AND entity = ?"); binds << entity; }
    if (entityId) { sql += QStringLiteral(" AND entity_id = ?"); binds << *entityId; }
    if (!username.isEmpty()) { sql += QStringLiteral(" AND username = ?"); binds << username; }
    if (page.cursor) { sql += QStringLiteral(" AND id < ?"); binds << page.cursor->at(0); }
    sql += QStringLiteral(" ORDER BY id DESC LIMIT ?");
    binds << page.limit + 1;
    Sql q(*conn, sql);
    for (const auto &b : binds) q.bind(b);
    return collectPage(q, page.limit);
}

}  // namespace LoyaltyDesk::Server
