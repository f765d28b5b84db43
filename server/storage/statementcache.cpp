#include "statementcache.h"

#include <QHash>

#include <memory>

namespace LoyaltyDesk::Server {

namespace {

constexpr qsizetype kMaxStatements = 256;  // per thread; texts vary with the number of placeholders

QHash<QString, std::shared_ptr<Sql>> &cache() {
    thread_local QHash<QString, std::shared_ptr<Sql>> statements;
    return statements;
}

QString key(const QSqlDatabase &conn, const QString &statement) {
    return conn.connectionName() + u'\n' + statement;
}

}  // namespace

Sql &StatementCache::get(const QSqlDatabase &conn, const QString &statement) {
    auto &statements = cache();
    const QString k = key(conn, statement);
    auto it = statements.find(k);
    if (it == statements.end()) {
        if (statements.size() >= kMaxStatements) statements.clear();
        it = statements.insert(k, std::make_shared<Sql>(conn, statement));
    }
    return **it;
}

void StatementCache::forget(const QSqlDatabase &conn, const QString &statement) {
    cache().remove(key(conn, statement));
}

}  // namespace LoyaltyDesk::Server
