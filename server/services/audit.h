#pragma once

#include "http/router.h"
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
};

}  // namespace LoyaltyDesk::Server
