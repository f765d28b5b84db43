#include "database.h"
#include "walbuffer.h"

#include <sqlite3.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QStandardPaths>
#include <QStringEncoder>
#include <QThread>
#include <QThreadStorage>
#include <QUrl>
#include <QUrlQuery>

#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace LoyaltyDesk::Server {

std::atomic<quint64> Database::s_instances{0};

namespace {

// Closes this thread's connection when the thread ends.
struct ThreadConnections {
    QStringList names;
    ~ThreadConnections()
    {
        for (const auto &n : names) {
            { QSqlDatabase::database(n, false).close(); }
            QSqlDatabase::removeDatabase(n);
        }
    }
};
QThreadStorage<ThreadConnections *> g_threadConnections;

const QStringList &migrationFiles()
{
    static const QStringList files = [] {
        QStringList f = QDir(QStringLiteral(":/migrations")).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
        return f;
    }();
    return files;
}

// Unicode lower case for SQLite, which folds ASCII only: the rule engine compares
// text case-insensitively in Russian too.
void sqliteLower(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    if (argc != 1 || sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(argv[0]));
    const QByteArray lowered = QString::fromUtf8(text, sqlite3_value_bytes(argv[0])).toLower().toUtf8();
    sqlite3_result_text(ctx, lowered.constData(), static_cast<int>(lowered.size()), SQLITE_TRANSIENT);
}

int progressCheck(void *guard) { return static_cast<QueryGuard *>(guard)->expired() ? 1 : 0; }

}  // namespace

sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant v = db.driver() ? db.driver()->handle() : QVariant();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0) return nullptr;
    return *static_cast<sqlite3 *const *>(v.constData());
}

QueryGuard::QueryGuard(Database &db, const QSqlDatabase &conn, qint64 timeoutMs, const std::atomic<bool> *cancelled)
    : m_db(db), m_conn(conn), m_cancelled(cancelled)
{
    m_timer.start();
    m_timeoutMs = timeoutMs;
    if (db.isSqlite()) {
        if (sqlite3 *h = sqliteHandle(conn)) sqlite3_progress_handler(h, 4000, &progressCheck, this);
    } else {
        QSqlQuery q(conn);
        q.exec(QStringLiteral("SET statement_timeout = %1").arg(timeoutMs));
        q.exec(QStringLiteral("SELECT pg_backend_pid()"));
        if (q.next()) m_backendPid = q.value(0).toLongLong();
    }
}

QueryGuard::~QueryGuard()
{
    if (m_db.isSqlite()) {
        if (sqlite3 *h = sqliteHandle(m_conn)) sqlite3_progress_handler(h, 0, nullptr, nullptr);
    } else {
        QSqlQuery q(m_conn);
        q.exec(QStringLiteral("SET statement_timeout = 0"));
    }
}

bool QueryGuard::expired() const
{
    return (m_cancelled && m_cancelled->load()) || m_timer.hasExpired(m_timeoutMs);
}


Error dbError(const QString &what, const QString &driverText)
{
    Error e = Error::make(Core::ErrorKind::Internal, what + QStringLiteral(": ") + driverText);
    e.httpStatus = 500;
    return e;
}

Result<DbConfig> DbConfig::parse(const QString &url)
{
    DbConfig c;
    if (url.startsWith(QStringLiteral("postgresql://")) || url.startsWith(QStringLiteral("postgres://"))) {
        const QUrl u(url);
        if (!u.isValid() || u.host().isEmpty())
            return Error::validation(QStringLiteral("db"), QStringLiteral("The PostgreSQL URL is not valid: postgresql://user:password@host:port/database"));
        c.dialect = Dialect::PostgreSQL;
        c.host = u.host();
        c.port = u.port(5432);
        c.user = u.userName();
        c.password = u.password();
        c.name = u.path().mid(1);
        if (c.name.isEmpty()) c.name = QStringLiteral("loyaltydesk");
        return c;
    }
    QString path = url;
    if (path.startsWith(QStringLiteral("sqlite://"))) path = path.mid(9);
    else if (path.startsWith(QStringLiteral("sqlite:"))) path = path.mid(7);
    if (path.isEmpty()) return Error::validation(QStringLiteral("db"), QStringLiteral("The SQLite database path is empty."));
    c.dialect = Dialect::SQLite;
    c.path = QFileInfo(path).absoluteFilePath();
    return c;
}

QString DbConfig::defaultSqlitePath()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (dir.isEmpty()) dir = QDir::homePath() + QStringLiteral("/.local/share");
    return dir + QStringLiteral("/loyaltydesk/loyaltydesk.db");
}

QString DbConfig::describe() const
{
    if (dialect == Dialect::SQLite) return QStringLiteral("sqlite:") + path;
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host).arg(port).arg(name);
}

// SQLite's own checkpoint after a commit makes that commit wait while the log's pages
// are written into the database file and synced: under a steady ingest into a large
// database, most of the time. Here writers only note that the log has grown; a thread
// with a connection of its own copies the pages back in the meantime (PASSIVE: it never
// blocks readers or writers). Should it fall far behind, the writer that notices
// checkpoints itself, as SQLite would, so the log stays bounded.
class Database::Checkpointer final {
public:
    static constexpr int kWakeFrames = 1000;      // SQLite's default auto-checkpoint
    static constexpr int kInlineFrames = 100000;  // about 400 MB of log

    explicit Checkpointer(const QString &path) : m_path(path.toUtf8()), m_thread([this] { run(); }) {}
    ~Checkpointer()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_one();
        m_thread.join();
    }

    static int hook(void *self, sqlite3 *db, const char *schema, int frames)
    {
        if (frames >= kInlineFrames) sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        else if (frames >= kWakeFrames) static_cast<Checkpointer *>(self)->request();
        return SQLITE_OK;
    }

private:
    void request()
    {
        {
            std::lock_guard lock(m_mutex);
            m_requested = true;
        }
        m_wake.notify_one();
    }

    void run()
    {
        sqlite3 *db = nullptr;
        if (sqlite3_open_v2(m_path.constData(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
            sqlite3_close(db);
            db = nullptr;  // no checkpoints from here; writers still checkpoint past the limit
        }
        if (db) sqlite3_busy_timeout(db, 1000);
        std::unique_lock lock(m_mutex);
        while (!m_stop) {
            m_wake.wait(lock, [this] { return m_stop || m_requested; });
            if (m_stop) break;
            m_requested = false;
            lock.unlock();
            if (db) {
                // A connection learns that the database is in WAL mode on a read; until then
                // sqlite3_wal_checkpoint_v2 succeeds without doing anything. A read when the
                // thread starts is not enough: a new file's first connection starts this
                // thread before it switches the file to WAL.
                sqlite3_exec(db, "SELECT 1 FROM sqlite_schema LIMIT 1", nullptr, nullptr, nullptr);
                sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
            }
            lock.lock();
        }
        lock.unlock();
        sqlite3_close(db);
    }

    QByteArray m_path;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_requested = false;
    bool m_stop = false;
    std::thread m_thread;  // last: starts once the members above exist
};

// The thread that runs Database::write's work on SQLite, one piece of work at a time,
// on a connection of its own that keeps its page cache between transactions.
class Database::Writer final {
public:
    static constexpr int kCacheKiB = 1024 * 1024;  // the hot pages of a 1M-customer base

    explicit Writer(Database &db) : m_db(db), m_thread([this] { run(); }) {}
    ~Writer()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_one();
        m_thread.join();
    }

    Result<void> run(const std::function<Result<void>(const QSqlDatabase &)> &work)
    {
        Task task{&work, std::nullopt};
        std::unique_lock lock(m_mutex);
        m_tasks.push_back(&task);
        m_wake.notify_one();
        m_done.wait(lock, [&] { return task.result.has_value(); });
        return *task.result;
    }

private:
    struct Task {
        const std::function<Result<void>(const QSqlDatabase &)> *work;
        std::optional<Result<void>> result;
    };

    void run()
    {
        bool configured = false;  // this thread's connection has its large cache
        std::unique_lock lock(m_mutex);
        while (true) {
            m_wake.wait(lock, [this] { return m_stop || !m_tasks.empty(); });
            if (m_tasks.empty()) break;  // stopping, nothing left
            Task *task = m_tasks.front();
            m_tasks.pop_front();
            lock.unlock();
            Result<void> result = [&]() -> Result<void> {
                auto conn = m_db.connection();
                if (!conn) return conn.error();
                if (!configured) configured = QSqlQuery(*conn).exec(QStringLiteral("PRAGMA cache_size=-%1").arg(kCacheKiB));
                return (*task->work)(*conn);
            }();
            lock.lock();
            task->result = std::move(result);
            m_done.notify_all();
        }
    }

    Database &m_db;
    std::mutex m_mutex;
    std::condition_variable m_wake, m_done;
    std::deque<Task *> m_tasks;
    bool m_stop = false;
    std::thread m_thread;  // last: starts once the members above exist
};

Database::Database(DbConfig config) : m_config(std::move(config)), m_instance(++s_instances)
{
    // Only possible before SQLite's first use in the process: a later Database (or
    // SQLite opened elsewhere first) leaves the defaults.
    static std::once_flag configured;
    std::call_once(configured, [] {
        // SQLite counts every allocation under a global mutex unless told not to; nothing
        // here reads those counts.
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        installWalWriteBuffer();
    });
}

Database::~Database() = default;

Result<void> Database::write(const std::function<Result<void>(const QSqlDatabase &)> &work)
{
    if (!isSqlite()) {
        auto conn = connection();
        if (!conn) return conn.error();
        return work(*conn);
    }
    std::call_once(m_writerStarted, [this] { m_writer = std::make_unique<Writer>(*this); });
    return m_writer->run(work);
}

Result<QSqlDatabase> Database::connection()
{
    const QString name = QStringLiteral("ld-%1-%2").arg(m_instance).arg(reinterpret_cast<quintptr>(QThread::currentThreadId()));
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen()) return db;
    }
    return open(name);
}

Result<QSqlDatabase> Database::open(const QString &name)
{
    if (!g_threadConnections.hasLocalData()) g_threadConnections.setLocalData(new ThreadConnections);
    QSqlDatabase db;
    if (QSqlDatabase::contains(name)) {
        db = QSqlDatabase::database(name, false);
    } else {
        db = QSqlDatabase::addDatabase(m_config.dialect == Dialect::SQLite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL"), name);
        g_threadConnections.localData()->names << name;
    }
    if (m_config.dialect == Dialect::SQLite) {
        QDir().mkpath(QFileInfo(m_config.path).absolutePath());
        db.setDatabaseName(m_config.path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=15000"));
    } else {
        db.setHostName(m_config.host);
        db.setPort(m_config.port);
        db.setUserName(m_config.user);
        db.setPassword(m_config.password);
        db.setDatabaseName(m_config.name);
        db.setConnectOptions(QStringLiteral("connect_timeout=10"));
    }
    if (!db.open()) return dbError(QStringLiteral("Cannot open the database %1").arg(m_config.describe()), db.lastError().text());
    QSqlQuery q(db);
    if (m_config.dialect == Dialect::SQLite) {
        if (sqlite3 *h = sqliteHandle(db)) {
            sqlite3_create_function_v2(h, "ld_lower", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, &sqliteLower, nullptr, nullptr, nullptr);
            {
                static std::mutex creating;
                std::lock_guard lock(creating);
                if (!m_checkpointer) m_checkpointer = std::make_unique<Checkpointer>(m_config.path);
            }
            sqlite3_wal_hook(h, &Checkpointer::hook, m_checkpointer.get());
        }
        for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON", "PRAGMA synchronous=NORMAL",
                                   "PRAGMA cache_size=-65536", "PRAGMA temp_store=MEMORY", "PRAGMA mmap_size=268435456"}) {
            if (!q.exec(QString::fromLatin1(pragma))) return dbError(QStringLiteral("Cannot configure SQLite"), q.lastError().text());
        }
    } else {
        if (!q.exec(QStringLiteral("SET TIME ZONE 'UTC'"))) return dbError(QStringLiteral("Cannot configure PostgreSQL"), q.lastError().text());
    }
    return db;
}

QString Database::ddl(QString sql) const
{
    static const QRegularExpression idpk(QStringLiteral("\\bID_PK\\b")), textc(QStringLiteral("\\bTEXT_C\\b")),
        blob(QStringLiteral("\\bBLOB\\b"));
    if (m_config.dialect == Dialect::SQLite) {
        sql.replace(idpk, QStringLiteral("INTEGER PRIMARY KEY"));
        sql.replace(textc, QStringLiteral("TEXT"));
    } else {
        sql.replace(idpk, QStringLiteral("BIGSERIAL PRIMARY KEY"));
        sql.replace(textc, QStringLiteral("TEXT COLLATE \"C\""));
        sql.replace(blob, QStringLiteral("BYTEA"));
    }
    return sql;
}

int Database::latestSchemaVersion() { return static_cast<int>(migrationFiles().size()); }

Result<int> Database::schemaVersion()
{
    auto conn = connection();
    if (!conn) return conn.error();
    QSqlQuery q(*conn);
    if (!q.exec(QStringLiteral("SELECT MAX(version) FROM schema_migrations"))) return 0;  // no table yet
    return q.next() ? q.value(0).toInt() : 0;
}

Result<int> Database::migrate()
{
    auto conn = connection();
    if (!conn) return conn.error();
    QSqlQuery q(*conn);
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)")))
        return dbError(QStringLiteral("Cannot create the migrations table"), q.lastError().text());
    auto current = schemaVersion();
    if (!current) return current.error();
    const int latest = latestSchemaVersion();
    if (*current > latest) {
        Error e = Error::make(Core::ErrorKind::Conflict,
                              QStringLiteral("The database schema is at version %1, newer than this server knows (%2). Upgrade the server.")
                                  .arg(*current)
                                  .arg(latest));
        return e;
    }
    const QStringList files = migrationFiles();
    for (int v = *current + 1; v <= latest; ++v) {
        const QString file = files.at(v - 1);
        QFile f(QStringLiteral(":/migrations/") + file);
        if (!f.open(QIODevice::ReadOnly)) return dbError(QStringLiteral("Cannot read migration %1").arg(file), f.errorString());
        const QString text = ddl(QString::fromUtf8(f.readAll()));
        Transaction tx(*this, *conn, true);
        if (auto b = tx.begin(); !b) return b.error();
        // Statements end with ";" at a line end; comments start with "--". A line that
        // starts with "--@sqlite " is a statement line for SQLite only.
        static const QString sqliteOnly = QStringLiteral("--@sqlite ");
        QString statement;
        for (QString line : text.split(u'\n')) {
            if (line.startsWith(sqliteOnly)) line = isSqlite() ? line.mid(sqliteOnly.size()) : QString();
            if (line.trimmed().startsWith(QStringLiteral("--"))) continue;
            statement += line + u'\n';
            if (line.trimmed().endsWith(u';')) {
                if (!q.exec(statement.trimmed()))
                    return dbError(QStringLiteral("Migration %1 failed at «%2»").arg(file, statement.trimmed().left(120)), q.lastError().text());
                statement.clear();
            }
        }
        Sql record(*conn, QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"));
        record.bind(v).bind(file).bind(QDateTime::currentSecsSinceEpoch());
        if (auto r = record.exec(); !r) return r.error();
        if (auto c = tx.commit(); !c) return c.error();
    }
    return latest;
}

int bindSqliteValue(sqlite3_stmt *stmt, int index, const QVariant &value)
{
    if (value.isNull()) return sqlite3_bind_null(stmt, index);
    switch (value.typeId()) {
        case QMetaType::Int:
        case QMetaType::LongLong:
        case QMetaType::UInt:
        case QMetaType::ULongLong:
        case QMetaType::Bool:
            return sqlite3_bind_int64(stmt, index, value.toLongLong());
        case QMetaType::Double:
            return sqlite3_bind_double(stmt, index, value.toDouble());
        case QMetaType::QString: {
            // The database keeps UTF-8: Qt's conversion, here, costs less than SQLite's,
            // which runs on every UTF-16 value it stores.
            const QString &text = *static_cast<const QString *>(value.constData());
            thread_local QStringEncoder encoder(QStringEncoder::Utf8, QStringConverter::Flag::Stateless);
            thread_local std::vector<char> utf8;
            utf8.resize(size_t(encoder.requiredSpace(text.size())));
            const char *end = encoder.appendToBuffer(utf8.data(), text);
            return sqlite3_bind_text(stmt, index, utf8.data(), int(end - utf8.data()), SQLITE_TRANSIENT);
        }
        default: {
            const QByteArray utf8 = value.toString().toUtf8();
            return sqlite3_bind_text(stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
        }
    }
}

struct Sql::DirectStatement {
    sqlite3 *db = nullptr;
    sqlite3_stmt *stmt = nullptr;
    int nextParam = 1;
    int bindError = SQLITE_OK;
    bool rowPending = false;  // exec() stepped onto a row next() has not handed out yet
    bool onRow = false;
    bool busy = false;        // stepped since the last reset
    qint64 changes = 0;
    ~DirectStatement() { sqlite3_finalize(stmt); }
    // Back to the start (binds stay), so that the next round can bind and step.
    void settle()
    {
        if (busy) sqlite3_reset(stmt);
        busy = rowPending = onRow = false;
    }
};

Sql::Sql(const QSqlDatabase &db, const QString &statement, Mode mode) : m_db(db), m_query(db), m_statement(statement)
{
    if (mode == Direct) {
        if (sqlite3 *handle = sqliteHandle(db)) {
            m_direct = std::make_unique<DirectStatement>();
            m_direct->db = handle;
            m_prepared = sqlite3_prepare16_v2(handle, statement.utf16(), int(statement.size() * sizeof(char16_t)), &m_direct->stmt,
                                              nullptr) == SQLITE_OK;
            return;
        }
    }
    m_query.setForwardOnly(true);
    m_prepared = m_query.prepare(statement);
}

Sql::~Sql() = default;

Sql &Sql::bind(const QVariant &value)
{
    if (m_direct) {
        if (m_direct->stmt) {
            if (m_direct->nextParam == 1) m_direct->settle();
            const int rc = bindSqliteValue(m_direct->stmt, m_direct->nextParam++, value);
            if (rc != SQLITE_OK && m_direct->bindError == SQLITE_OK) m_direct->bindError = rc;
        }
        return *this;
    }
    m_query.bindValue(m_nextBind++, value);
    return *this;
}

Sql &Sql::bindOptional(const std::optional<QString> &value)
{
    return bind(value ? QVariant(*value) : QVariant(QMetaType(QMetaType::QString)));
}

Result<void> Sql::exec()
{
    if (m_direct) {
        if (!m_prepared)
            return dbError(QStringLiteral("Cannot prepare «%1»").arg(m_statement.left(200)), QString::fromUtf8(sqlite3_errmsg(m_direct->db)));
        DirectStatement &d = *m_direct;
        const int bindError = d.bindError;
        if (d.nextParam == 1) d.settle();
        d.nextParam = 1;
        d.bindError = SQLITE_OK;
        d.busy = true;
        const int rc = bindError == SQLITE_OK ? sqlite3_step(d.stmt) : bindError;
        if (rc == SQLITE_ROW) {
            d.rowPending = true;
            return {};
        }
        const QString text = QString::fromUtf8(sqlite3_errmsg(d.db));
        d.settle();
        if (rc != SQLITE_DONE) return dbError(QStringLiteral("Query failed «%1»").arg(m_statement.left(200)), text);
        d.changes = sqlite3_changes64(d.db);
        return {};
    }
    if (!m_prepared) return dbError(QStringLiteral("Cannot prepare «%1»").arg(m_statement.left(200)), m_query.lastError().text());
    m_nextBind = 0;  // the next round of binds starts over, after a failure too
    if (!m_query.exec()) {
        const QSqlError error = m_query.lastError();
        // A dropped connection (database restarted, network cut) is closed here so that
        // this thread's next Database::connection() opens a fresh one. (QtSql's SQLite
        // driver calls every failed step a connection error, a broken constraint too:
        // an SQLite file cannot drop away, so its connection stays.)
        if (error.type() == QSqlError::ConnectionError && m_db.driverName() != QLatin1String("QSQLITE")) m_db.close();
        return dbError(QStringLiteral("Query failed «%1»").arg(m_statement.left(200)), error.text());
    }
    return {};
}

bool Sql::next()
{
    if (!m_direct) return m_query.next();
    DirectStatement &d = *m_direct;
    if (d.rowPending) {
        d.rowPending = false;
        d.onRow = true;
        return true;
    }
    if (!d.onRow) return false;
    if (sqlite3_step(d.stmt) == SQLITE_ROW) return true;
    d.settle();
    return false;
}

QVariant Sql::value(int i) const
{
    if (!m_direct) return m_query.value(i);
    if (!m_direct->onRow) return {};
    sqlite3_stmt *stmt = m_direct->stmt;
    switch (sqlite3_column_type(stmt, i)) {
        case SQLITE_INTEGER: return QVariant(qint64(sqlite3_column_int64(stmt, i)));
        case SQLITE_FLOAT: return QVariant(sqlite3_column_double(stmt, i));
        case SQLITE_NULL: return QVariant(QMetaType(QMetaType::LongLong));
        default: {
            const auto *text = static_cast<const char16_t *>(sqlite3_column_text16(stmt, i));
            return QVariant(QString::fromUtf16(text, sqlite3_column_bytes16(stmt, i) / qsizetype(sizeof(char16_t))));
        }
    }
}

qint64 Sql::numRowsAffected() const
{
    return m_direct ? m_direct->changes : m_query.numRowsAffected();
}

QString placeholders(qsizetype n)
{
    QString s;
    s.reserve(n * 3);
    for (qsizetype i = 0; i < n; ++i) s += i ? QStringLiteral(", ?") : QStringLiteral("?");
    return s;
}

Result<void> runIn(const QSqlDatabase &conn, const QString &statement, const QVariantList &leading, const QVariantList &values,
                      const std::function<void(const Sql &)> &row)
{
    // SQLite runs a statement without a round trip: one value at a time through one
    // prepared statement costs less than parsing hundreds of placeholders.
    const qsizetype slice = sqliteHandle(conn) ? 1 : kInListSlice;
    std::unique_ptr<Sql> q;
    qsizetype prepared = 0;
    for (qsizetype from = 0; from < values.size(); from += slice) {
        const qsizetype count = std::min(slice, values.size() - from);
        if (count != prepared) {
            q = std::make_unique<Sql>(conn, statement.arg(placeholders(count)), Sql::Direct);
            prepared = count;
        }
        for (const QVariant &v : leading) q->bind(v);
        for (qsizetype i = from; i < from + count; ++i) q->bind(values.at(i));
        if (auto r = q->exec(); !r) return r.error();
        while (row && q->next()) row(*q);
    }
    return {};
}

Result<QVariant> Sql::scalar()
{
    if (auto r = exec(); !r) return r.error();
    const QVariant v = next() ? value(0) : QVariant();
    // Step no further, but release the statement: an unfinished INSERT ... RETURNING
    // keeps SQLite from committing.
    if (m_direct) {
        m_direct->settle();
    } else {
        m_query.finish();
    }
    return v;
}

ForeignKeyChecksOff::ForeignKeyChecksOff(const Database &db, const QSqlDatabase &conn) : m_conn(conn), m_active(db.isSqlite())
{
    if (m_active) QSqlQuery(m_conn).exec(QStringLiteral("PRAGMA foreign_keys=OFF"));
}

ForeignKeyChecksOff::~ForeignKeyChecksOff()
{
    if (m_active) QSqlQuery(m_conn).exec(QStringLiteral("PRAGMA foreign_keys=ON"));
}

Transaction::Transaction(Database &db, const QSqlDatabase &conn, bool write) : m_db(db), m_conn(conn), m_write(write) {}

Transaction::~Transaction()
{
    if (m_open) rollback();
}

Result<void> Transaction::begin()
{
    QSqlQuery q(m_conn);
    const bool sqliteWriter = m_db.isSqlite() && m_write;
    if (sqliteWriter) m_writing = std::unique_lock(m_db.m_writers);
    if (!q.exec(sqliteWriter ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN"))) {
        if (m_writing.owns_lock()) m_writing.unlock();
        return dbError(QStringLiteral("Cannot begin a transaction"), q.lastError().text());
    }
    m_open = true;
    return {};
}

Result<void> Transaction::commit()
{
    // A statement of this transaction left on a row (a lookup read for its first row
    // only) keeps the transaction's read snapshot after COMMIT: the checkpoint that
    // follows the commit then cannot copy this transaction's pages back, the write-ahead
    // log is never restarted, and it grows by every write until the process ends (by
    // gigabytes under a steady ingest). Their results are of no use once the
    // transaction ends, so they are reset here.
    if (sqlite3 *h = m_db.isSqlite() ? sqliteHandle(m_conn) : nullptr)
        for (sqlite3_stmt *stmt = sqlite3_next_stmt(h, nullptr); stmt; stmt = sqlite3_next_stmt(h, stmt))
            if (sqlite3_stmt_busy(stmt)) sqlite3_reset(stmt);
    QSqlQuery q(m_conn);
    if (!q.exec(QStringLiteral("COMMIT"))) {
        const QString text = q.lastError().text();
        rollback();
        return dbError(QStringLiteral("Cannot commit"), text);
    }
    m_open = false;
    if (m_writing.owns_lock()) m_writing.unlock();
    return {};
}

void Transaction::rollback()
{
    QSqlQuery q(m_conn);
    q.exec(QStringLiteral("ROLLBACK"));
    m_open = false;
    if (m_writing.owns_lock()) m_writing.unlock();
}

}  // namespace LoyaltyDesk::Server
