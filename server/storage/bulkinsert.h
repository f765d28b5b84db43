#pragma once

#include "database.h"

#include <QStringList>
#include <QVariantList>

#include <initializer_list>
#include <memory>

namespace LoyaltyDesk::Server {

// Buffers rows for one table and writes them with multi-row INSERTs
// ("VALUES (...), (...), ..."), reusing one prepared statement for every full batch.
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
    Result<void> flush();

    const QString &table() const { return m_table; }
    qint64 written() const { return m_written; }
    qint64 pending() const { return m_values.size() / m_columns.size(); }

private:
    QString statement(qsizetype rows) const;

    QSqlDatabase m_conn;
    QString m_table;
    QStringList m_columns;
    qsizetype m_rowsPerStatement;
    std::unique_ptr<Sql> m_full;
    QVariantList m_values;
    qint64 m_written = 0;
};

// A NULL of the given type, as QtSql binds it.
inline QVariant sqlNull(QMetaType::Type type = QMetaType::LongLong) { return QVariant(QMetaType(type)); }
inline QVariant sqlNullText() { return QVariant(QMetaType(QMetaType::QString)); }

}  // namespace LoyaltyDesk::Server
