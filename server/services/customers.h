#pragma once

#include "core/customer.h"
#include "core/phone.h"
#include "http/router.h"
#include "paging.h"
#include "storage/database.h"

#include <QJsonObject>

namespace LoyaltyDesk::Server {

// The parts of a customer's 360° profile that page on their own.
enum class ProfilePart { Receipts, Cards, Accounts, Ledger, Events, Messages, Coupons, Support, Audit };

struct PartFilter {
    std::optional<qint64> from, to;  // time range, epoch seconds, inclusive
    QString pos, cheque, card, type;
};

class CustomerService final {
public:
    CustomerService(Database &db, const Core::PhoneNormalizer &phones);

    // One box for everything: phone in any format, e-mail, card, cheque number or
    // name (either word order), as a prefix so it works while typing.
    Result<Page> search(const QString &text, const PageRequest &page);
    Result<QJsonObject> profile(qint64 id);
    Result<Page> part(qint64 id, ProfilePart part, const PartFilter &filter, const PageRequest &page);

    Result<QJsonObject> create(const Principal &who, const Core::CustomerChanges &changes);
    Result<QJsonObject> update(const Principal &who, qint64 id, const Core::CustomerChanges &changes);
    // Issues a card to the customer with a new bonus account linked to it.
    Result<QJsonObject> issueCard(const Principal &who, qint64 id, const QJsonObject &body);

    // The bonus accounts linked to a customer's cards, as "(SELECT account_id ...)" with
    // one parameter, the customer's id. Their balances are the customer's, and their
    // ledger is the customer's bonus history (a shared account counts once).
    static QString accountsOf();

    // Search keys, for everything that writes customers, contacts or cards.
    static QString nameKey(const QString &text);
    static QString cardKey(const QString &number);
    static QString phoneKey(const QString &e164);
    static Result<void> rebuildSearchKeys(const QSqlDatabase &conn, qint64 customerId);
    // Sets a customer's subscription to a channel and, when that changes it, records the
    // consent with its source ("user:<name>", "unsubscribe link"). Returns whether it changed.
    static Result<bool> setSubscription(const QSqlDatabase &conn, qint64 customerId, const QString &channel, bool subscribed,
                                        const QString &source, qint64 at);


private:
    Result<void> exists(const QSqlDatabase &conn, qint64 id);
    Result<void> applyChanges(const QSqlDatabase &conn, const Principal &who, qint64 id,
                              const Core::CustomerChanges &changes, bool creating);
    Result<void> setPrimaryContact(const QSqlDatabase &conn, qint64 customerId, const QString &kind,
                                   const std::optional<QString> &value);
    Result<QJsonObject> editableSnapshot(const QSqlDatabase &conn, qint64 id);

    Database &m_db;
    const Core::PhoneNormalizer &m_phones;
};

}  // namespace LoyaltyDesk::Server
