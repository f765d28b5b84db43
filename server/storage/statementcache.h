#pragma once

#include "database.h"

#include <memory>

namespace LoyaltyDesk::Server {

// A statement of a hot read path (customer lookup, profiles), prepared once per thread
// and connection: preparing costs SQLite about as much as running an indexed lookup.
// Used like a Sql (bind... exec, next, value); it is finished when this goes, so that
// no read stays open, and a statement that failed is prepared afresh next time, in case
// its connection was reopened. Two at a time must differ in text.
class CachedSql final {
public:
    CachedSql(const QSqlDatabase &conn, const QString &statement);
    ~CachedSql();
    CachedSql(const CachedSql &) = delete;
    CachedSql &operator=(const CachedSql &) = delete;

    Sql *operator->() { return m_sql.get(); }
    Result<void> exec();
    Result<QVariant> scalar();

private:
    QString m_key;
    std::shared_ptr<Sql> m_sql;  // shared with the cache, which may drop it meanwhile
    bool m_failed = false;
};

}  // namespace LoyaltyDesk::Server
