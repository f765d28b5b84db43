#pragma once

#include "storage/database.h"

#include <atomic>

namespace LoyaltyDesk::Server {

// Customer metrics (orders, revenue, first and last purchase) and bonus account balances
// are running totals. Receipt ingest does not add each purchase to them as it stores it:
// that dirtied a customer row and an account row at random places for every receipt,
// two of the few random page writes a receipt costs (docs/benchmarks.md). Instead the
// totals are brought up to date here, for many receipts at once, in key order, so that
// a row or a page touched by many purchases is written once.
//
// Nor does it write a purchase's accrual and deduction rows to the bonus ledger: each
// one was an entry at a random place of the ledger's account index. It notes the
// account on the receipt (receipts.account_id), and the fold writes the rows, in account
// order. Ingest notes the account only when the receipt's customer owns the card; a
// receipt whose card is someone else's, or no one's, writes its rows at once, so that
// the receipts of an account's card holders are all its unfolded purchases.
//
// The table metric_marks says how far the totals go: receipts with a greater id, and
// the accrual and deduction rows of receipts with a greater ledger id, are not in them
// yet. Every reader still sees exact figures:
// - reads of one customer or account, or of a page of them (profile, search results,
//   member pages, templates), add what is not folded yet, with the expressions below,
//   in the same statement;
// - reads over the whole base (segments, RFM, exports, points settling) fold first.
// Nothing is lost on a crash: the marks move in the transaction that folds.
class MetricsFold final {
public:
    // Ingest folds after a batch once the last fold is `intervalMs` old.
    MetricsFold(Database &db, qint64 intervalMs);

    // Folds everything stored so far; returns how many receipts it took in.
    Result<qint64> run();
    // Runs a fold if one is due (one caller at a time; the others go on).
    Result<void> runIfDue();

    // Writers that add receipts or ledger rows to be folded take this in their
    // transaction. On PostgreSQL a fold waits until none of them is running, so every
    // id below the greatest it sees is committed; SQLite writes one at a time anyway.
    static Result<void> shareLock(const Database &db, const QSqlDatabase &conn);

    // Exact figures of the customer `c` names (a table alias): its columns plus its
    // purchases not folded yet.
    static QString orders(const QString &c);
    static QString revenue(const QString &c);
    static QString firstPurchase(const QString &c);
    static QString lastPurchase(const QString &c);
    // Exact balances of the account `a` names.
    static QString activeBalance(const QString &a);
    static QString pendingBalance(const QString &a);
    // The whole ledger of the accounts `accounts` lists (an SQL list or subquery; it is
    // used twice, so its parameters are bound twice), as a table: the rows stored, and
    // those the fold is still to write, with a NULL id. Columns as in bonus_ledger.
    static QString ledgerOf(const QString &accounts);

    // A purchase's accrued points become active after two weeks and expire a year after it.
    static constexpr qint64 kActivationDelay = 14 * 86400;
    static constexpr qint64 kPointsLifetime = 365 * 86400;

private:
    Database &m_db;
    const qint64 m_intervalMs;
    std::atomic<qint64> m_lastMs;
    std::atomic<bool> m_running = false;
};

}  // namespace LoyaltyDesk::Server
