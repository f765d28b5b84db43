// The storage layer's statement paths: QtSql's, and SQLite's own API (Sql::Direct), must
// answer alike — rows, NULLs, reuse with new binds, statements left mid-result, errors —
// and ForeignKeyChecksOff must give the checks back; the checkpointer thread copies the
// write-ahead log back and lets the database close. Runs on a temporary SQLite file.
#include "storage/bulkinsert.h"
#include "storage/database.h"
#include "storage/walbuffer.h"
#include "support/testserver.h"

#include <gtest/gtest.h>

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlQuery>
#include <QSet>
#include <QTemporaryDir>
#include <QThread>

#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <future>
#include <thread>
#include <vector>

using namespace LoyaltyDesk::Server;

namespace {

// A database in a file of `dir`, with this thread's connection open.
std::unique_ptr<Database> temporaryDatabase(const QTemporaryDir &dir, QSqlDatabase *conn)
{
    auto config = DbConfig::parse(QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("t.db")));
    if (!config) return nullptr;
    auto db = std::make_unique<Database>(*config);
    auto c = db->connection();
    if (!c) return nullptr;
    *conn = *c;
    return db;
}

class Storage : public ::testing::TestWithParam<Sql::Mode> {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_db = temporaryDatabase(m_dir, &m_conn);
        ASSERT_TRUE(m_db);
        QSqlQuery q(m_conn);
        ASSERT_TRUE(q.exec(QStringLiteral("CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT, score REAL)")));
        ASSERT_TRUE(q.exec(QStringLiteral("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent(id))")));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    QSqlDatabase m_conn;
};

TEST_P(Storage, RowsNullsAndReuseWithNewBinds)
{
    Sql insert(m_conn, QStringLiteral("INSERT INTO parent (id, name, score) VALUES (?, ?, ?)"), GetParam());
    ASSERT_TRUE(insert.bind(1).bind(QStringLiteral("Анна «O'Brien»")).bind(2.5).exec());
    EXPECT_EQ(insert.numRowsAffected(), 1);
    ASSERT_TRUE(insert.bind(2).bind(sqlNullText()).bind(sqlNull()).exec());
    ASSERT_TRUE(insert.bind(3).bindOptional(QStringLiteral("c")).bind(-1).exec());

    Sql select(m_conn, QStringLiteral("SELECT id, name, score FROM parent WHERE id >= ? ORDER BY id"), GetParam());
    ASSERT_TRUE(select.bind(1).exec());
    ASSERT_TRUE(select.next());
    EXPECT_EQ(select.value(0).toLongLong(), 1);
    EXPECT_EQ(select.value(1).toString(), QStringLiteral("Анна «O'Brien»"));
    EXPECT_DOUBLE_EQ(select.value(2).toDouble(), 2.5);
    ASSERT_TRUE(select.next());
    EXPECT_TRUE(select.value(1).isNull());
    EXPECT_TRUE(select.value(2).isNull());
    EXPECT_TRUE(select.value(1).isValid()) << "a NULL column is a null value, not a missing row";
    // Left mid-result, then run again with another bind: starts over.
    ASSERT_TRUE(select.bind(3).exec());
    ASSERT_TRUE(select.next());
    EXPECT_EQ(select.value(0).toLongLong(), 3);
    EXPECT_FALSE(select.next());
    EXPECT_FALSE(select.next());

    Sql one(m_conn, QStringLiteral("SELECT name FROM parent WHERE id = ?"), GetParam());
    auto found = one.bind(1).scalar();
    ASSERT_TRUE(found);
    EXPECT_EQ(found->toString(), QStringLiteral("Анна «O'Brien»"));
    auto missing = one.bind(99).scalar();
    ASSERT_TRUE(missing);
    EXPECT_FALSE(missing->isValid()) << "no row is an empty QVariant";
    // A scalar that stopped on its first row does not keep the table busy.
    ASSERT_TRUE(Sql(m_conn, QStringLiteral("DELETE FROM parent WHERE id = 3"), GetParam()).exec());
}

TEST_P(Storage, ErrorsAreValuesThatNameTheStatement)
{
    Sql broken(m_conn, QStringLiteral("SELECT nothing FROM nowhere"), GetParam());
    auto r = broken.exec();
    ASSERT_FALSE(r);
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("nowhere")))
        << r.error().message.toStdString();

    Sql insert(m_conn, QStringLiteral("INSERT INTO parent (id, name) VALUES (?, ?)"), GetParam());
    ASSERT_TRUE(insert.bind(7).bind(QStringLiteral("a")).exec());
    auto duplicate = insert.bind(7).bind(QStringLiteral("again")).exec();
    ASSERT_FALSE(duplicate) << "a duplicate key is an error";
    EXPECT_TRUE(duplicate.error().message.contains(QStringLiteral("UNIQUE"))) << duplicate.error().message.toStdString();
    // The statement is usable after the error.
    auto again = insert.bind(8).bind(QStringLiteral("b")).exec();
    EXPECT_TRUE(again) << again.error().message.toStdString();
}

TEST_P(Storage, ForeignKeyChecksComeBackAfterTheTrustedWrite)
{
    {
        ForeignKeyChecksOff trusted(*m_db, m_conn);
        Transaction tx(*m_db, m_conn, true);
        ASSERT_TRUE(tx.begin());
        ASSERT_TRUE(Sql(m_conn, QStringLiteral("INSERT INTO child (id, parent_id) VALUES (1, 500)"), GetParam()).exec());
        ASSERT_TRUE(tx.commit());
    }
    Transaction tx(*m_db, m_conn, true);
    ASSERT_TRUE(tx.begin());
    EXPECT_FALSE(Sql(m_conn, QStringLiteral("INSERT INTO child (id, parent_id) VALUES (2, 501)"), GetParam()).exec())
        << "checks are on again";
}

TEST_P(Storage, AStatementLeftOnARowDoesNotPinTheWriteAheadLog)
{
    Sql insert(m_conn, QStringLiteral("INSERT INTO parent (id, name) VALUES (?, ?)"), GetParam());
    for (int i = 1; i <= 50; ++i) ASSERT_TRUE(insert.bind(i).bind(QStringLiteral("p%1").arg(i)).exec());
    Transaction tx(*m_db, m_conn, true);
    ASSERT_TRUE(tx.begin());
    Sql lookup(m_conn, QStringLiteral("SELECT id FROM parent ORDER BY id"), GetParam());
    ASSERT_TRUE(lookup.exec());
    ASSERT_TRUE(lookup.next());  // read for its first row only, as lookups are
    ASSERT_TRUE(Sql(m_conn, QStringLiteral("UPDATE parent SET name = 'changed'"), GetParam()).exec());
    ASSERT_TRUE(tx.commit());
    int logFrames = -1, copied = -1;
    ASSERT_EQ(sqlite3_wal_checkpoint_v2(sqliteHandle(m_conn), nullptr, SQLITE_CHECKPOINT_PASSIVE, &logFrames, &copied), SQLITE_OK);
    EXPECT_GT(logFrames, 0);
    EXPECT_EQ(copied, logFrames) << "every committed page can be copied back to the database";
}

// A database in a temporary file, for tests of one statement kind.
class TempSqlite : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(db = temporaryDatabase(dir, &connection)); }

    QTemporaryDir dir;
    QSqlDatabase connection;
    std::unique_ptr<Database> db;
};

TEST_F(TempSqlite, BulkInsertWritesEveryRowAcrossFlushes)
{
    const auto conn = &connection;
    ASSERT_TRUE(QSqlQuery(*conn).exec(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, label TEXT, amount REAL)")));
    BulkInsert rows(*conn, QStringLiteral("t"), columnList("id, label, amount"));
    for (int i = 1; i <= 1234; ++i) rows.row({i, i % 5 ? QVariant(QStringLiteral("row %1").arg(i)) : sqlNullText(), i * 0.5});
    ASSERT_TRUE(rows.flush());
    rows.row({5000, QStringLiteral("last"), 1.0});
    ASSERT_TRUE(rows.flush());
    EXPECT_EQ(rows.written(), 1235);
    Sql check(*conn, QStringLiteral("SELECT COUNT(*), COUNT(label), SUM(amount) FROM t"));
    ASSERT_TRUE(check.exec());
    ASSERT_TRUE(check.next());
    EXPECT_EQ(check.value(0).toInt(), 1235);
    EXPECT_EQ(check.value(1).toInt(), 1235 - 1234 / 5);
    EXPECT_DOUBLE_EQ(check.value(2).toDouble(), 1234 * 1235 / 2 * 0.5 + 1.0);
    rows.row({5000, QStringLiteral("duplicate"), 0});
    EXPECT_FALSE(rows.flush()) << "a failing row is reported";
}

TEST_F(TempSqlite, UpdateRowsGivesEachRowItsOwnValuesEvenWhenOneNamePrefixesAnother)
{
    const auto conn = &connection;
    ASSERT_TRUE(QSqlQuery(*conn).exec(QStringLiteral("CREATE TABLE acc (id INTEGER PRIMARY KEY, total INTEGER NOT NULL, seen INTEGER)")));
    ASSERT_TRUE(QSqlQuery(*conn).exec(QStringLiteral("INSERT INTO acc VALUES (1, 100, NULL), (2, 200, NULL), (3, 300, NULL)")));
    ASSERT_TRUE(updateRows(*conn, QStringLiteral("acc"), columnList("id, add_, add_total"),
                           QStringLiteral("total = total + :add_total, seen = :add_"), {{3, 7, 30}, {1, 5, 10}}));
    Sql check(*conn, QStringLiteral("SELECT id, total, seen FROM acc ORDER BY id"));
    ASSERT_TRUE(check.exec());
    QList<QList<qint64>> rows;
    while (check.next()) rows.append({check.value(0).toLongLong(), check.value(1).toLongLong(), check.value(2).isNull() ? -1 : check.value(2).toLongLong()});
    EXPECT_EQ(rows, (QList<QList<qint64>>{{1, 110, 5}, {2, 200, -1}, {3, 330, 7}}));
}

// Write transactions of one process queue on the database's writer lock: many threads
// writing at once all commit, none loses another's update, and a writer that rolls back
// lets the next one in (a lock kept by a rollback would hang this test).
// A temporary database with one counter row (id 1, n 0) for writers to race on.
class Transactions : public ::testing::Test {
protected:
    static constexpr int kThreads = 4, kRounds = 25;
    void SetUp() override
    {
        ASSERT_TRUE(owned = temporaryDatabase(dir, &main));
        ASSERT_TRUE(QSqlQuery(main).exec(QStringLiteral("CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)")));
        ASSERT_TRUE(QSqlQuery(main).exec(QStringLiteral("INSERT INTO counter VALUES (1, 0)")));
    }

    QTemporaryDir dir;
    QSqlDatabase main;
    std::unique_ptr<Database> owned;
};

TEST_F(Transactions, WritersTakeTurnsAndARollbackLetsTheNextIn)
{
    Database &db = *owned;
    std::atomic<int> failures = 0;
    std::vector<std::thread> writers;
    for (int t = 0; t < kThreads; ++t)
        writers.emplace_back([&] {
            auto conn = db.connection();
            if (!conn) {
                ++failures;
                return;
            }
            for (int i = 0; i < kRounds; ++i) {
                {
                    Transaction abandoned(db, *conn, true);
                    if (!abandoned.begin()) ++failures;
                    if (!Sql(*conn, QStringLiteral("UPDATE counter SET n = n + 1000")).exec()) ++failures;
                    abandoned.rollback();
                }
                Transaction tx(db, *conn, true);
                if (!tx.begin()) {
                    ++failures;
                    continue;
                }
                Sql read(*conn, QStringLiteral("SELECT n FROM counter WHERE id = 1"));
                auto n = read.scalar();
                if (!n || !Sql(*conn, QStringLiteral("UPDATE counter SET n = ?")).bind(n->toLongLong() + 1).exec() || !tx.commit()) ++failures;
            }
        });
    for (auto &w : writers) w.join();
    EXPECT_EQ(failures.load(), 0);
    Sql total(main, QStringLiteral("SELECT n FROM counter"));
    auto n = total.scalar();
    ASSERT_TRUE(n);
    EXPECT_EQ(n->toInt(), kThreads * kRounds);
}

// Database::write runs every caller's work on one connection that is not the caller's,
// one piece at a time, and hands back what the work returned, failures included.
TEST_F(Transactions, WritesFromManyThreadsRunOnTheOneWriterConnectionInTurn)
{
    Database &db = *owned;
    std::atomic<int> failures = 0, inside = 0, overlaps = 0;
    std::mutex seenLock;
    QSet<QString> seen;  // connection names the work ran on
    std::vector<std::thread> callers;
    for (int t = 0; t < kThreads; ++t)
        callers.emplace_back([&] {
            auto own = db.connection();
            for (int i = 0; i < kRounds; ++i) {
                auto done = db.write([&](const QSqlDatabase &conn) -> Result<void> {
                    if (++inside > 1) ++overlaps;
                    {
                        std::lock_guard lock(seenLock);
                        seen.insert(conn.connectionName());
                        if (own && conn.connectionName() == own->connectionName()) ++failures;  // ran on the caller's
                    }
                    auto result = [&]() -> Result<void> {
                        Transaction tx(db, conn, true);
                        if (auto b = tx.begin(); !b) return b;
                        Sql read(conn, QStringLiteral("SELECT n FROM counter WHERE id = 1"));
                        auto n = read.scalar();
                        if (!n) return n.error();
                        if (auto u = Sql(conn, QStringLiteral("UPDATE counter SET n = ?")).bind(n->toLongLong() + 1).exec(); !u) return u;
                        return tx.commit();
                    }();
                    --inside;
                    return result;
                });
                if (!done) ++failures;
            }
        });
    for (auto &c : callers) c.join();
    EXPECT_EQ(failures.load(), 0);
    EXPECT_EQ(overlaps.load(), 0);
    EXPECT_EQ(seen.size(), 1);
    Sql total(main, QStringLiteral("SELECT n FROM counter"));
    auto n = total.scalar();
    ASSERT_TRUE(n);
    EXPECT_EQ(n->toInt(), kThreads * kRounds);

    // A failing piece of work: its error comes back, its transaction rolls back, and the
    // writer goes on with the next.
    auto failed = db.write([&](const QSqlDatabase &conn) -> Result<void> {
        Transaction tx(db, conn, true);
        if (auto b = tx.begin(); !b) return b;
        if (auto u = Sql(conn, QStringLiteral("UPDATE counter SET n = 0")).exec(); !u) return u;
        return Sql(conn, QStringLiteral("UPDATE no_such_table SET n = 1")).exec();
    });
    ASSERT_FALSE(failed);
    EXPECT_TRUE(failed.error().message.contains(QStringLiteral("no_such_table"))) << failed.error().message.toStdString();
    EXPECT_TRUE(db.write([&](const QSqlDatabase &conn) -> Result<void> {
        return Sql(conn, QStringLiteral("UPDATE counter SET n = n + 1")).exec();
    }));
    auto after = total.scalar();
    ASSERT_TRUE(after);
    EXPECT_EQ(after->toInt(), kThreads * kRounds + 1);
}

// The checkpointer replaces SQLite's inline auto-checkpoint: without it the log would
// only grow until the writers' own limit (about 400 MB).
constexpr int kRowBytes = 3000;  // one row per 4 KB page
constexpr int kRowsPerCommit = 20;
constexpr int kCommits = 60;     // about 1 300 log frames, past the 1 000 that wake it

qint64 fileSize(const QString &path) { return QFileInfo(path).size(); }

// The log's frames and how many of them a checkpoint has copied back, read from the
// shared-memory index ("-shm", https://sqlite.org/walformat.html: mxFrame at byte 16 of
// the header, nBackfill at byte 96; native byte order).
struct LogFrames {
    quint32 frames = 0, copied = 0;
};
LogFrames logFrames(const QString &dbPath)
{
    QFile shm(dbPath + QStringLiteral("-shm"));
    LogFrames f;
    if (!shm.open(QIODevice::ReadOnly)) return f;
    const QByteArray head = shm.read(100);
    if (head.size() < 100) return f;
    std::memcpy(&f.frames, head.constData() + 16, 4);
    std::memcpy(&f.copied, head.constData() + 96, 4);
    return f;
}

// Polls `done` every 20 ms for up to `seconds`.
template <typename F>
bool eventually(F done, int seconds = 30)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > seconds * 1000) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
}

// kRowsPerCommit rows of kRowBytes each in one autocommit statement.
bool writeRows(const QSqlDatabase &conn, int commits)
{
    const QString insert = QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1) "
                                          "INSERT INTO t (payload) SELECT randomblob(%2) FROM n")
                               .arg(kRowsPerCommit)
                               .arg(kRowBytes);
    for (int i = 0; i < commits; ++i)
        if (!Sql(conn, insert).exec()) return false;
    return true;
}

qint64 countRows(const QSqlDatabase &conn)
{
    auto n = Sql(conn, QStringLiteral("SELECT COUNT(*) FROM t")).scalar();
    return n ? n->toLongLong() : -1;
}

TEST(Checkpointer, CopiesTheLogBackOnceReadersLetItAndTheLogStartsOver)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.db")), wal = path + QStringLiteral("-wal");
    auto config = DbConfig::parse(QStringLiteral("sqlite:") + path);
    ASSERT_TRUE(config);
    Database db(*config);
    auto conn = db.connection();
    ASSERT_TRUE(conn) << conn.error().message.toStdString();
    ASSERT_TRUE(Sql(*conn, QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, payload BLOB NOT NULL)")).exec());

    // A reader holds a snapshot from before the writes: no checkpoint may copy pages past
    // it, and none may block the writers either (PASSIVE).
    sqlite3 *reader = nullptr;
    ASSERT_EQ(sqlite3_open_v2(path.toUtf8().constData(), &reader, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(reader, "BEGIN; SELECT COUNT(*) FROM t;", nullptr, nullptr, nullptr), SQLITE_OK);
    ASSERT_TRUE(writeRows(*conn, kCommits));
    const qint64 written = qint64(kCommits) * kRowsPerCommit * kRowBytes;
    EXPECT_LT(fileSize(path), written / 10) << "the pages stay in the log while the old snapshot is read";
    EXPECT_GT(fileSize(wal), written);
    ASSERT_EQ(sqlite3_exec(reader, "COMMIT", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(reader);

    // The next commit finds the log still long and wakes the checkpointer again; it copies
    // every frame into the database file while this thread waits.
    ASSERT_TRUE(writeRows(*conn, 1));
    EXPECT_TRUE(eventually([&] {
        const LogFrames f = logFrames(path);
        return f.frames > 1000 && f.copied == f.frames;
    })) << "copied " << logFrames(path).copied << " of " << logFrames(path).frames << " frames";
    EXPECT_GE(fileSize(path), written);

    // Fully copied and unread, the log starts over at the next commit, and as much again
    // reuses the same file instead of doubling it. Readers come and go meanwhile.
    const qint64 logBefore = fileSize(wal);
    ASSERT_TRUE(writeRows(*conn, 1));
    EXPECT_LT(logFrames(path).frames, 100u) << "the log started over";
    std::atomic<bool> writing{true};
    std::atomic<int> reads{0}, badReads{0};
    QThread *readers = QThread::create([&] {
        while (writing) {
            auto c = db.connection();
            const qint64 n = c ? countRows(*c) : -1;
            if (n < (kCommits + 2) * kRowsPerCommit || n % kRowsPerCommit != 0) ++badReads;
            ++reads;
        }
    });
    readers->start();
    ASSERT_TRUE(writeRows(*conn, kCommits - 1));
    writing = false;
    readers->wait();
    delete readers;
    EXPECT_GT(reads.load(), 0);
    EXPECT_EQ(badReads.load(), 0) << "every read saw whole commits";
    EXPECT_LT(fileSize(wal), logBefore * 5 / 4) << "the log grew past " << logBefore;
    EXPECT_EQ(countRows(*conn), (2 * kCommits + 1) * kRowsPerCommit);
    EXPECT_TRUE(eventually([&] { return fileSize(path) >= 2 * written; }));
    conn->close();
}

TEST(Checkpointer, StopsWithTheDatabaseWhileWritersKeepItBusyAndLosesNoRow)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.db")), wal = path + QStringLiteral("-wal");
    auto config = DbConfig::parse(QStringLiteral("sqlite:") + path);
    ASSERT_TRUE(config);
    auto db = std::make_unique<Database>(*config);
    {
        auto conn = db->connection();
        ASSERT_TRUE(conn);
        ASSERT_TRUE(Sql(*conn, QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, payload BLOB NOT NULL)")).exec());
        conn->close();
    }
    // Two writers on connections of their own (closed when their threads end) wake the
    // checkpointer again and again; the database goes away right after the last commit,
    // most likely while a checkpoint runs.
    std::atomic<int> failed{0};
    QList<QThread *> writers;
    for (int w = 0; w < 2; ++w) {
        writers << QThread::create([&] {
            auto conn = db->connection();
            if (!conn || !writeRows(*conn, kCommits)) ++failed;
        });
        writers.last()->start();
    }
    for (QThread *t : writers) {
        t->wait();
        delete t;
    }
    ASSERT_EQ(failed.load(), 0);

    // Closing joins the checkpointer: bounded, never a hang.
    auto closed = std::make_shared<std::promise<void>>();
    std::future<void> done = closed->get_future();
    std::thread([closed, doomed = db.release()] {
        delete doomed;
        closed->set_value();
    }).detach();
    ASSERT_EQ(done.wait_for(std::chrono::seconds(60)), std::future_status::ready) << "the database did not close";
    EXPECT_FALSE(QFileInfo::exists(wal)) << "the last connection, the checkpointer's, closed and folded the log in";

    Database reopened(*config);
    auto conn = reopened.connection();
    ASSERT_TRUE(conn);
    EXPECT_EQ(countRows(*conn), 2 * kCommits * kRowsPerCommit);
    auto check = Sql(*conn, QStringLiteral("PRAGMA integrity_check")).scalar();
    ASSERT_TRUE(check);
    EXPECT_EQ(check->toString(), QStringLiteral("ok"));
    conn->close();
}

// The test PostgreSQL server (LOYALTYDESK_TEST_PG), or none when it is not set.
std::unique_ptr<Database> testPostgres()
{
    if (!LoyaltyDesk::Test::postgresAvailable()) return nullptr;
    const auto config = DbConfig::parse(LoyaltyDesk::Test::postgresAdminUrl());
    return config ? std::make_unique<Database>(*config) : nullptr;
}

// On PostgreSQL, BulkInsert writes with COPY's text format: what COPY treats specially
// (backslashes, tabs, line ends, "\N") must arrive as sent, NULLs as NULL, and a
// failing row must fail the flush. Runs where LOYALTYDESK_TEST_PG names a server.
TEST(BulkInsertPostgres, TextArrivesAsSentNullsAsNullAndFailuresAreReported)
{
    auto db = testPostgres();
    if (!db) GTEST_SKIP() << "LOYALTYDESK_TEST_PG is not set";
    auto conn = db->connection();
    ASSERT_TRUE(conn) << conn.error().message.toStdString();
    ASSERT_TRUE(QSqlQuery(*conn).exec(QStringLiteral("CREATE TEMP TABLE copied (id BIGINT PRIMARY KEY, label TEXT, amount DOUBLE PRECISION, flag BOOLEAN)")));
    const QStringList labels = {QStringLiteral("tab\there"), QStringLiteral("line\nend\r\n"), QStringLiteral("back\\slash \\N"),
                                QStringLiteral("\\N"), QStringLiteral("Ёлка «ель» 🎄"), QString()};
    BulkInsert rows(*conn, QStringLiteral("copied"), columnList("id, label, amount, flag"));
    for (int i = 0; i < labels.size(); ++i)
        rows.row({i + 1, labels.at(i).isNull() ? sqlNullText() : QVariant(labels.at(i)), i * 0.1, i % 2 == 0});
    ASSERT_TRUE(rows.flush());
    EXPECT_EQ(rows.written(), labels.size());
    Sql check(*conn, QStringLiteral("SELECT id, label, amount, flag FROM copied ORDER BY id"));
    ASSERT_TRUE(check.exec());
    for (int i = 0; i < labels.size(); ++i) {
        ASSERT_TRUE(check.next());
        EXPECT_EQ(check.value(1).isNull(), labels.at(i).isNull()) << i;
        EXPECT_EQ(check.value(1).toString(), labels.at(i)) << i;
        EXPECT_DOUBLE_EQ(check.value(2).toDouble(), i * 0.1);
        EXPECT_EQ(check.value(3).toBool(), i % 2 == 0);
    }
    rows.row({1, QStringLiteral("duplicate key"), 0.0, false});
    const auto failed = rows.flush();
    ASSERT_FALSE(failed);
    EXPECT_TRUE(failed.error().message.contains(QStringLiteral("copied"))) << failed.error().message.toStdString();
}

// runIn looks a list up (SQLite: a value per step of one statement; PostgreSQL: slices
// of placeholders): every listed key is found, whatever its characters, with the leading
// values bound before each value or slice; an empty list runs nothing; UPDATEs by keys
// work; a failing statement is an error.
void lookUpLists(const QSqlDatabase &conn)
{
    const QString table = QStringLiteral("listed");
    ASSERT_TRUE(QSqlQuery(conn).exec(QStringLiteral("CREATE TEMP TABLE ") + table + QStringLiteral(" (id BIGINT PRIMARY KEY, kind TEXT, label TEXT, hits BIGINT)")));
    const QStringList odd = {QStringLiteral("O'Brien \"quoted\""), QStringLiteral("back\\slash"), QStringLiteral("Ёлка 🎄"),
                             QStringLiteral("x') OR 1=1 --"), QStringLiteral("[1, 2]"), QStringLiteral("")};
    BulkInsert rows(conn, table, columnList("id, kind, label, hits"));
    for (int i = 0; i < 1200; ++i)
        rows.row({i + 1, i % 2 ? QStringLiteral("b") : QStringLiteral("a"), i < odd.size() ? odd.at(i) : QStringLiteral("L%1").arg(i), 0});
    ASSERT_TRUE(rows.flush());

    QVariantList labels;
    for (const QString &l : odd) labels << l;
    for (int i = 6; i < 1200; i += 2) labels << QStringLiteral("L%1").arg(i);  // kind 'a'
    labels << QStringLiteral("L7") << QStringLiteral("absent") << QStringLiteral("L6");  // kind 'b', missing, repeated
    QSet<qint64> found;
    auto r = runIn(conn, QStringLiteral("SELECT id, label FROM ") + table + QStringLiteral(" WHERE kind = ? AND label IN (%1)"), {QStringLiteral("a")},
                   labels, [&](const Sql &q) {
                       EXPECT_EQ(q.value(1).toString(), q.value(0).toLongLong() <= odd.size() ? odd.at(q.value(0).toInt() - 1) : QStringLiteral("L%1").arg(q.value(0).toLongLong() - 1));
                       found.insert(q.value(0).toLongLong());
                   });
    ASSERT_TRUE(r) << r.error().message.toStdString();
    // Kind 'a' is every other row: the odd labels at ids 1, 3, 5 and the 597 "L<even>".
    EXPECT_EQ(found.size(), 3 + 597);
    EXPECT_TRUE(found.contains(1) && found.contains(3) && found.contains(5) && found.contains(7) && found.contains(1199));
    EXPECT_FALSE(found.contains(2) || found.contains(8));

    QVariantList ids;
    for (qint64 id = 1; id <= 1200; id += 3) ids << id;
    ASSERT_TRUE(runIn(conn, QStringLiteral("UPDATE ") + table + QStringLiteral(" SET hits = hits + ? WHERE id IN (%1)"), {5}, ids));
    Sql sum(conn, QStringLiteral("SELECT SUM(hits), COUNT(*) FROM ") + table + QStringLiteral(" WHERE hits > 0"));
    ASSERT_TRUE(sum.exec() && sum.next());
    EXPECT_EQ(sum.value(0).toLongLong(), 400 * 5);
    EXPECT_EQ(sum.value(1).toLongLong(), 400);

    int calls = 0;
    ASSERT_TRUE(runIn(conn, QStringLiteral("SELECT id FROM nowhere WHERE id IN (%1)"), {}, {}, [&](const Sql &) { ++calls; }));
    EXPECT_EQ(calls, 0) << "an empty list runs nothing";
    EXPECT_FALSE(runIn(conn, QStringLiteral("SELECT id FROM nowhere WHERE id IN (%1)"), {}, {1})) << "a failing statement is an error";
}

TEST(RunIn, FindsEveryListedKeyOnSqlite)
{
    QTemporaryDir dir;
    QSqlDatabase conn;
    auto db = temporaryDatabase(dir, &conn);
    ASSERT_TRUE(db);
    lookUpLists(conn);
}

TEST(RunIn, FindsEveryListedKeyOnPostgres)
{
    auto db = testPostgres();
    if (!db) GTEST_SKIP() << "LOYALTYDESK_TEST_PG is not set";
    auto conn = db->connection();
    ASSERT_TRUE(conn) << conn.error().message.toStdString();
    lookUpLists(*conn);
}

INSTANTIATE_TEST_SUITE_P(Modes, Storage, ::testing::Values(Sql::Normal, Sql::Direct),
                         [](const auto &info) { return info.param == Sql::Direct ? std::string("Direct") : std::string("QtSql"); });

}  // namespace

namespace {

// Runs SQL on a raw connection; empty on success, else SQLite's message.
std::string run(sqlite3 *db, const char *sql)
{
    char *error = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &error) == SQLITE_OK) return {};
    std::string message = error ? error : "error";
    sqlite3_free(error);
    return message;
}

qint64 number(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *stmt = nullptr;
    qint64 value = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW) value = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return value;
}

std::string text(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *stmt = nullptr;
    std::string value;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
        value = reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);
    return value;
}

}  // namespace

// Log frames are gathered in memory and reach the file before their commit is visible.
// Every case reads on a second connection, which has only the file: a frame still in
// the writer's memory would read as zeros or as an older page.
TEST(WalBuffer, EveryCommitIsWholeInTheFileForOtherConnections)
{
    QTemporaryDir dir;
    const QByteArray path = dir.filePath(QStringLiteral("w.db")).toUtf8();
    Database db(*DbConfig::parse(QStringLiteral("sqlite:") + QString::fromUtf8(path)));  // installs it
    ASSERT_STREQ(sqlite3_vfs_find(nullptr)->zName, "loyaltydesk-walbuffer");

    sqlite3 *writer = nullptr, *reader = nullptr;
    ASSERT_EQ(sqlite3_open(path.constData(), &writer), SQLITE_OK);
    // As the server runs: the log is synced at checkpoints, not at commits.
    ASSERT_EQ(run(writer, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; PRAGMA wal_autocheckpoint=0;"
                          "CREATE TABLE t (id INTEGER PRIMARY KEY, payload TEXT NOT NULL);"), "");
    ASSERT_EQ(sqlite3_open(path.constData(), &reader), SQLITE_OK);
    ASSERT_EQ(number(reader, "SELECT COUNT(*) FROM t"), 0);

    // Many small commits, each read at once by the other connection.
    const WalBufferCounts before = walBufferCounts();
    for (int i = 1; i <= 200; ++i) {
        const QByteArray sql = QStringLiteral("INSERT INTO t (id, payload) VALUES (%1, printf('%.3000c', char(65 + %1 % 26)))").arg(i).toUtf8();
        ASSERT_EQ(run(writer, sql.constData()), "");
        const QByteArray check = QStringLiteral("SELECT COUNT(*) FROM t WHERE payload = printf('%.3000c', char(65 + id % 26))").toUtf8();
        ASSERT_EQ(number(reader, check.constData()), i) << "commit " << i;
    }
    const WalBufferCounts small = walBufferCounts();
    EXPECT_GE(small.frames - before.frames, 200) << "the commits' frames went through the buffer";

    // One transaction of about 12 MB, more than the buffer holds: its frames reach the
    // file in large writes, and whole.
    ASSERT_EQ(run(writer, "WITH RECURSIVE n(i) AS (SELECT 201 UNION ALL SELECT i + 1 FROM n WHERE i < 4200) "
                          "INSERT INTO t (id, payload) SELECT i, printf('%.3000c', char(65 + i % 26)) FROM n;"), "");
    const WalBufferCounts large = walBufferCounts();
    EXPECT_GE(large.frames - small.frames, 4000);
    EXPECT_LT(large.writes - small.writes, (large.frames - small.frames) / 20) << "frames went out in large writes";
    EXPECT_EQ(number(reader, "SELECT COUNT(*) FROM t WHERE payload = printf('%.3000c', char(65 + id % 26))"), 4200);

    // With a cache of 50 pages, a transaction spills frames into the log before its
    // commit and reads pages back from there.
    ASSERT_EQ(run(writer, "PRAGMA cache_size=50; BEGIN; UPDATE t SET payload = lower(payload) WHERE id % 7 = 0;"
                          "UPDATE t SET payload = payload || 'x' WHERE id % 7 = 0 OR id % 11 = 0; COMMIT;"), "");
    EXPECT_EQ(number(reader, "SELECT COUNT(*) FROM t WHERE payload = CASE WHEN id % 7 = 0 THEN lower(printf('%.3000c', char(65 + id % 26))) || 'x' "
                             "WHEN id % 11 = 0 THEN printf('%.3000c', char(65 + id % 26)) || 'x' ELSE printf('%.3000c', char(65 + id % 26)) END"),
              4200);

    // A transaction rolled back leaves nothing; the next commit is whole.
    ASSERT_EQ(run(writer, "BEGIN; DELETE FROM t WHERE id > 100; INSERT INTO t (id, payload) VALUES (9999, 'gone'); ROLLBACK;"
                          "INSERT INTO t (id, payload) VALUES (5000, 'kept');"), "");
    EXPECT_EQ(number(reader, "SELECT COUNT(*) FROM t"), 4201);
    EXPECT_EQ(text(reader, "SELECT payload FROM t WHERE id = 5000"), "kept");

    // Copied into the database file, the log starts over from its first frame, and what
    // is written then is whole too.
    ASSERT_EQ(run(reader, "PRAGMA wal_checkpoint(TRUNCATE)"), "");
    ASSERT_EQ(run(writer, "UPDATE t SET payload = upper(payload) WHERE id <= 2000"), "");
    EXPECT_EQ(number(reader, "SELECT COUNT(*) FROM t WHERE id <= 2000 AND payload = upper(payload)"), 2000);
    EXPECT_EQ(text(reader, "PRAGMA integrity_check"), "ok");
    sqlite3_close(writer);
    sqlite3_close(reader);

    // Reopened from the files alone, the database is the same.
    sqlite3 *again = nullptr;
    ASSERT_EQ(sqlite3_open(path.constData(), &again), SQLITE_OK);
    EXPECT_EQ(number(again, "SELECT COUNT(*) FROM t"), 4201);
    EXPECT_EQ(text(again, "PRAGMA integrity_check"), "ok");
    sqlite3_close(again);
}
