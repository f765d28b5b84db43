#pragma once

#include "database.h"

namespace LoyaltyDesk::Server {

// Prepared statements kept per thread and connection for hot read paths (customer
// lookup): preparing a statement costs SQLite about as much as running an indexed
// lookup. A statement from the cache is reused with bind... exec as usual; read it to
// the end (or call query().finish()) before asking for the same text again.
class StatementCache final {
public:
    static Sql &get(const QSqlDatabase &conn, const QString &statement);
    // Forgets a statement that failed, in case its connection was reopened.
    static void forget(const QSqlDatabase &conn, const QString &statement);
};

}  // namespace LoyaltyDesk::Server
