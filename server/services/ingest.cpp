#include "ingest.h"

#include "core/customer.h"
#include "core/email.h"
#include "core/json.h"
#include "carddirectory.h"
#include "customers.h"
#include "fold.h"
#include "storage/bulkinsert.h"

#include <QDateTime>
#include <QDebug>
#include <QHash>
#include <QSet>
#include <QJsonDocument>

namespace LoyaltyDesk::Server {

namespace {

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

// Finds the customers records name by customer_id, card_number, phone or e-mail, for a
// whole batch: every record's keys are read first (note), then each kind of key is
// looked up for all records at once (lookUp), and each record takes its answer
// (resolve). A few statements per batch instead of a few per record.
class CustomerResolver {
public:
    explicit CustomerResolver(const Core::PhoneNormalizer &phones) : m_phones(phones) {}

    struct Keys {
        std::optional<qint64> id;
        QString card, phone, email;  // phone in E.164, e-mail normalized; empty: absent or invalid
        QString phoneError, emailError;
    };
    struct Found {
        std::optional<qint64> customerId, cardId, cardHolder;
    };

    Keys note(Core::Json::Reader &r)
    {
        Keys k;
        k.id = r.integer(QStringLiteral("customer_id"), false, 1);
        if (const auto card = r.string(QStringLiteral("card_number"), false, 64)) k.card = card->trimmed();
        if (const auto phone = r.string(QStringLiteral("phone"), false, 64)) {
            k.phone = m_phones.toE164(*phone);
            if (k.phone.isEmpty()) k.phoneError = QStringLiteral("Is not a valid phone number.");
        }
        if (const auto email = r.string(QStringLiteral("email"), false, 254)) {
            const auto info = Core::EmailNormalizer::normalize(*email);
            if (info.valid) k.email = info.normalized;
            else k.emailError = info.error;
        }
        if (k.id) m_ids.append(*k.id);
        if (!k.card.isEmpty()) m_cards.append(k.card);
        if (!k.phone.isEmpty()) m_phoneValues.append(k.phone);
        if (!k.email.isEmpty()) m_emailValues.append(k.email);
        return k;
    }

    // Cards come from `directory` when it knows them (SQLite, carddirectory.h); those
    // looked up here join it. Each card found comes with its first account.
    Result<void> lookUp(const QSqlDatabase &conn, CardDirectory *directory = nullptr)
    {
        if (directory)
            if (auto r = directory->sync(conn); !r) return r;
        QVariantList unknownCards;
        QSet<QString> asked;
        for (const QVariant &value : std::as_const(m_cards)) {
            const QString number = value.toString();
            if (asked.contains(number)) continue;
            asked.insert(number);
            if (const auto hit = directory ? directory->find(number) : std::nullopt) {
                m_cardIds.insert(number, {hit->id, hit->holder});
                m_accounts.insert(hit->id, hit->account);
            } else {
                unknownCards << value;
            }
        }
        if (auto r = runIn(conn, QStringLiteral("SELECT id FROM customers WHERE id IN (%1)"), {}, m_ids,
                              [&](const Sql &q) { m_customers.insert(q.value(0).toLongLong()); });
            !r)
            return r;
        QHash<QString, Card> found;
        QVariantList foundIds;
        if (auto r = runIn(conn, QStringLiteral("SELECT number, id, customer_id FROM cards WHERE number IN (%1)"), {}, unknownCards,
                              [&](const Sql &q) {
                                  const Card card{q.value(1).toLongLong(),
                                                  q.value(2).isNull() ? std::nullopt : std::optional<qint64>(q.value(2).toLongLong())};
                                  found.insert(q.value(0).toString(), card);
                                  foundIds << card.first;
                              });
            !r)
            return r;
        if (auto r = runIn(conn, QStringLiteral("SELECT card_id, MIN(account_id) FROM card_accounts WHERE card_id IN (%1) GROUP BY card_id"), {},
                              foundIds, [&](const Sql &q) { m_accounts.insert(q.value(0).toLongLong(), q.value(1).toLongLong()); });
            !r)
            return r;
        for (auto it = found.cbegin(); it != found.cend(); ++it) {
            m_cardIds.insert(it.key(), *it);
            if (directory) directory->remember(it.key(), {it->first, it->second, m_accounts.value(it->first)});
        }
        for (auto [kind, values, found] : {std::tuple{QStringLiteral("phone"), &m_phoneValues, &m_byPhone},
                                           std::tuple{QStringLiteral("email"), &m_emailValues, &m_byEmail}}) {
            // A value shared by several customers names the one whose primary contact it
            // is, else the first customer that had it.
            QHash<QString, std::pair<bool, qint64>> best;
            auto r = runIn(conn, QStringLiteral("SELECT value, customer_id, is_primary FROM contacts WHERE kind = ? AND valid = 1 AND value IN (%1)"),
                              {kind}, *values, [&](const Sql &q) {
                                  const std::pair<bool, qint64> candidate{q.value(2).toInt() != 0, q.value(1).toLongLong()};
                                  auto it = best.find(q.value(0).toString());
                                  if (it == best.end()) best.insert(q.value(0).toString(), candidate);
                                  else if (candidate.first > it->first || (candidate.first == it->first && candidate.second < it->second))
                                      *it = candidate;
                              });
            if (!r) return r;
            for (auto it = best.cbegin(); it != best.cend(); ++it) found->insert(it.key(), it->second);
        }
        return {};
    }

    Found resolve(const Keys &k, Core::Json::Reader &r) const
    {
        Found f;
        if (k.id) {
            if (m_customers.contains(*k.id)) f.customerId = *k.id;
            else r.fail(QStringLiteral("customer_id"), QStringLiteral("There is no customer with this id."));
        }
        if (!k.card.isEmpty()) {
            if (const auto card = m_cardIds.constFind(k.card); card != m_cardIds.cend()) {
                f.cardId = card->first;
                f.cardHolder = card->second;
                if (!f.customerId) f.customerId = f.cardHolder;
            } else {
                r.fail(QStringLiteral("card_number"), QStringLiteral("There is no card with this number."));
            }
        }
        auto byContact = [&](const QString &field, const QString &value, const QString &error, const QHash<QString, qint64> &found) {
            if (f.customerId) return;
            if (!error.isEmpty()) r.fail(field, error);
            else if (const auto it = found.constFind(value); !value.isEmpty() && it != found.cend()) f.customerId = *it;
        };
        byContact(QStringLiteral("phone"), k.phone, k.phoneError, m_byPhone);
        byContact(QStringLiteral("email"), k.email, k.emailError, m_byEmail);
        return f;
    }

    // The first account of each card found, by card.
    const QHash<qint64, qint64> &accounts() const { return m_accounts; }

private:
    const Core::PhoneNormalizer &m_phones;
    QVariantList m_ids, m_cards, m_phoneValues, m_emailValues;
    QSet<qint64> m_customers;
    using Card = std::pair<qint64, std::optional<qint64>>;  // id, holder
    QHash<QString, Card> m_cardIds;                          // by number
    QHash<QString, qint64> m_byPhone, m_byEmail;
    QHash<qint64, qint64> m_accounts;
};

// What became of one record of a batch: "created", "duplicate" or "rejected". The answer
// is built from these after the commit, so that building it does not hold the write lock.
struct Outcome {
    QString externalId, status;
    std::optional<qint64> id;
    QList<Core::FieldError> errors;
};

QJsonObject batchAnswer(const QList<Outcome> &outcomes)
{
    QJsonArray results;
    int created = 0, duplicates = 0, rejected = 0;
    for (qsizetype i = 0; i < outcomes.size(); ++i) {
        const Outcome &out = outcomes.at(i);
        QJsonObject o{{QStringLiteral("index"), int(i)}, {QStringLiteral("external_id"), out.externalId}, {QStringLiteral("status"), out.status}};
        if (out.id) o.insert(QStringLiteral("id"), *out.id);
        if (!out.errors.isEmpty()) {
            QJsonArray list;
            for (const auto &e : out.errors) list.append(QJsonObject{{QStringLiteral("field"), e.field}, {QStringLiteral("message"), e.message}});
            o.insert(QStringLiteral("errors"), list);
        }
        results.append(o);
        if (out.status == QLatin1String("created")) ++created;
        else if (out.status == QLatin1String("duplicate")) ++duplicates;
        else ++rejected;
    }
    return QJsonObject{{QStringLiteral("created"), created}, {QStringLiteral("duplicates"), duplicates},
                       {QStringLiteral("rejected"), rejected}, {QStringLiteral("results"), results}};
}

QList<Core::FieldError> errorsOf(Result<void> r)
{
    if (r) return {};
    return r.error().fields;
}

}  // namespace

IngestService::IngestService(Database &db, const Core::PhoneNormalizer &phones, MetricsFold &fold)
    : m_db(db), m_phones(phones), m_fold(fold), m_cards(db.isSqlite() ? std::make_unique<CardDirectory>() : nullptr)
{
}

IngestService::~IngestService() = default;

Result<QJsonObject> IngestService::receipts(const Principal &, const QJsonValue &body)
{
    QList<Core::FieldError> structural;
    const QJsonArray list = batchOf(body, QStringLiteral("receipts"), structural);
    if (!structural.isEmpty()) return Core::Json::validationError(structural);

    // First every record is read and checked on its own, before the transaction: no
    // other writer waits for this part.
    struct Line {
        QString sku, name, category, offer;
        double quantity;
        qint64 price, discount, amount;
    };
    struct Record {
        std::optional<Core::Json::Reader> reader;  // none: not an object
        CustomerResolver::Keys keys;
        CustomerResolver::Found who;
        std::optional<QString> externalId, pos, cheque, status, currency;
        std::optional<qint64> at, total, discount, accrued, spent;
        QList<Line> lines;
        QList<Core::FieldError> errors;  // none: the record is stored
    };
    CustomerResolver resolver(m_phones);
    const QStringList statuses = {QStringLiteral("completed"), QStringLiteral("unfinished"), QStringLiteral("cancelled")};
    QList<Record> records(list.size());
    QVariantList externalIds, skus;
    QSet<QString> seenSkus;
    for (int i = 0; i < list.size(); ++i) {
        if (!list.at(i).isObject()) continue;
        Record &rec = records[i];
        Core::Json::Reader &r = rec.reader.emplace(list.at(i).toObject(), QStringLiteral("receipts[%1]").arg(i));
        rec.externalId = r.string(QStringLiteral("external_id"), true, 100);
        rec.keys = resolver.note(r);
        rec.pos = r.string(QStringLiteral("pos"), false, 100);
        rec.cheque = r.string(QStringLiteral("cheque_number"), false, 100);
        rec.at = r.time(QStringLiteral("purchased_at"), true);
        rec.status = r.oneOf(QStringLiteral("status"), statuses);
        rec.total = r.integer(QStringLiteral("total"), false, 0);
        rec.discount = r.integer(QStringLiteral("discount"), false, 0);
        rec.accrued = r.integer(QStringLiteral("bonus_accrued"), false, 0);
        rec.spent = r.integer(QStringLiteral("bonus_spent"), false, 0);
        rec.currency = r.string(QStringLiteral("currency"), false, 3);
        const auto lines = r.array(QStringLiteral("lines"), false, 1000);
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
                if (!l.sku.isEmpty() && !seenSkus.contains(l.sku)) {
                    seenSkus.insert(l.sku);
                    skus << l.sku;
                }
                rec.lines.append(l);
            }
        }
        if (!rec.total) rec.total = linesSum;
        if (rec.externalId) externalIds << *rec.externalId;
    }

    // The batch is written on the database's writer connection (see Database::write).
    QList<Outcome> outcomes;
    outcomes.reserve(list.size());
    auto stored = m_db.write([&](const QSqlDatabase &conn) -> Result<void> {
        // Every customer, card, account and product a row refers to is looked up below, in
        // this transaction.
        ForeignKeyChecksOff trusted(m_db, conn);
        Transaction tx(m_db, conn, true);
        if (auto b = tx.begin(); !b) return b.error();
        if (auto r = MetricsFold::shareLock(m_db, conn); !r) return r.error();
        const qint64 now = QDateTime::currentSecsSinceEpoch();

        Sql partner(conn, QStringLiteral("SELECT id, currency FROM partners ORDER BY id LIMIT 1"));
        if (auto r = partner.exec(); !r) return r.error();
        if (!partner.next()) return Error::make(Core::ErrorKind::Internal, QStringLiteral("No partner is configured."));
        const qint64 partnerId = partner.value(0).toLongLong();
        const QString currency = partner.value(1).toString();

        // Receipts already stored, by external id. Receipts created below join the map, so a
        // repeat inside the batch is a duplicate too.
        QHash<QString, qint64> known;
        if (auto r = runIn(conn, QStringLiteral("SELECT external_id, id FROM receipts WHERE partner_id = ? AND external_id IN (%1)"),
                              {partnerId}, externalIds, [&](const Sql &q) { known.insert(q.value(0).toString(), q.value(1).toLongLong()); });
            !r)
            return r.error();
        if (auto r = resolver.lookUp(conn, m_cards.get()); !r) return r.error();
        QHash<QString, QVariant> productIds;
        if (auto r = runIn(conn, QStringLiteral("SELECT sku, id FROM products WHERE partner_id = ? AND sku IN (%1)"), {partnerId}, skus,
                              [&](const Sql &q) { productIds.insert(q.value(0).toString(), q.value(1)); });
            !r)
            return r.error();

        // Each record takes its customer and card.
        for (Record &rec : records) {
            if (!rec.reader) continue;
            Core::Json::Reader &r = *rec.reader;
            rec.who = resolver.resolve(rec.keys, r);
            if (rec.currency && *rec.currency != currency)
                r.fail(QStringLiteral("currency"), QStringLiteral("This brand keeps receipts in %1.").arg(currency));
            rec.errors = errorsOf(r.finish());
        }
        const QHash<qint64, qint64> &accounts = resolver.accounts();  // card -> its first account

        // Ids for new receipts, taken here so that receipts, their lines and ledger rows can
        // all be written with multi-row INSERTs: on SQLite this transaction holds the write
        // lock (BEGIN IMMEDIATE), so the maximum is ours; PostgreSQL hands out a block of its
        // sequence. (A concurrent PostgreSQL request storing the same external id in the
        // same moment makes this batch fail on the unique key; retried, it reports duplicates.)
        // SQLite would hand a deleted row's id out again: receipts and ledger rows take ids
        // past the fold's marks as well, so that no new row passes for folded (fold.h).
        QList<qint64> freeIds;
        qint64 nextId = 0, nextLedgerId = 0;
        if (m_db.isSqlite()) {
            Sql q(conn, QStringLiteral("SELECT MAX(COALESCE((SELECT MAX(id) FROM receipts), 0), m.receipt_id), "
                                       "MAX(COALESCE((SELECT MAX(id) FROM bonus_ledger), 0), m.ledger_id) FROM metric_marks m"));
            if (auto r = q.exec(); !r) return r.error();
            if (!q.next()) return Error::make(Core::ErrorKind::Internal, QStringLiteral("The metric marks are missing."));
            nextId = q.value(0).toLongLong();
            nextLedgerId = q.value(1).toLongLong();
        } else {
            Sql q(conn, QStringLiteral("SELECT nextval(pg_get_serial_sequence('receipts', 'id')) FROM generate_series(1, ?)"));
            q.bind(qint64(list.size()));
            if (auto r = q.exec(); !r) return r.error();
            while (q.next()) freeIds << q.value(0).toLongLong();
        }
        auto newReceiptId = [&]() { return m_db.isSqlite() ? ++nextId : freeIds.takeFirst(); };
        BulkInsert receiptRows(conn, QStringLiteral("receipts"),
                               columnList("id, partner_id, external_id, customer_id, card_id, pos, cheque_number, purchased_at, status, total, discount, bonus_accrued, bonus_spent, currency, created_at, account_id"));
        // Lines go out as multi-row INSERTs too, when the batch is done: per-row statements
        // cost more than the rows themselves. Customer metrics, account balances and the
        // purchases' ledger rows come later, many batches at once (fold.h); only points
        // on a card that is not the buyer's are written to the ledger here.
        BulkInsert lineRows(conn, QStringLiteral("receipt_lines"),
                            columnList("receipt_id, line_no, product_id, sku, name, category, quantity, price, discount, amount, offer"));
        BulkInsert ledgerRows(conn, QStringLiteral("bonus_ledger"),
                              m_db.isSqlite() ? columnList("id, account_id, customer_id, kind, amount, status, receipt_id, description, created_at, activates_at, expires_at")
                                              : columnList("account_id, customer_id, kind, amount, status, receipt_id, description, created_at, activates_at, expires_at"));
        auto ledgerRow = [&](QVariantList values) {
            if (m_db.isSqlite()) values.prepend(++nextLedgerId);
            ledgerRows.row(values);
        };
        const QVariant noText(QMetaType(QMetaType::QString)), noId(QMetaType(QMetaType::LongLong));
        auto text = [&](const std::optional<QString> &v) { return !v || v->isEmpty() ? noText : QVariant(*v); };
        auto id = [&](const std::optional<qint64> &v) { return v ? QVariant(*v) : noId; };

        for (int i = 0; i < records.size(); ++i) {
            const Record &rec = records.at(i);
            if (!rec.reader) {
                outcomes.append({{}, QStringLiteral("rejected"), std::nullopt,
                                          {{QStringLiteral("receipts[%1]").arg(i), QStringLiteral("Must be an object.")}}});
                continue;
            }
            if (!rec.errors.isEmpty()) {
                outcomes.append({rec.externalId.value_or(QString()), QStringLiteral("rejected"), std::nullopt,
                                          rec.errors});
                continue;
            }
            const QString &externalId = *rec.externalId;
            if (const auto old = known.constFind(externalId); old != known.cend()) {
                outcomes.append({externalId, QStringLiteral("duplicate"), *old, {}});
                continue;
            }
            const qint64 receiptId = newReceiptId();
            known.insert(externalId, receiptId);
            const QString st = rec.status.value_or(QStringLiteral("completed"));
            const qint64 at = *rec.at, accrued = rec.accrued.value_or(0), spent = rec.spent.value_or(0);
            const auto acc = rec.who.cardId && st == QLatin1String("completed") ? accounts.constFind(*rec.who.cardId) : accounts.cend();
            const bool holdersPoints = acc != accounts.cend() && rec.who.customerId && rec.who.cardHolder == rec.who.customerId;
            receiptRows.row({receiptId, partnerId, externalId, id(rec.who.customerId), id(rec.who.cardId), text(rec.pos), text(rec.cheque), at, st,
                             *rec.total, rec.discount.value_or(0), accrued, spent, currency, now, holdersPoints ? QVariant(*acc) : noId});
            for (int j = 0; j < rec.lines.size(); ++j) {
                const Line &l = rec.lines.at(j);
                lineRows.row({receiptId, j + 1, l.sku.isEmpty() ? noId : productIds.value(l.sku, noId), text(l.sku), l.name, text(l.category),
                              l.quantity, l.price, l.discount, l.amount, text(l.offer)});
            }
            if (acc != accounts.cend() && !holdersPoints) {
                const QString cheque = text(rec.cheque).isNull() ? externalId : *rec.cheque;
                if (accrued > 0)
                    ledgerRow({*acc, id(rec.who.customerId), QStringLiteral("accrual"), accrued, QStringLiteral("pending"), receiptId,
                                    QStringLiteral("Purchase %1").arg(cheque), at, at + MetricsFold::kActivationDelay, at + MetricsFold::kPointsLifetime});
                if (spent > 0)
                    ledgerRow({*acc, id(rec.who.customerId), QStringLiteral("deduction"), -spent, QStringLiteral("spent"), receiptId,
                                    QStringLiteral("Paid with points, purchase %1").arg(cheque), at, noId, noId});
            }
            outcomes.append({externalId, QStringLiteral("created"), receiptId, {}});
        }
        if (auto r = receiptRows.flush(); !r) return r.error();
        if (auto r = lineRows.flush(); !r) return r.error();
        if (auto r = ledgerRows.flush(); !r) return r.error();
        return tx.commit();
    });
    if (!stored) return stored.error();
    // The batch is stored: should the fold fail, the next one takes these purchases in.
    if (auto folded = m_fold.runIfDue(); !folded) qWarning().noquote() << "Folding purchases into the metrics failed:" << folded.error().message;
    return batchAnswer(outcomes);
}

Result<QJsonObject> IngestService::events(const Principal &, const QJsonValue &body)
{
    QList<Core::FieldError> structural;
    const QJsonArray list = batchOf(body, QStringLiteral("events"), structural);
    if (!structural.isEmpty()) return Core::Json::validationError(structural);

    struct Record {
        std::optional<Core::Json::Reader> reader;  // none: not an object
        CustomerResolver::Keys keys;
        std::optional<QString> externalId, type, source;
        std::optional<QJsonObject> properties;
        std::optional<qint64> at;
    };
    CustomerResolver resolver(m_phones);
    QList<Record> records(list.size());
    for (int i = 0; i < list.size(); ++i) {
        if (!list.at(i).isObject()) continue;
        Record &rec = records[i];
        Core::Json::Reader &r = rec.reader.emplace(list.at(i).toObject(), QStringLiteral("events[%1]").arg(i));
        rec.externalId = r.string(QStringLiteral("external_id"), true, 100);
        rec.keys = resolver.note(r);
        rec.type = r.string(QStringLiteral("type"), true, 100);
        rec.properties = r.object(QStringLiteral("properties"));
        rec.source = r.string(QStringLiteral("source"), false, 100);
        rec.at = r.time(QStringLiteral("occurred_at"), true);
        if (rec.properties && QJsonDocument(*rec.properties).toJson(QJsonDocument::Compact).size() > 16384)
            r.fail(QStringLiteral("properties"), QStringLiteral("Must be at most 16 KiB of JSON."));
    }

    QList<Outcome> outcomes;
    outcomes.reserve(list.size());
    auto stored = m_db.write([&](const QSqlDatabase &conn) -> Result<void> {
        Transaction tx(m_db, conn, true);
        if (auto b = tx.begin(); !b) return b.error();
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        Sql partner(conn, QStringLiteral("SELECT MIN(id) FROM partners"));
        auto partnerId = partner.scalar();
        if (!partnerId) return partnerId.error();
        if (auto r = resolver.lookUp(conn, m_cards.get()); !r) return r.error();

        Sql ins(conn, QStringLiteral("INSERT INTO events (partner_id, external_id, customer_id, type, properties, source, occurred_at, created_at) "
                                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (partner_id, external_id) DO NOTHING RETURNING id"));
        Sql existing(conn, QStringLiteral("SELECT id FROM events WHERE partner_id = ? AND external_id = ?"));
        for (int i = 0; i < records.size(); ++i) {
            Record &rec = records[i];
            if (!rec.reader) {
                outcomes.append({{}, QStringLiteral("rejected"), std::nullopt,
                                          {{QStringLiteral("events[%1]").arg(i), QStringLiteral("Must be an object.")}}});
                continue;
            }
            const auto who = resolver.resolve(rec.keys, *rec.reader);
            if (auto done = rec.reader->finish(); !done) {
                outcomes.append({rec.externalId.value_or(QString()), QStringLiteral("rejected"), std::nullopt, done.error().fields});
                continue;
            }
            ins.bind(*partnerId).bind(*rec.externalId)
                .bind(who.customerId ? QVariant(*who.customerId) : QVariant(QMetaType(QMetaType::LongLong)))
                .bind(*rec.type)
                .bind(rec.properties ? QString::fromUtf8(QJsonDocument(*rec.properties).toJson(QJsonDocument::Compact)) : QStringLiteral("{}"))
                .bindOptional(rec.source).bind(*rec.at).bind(now);
            auto newId = ins.scalar();
            if (!newId) return newId.error();
            if (!newId->isValid()) {
                existing.bind(*partnerId).bind(*rec.externalId);
                auto old = existing.scalar();
                if (!old) return old.error();
                outcomes.append({*rec.externalId, QStringLiteral("duplicate"), old->toLongLong(), {}});
                continue;
            }
            outcomes.append({*rec.externalId, QStringLiteral("created"), newId->toLongLong(), {}});
        }
        return tx.commit();
    });
    if (!stored) return stored.error();
    return batchAnswer(outcomes);
}

}  // namespace LoyaltyDesk::Server
