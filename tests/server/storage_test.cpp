// The storage layer's statement paths: QtSql's, and SQLite's own API (Sql::Direct), must
// answer alike — rows, NULLs, reuse with new binds, statements left mid-result, errors —
// and ForeignKeyChecksOff must give the checks back. Runs on a temporary SQLite file.
#include "storage/bulkinsert.h"
#include "storage/database.h"

#include <gtest/gtest.h>

#include <QSqlQuery>

#include <atomic>
#include <thread>
#include <vector>

#include <sqlite3.h>
#include <QTemporaryDir>

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
TEST(Transactions, WritersTakeTurnsAndARollbackLetsTheNextIn)
{
    QTemporaryDir dir;
    QSqlDatabase main;
    const auto owned = temporaryDatabase(dir, &main);
    ASSERT_TRUE(owned);
    Database &db = *owned;
    ASSERT_TRUE(QSqlQuery(main).exec(QStringLiteral("CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)")));
    ASSERT_TRUE(QSqlQuery(main).exec(QStringLiteral("INSERT INTO counter VALUES (1, 0)")));
    constexpr int kThreads = 4, kRounds = 25;
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

INSTANTIATE_TEST_SUITE_P(Modes, Storage, ::testing::Values(Sql::Normal, Sql::Direct),
                         [](const auto &info) { return info.param == Sql::Direct ? std::string("Direct") : std::string("QtSql"); });

}  // namespace
