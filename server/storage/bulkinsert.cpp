#include "bulkinsert.h"

#include <QSqlDriver>

#include <libpq-fe.h>
#include <sqlite3.h>

#include <algorithm>

namespace LoyaltyDesk::Server {

namespace {

// libpq's connection under a QtSql PostgreSQL connection, or null.
PGconn *postgresHandle(const QSqlDatabase &conn) {
    const QVariant v = conn.driver() ? conn.driver()->handle() : QVariant();
    // QPSQL hands out a PGconn*, whose type Qt's metatype system names "pg_conn*".
    if (!v.isValid() || qstrcmp(v.typeName(), "pg_conn*") != 0) return nullptr;
    return *static_cast<PGconn *const *>(v.constData());
}

// One value in COPY's text format: \N for NULL; backslash, tab, newline and carriage
// return escaped.
void appendCopyValue(QByteArray &out, const QVariant &value) {
    if (value.isNull()) {
        out += "\\N";
        return;
    }
    switch (value.typeId()) {
        case QMetaType::Int:
        case QMetaType::LongLong:
            out += QByteArray::number(value.toLongLong());
            return;
        case QMetaType::Double:
            out += QByteArray::number(value.toDouble(), 'g', 17);
            return;
        case QMetaType::Bool:
            out += value.toBool() ? "t" : "f";
            return;
        default:
            break;
    }
    const QByteArray text = value.toString().toUtf8();
    for (const char c : text) {
        switch (c) {
            case '\\': out += "\\\\"; break;
            case '\t': out += "\\t"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            default: out += c;
        }
    }
}

Error postgresError(const QString &what, PGconn *pg) {
    return dbError(what, QString::fromUtf8(PQerrorMessage(pg)).trimmed());
}

}  // namespace

BulkInsert::BulkInsert(const QSqlDatabase &conn, QString table, QStringList columns)
    : m_conn(conn), m_table(std::move(table)), m_columns(std::move(columns)) {
    m_sqlite = sqliteHandle(m_conn);
}

BulkInsert::~BulkInsert() {
    if (m_sqliteRow) sqlite3_finalize(m_sqliteRow);
}

Result<void> BulkInsert::flushSqlite() {
    if (!m_sqliteRow) {
        QString sql = QStringLiteral("INSERT INTO ") + m_table + QStringLiteral(" (") + m_columns.join(QStringLiteral(", ")) +
                      QStringLiteral(") VALUES (") + placeholders(m_columns.size()) + u')';
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

Result<void> BulkInsert::flushPostgres() {
    PGconn *pg = postgresHandle(m_conn);
    if (!pg) return dbError(QStringLiteral("Cannot insert into %1").arg(m_table), QStringLiteral("The connection is not PostgreSQL's."));
    const qsizetype columns = m_columns.size();
    QByteArray data;
    data.reserve(m_values.size() * 12);
    for (qsizetype at = 0; at < m_values.size(); ++at) {
        appendCopyValue(data, m_values.at(at));
        data += (at + 1) % columns ? '\t' : '\n';
    }
    const QByteArray copy = (QStringLiteral("COPY ") + m_table + QStringLiteral(" (") + m_columns.join(QStringLiteral(", ")) +
                             QStringLiteral(") FROM STDIN")).toUtf8();
    PGresult *started = PQexec(pg, copy.constData());
    const bool copying = PQresultStatus(started) == PGRES_COPY_IN;
    PQclear(started);
    if (!copying) return postgresError(QStringLiteral("Cannot insert into %1").arg(m_table), pg);
    const bool sent = PQputCopyData(pg, data.constData(), int(data.size())) == 1;
    PQputCopyEnd(pg, sent ? nullptr : "the rows could not be sent");
    // The COPY's result, then the end of results; the first failure is the one to report.
    std::optional<Error> failure;
    while (PGresult *r = PQgetResult(pg)) {
        if (PQresultStatus(r) != PGRES_COMMAND_OK && !failure)
            failure = dbError(QStringLiteral("Cannot insert into %1").arg(m_table), QString::fromUtf8(PQresultErrorMessage(r)).trimmed());
        PQclear(r);
    }
    if (failure) return *failure;
    if (!sent) return postgresError(QStringLiteral("Cannot insert into %1").arg(m_table), pg);
    m_written += m_values.size() / columns;
    m_values.clear();
    return {};
}

void BulkInsert::row(std::initializer_list<QVariant> values) {
    Q_ASSERT(qsizetype(values.size()) == m_columns.size());
    for (const QVariant &v : values) m_values.append(v);
}

void BulkInsert::row(const QVariantList &values) {
    Q_ASSERT(values.size() == m_columns.size());
    m_values.append(values);
}

Result<void> BulkInsert::flush() {
    if (m_values.isEmpty()) return {};
    return m_sqlite ? flushSqlite() : flushPostgres();
}

Result<void> updateRows(const QSqlDatabase &conn, const QString &table, const QStringList &columns, const QString &assignments,
                        QList<QVariantList> rows) {
    // In key order, so that concurrent transactions lock shared rows in the same order
    // instead of deadlocking (PostgreSQL walks a VALUES list in order).
    std::sort(rows.begin(), rows.end(), [](const QVariantList &a, const QVariantList &b) { return a.first().toLongLong() < b.first().toLongLong(); });
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
