#pragma once

#include "storage/database.h"

#include <QHash>

#include <mutex>
#include <optional>

namespace LoyaltyDesk::Server {

// What each card number resolves to for receipt ingest, kept in memory: the card, its
// holder and its first bonus account. Resolving a batch's cards in SQLite cost a probe
// of the cards' number index, one of the cards table and one of card_accounts per
// receipt, at random places in a large base; here it is a hash lookup.
//
// The directory learns cards as ingest looks them up, and forgets those the table
// card_changes names (migration 0011: triggers log every change that could alter what
// a number resolves to). sync() reads the log inside the write transaction that then
// uses the directory, so what it answers is what the database holds in that
// transaction. That needs a log in commit order, which SQLite's single writer gives:
// the PostgreSQL server does not keep a directory.
class CardDirectory final {
public:
    struct Card {
        qint64 id = 0;
        std::optional<qint64> holder;
        qint64 account = 0;  // the card's first account; cards without one are not kept
    };

    // At most this many cards are kept; past it the directory starts over.
    static constexpr qsizetype kCapacity = 2'000'000;
    // The log keeps this many rows behind its newest; a directory that fell further
    // behind (another process wrote them) starts over.
    static constexpr qint64 kKeptChanges = 10'000;

    // Inside a write transaction: forgets the cards changed since the last call.
    Result<void> sync(const QSqlDatabase &conn);
    std::optional<Card> find(const QString &number) const;
    // A card as the current write transaction read it, after sync().
    void remember(const QString &number, const Card &card);

private:
    void clear();

    mutable std::mutex m_mutex;
    QHash<QString, Card> m_byNumber;
    QHash<qint64, QString> m_numberOf;  // card id -> number
    std::optional<qint64> m_seen;       // the newest log row read
};

}  // namespace LoyaltyDesk::Server
