#include "ingest.h"

#include "core/customer.h"
#include "core/email.h"
#include "core/json.h"
#include "customers.h"
#include "storage/bulkinsert.h"

#include <QDateTime>
#include <QHash>
#include <QJsonDocument>

namespace LoyaltyDesk::Server {

namespace {

constexpr qint64 kActivationDelay = 14 * 86400;  // accrued points activate after two weeks
constexpr qint64 kPointsLifetime = 365 * 86400;   // and expire a year after the purchase

QJsonArray batchOf(const QJsonValue &body, const QString &key, QList<Core::FieldError> &errors)
{
    if (!body.isObject()) {
        errors.append({key, QStringLiteral("The body must be an object with a list \"%1\".").arg(key)});
        return {};
    }
    const QJsonObject o = body.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        if (it.key() != key) errors.append({it.key(), QStringLiteral("Unknown field.")});
    const QJsonValue list = o.value(key);
    if (!list.isArray()) {
        errors.append({key, QStringLiteral("Must be a list of records.")});
        return {};
    }
    if (list.toArray().isEmpty()) errors.append({key, QStringLiteral("The list is empty.")});
    if (list.toArray().size() > IngestService::kMaxBatch)
        errors.append({key, QStringLiteral("At most %1 records per request.").arg(IngestService::kMaxBatch)});
    return list.toArray();
}

// Finds the customer a record names: customer_id, card_number, phone or e-mail.
class CustomerResolver {
public:
    CustomerResolver(const QSqlDatabase &conn, const Core::PhoneNormalizer &phones)
        : m_byId(conn, QStringLiteral("SELECT id FROM customers WHERE id = ?"), Sql::Direct),
          m_byCard(conn, QStringLiteral("SELECT id, customer_id FROM cards WHERE number = ?"), Sql::Direct),
          m_byContact(conn, QStringLiteral("SELECT customer_id FROM contacts WHERE kind = ? AND value = ? AND valid = 1 ORDER BY is_primary DESC LIMIT 1"),
                      Sql::Direct),
          m_phones(phones)
    {
    }

    struct Found {
        std::optional<qint64> customerId, cardId;
    };

    Result<Found> resolve(Core::Json::Reader &r)
    {
        Found f;
        const auto id = r.integer(QStringLiteral("customer_id"), false, 1);
        const auto card = r.string(QStringLiteral("card_number"), false, 64);
        const auto phone = r.string(QStringLiteral("phone"), false, 64);
        const auto email = r.string(QStringLiteral("email"), false, 254);
        if (id) {
            m_byId.bind(*id);
            auto v = m_byId.scalar();
            if (!v) return v.error();
            if (!v->isValid()) r.fail(QStringLiteral("customer_id"), QStringLiteral("There is no customer with this id."));
            else f.customerId = *id;
        }
        if (card) {
            m_byCard.bind(card->trimmed());
            if (auto e = m_byCard.exec(); !e) return e.error();
            if (m_byCard.next()) {
                f.cardId = m_byCard.value(0).toLongLong();
                if (!f.customerId && !m_byCard.value(1).isNull()) f.customerId = m_byCard.value(1).toLongLong();
            } else {
                r.fail(QStringLiteral("card_number"), QStringLiteral("There is no card with this number."));
            }
        }
        auto byContact = [&](const QString &kind, const QString &value) -> Result<void> {
            m_byContact.bind(kind).bind(value);
            auto v = m_byContact.scalar();
            if (!v) return v.error();
            if (v->isValid()) f.customerId = v->toLongLong();
            return {};
        };
        if (!f.customerId && phone) {
            const QString e164 = m_phones.toE164(*phone);
            if (e164.isEmpty()) r.fail(QStringLiteral("phone"), QStringLiteral("Is not a valid phone number."));
            else if (auto e = byContact(QStringLiteral("phone"), e164); !e) return e.error();
        }
        if (!f.customerId && email) {
            const auto info = Core::EmailNormalizer::normalize(*email);
            if (!info.valid) r.fail(QStringLiteral("email"), info.error);
            else if (auto e = byContact(QStringLiteral("email"), info.normalized); !e) return e.error();
        }
        return f;
    }

private:
    Sql m_byId, m_byCard, m_byContact;
    const Core::PhoneNormalizer &m_phones;
};

QJsonObject itemResult(int index, const QString &externalId, const QString &status, std::optional<qint64> id,
                       const QList<Core::FieldError> &errors = {})
{
    QJsonObject o{{QStringLiteral("index"), index}, {QStringLiteral("external_id"), externalId}, {QStringLiteral("status"), status}};
    if (id) o.insert(QStringLiteral("id"), *id);
    if (!errors.isEmpty()) {
        QJsonArray list;
        for (const auto &e : errors) list.append(QJsonObject{{QStringLiteral("field"), e.field}, {QStringLiteral("message"), e.message}});
        o.insert(QStringLiteral("errors"), list);
    }
    return o;
}

QList<Core::FieldError> errorsOf(Result<void> r)
{
    if (r) return {};
    return r.error().fields;
}

}  // namespace

IngestService::IngestService(Database &db, const Core::PhoneNormalizer &phones) : m_db(db), m_phones(phones) {}

Result<QJsonObject> IngestService::receipts(const Principal &, const QJsonValue &body)
{
    QList<Core::FieldError> structural;
    const QJsonArray list = batchOf(body, QStringLiteral("receipts"), structural);
    if (!structural.isEmpty()) return Core::Json::validationError(structural);

    auto conn = m_db.connection();
    if (!conn) return conn.error();
    // Every customer, card, account and product a row refers to is looked up below, in
    // this transaction.
    ForeignKeyChecksOff trusted(m_db, *conn);
    Transaction tx(m_db, *conn, true);
    if (auto b = tx.begin(); !b) return b.error();
    const qint64 now = QDateTime::currentSecsSinceEpoch();

    Sql partner(*conn, QStringLiteral("SELECT id, currency FROM partners ORDER BY id LIMIT 1"));
    if (auto r = partner.exec(); !r) return r.error();
    if (!partner.next()) return Error::make(Core::ErrorKind::Internal, QStringLiteral("No partner is configured."));
    const qint64 partnerId = partner.value(0).toLongLong();
    const QString currency = partner.value(1).toString();

    CustomerResolver resolver(*conn, m_phones);
    // Receipts already stored, by external id: one query per 500 records, not one per
    // record. Receipts created below join the map, so a repeat inside the batch is a
    // duplicate too.
    QHash<QString, qint64> known;
    {
        QStringList ids;
        for (const QJsonValue &v : list)
            if (v.isObject() && v.toObject().value(QStringLiteral("external_id")).isString())
                ids << v.toObject().value(QStringLiteral("external_id")).toString();
        for (qsizetype from = 0; from < ids.size(); from += 500) {
            const QStringList part = ids.mid(from, 500);
            QString marks;
            for (qsizetype k = 0; k < part.size(); ++k) marks += k ? QStringLiteral(", ?") : QStringLiteral("?");
            Sql q(*conn, QStringLiteral("SELECT external_id, id FROM receipts WHERE partner_id = ? AND external_id IN (") + marks + u')',
                  Sql::Direct);
            q.bind(partnerId);
            for (const QString &id : part) q.bind(id);
            if (auto r = q.exec(); !r) return r.error();
            while (q.next()) known.insert(q.value(0).toString(), q.value(1).toLongLong());
        }
    }
    // Ids for new receipts, taken here so that receipts, their lines and ledger rows can
    // all be written with multi-row INSERTs: on SQLite this transaction holds the write
    // lock (BEGIN IMMEDIATE), so the maximum is ours; PostgreSQL hands out a block of its
    // sequence. (A concurrent PostgreSQL request storing the same external id in the
    // same moment makes this batch fail on the unique key; retried, it reports duplicates.)
    QList<qint64> freeIds;
    qint64 nextId = 0;
    if (m_db.isSqlite()) {
        Sql q(*conn, QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM receipts"));
        auto v = q.scalar();
        if (!v) return v.error();
        nextId = v->toLongLong();
    } else {
        Sql q(*conn, QStringLiteral("SELECT nextval(pg_get_serial_sequence('receipts', 'id')) FROM generate_series(1, ?)"));
        q.bind(qint64(list.size()));
        if (auto r = q.exec(); !r) return r.error();
        while (q.next()) freeIds << q.value(0).toLongLong();
    }
    auto newReceiptId = [&]() { return m_db.isSqlite() ? ++nextId : freeIds.takeFirst(); };
    BulkInsert receiptRows(*conn, QStringLiteral("receipts"),
                           columnList("id, partner_id, external_id, customer_id, card_id, pos, cheque_number, purchased_at, status, total, discount, bonus_accrued, bonus_spent, currency, created_at"));
    // Lines and ledger rows go out as multi-row INSERTs too, and customer metrics and
    // account balances as one UPDATE each, when the batch is done: per-row statements
    // cost more than the rows themselves.
    BulkInsert lineRows(*conn, QStringLiteral("receipt_lines"),
                        columnList("receipt_id, line_no, product_id, sku, name, category, quantity, price, discount, amount, offer"));
    BulkInsert ledgerRows(*conn, QStringLiteral("bonus_ledger"),
                          columnList("account_id, customer_id, kind, amount, status, receipt_id, description, created_at, activates_at, expires_at"));
    Sql product(*conn, QStringLiteral("SELECT id FROM products WHERE partner_id = ? AND sku = ?"), Sql::Direct);
    QHash<QString, QVariant> productIds;
    Sql metrics(*conn, QStringLiteral(
        "UPDATE customers SET orders_count = orders_count + ?, revenue = revenue + ?, "
        "first_purchase_at = CASE WHEN first_purchase_at IS NULL OR first_purchase_at > ? THEN ? ELSE first_purchase_at END, "
        "last_purchase_at = CASE WHEN last_purchase_at IS NULL OR last_purchase_at < ? THEN ? ELSE last_purchase_at END, "
        "updated_at = ? WHERE id = ?"), Sql::Direct);
    QHash<qint64, Core::CustomerMetrics> purchases;  // per customer, this batch
    Sql account(*conn, QStringLiteral("SELECT account_id FROM card_accounts WHERE card_id = ? ORDER BY account_id LIMIT 1"), Sql::Direct);
    QHash<qint64, QVariant> accounts;                      // card -> account
    QHash<qint64, std::pair<qint64, qint64>> balances;     // account -> active, pending change
    const QVariant noText(QMetaType(QMetaType::QString));
    auto text = [&](const QString &v) { return v.isEmpty() ? noText : QVariant(v); };

    QJsonArray results;
    int created = 0, duplicates = 0, rejected = 0;
    const QStringList statuses = {QStringLiteral("completed"), QStringLiteral("unfinished"), QStringLiteral("cancelled")};
    for (int i = 0; i < list.size(); ++i) {
        const QString prefix = QStringLiteral("receipts[%1]").arg(i);
        if (!list.at(i).isObject()) {
            results.append(itemResult(i, {}, QStringLiteral("rejected"), std::nullopt, {{prefix, QStringLiteral("Must be an object.")}}));
            ++rejected;
            continue;
        }
        Core::Json::Reader r(list.at(i).toObject(), prefix);
        const auto externalId = r.string(QStringLiteral("external_id"), true, 100);
        auto who = resolver.resolve(r);
        if (!who) return who.error();
        const auto pos = r.string(QStringLiteral("pos"), false, 100);
        const auto cheque = r.string(QStringLiteral("cheque_number"), false, 100);
        const auto at = r.time(QStringLiteral("purchased_at"), true);
        const auto status = r.oneOf(QStringLiteral("status"), statuses);
        auto total = r.integer(QStringLiteral("total"), false, 0);
        const auto discount = r.integer(QStringLiteral("discount"), false, 0);
        const auto accrued = r.integer(QStringLiteral("bonus_accrued"), false, 0);
        const auto spent = r.integer(QStringLiteral("bonus_spent"), false, 0);
        const auto cur = r.string(QStringLiteral("currency"), false, 3);
        const auto lines = r.array(QStringLiteral("lines"), false, 1000);
        struct Line {
            QString sku, name, category, offer;
            double quantity;
            qint64 price, discount, amount;
        };
        QList<Line> parsed;
        qint64 linesSum = 0;
        if (lines) {
            for (int j = 0; j < lines->size(); ++j) {
                if (!lines->at(j).isObject()) {
                    r.fail(QStringLiteral("lines[%1]").arg(j), QStringLiteral("Must be an object."));
                    continue;
                }
                // Field paths are relative to the line here and prefixed below, on failure
                // only: building them for every line costs more than reading it.
                Core::Json::Reader lr(lines->at(j).toObject());
                Line l;
                l.sku = lr.string(QStringLiteral("sku"), false, 100).value_or(QString());
                l.name = lr.string(QStringLiteral("name"), true, 300).value_or(QString());
                l.category = lr.string(QStringLiteral("category"), false, 200).value_or(QString());
                l.offer = lr.string(QStringLiteral("offer"), false, 300).value_or(QString());
                l.quantity = lr.number(QStringLiteral("quantity"), true).value_or(0);
                l.price = lr.integer(QStringLiteral("price"), true, 0).value_or(0);
                l.discount = lr.integer(QStringLiteral("discount"), false, 0).value_or(0);
                const auto amount = lr.integer(QStringLiteral("amount"), false, 0);
                if (l.quantity <= 0) lr.fail(QStringLiteral("quantity"), QStringLiteral("Must be greater than zero."));
                l.amount = amount ? *amount : std::max<qint64>(0, qRound64(l.price * l.quantity) - l.discount);
                linesSum += l.amount;
                for (const auto &e : errorsOf(lr.finish())) r.fail(QStringLiteral("lines[%1].").arg(j) + e.field, e.message);
                parsed.append(l);
            }
        }
        if (cur && *cur != currency)
            r.fail(QStringLiteral("currency"), QStringLiteral("This brand keeps receipts in %1.").arg(currency));
        if (!total) total = linesSum;
        if (auto done = r.finish(); !done) {
            results.append(itemResult(i, externalId.value_or(QString()), QStringLiteral("rejected"), std::nullopt, done.error().fields));
            ++rejected;
            continue;
        }
        const QString st = status.value_or(QStringLiteral("completed"));
        if (const auto old = known.constFind(*externalId); old != known.cend()) {
            results.append(itemResult(i, *externalId, QStringLiteral("duplicate"), *old));
            ++duplicates;
            continue;
        }
        const qint64 receiptId = newReceiptId();
        known.insert(*externalId, receiptId);
        receiptRows.row({receiptId, partnerId, *externalId, who->customerId ? QVariant(*who->customerId) : QVariant(QMetaType(QMetaType::LongLong)),
                         who->cardId ? QVariant(*who->cardId) : QVariant(QMetaType(QMetaType::LongLong)), text(pos.value_or(QString())),
                         text(cheque.value_or(QString())), *at, st, *total, discount.value_or(0), accrued.value_or(0), spent.value_or(0),
                         currency, now});
        for (int j = 0; j < parsed.size(); ++j) {
            const Line &l = parsed.at(j);
            QVariant productId(QMetaType(QMetaType::LongLong));
            if (!l.sku.isEmpty()) {
                auto known = productIds.constFind(l.sku);
                if (known == productIds.cend()) {
                    product.bind(partnerId).bind(l.sku);
                    auto id = product.scalar();
                    if (!id) return id.error();
                    known = productIds.insert(l.sku, id->isValid() ? *id : productId);
                }
                productId = *known;
            }
            lineRows.row({receiptId, j + 1, productId, text(l.sku), l.name, text(l.category), l.quantity, l.price, l.discount, l.amount,
                          text(l.offer)});
        }
        if (who->customerId && st == QLatin1String("completed")) purchases[*who->customerId].addPurchase(*total, *at);
        if (who->cardId && st == QLatin1String("completed") && (accrued.value_or(0) > 0 || spent.value_or(0) > 0)) {
            auto acc = accounts.constFind(*who->cardId);
            if (acc == accounts.cend()) {
                account.bind(*who->cardId);
                auto id = account.scalar();
                if (!id) return id.error();
                acc = accounts.insert(*who->cardId, *id);
            }
            if (acc->isValid()) {
                const QVariant customer = who->customerId ? QVariant(*who->customerId) : QVariant(QMetaType(QMetaType::LongLong));
                const QVariant none(QMetaType(QMetaType::LongLong));
                if (accrued.value_or(0) > 0)
                    ledgerRows.row({*acc, customer, QStringLiteral("accrual"), *accrued, QStringLiteral("pending"), receiptId,
                                    QStringLiteral("Purchase %1").arg(cheque.value_or(*externalId)), *at, *at + kActivationDelay,
                                    *at + kPointsLifetime});
                if (spent.value_or(0) > 0)
                    ledgerRows.row({*acc, customer, QStringLiteral("deduction"), -*spent, QStringLiteral("spent"), receiptId,
                                    QStringLiteral("Paid with points, purchase %1").arg(cheque.value_or(*externalId)), *at, none, none});
                auto &change = balances[acc->toLongLong()];
                change.first -= spent.value_or(0);
                change.second += accrued.value_or(0);
            }
        }
        results.append(itemResult(i, *externalId, QStringLiteral("created"), receiptId));
        ++created;
    }
    if (auto r = receiptRows.flush(); !r) return r.error();
    if (auto r = lineRows.flush(); !r) return r.error();
    if (auto r = ledgerRows.flush(); !r) return r.error();
    for (auto it = purchases.cbegin(); it != purchases.cend(); ++it) {
        const Core::CustomerMetrics &m = it.value();
        metrics.bind(m.ordersCount).bind(m.revenue).bind(*m.firstPurchaseAt).bind(*m.firstPurchaseAt).bind(*m.lastPurchaseAt)
            .bind(*m.lastPurchaseAt).bind(now).bind(it.key());
        if (auto e = metrics.exec(); !e) return e.error();
    }
    Sql balance(*conn, QStringLiteral("UPDATE bonus_accounts SET active_balance = active_balance + ?, pending_balance = pending_balance + ? WHERE id = ?"),
                Sql::Direct);
    for (auto it = balances.cbegin(); it != balances.cend(); ++it) {
        balance.bind(it->first).bind(it->second).bind(it.key());
        if (auto e = balance.exec(); !e) return e.error();
    }
    if (auto c = tx.commit(); !c) return c.error();
    return QJsonObject{{QStringLiteral("created"), created}, {QStringLiteral("duplicates"), duplicates},
                       {QStringLiteral("rejected"), rejected}, {QStringLiteral("results"), results}};
}

Result<QJsonObject> IngestService::events(const Principal &, const QJsonValue &body)
{
    QList<Core::FieldError> structural;
    const QJsonArray list = batchOf(body, QStringLiteral("events"), structural);
    if (!structural.isEmpty()) return Core::Json::validationError(structural);

    auto conn = m_db.connection();
    if (!conn) return conn.error();
    Transaction tx(m_db, *conn, true);
    if (auto b = tx.begin(); !b) return b.error();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    Sql partner(*conn, QStringLiteral("SELECT MIN(id) FROM partners"));
    auto partnerId = partner.scalar();
    if (!partnerId) return partnerId.error();

    CustomerResolver resolver(*conn, m_phones);
    Sql ins(*conn, QStringLiteral("INSERT INTO events (partner_id, external_id, customer_id, type, properties, source, occurred_at, created_at) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (partner_id, external_id) DO NOTHING RETURNING id"));
    Sql existing(*conn, QStringLiteral("SELECT id FROM events WHERE partner_id = ? AND external_id = ?"));
    QJsonArray results;
    int created = 0, duplicates = 0, rejected = 0;
    for (int i = 0; i < list.size(); ++i) {
        const QString prefix = QStringLiteral("events[%1]").arg(i);
        if (!list.at(i).isObject()) {
            results.append(itemResult(i, {}, QStringLiteral("rejected"), std::nullopt, {{prefix, QStringLiteral("Must be an object.")}}));
            ++rejected;
            continue;
        }
        Core::Json::Reader r(list.at(i).toObject(), prefix);
        const auto externalId = r.string(QStringLiteral("external_id"), true, 100);
        auto who = resolver.resolve(r);
        if (!who) return who.error();
        const auto type = r.string(QStringLiteral("type"), true, 100);
        const auto props = r.object(QStringLiteral("properties"));
        const auto source = r.string(QStringLiteral("source"), false, 100);
        const auto at = r.time(QStringLiteral("occurred_at"), true);
        if (props && QJsonDocument(*props).toJson(QJsonDocument::Compact).size() > 16384)
            r.fail(QStringLiteral("properties"), QStringLiteral("Must be at most 16 KiB of JSON."));
        if (auto done = r.finish(); !done) {
            results.append(itemResult(i, externalId.value_or(QString()), QStringLiteral("rejected"), std::nullopt, done.error().fields));
            ++rejected;
            continue;
        }
        ins.bind(*partnerId).bind(*externalId)
            .bind(who->customerId ? QVariant(*who->customerId) : QVariant(QMetaType(QMetaType::LongLong)))
            .bind(*type).bind(props ? QString::fromUtf8(QJsonDocument(*props).toJson(QJsonDocument::Compact)) : QStringLiteral("{}"))
            .bindOptional(source).bind(*at).bind(now);
        auto newId = ins.scalar();
        if (!newId) return newId.error();
        if (!newId->isValid()) {
            existing.bind(*partnerId).bind(*externalId);
            auto old = existing.scalar();
            if (!old) return old.error();
            results.append(itemResult(i, *externalId, QStringLiteral("duplicate"), old->toLongLong()));
            ++duplicates;
            continue;
        }
        results.append(itemResult(i, *externalId, QStringLiteral("created"), newId->toLongLong()));
        ++created;
    }
    if (auto c = tx.commit(); !c) return c.error();
    return QJsonObject{{QStringLiteral("created"), created}, {QStringLiteral("duplicates"), duplicates},
                       {QStringLiteral("rejected"), rejected}, {QStringLiteral("results"), results}};
}

}  // namespace LoyaltyDesk::Server
