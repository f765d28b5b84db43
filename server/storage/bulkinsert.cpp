#include "bulkinsert.h"

#include <algorithm>

namespace LoyaltyDesk::Server {

namespace {

// SQLite (3.32+) accepts 32766 bound variables per statement and PostgreSQL 65535;
// a few thousand per statement is past the point of diminishing returns.
constexpr qsizetype kMaxVariables = 8000;
constexpr qsizetype kMaxRows = 500;

}  // namespace

BulkInsert::BulkInsert(const QSqlDatabase &conn, QString table, QStringList columns)
    : m_conn(conn), m_table(std::move(table)), m_columns(std::move(columns)),
      m_rowsPerStatement(std::clamp<qsizetype>(kMaxVariables / m_columns.size(), 1, kMaxRows))
{
}

BulkInsert::~BulkInsert() = default;

QString BulkInsert::statement(qsizetype rows) const
{
    QString one = QStringLiteral("(");
    for (qsizetype i = 0; i < m_columns.size(); ++i) one += i ? QStringLiteral(", ?") : QStringLiteral("?");
    one += u')';
    QString sql = QStringLiteral("INSERT INTO ") + m_table + QStringLiteral(" (") + m_columns.join(QStringLiteral(", ")) +
                  QStringLiteral(") VALUES ");
    sql.reserve(sql.size() + rows * (one.size() + 2));
    for (qsizetype r = 0; r < rows; ++r) {
        if (r) sql += QStringLiteral(", ");
        sql += one;
    }
    return sql;
}

void BulkInsert::row(std::initializer_list<QVariant> values)
{
    Q_ASSERT(qsizetype(values.size()) == m_columns.size());
    for (const QVariant &v : values) m_values.append(v);
}

Result<void> BulkInsert::flush()
{
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

}  // namespace LoyaltyDesk::Server
