#include "statementcache.h"

#include <QHash>

namespace LoyaltyDesk::Server {

namespace {

constexpr qsizetype kMaxStatements = 256;  // per thread; texts vary with the number of placeholders

QHash<QString, std::shared_ptr<Sql>> &cache() {
    thread_local QHash<QString, std::shared_ptr<Sql>> statements;
    return statements;
}

}  // namespace

CachedSql::CachedSql(const QSqlDatabase &conn, const QString &statement) : m_key(conn.connectionName() + u'\n' + statement) {
    auto &statements = cache();
    auto it = statements.find(m_key);
    if (it == statements.end()) {
        if (statements.size() >= kMaxStatements) statements.clear();
        it = statements.insert(m_key, std::make_shared<Sql>(conn, statement));
    }
    m_sql = *it;
}

CachedSql::~CachedSql() {
    m_sql->query().finish();
    if (m_failed) cache().remove(m_key);
}

Result<void> CachedSql::exec() {
    auto r = m_sql->exec();
    m_failed = !r;
    return r;
}

Result<QVariant> CachedSql::scalar() {
    auto r = m_sql->scalar();
    m_failed = !r;
    return r;
}

}  // namespace LoyaltyDesk::Server
