#pragma once

#include "http/router.h"
#include "paging.h"
#include "storage/database.h"

#include <QJsonObject>

namespace LoyaltyDesk::Server {

// Writes the audit trail in the caller's transaction, so a change and its record
// commit or fail together.
class Audit final {
public:
    static Result<void> record(const QSqlDatabase &conn, const Principal &who, const QString &action,
                               const QString &entity, std::optional<qint64> entityId,
                               std::optional<qint64> customerId, const QJsonObject &details);
    // Before/after pairs of the keys that differ.
    static QJsonObject diff(const QJsonObject &before, const QJsonObject &after);
    // The log, newest first, optionally for one entity (and id) or one user.
    static Result<Page> list(Database &db, const QString &entity, std::optional<qint64> entityId, const QString &username,
                             const PageRequest &page);
};

}  // namespace LoyaltyDesk::Server
