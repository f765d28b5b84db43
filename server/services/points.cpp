#include "points.h"

#include "fold.h"
#include "storage/bulkinsert.h"

#include <QHash>

#include <algorithm>

namespace LoyaltyDesk::Server {

namespace {

constexpr int kRowsPerTransaction = 2000;
constexpr int kAccountsPerTransaction = 200;

// One accrual while an account's ledger is replayed.
struct Lot {
    qint64 id, remaining, activatesAt;
    std::optional<qint64> expiresAt;
    bool active;  // not pending, and not burnt by an earlier settlement
};

}  // namespace

PointsService::PointsService(Database &db, MetricsFold &fold) : m_db(db), m_fold(fold) {}

Result<PointsService::Settled> PointsService::settle(qint64 now)
{
    // Accruals to activate and deductions to replay may still be on their receipts only.
    if (auto folded = m_fold.run(); !folded) return folded.error();
    Settled out;
    for (;;) {
        auto n = activate(now, out);
        if (!n) return n.error();
        if (*n < kRowsPerTransaction) break;
    }
    for (;;) {
        auto n = expire(now, out);
        if (!n) return n.error();
        if (*n < kAccountsPerTransaction) break;
    }
    return out;
}

Result<int> PointsService::activate(qint64 now, Settled &out)
{
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    Transaction tx(m_db, *conn, true);
    if (auto b = tx.begin(); !b) return b.error();
    // Balances move here too: not while a fold runs (PostgreSQL would deadlock them).
    if (auto r = MetricsFold::shareLock(m_db, *conn); !r) return r.error();
    Sql due(*conn, QStringLiteral("SELECT id, account_id, amount FROM bonus_ledger WHERE status = 'pending' AND activates_at <= ? "
                                  "ORDER BY activates_at, id LIMIT ?"));
    due.bind(now).bind(kRowsPerTransaction);
    if (auto r = due.exec(); !r) return r.error();
    QVariantList ids;
    QHash<qint64, qint64> moved;  // account -> points
    while (due.next()) {
        ids << due.value(0);
        moved[due.value(1).toLongLong()] += due.value(2).toLongLong();
    }
    if (ids.isEmpty()) return 0;
    if (auto r = runIn(*conn, QStringLiteral("UPDATE bonus_ledger SET status = 'active' WHERE id IN (%1)"), {}, ids); !r) return r.error();
    QList<QVariantList> balances;
    for (auto it = moved.cbegin(); it != moved.cend(); ++it) balances.append({it.key(), *it});
    if (auto r = updateRows(*conn, QStringLiteral("bonus_accounts"), columnList("id, points"),
                            QStringLiteral("active_balance = active_balance + :points, pending_balance = pending_balance - :points"), balances);
        !r)
        return r.error();
    if (auto c = tx.commit(); !c) return c.error();
    out.activated += int(ids.size());
    return int(ids.size());
}

Result<int> PointsService::expire(qint64 now, Settled &out)
{
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    Transaction tx(m_db, *conn, true);
    if (auto b = tx.begin(); !b) return b.error();
    // Balances move here too: not while a fold runs (PostgreSQL would deadlock them).
    if (auto r = MetricsFold::shareLock(m_db, *conn); !r) return r.error();
    Sql due(*conn, QStringLiteral("SELECT DISTINCT account_id FROM bonus_ledger WHERE status = 'active' AND expires_at <= ? AND kind = 'accrual' AND amount > 0 LIMIT ?"));
    due.bind(now).bind(kAccountsPerTransaction);
    if (auto r = due.exec(); !r) return r.error();
    QVariantList accounts;
    while (due.next()) accounts << due.value(0);
    if (accounts.isEmpty()) return 0;

    // Every row of those accounts, in the order things happened.
    struct Row {
        qint64 id, account, amount, at;
        std::optional<qint64> customer, activatesAt, expiresAt;
        QString kind, status;
    };
    QList<Row> rows;
    if (auto r = runIn(*conn,
                          QStringLiteral("SELECT id, account_id, customer_id, kind, amount, status, created_at, activates_at, expires_at "
                                         "FROM bonus_ledger WHERE account_id IN (%1)"),
                          {}, accounts,
                          [&](const Sql &q) {
                              auto opt = [&](int i) { return q.value(i).isNull() ? std::nullopt : std::optional<qint64>(q.value(i).toLongLong()); };
                              rows.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(4).toLongLong(), q.value(6).toLongLong(),
                                           opt(2), opt(7), opt(8), q.value(3).toString(), q.value(5).toString()});
                          });
        !r)
        return r.error();
    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        return std::tie(a.account, a.at, a.id) < std::tie(b.account, b.at, b.id);
    });

    BulkInsert expiries(*conn, QStringLiteral("bonus_ledger"),
                        columnList("account_id, customer_id, kind, amount, status, receipt_id, description, created_at, activates_at, expires_at"));
    QVariantList burnedLots;
    QList<QVariantList> balances;
    const QVariant none(QMetaType(QMetaType::LongLong));
    for (qsizetype from = 0; from < rows.size();) {
        const qint64 account = rows.at(from).account;
        qsizetype to = from;
        while (to < rows.size() && rows.at(to).account == account) ++to;
        // Replay: each spending takes points from the accruals usable at its time that
        // expire first; an accrual past its expiry gives nothing.
        QList<Lot> lots;
        std::optional<qint64> customer;
        for (qsizetype i = from; i < to; ++i) {
            const Row &row = rows.at(i);
            if (row.customer) customer = row.customer;
            if (row.kind == QLatin1String("accrual") && row.amount > 0) {
                lots.append({row.id, row.amount, row.activatesAt.value_or(row.at), row.expiresAt, row.status == QLatin1String("active")});
            } else if (row.kind == QLatin1String("deduction") && row.amount < 0) {
                std::stable_sort(lots.begin(), lots.end(), [](const Lot &a, const Lot &b) {
                    return a.expiresAt.value_or(std::numeric_limits<qint64>::max()) < b.expiresAt.value_or(std::numeric_limits<qint64>::max());
                });
                qint64 wanted = -row.amount;
                for (Lot &lot : lots) {
                    if (wanted == 0) break;
                    if (lot.activatesAt > row.at || (lot.expiresAt && *lot.expiresAt <= row.at) || lot.remaining <= 0) continue;
                    const qint64 take = std::min(lot.remaining, wanted);
                    lot.remaining -= take;
                    wanted -= take;
                }
            }
        }
        qint64 burned = 0;
        for (const Lot &lot : lots) {
            // Pending ones activate first; burnt ones are done.
            if (!lot.active || !lot.expiresAt || *lot.expiresAt > now) continue;
            burnedLots << lot.id;
            ++out.expired;
            if (lot.remaining > 0) {
                expiries.row({account, customer ? QVariant(*customer) : none, QStringLiteral("expiry"), -lot.remaining, QStringLiteral("expired"),
                              none, QStringLiteral("Points expired"), *lot.expiresAt, none, none});
                burned += lot.remaining;
            }
        }
        if (burned > 0) balances.append({account, burned});
        from = to;
    }
    if (auto r = expiries.flush(); !r) return r.error();
    if (auto r = runIn(*conn, QStringLiteral("UPDATE bonus_ledger SET status = 'expired' WHERE id IN (%1)"), {}, burnedLots); !r)
        return r.error();
    if (auto r = updateRows(*conn, QStringLiteral("bonus_accounts"), columnList("id, burned"),
                            QStringLiteral("active_balance = active_balance - :burned"), balances);
        !r)
        return r.error();
    if (auto c = tx.commit(); !c) return c.error();
    return int(accounts.size());
}

}  // namespace LoyaltyDesk::Server
