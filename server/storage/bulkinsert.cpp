#include "bulkinsert.h"

#include <sqlite3.h>

#include <algorithm>

namespace LoyaltyDesk::Server {

namespace {

// SQLite (3.32+) accepts 32766 bound variables per statement and PostgreSQL 65535;
// a few thousand per statement is past the point of diminishing returns.
constexpr qsizetype kMaxVariables = 8000;
constexpr qsizetype kMaxRows = 500;

}  // namespace

BulkInsert::BulkInsert(const QSqlDatabase &conn, QString table, QStringList columns)
    : m_conn(conn),
      m_table(std::move(table)),
      m_columns(std::move(columns)),
      m_rowsPerStatement(std::clamp<qsizetype>(kMaxVariables / m_columns.size(), 1, kMaxRows)) {
    m_sqlite = sqliteHandle(m_conn);
}

BulkInsert::~BulkInsert() {
    if (m_sqliteRow) sqlite3_finalize(m_sqliteRow);
}

Result<void> BulkInsert::flushSqlite() {
    if (!m_sqliteRow) {
        const QString sql = statement(1);
        if (sqlite3_prepare16_v3(m_sqlite, sql.utf16(), int(sql.size() * sizeof(char16_t)), SQLITE_PREPARE_PERSISTENT,
                                 &m_sqliteRow, nullptr) != SQLITE_OK)
            return dbError(QStringLiteral("Cannot prepare an insert into %1").arg(m_table),
                           QString::fromUtf8(sqlite3_errmsg(m_sqlite)));
    }
    const qsizetype columns = m_columns.size();
    for (qsizetype at = 0; at < m_values.size(); at += columns) {
        int rc = SQLITE_OK;
        for (qsizetype c = 0; c < columns && rc == SQLITE_OK; ++c)
            rc = bindSqliteValue(m_sqliteRow, int(c + 1), m_values.at(at + c));
        if (rc == SQLITE_OK) rc = sqlite3_step(m_sqliteRow);
        sqlite3_reset(m_sqliteRow);
        if (rc != SQLITE_DONE)
            return dbError(QStringLiteral("Cannot insert into %1").arg(m_table),
                           QString::fromUtf8(sqlite3_errmsg(m_sqlite)));
        ++m_written;
    }
    m_values.clear();
    return {};
}

QString BulkInsert::statement(qsizetype rows) const {
    QString one = QStringLiteral("(");
    for (qsizetype i = 0; i < m_columns.size(); ++i)
        one += i ? QStringLiteral(", ?") : QStringLiteral("?");
    one += u')';
    QString sql = QStringLiteral("INSERT INTO ") + m_table + QStringLiteral(" (") +
                  m_columns.join(QStringLiteral(", ")) + QStringLiteral(") VALUES ");
    sql.reserve(sql.size() + rows * (one.size() + 2));
    for (qsizetype r = 0; r < rows; ++r) {
        if (r) sql += QStringLiteral(", ");
        sql += one;
    }
    return sql;
}

void BulkInsert::row(std::initializer_list<QVariant> values) {
    Q_ASSERT(qsizetype(values.size()) == m_columns.size());
    for (const QVariant &v : values) m_values.append(v);
}

Result<void> BulkInsert::flush() {
    if (m_sqlite) return flushSqlite();
    const qsizetype columns = m_columns.size();
    const qsizetype rows = m_values.size() / columns;
    qsizetype at = 0;
    auto run = [&](Sql &sql, qsizetype count) -> Result<void> {
        for (qsizetype i = at, end = at + count * columns; i < end; ++i) sql.bind(m_values.at(i));
        if (auto r = sql.exec(); !r) return r;
        at += count * columns;
        m_written += count;
        return {};
    };
    const qsizetype full = rows / m_rowsPerStatement;
    if (full > 0 && !m_full) m_full = std::make_unique<Sql>(m_conn, statement(m_rowsPerStatement));
    for (qsizetype i = 0; i < full; ++i)
        if (auto r = run(*m_full, m_rowsPerStatement); !r) return r;
    if (const qsizetype rest = rows - full * m_rowsPerStatement; rest > 0) {
        Sql tail(m_conn, statement(rest));
        if (auto r = run(tail, rest); !r) return r;
    }
    m_values.clear();
    return {};
}

Result<void> updateRows(const QSqlDatabase &conn, const QString &table, const QStringList &columns, const QString &assignments,
                        const QList<QVariantList> &rows) {
    // Longer names first, so that ":total" is not taken for ":tot" followed by "al".
    QStringList byLength = columns.mid(1);
    std::sort(byLength.begin(), byLength.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    auto assign = [&](auto &&reference) {
        QString out = assignments;
        for (const QString &c : byLength) out.replace(u':' + c, reference(c));
        return out;
    };
    if (sqliteHandle(conn)) {
        // No round trips on SQLite: one prepared single-row UPDATE, stepped per row, costs
        // less than parsing and materializing a derived table of hundreds.
        Sql q(conn, QStringLiteral("UPDATE ") + table + QStringLiteral(" SET ") +
                        assign([&](const QString &c) -> QString { return u'?' + QString::number(columns.indexOf(c) + 1); }) +
                        QStringLiteral(" WHERE ") + columns.first() + QStringLiteral(" = ?1"),
              Sql::Direct);
        for (const QVariantList &row : rows) {
            Q_ASSERT(row.size() == columns.size());
            for (const QVariant &v : row) q.bind(v);
            if (auto e = q.exec(); !e) return e.error();
        }
        return {};
    }
    // A VALUES list, each value typed (PostgreSQL cannot infer a parameter's type there):
    // planned as one scan, where a UNION of hundreds of SELECTs took longer to plan than
    // the update took to run.
    QString row = QStringLiteral("(");
    for (qsizetype c = 0; c < columns.size(); ++c) row += (c ? QStringLiteral(", ") : QString()) + QStringLiteral("CAST(? AS BIGINT)");
    row += u')';
    const QString set = assign([](const QString &c) -> QString { return QStringLiteral("v.") + c; });
    std::unique_ptr<Sql> q;
    qsizetype prepared = 0;
    for (qsizetype from = 0; from < rows.size(); from += kInListSlice) {
        const qsizetype count = std::min(kInListSlice, rows.size() - from);
        if (count != prepared) {
            QString values = row;
            for (qsizetype r = 1; r < count; ++r) values += QStringLiteral(", ") + row;
            q = std::make_unique<Sql>(conn, QStringLiteral("UPDATE ") + table + QStringLiteral(" SET ") + set + QStringLiteral(" FROM (VALUES ") +
                                                values + QStringLiteral(") AS v (") + columns.join(QStringLiteral(", ")) +
                                                QStringLiteral(") WHERE ") + table + u'.' + columns.first() + QStringLiteral(" = v.") +
                                                columns.first());
            prepared = count;
        }
        for (qsizetype r = from; r < from + count; ++r) {
            Q_ASSERT(rows.at(r).size() == columns.size());
            for (const QVariant &v : rows.at(r)) q->bind(v);
        }
        if (auto e = q->exec(); !e) return e.error();
    }
    return {};
}

}  // namespace LoyaltyDesk::Server
