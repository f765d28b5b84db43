#pragma once

#include "core/result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <QElapsedTimer>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace LoyaltyDesk::Server {

using Core::Error;
using Core::Result;

enum class Dialect { SQLite, PostgreSQL };

struct DbConfig {
    Dialect dialect = Dialect::SQLite;
    QString path;  // SQLite file
    QString host, user, password, name;
    int port = 5432;

    // "sqlite:/path/file.db", a bare path, or "postgresql://user:pass@host:port/db".
    static Result<DbConfig> parse(const QString &url);
    static QString defaultSqlitePath();
    // Safe to print: no password.
    QString describe() const;
};

// The server's store. Each thread gets its own connection (QtSql's rule), opened on
// first use and closed when the thread ends.
class Database final {
public:
    explicit Database(DbConfig config);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    Dialect dialect() const { return m_config.dialect; }
    const DbConfig &config() const { return m_config; }
    bool isSqlite() const { return m_config.dialect == Dialect::SQLite; }

    // This thread's connection; opens it on first use.
    Result<QSqlDatabase> connection();

    // Applies pending migrations. Refuses a schema newer than this build knows.
    Result<int> migrate();
    static int latestSchemaVersion();
    Result<int> schemaVersion();

    // Replaces dialect placeholders in DDL: ID_PK, TEXT_C, BLOB.
    QString ddl(QString sql) const;

    // Runs `work` (a write transaction, begun and committed by `work` itself) on the
    // connection that does the heavy writing, and waits for it. On SQLite that is one
    // connection on a thread of its own with a large page cache: SQLite drops a
    // connection's cache whenever another connection has committed, so writers on the
    // callers' own connections would each start cold (docs/benchmarks.md, "Receipt
    // ingest", session 4). On PostgreSQL it is the calling thread's connection.
    Result<void> write(const std::function<Result<void>(const QSqlDatabase &)> &work);

private:
    class Checkpointer;
    class Writer;
    Result<QSqlDatabase> open(const QString &name);

    friend class Transaction;

    DbConfig m_config;
    // SQLite: write transactions of this process queue here rather than in SQLite's busy
    // handler, which polls with sleeps of up to 100 ms: the next writer starts the moment
    // the last one commits, while other threads go on reading and preparing their batches.
    std::mutex m_writers;
    // SQLite: copies the write-ahead log back into the database on a thread of its
    // own, so that commits do not wait for it (created with the first connection).
    std::unique_ptr<Checkpointer> m_checkpointer;
    std::once_flag m_writerStarted;
    // SQLite: started by the first write(). Declared after the checkpointer, so it
    // stops (and its connection closes) first.
    std::unique_ptr<Writer> m_writer;
    quint64 m_instance;
    static std::atomic<quint64> s_instances;
};

// A prepared statement with positional binds; errors become values.
// `Sql::Direct` statements on SQLite are prepared, bound and stepped through SQLite's own
// API on QtSql's connection (same transaction): for statements run thousands of times
// per request, where QtSql's per-value binding costs more than the statement. They
// offer bind/exec/next/value/scalar only (not query()); on PostgreSQL the flag is ignored.
class Sql final {
public:
    enum Mode { Normal, Direct };
    Sql(const QSqlDatabase &db, const QString &statement, Mode mode = Normal);
    ~Sql();
    Sql(const Sql &) = delete;
    Sql &operator=(const Sql &) = delete;
    Sql &bind(const QVariant &value);
    Sql &bindOptional(const std::optional<QString> &value);
    Result<void> exec();
    bool next();
    QVariant value(int i) const;
    QVariant value(const QString &name) const { return m_query.value(name); }
    QSqlQuery &query() { Q_ASSERT(!m_direct); return m_query; }
    qint64 numRowsAffected() const;
    // Runs and returns the first column of the first row, or an empty QVariant.
    Result<QVariant> scalar();

private:
    struct DirectStatement;
    QSqlDatabase m_db;
    QSqlQuery m_query;
    QString m_statement;
    bool m_prepared = false;
    int m_nextBind = 0;
    std::unique_ptr<DirectStatement> m_direct;
};

// "?, ?, ?" for n values.
QString placeholders(qsizetype n);

// Runs `statement`, in which "%1" stands for a list of values, for `values` in slices
// of at most kInListSlice (within both databases' limits on parameters and compound
// terms), binding `leading` before each slice's values; `row`, if given, sees every row
// of every slice (a lookup), else the statement only runs (an UPDATE or DELETE by keys).
// A few statements per batch instead of one per record: on PostgreSQL each statement is
// a round trip; on SQLite one value per step of a statement prepared once.
constexpr qsizetype kInListSlice = 500;
Result<void> runIn(const QSqlDatabase &conn, const QString &statement, const QVariantList &leading, const QVariantList &values,
                      const std::function<void(const Sql &)> &row = {});

// The SQLite handle under a QtSql connection, or null (another driver).
sqlite3 *sqliteHandle(const QSqlDatabase &conn);
// Binds one QtSql-style value (a null QVariant of any type binds NULL) to SQLite's
// parameter `index` (1-based); returns SQLite's result code.
int bindSqliteValue(sqlite3_stmt *stmt, int index, const QVariant &value);

// A transaction: BEGIN IMMEDIATE on SQLite for writers, so writers queue instead of
// failing on upgrade; rolls back unless committed.
class Transaction final {
public:
    Transaction(Database &db, const QSqlDatabase &conn, bool write);
    ~Transaction();
    Result<void> begin();
    Result<void> commit();
    void rollback();

private:
    Database &m_db;
    QSqlDatabase m_conn;
    bool m_write;
    bool m_open = false;
    std::unique_lock<std::mutex> m_writing;  // SQLite writers: Database::m_writers
};

// Turns SQLite's foreign-key checks off while it lives, for a write transaction that
// looks up every row it references itself under the write lock (BEGIN IMMEDIATE), so
// the per-row checks would only repeat those lookups. Create it before the transaction
// begins (SQLite ignores the pragma inside one) and let it outlive the transaction.
// Does nothing on PostgreSQL.
class ForeignKeyChecksOff final {
public:
    ForeignKeyChecksOff(const Database &db, const QSqlDatabase &conn);
    ~ForeignKeyChecksOff();
    ForeignKeyChecksOff(const ForeignKeyChecksOff &) = delete;
    ForeignKeyChecksOff &operator=(const ForeignKeyChecksOff &) = delete;

private:
    QSqlDatabase m_conn;
    bool m_active;
};

Error dbError(const QString &what, const QString &driverText);

// Bounds the statements run on a connection while it lives: a time limit, and a flag
// another thread can raise to cancel. SQLite checks through a progress handler,
// PostgreSQL through statement_timeout and pg_cancel_backend.
class QueryGuard final {
public:
    QueryGuard(Database &db, const QSqlDatabase &conn, qint64 timeoutMs, const std::atomic<bool> *cancelled = nullptr);
    ~QueryGuard();
    QueryGuard(const QueryGuard &) = delete;
    QueryGuard &operator=(const QueryGuard &) = delete;

    bool expired() const;
    qint64 backendPid() const { return m_backendPid; }

private:
    Database &m_db;
    QSqlDatabase m_conn;
    const std::atomic<bool> *m_cancelled;
    QElapsedTimer m_timer;
    qint64 m_timeoutMs = 0;
    qint64 m_backendPid = 0;
};

}  // namespace LoyaltyDesk::Server
