#include "bulkinsert.h"

#include <QSqlDriver>

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
    if (m_conn.driverName() == QLatin1String("QSQLITE")) {
        const QVariant handle = m_conn.driver()->handle();
        if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
            m_sqlite = *static_cast<sqlite3 *const *>(handle.constData());
    }
}

BulkInsert::~BulkInsert() {
    if (m_sqliteFull) sqlite3_finalize(m_sqliteFull);
}

Result<void> BulkInsert::runSqlite(sqlite3_stmt *stmt, qsizetype from, qsizetype rows) {
    const qsizetype count = rows * m_columns.size();
    int rc = SQLITE_OK;
    for (qsizetype i = 0; i < count && rc == SQLITE_OK; ++i) {
        const QVariant &v = m_values.at(from + i);
        const int at = int(i + 1);
        if (v.isNull()) {
            rc = sqlite3_bind_null(stmt, at);
            continue;
        }
        switch (v.typeId()) {
            case QMetaType::Int:
            case QMetaType::LongLong:
            case QMetaType::UInt:
            case QMetaType::ULongLong:
            case QMetaType::Bool:
                rc = sqlite3_bind_int64(stmt, at, v.toLongLong());
                break;
            case QMetaType::Double:
                rc = sqlite3_bind_double(stmt, at, v.toDouble());
                break;
            default: {
                const QByteArray utf8 = v.toString().toUtf8();
                rc = sqlite3_bind_text(stmt, at, utf8.constData(), int(utf8.size()),
                                       SQLITE_TRANSIENT);
            }
        }
    }
    if (rc == SQLITE_OK) rc = sqlite3_step(stmt);
    sqlite3_reset(stmt);
    if (rc != SQLITE_DONE && rc != SQLITE_OK)
        return dbError(QStringLiteral("Cannot insert into %1").arg(m_table),
                       QString::fromUtf8(sqlite3_errmsg(m_sqlite)));
    m_written += rows;
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
    if (m_sqlite) {
        auto prepare = [&](qsizetype n, sqlite3_stmt **stmt) -> Result<void> {
            const QByteArray sql = statement(n).toUtf8();
            if (sqlite3_prepare_v2(m_sqlite, sql.constData(), int(sql.size()), stmt, nullptr) !=
                SQLITE_OK)
                return dbError(QStringLiteral("Cannot prepare an insert into %1").arg(m_table),
                               QString::fromUtf8(sqlite3_errmsg(m_sqlite)));
            return {};
        };
        if (full > 0 && !m_sqliteFull)
            if (auto r = prepare(m_rowsPerStatement, &m_sqliteFull); !r) return r;
        for (qsizetype i = 0; i < full; ++i, at += m_rowsPerStatement * columns)
            if (auto r = runSqlite(m_sqliteFull, at, m_rowsPerStatement); !r) return r;
        if (const qsizetype rest = rows - full * m_rowsPerStatement; rest > 0) {
            sqlite3_stmt *tail = nullptr;
            auto r = prepare(rest, &tail);
            if (r) r = runSqlite(tail, at, rest);
            sqlite3_finalize(tail);
            if (!r) return r;
        }
        m_values.clear();
        return {};
    }
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
