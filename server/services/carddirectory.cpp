#include "carddirectory.h"

namespace LoyaltyDesk::Server {

Result<void> CardDirectory::sync(const QSqlDatabase &conn)
{
    Sql range(conn, QStringLiteral("SELECT COALESCE(MIN(seq), 0), COALESCE(MAX(seq), 0) FROM card_changes"), Sql::Direct);
    if (auto r = range.exec(); !r) return r.error();
    if (!range.next()) return Error::make(Core::ErrorKind::Internal, QStringLiteral("Cannot read the card change log."));
    const qint64 oldest = range.value(0).toLongLong(), newest = range.value(1).toLongLong();
    std::lock_guard lock(m_mutex);
    if (!m_seen || newest < *m_seen || (newest > *m_seen && oldest > *m_seen + 1)) {
        // First use, a log that went back (a restored file), or rows this directory never
        // read were pruned: nothing kept can be trusted.
        clear();
    } else if (newest > *m_seen) {
        Sql changed(conn, QStringLiteral("SELECT card_id FROM card_changes WHERE seq > ?"), Sql::Direct);
        changed.bind(*m_seen);
        if (auto r = changed.exec(); !r) return r.error();
        while (changed.next())
            if (const auto number = m_numberOf.take(changed.value(0).toLongLong()); !number.isNull()) m_byNumber.remove(number);
    }
    m_seen = newest;
    // Rows far behind the newest are of no use to a directory that keeps up. The newest
    // row stays, so SQLite never hands out its number again.
    if (newest - oldest > 2 * kKeptChanges) {
        Sql prune(conn, QStringLiteral("DELETE FROM card_changes WHERE seq < ?"), Sql::Direct);
        if (auto r = prune.bind(newest - kKeptChanges).exec(); !r) return r.error();
    }
    return {};
}

std::optional<CardDirectory::Card> CardDirectory::find(const QString &number) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_byNumber.constFind(number);
    if (it == m_byNumber.cend()) return std::nullopt;
    return *it;
}

void CardDirectory::remember(const QString &number, const Card &card)
{
    if (!card.account) return;
    std::lock_guard lock(m_mutex);
    if (m_byNumber.size() >= kCapacity) clear();
    // A number that named another card before (the old one removed, the number reused).
    if (const auto old = m_byNumber.constFind(number); old != m_byNumber.cend() && old->id != card.id) m_numberOf.remove(old->id);
    m_byNumber.insert(number, card);
    m_numberOf.insert(card.id, number);
}

void CardDirectory::clear()
{
    m_byNumber.clear();
    m_numberOf.clear();
}

}  // namespace LoyaltyDesk::Server
