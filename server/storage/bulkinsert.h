#pragma once

#include "database.h"

#include <QStringList>
#include <QVariantList>

#include <initializer_list>
#include <memory>

namespace LoyaltyDesk::Server {

// Buffers rows for one table and writes them in bulk, in the connection's transaction.
// On PostgreSQL with COPY ... FROM STDIN through libpq on QtSql's connection: one round
// trip for all the rows, where multi-row INSERTs of literal values spent most of their
// time parsing the literals. On SQLite, where a statement costs no round trip, one
// single-row INSERT is prepared once and bound and stepped per row through SQLite's own
// API: QtSql's per-value binding, and parsing a statement with thousands of
// placeholders, cost more than the insert.
// Rows are only written by flush(), so a caller that flushes parents before children
// keeps foreign keys satisfied. Works on SQLite and PostgreSQL alike.
class BulkInsert final {
public:
    BulkInsert(const QSqlDatabase &conn, QString table, QStringList columns);
    ~BulkInsert();
    BulkInsert(const BulkInsert &) = delete;
    BulkInsert &operator=(const BulkInsert &) = delete;

    // One row, its values in the order of the columns.
    void row(std::initializer_list<QVariant> values);
    void row(const QVariantList &values);
    Result<void> flush();

    const QString &table() const { return m_table; }
    qint64 written() const { return m_written; }
    qint64 pending() const { return m_values.size() / m_columns.size(); }

private:
    Result<void> flushSqlite();
    Result<void> flushPostgres();

    QSqlDatabase m_conn;
    QString m_table;
    QStringList m_columns;
    sqlite3 *m_sqlite = nullptr;
    sqlite3_stmt *m_sqliteRow = nullptr;
    QVariantList m_values;
    qint64 m_written = 0;
};

// "id, name, price" -> {"id", "name", "price"}: column lists written as one literal.
inline QStringList columnList(const char *names) {
    QStringList out;
    for (const QString &n : QString::fromLatin1(names).split(u',')) out << n.trimmed();
    return out;
}

// Updates rows of `table` by their key: `columns` name the values of each row in
// `rows` (integers, the key first), and `assignments` use them as ":name"
// ("total = total + :added, ..."). On PostgreSQL one UPDATE ... FROM a VALUES list of
// up to kInListSlice rows per statement, so one round trip per few hundred rows; on
// SQLite, which has no round trips, one prepared single-row UPDATE stepped per row.
// Rows are updated in key order, so concurrent callers do not deadlock on shared rows.
Result<void> updateRows(const QSqlDatabase &conn, const QString &table, const QStringList &columns, const QString &assignments,
                        QList<QVariantList> rows);

// A NULL of the given type, as QtSql binds it.
inline QVariant sqlNull(QMetaType::Type type = QMetaType::LongLong) {
    return QVariant(QMetaType(type));
}
inline QVariant sqlNullText() {
    return QVariant(QMetaType(QMetaType::QString));
}

}  // namespace LoyaltyDesk::Server
