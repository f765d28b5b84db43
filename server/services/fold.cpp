#include "fold.h"

#include <QDateTime>
#include <QDebug>
#include <QElapsedTimer>

namespace LoyaltyDesk::Server {

namespace {

// The one PostgreSQL advisory lock of the fold ("LDFO").
constexpr qint64 kLockKey = 0x4C44464F;
constexpr qint64 kSlowMs = 1000;

// What counts, in both the fold and the readers: completed purchases of a customer, and
// the accruals (pending points) and deductions (active points) of purchases.
const QString kPurchase = QStringLiteral("status = 'completed'");
const QString kPointsOfPurchase = QStringLiteral("receipt_id IS NOT NULL AND kind IN ('accrual', 'deduction')");

// The ledger rows of the points of receipts `u` whose account is noted (fold.h), in
// bonus_ledger's column order without the id: what the fold writes, and what readers
// add until it has. `from` names the tables, receipts as u.
QString pointsOfPurchases(const QString &from, const QString &where)
{
    return QStringLiteral(
               "SELECT u.account_id, u.customer_id, v.kind, CASE v.kind WHEN 'accrual' THEN u.bonus_accrued ELSE -u.bonus_spent END AS amount, "
               "CASE v.kind WHEN 'accrual' THEN 'pending' ELSE 'spent' END AS status, u.id AS receipt_id, "
               "CASE v.kind WHEN 'accrual' THEN 'Purchase ' ELSE 'Paid with points, purchase ' END || COALESCE(u.cheque_number, u.external_id) AS description, "
               "u.purchased_at AS created_at, CASE v.kind WHEN 'accrual' THEN u.purchased_at + %1 END AS activates_at, "
               "CASE v.kind WHEN 'accrual' THEN u.purchased_at + %2 END AS expires_at FROM ")
               .arg(MetricsFold::kActivationDelay)
               .arg(MetricsFold::kPointsLifetime) +
           from +
           QStringLiteral(" JOIN (SELECT 'accrual' AS kind UNION ALL SELECT 'deduction') v "
                          "ON CASE v.kind WHEN 'accrual' THEN u.bonus_accrued ELSE u.bonus_spent END > 0 WHERE u.account_id IS NOT NULL AND ") +
           where;
}

// The receipts `u` of the account `a` not folded yet: found through the customers that
// hold its cards, whose purchases are indexed.
QString unfoldedOfAccount(const QString &a)
{
    return QStringLiteral("u.customer_id IN (SELECT k.customer_id FROM card_accounts ca JOIN cards k ON k.id = ca.card_id WHERE ca.account_id = ") +
           a + QStringLiteral(".id) AND u.account_id = ") + a + QStringLiteral(".id AND u.id > (SELECT receipt_id FROM metric_marks)");
}

QString unfoldedPurchases(const QString &c)
{
    return QStringLiteral("FROM receipts u WHERE u.customer_id = ") + c + QStringLiteral(".id AND u.") + kPurchase +
           QStringLiteral(" AND u.id > (SELECT receipt_id FROM metric_marks)");
}

// Stored balance, plus the purchases' rows in the ledger past its mark, plus those the
// fold is still to write.
QString unfoldedPoints(const QString &a, const QString &kind)
{
    const bool active = kind == QLatin1String("active");
    return QStringLiteral("CAST(") + a + u'.' + kind + QStringLiteral("_balance + (SELECT COALESCE(SUM(l.amount), 0) FROM bonus_ledger l WHERE l.account_id = ") +
           a + QStringLiteral(".id AND l.") + kPointsOfPurchase + QStringLiteral(" AND l.kind = '") +
           (active ? QStringLiteral("deduction") : QStringLiteral("accrual")) +
           QStringLiteral("' AND l.id > (SELECT ledger_id FROM metric_marks)) ") + (active ? u'-' : u'+') +
           QStringLiteral(" (SELECT COALESCE(SUM(u.") + (active ? QStringLiteral("bonus_spent") : QStringLiteral("bonus_accrued")) +
           QStringLiteral("), 0) FROM receipts u WHERE ") + unfoldedOfAccount(a) + QStringLiteral(") AS BIGINT)");
}

}  // namespace

MetricsFold::MetricsFold(Database &db, qint64 intervalMs)
    : m_db(db), m_intervalMs(intervalMs), m_lastMs(QDateTime::currentMSecsSinceEpoch())
{
}

Result<void> MetricsFold::shareLock(const Database &db, const QSqlDatabase &conn)
{
    if (db.isSqlite()) return {};
    Sql lock(conn, QStringLiteral("SELECT pg_advisory_xact_lock_shared(?)"));
    return lock.bind(kLockKey).exec();
}

Result<qint64> MetricsFold::run()
{
    QElapsedTimer timer;
    timer.start();
    m_lastMs = QDateTime::currentMSecsSinceEpoch();
    // Most callers (a segment preview, a scheduler pass) find nothing new: a read says so
    // without queueing a write transaction behind ingest. What it cannot see yet, no fold
    // could take in now either.
    {
        auto conn = m_db.connection();
        if (!conn) return conn.error();
        Sql pending(*conn, QStringLiteral("SELECT (SELECT COALESCE(MAX(id), 0) FROM receipts) > m.receipt_id OR "
                                          "(SELECT COALESCE(MAX(id), 0) FROM bonus_ledger) > m.ledger_id FROM metric_marks m"));
        auto any = pending.scalar();
        if (!any) return any.error();
        if (any->isValid() && !any->toBool()) return qint64(0);
    }
    qint64 folded = 0;
    auto done = m_db.write([&](const QSqlDatabase &conn) -> Result<void> {
        Transaction tx(m_db, conn, true);
        if (auto b = tx.begin(); !b) return b.error();
        if (!m_db.isSqlite()) {
            Sql lock(conn, QStringLiteral("SELECT pg_advisory_xact_lock(?)"));
            if (auto r = lock.bind(kLockKey).exec(); !r) return r.error();
        }
        Sql marks(conn, QStringLiteral("SELECT m.receipt_id, m.ledger_id, (SELECT COALESCE(MAX(id), 0) FROM receipts), "
                                       "(SELECT COALESCE(MAX(id), 0) FROM bonus_ledger) FROM metric_marks m"));
        if (auto r = marks.exec(); !r) return r.error();
        if (!marks.next()) return Error::make(Core::ErrorKind::Internal, QStringLiteral("The metric marks are missing."));
        const qint64 receiptsFrom = marks.value(0).toLongLong(), ledgerFrom = marks.value(1).toLongLong();
        const qint64 receiptsTo = marks.value(2).toLongLong(), ledgerTo = marks.value(3).toLongLong();
        const bool nothingNew = receiptsTo <= receiptsFrom && ledgerTo <= ledgerFrom;
        marks.query().finish();
        if (nothingNew) return tx.commit();
        // Ids have gaps (PostgreSQL's sequence, deleted rows): the receipts are counted.
        Sql count(conn, QStringLiteral("SELECT COUNT(*) FROM receipts WHERE id > ? AND id <= ?"));
        auto n = count.bind(receiptsFrom).bind(receiptsTo).scalar();
        if (!n) return n.error();
        folded = n->toLongLong();

        // Each customer and account once, in key order. A customer's updated_at is left as
        // it is: it says when the record was last edited; purchases have their own times.
        Sql customers(conn, QStringLiteral(
            "UPDATE customers SET orders_count = orders_count + d.n, revenue = revenue + d.s, "
            "first_purchase_at = CASE WHEN first_purchase_at IS NULL OR first_purchase_at > d.f THEN d.f ELSE first_purchase_at END, "
            "last_purchase_at = CASE WHEN last_purchase_at IS NULL OR last_purchase_at < d.l THEN d.l ELSE last_purchase_at END "
            "FROM (SELECT customer_id, COUNT(*) AS n, SUM(total) AS s, MIN(purchased_at) AS f, MAX(purchased_at) AS l FROM receipts "
            "WHERE id > ? AND id <= ? AND customer_id IS NOT NULL AND ") + kPurchase +
            QStringLiteral(" GROUP BY customer_id ORDER BY customer_id) AS d WHERE customers.id = d.customer_id"));
        customers.bind(receiptsFrom).bind(receiptsTo);
        if (auto r = customers.exec(); !r) return r.error();
        // Points: the purchases' rows stored in the ledger since the last fold, and those of
        // purchases that only noted their account.
        const QString receiptsPoints = pointsOfPurchases(QStringLiteral("receipts u"), QStringLiteral("u.id > ? AND u.id <= ?"));
        Sql accounts(conn, QStringLiteral(
            "UPDATE bonus_accounts SET active_balance = active_balance + d.spent, pending_balance = pending_balance + d.accrued "
            "FROM (SELECT account_id, SUM(CASE WHEN kind = 'deduction' THEN amount ELSE 0 END) AS spent, "
            "SUM(CASE WHEN kind = 'accrual' THEN amount ELSE 0 END) AS accrued FROM (SELECT account_id, kind, amount FROM bonus_ledger "
            "WHERE id > ? AND id <= ? AND ") + kPointsOfPurchase + QStringLiteral(" UNION ALL SELECT account_id, kind, amount FROM (") + receiptsPoints +
            QStringLiteral(") AS p) AS z GROUP BY account_id ORDER BY account_id) AS d WHERE bonus_accounts.id = d.account_id"));
        accounts.bind(ledgerFrom).bind(ledgerTo).bind(receiptsFrom).bind(receiptsTo);
        if (auto r = accounts.exec(); !r) return r.error();
        // Then those purchases' rows are written, in the order of the ledger's account index.
        Sql points(conn, QStringLiteral("INSERT INTO bonus_ledger (account_id, customer_id, kind, amount, status, receipt_id, description, "
                                        "created_at, activates_at, expires_at) ") + receiptsPoints + QStringLiteral(" ORDER BY 1, 8"));
        if (auto r = points.bind(receiptsFrom).bind(receiptsTo).exec(); !r) return r.error();
        Sql move(conn, QStringLiteral("UPDATE metric_marks SET receipt_id = ?, ledger_id = (SELECT COALESCE(MAX(id), 0) FROM bonus_ledger)"));
        if (auto r = move.bind(std::max(receiptsFrom, receiptsTo)).exec(); !r) return r.error();
        return tx.commit();
    });
    if (!done) return done.error();
    // Ingest waits while a fold runs: a long one is worth a line in the log.
    if (timer.elapsed() >= kSlowMs)
        qInfo().noquote() << QStringLiteral("Folded %1 receipts into customer metrics and balances in %2 ms.").arg(folded).arg(timer.elapsed());
    return folded;
}

Result<void> MetricsFold::runIfDue()
{
    if (QDateTime::currentMSecsSinceEpoch() - m_lastMs < m_intervalMs) return {};
    bool idle = false;
    if (!m_running.compare_exchange_strong(idle, true)) return {};
    auto folded = run();
    m_running = false;
    if (!folded) return folded.error();
    return {};
}

QString MetricsFold::orders(const QString &c)
{
    return QStringLiteral("(") + c + QStringLiteral(".orders_count + (SELECT COUNT(*) ") + unfoldedPurchases(c) + QStringLiteral("))");
}

QString MetricsFold::revenue(const QString &c)
{
    return QStringLiteral("CAST(") + c + QStringLiteral(".revenue + (SELECT COALESCE(SUM(u.total), 0) ") + unfoldedPurchases(c) +
           QStringLiteral(") AS BIGINT)");
}

QString MetricsFold::firstPurchase(const QString &c)
{
    return QStringLiteral("(SELECT MIN(v) FROM (SELECT ") + c + QStringLiteral(".first_purchase_at AS v UNION ALL SELECT u.purchased_at ") +
           unfoldedPurchases(c) + QStringLiteral(") AS z)");
}

QString MetricsFold::lastPurchase(const QString &c)
{
    return QStringLiteral("(SELECT MAX(v) FROM (SELECT ") + c + QStringLiteral(".last_purchase_at AS v UNION ALL SELECT u.purchased_at ") +
           unfoldedPurchases(c) + QStringLiteral(") AS z)");
}

QString MetricsFold::activeBalance(const QString &a) { return unfoldedPoints(a, QStringLiteral("active")); }

QString MetricsFold::pendingBalance(const QString &a) { return unfoldedPoints(a, QStringLiteral("pending")); }

QString MetricsFold::ledgerOf(const QString &accounts)
{
    return QStringLiteral("(SELECT id, account_id, customer_id, kind, amount, status, receipt_id, description, created_at, activates_at, expires_at "
                          "FROM bonus_ledger WHERE account_id IN ") +
           accounts + QStringLiteral(" UNION ALL SELECT NULL, p.* FROM (") +
           pointsOfPurchases(QStringLiteral("bonus_accounts a JOIN receipts u ON ") + unfoldedOfAccount(QStringLiteral("a")),
                             QStringLiteral("a.id IN ") + accounts) +
           QStringLiteral(") AS p)");
}

}  // namespace LoyaltyDesk::Server
