#pragma once

#include "core/result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <QElapsedTimer>

#include <atomic>

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

private:
    Result<QSqlDatabase> open(const QString &name);

    DbConfig m_config;
    quint64 m_instance;
    static std::atomic<quint64> s_instances;
};

// A prepared statement with positional binds; errors become values.
class Sql final {
public:
    Sql(const QSqlDatabase &db, const QString &statement);
    Sql &bind(const QVariant &value);
    Sql &bindOptional(const std::optional<QString> &value);
    Result<void> exec();
    bool next() { return m_query.next(); }
    QVariant value(int i) const { return m_query.value(i); }
    QVariant value(const QString &name) const { return m_query.value(name); }
    QSqlQuery &query() { return m_query; }
    qint64 numRowsAffected() const { return m_query.numRowsAffected(); }
    // Runs and returns the first column of the first row, or an empty QVariant.
    Result<QVariant> scalar();

private:
    QSqlDatabase m_db;
    QSqlQuery m_query;
    QString m_statement;
    bool m_prepared = false;
};

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
