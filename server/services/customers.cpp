#include "customers.h"

#include "audit.h"
#include "fold.h"
#include "core/email.h"
#include "core/json.h"
#include "core/timezones.h"
#include "storage/rows.h"
#include "storage/statementcache.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace LoyaltyDesk::Server {

using Core::ErrorKind;

namespace {

const QString kTop = QString::fromUtf8("\xF4\x8F\xBF\xBF");  // U+10FFFF: above every other key

QString jsonText(const QJsonValue &v)
{
    if (v.isObject()) return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray()) return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    return {};
}

QVariant nullText() { return QVariant(QMetaType(QMetaType::QString)); }

Error notFound(qint64 id) { return Error::make(ErrorKind::NotFound, QStringLiteral("There is no customer with id %1.").arg(id)); }


struct Range {
    QString kind, from, to;
};


}  // namespace

CustomerService::CustomerService(Database &db, const Core::PhoneNormalizer &phones) : m_db(db), m_phones(phones) {}

QString CustomerService::nameKey(const QString &text)
{
    QString s = text.toLower();
    s.replace(QChar(0x0451), QChar(0x0435));  // ё -> е, as people type it
    return s.simplified();
}

QString CustomerService::cardKey(const QString &number)
{
    QString s;
    for (QChar c : number)
        if (c.isLetterOrNumber()) s += c.toLower();
    return s;
}

QString CustomerService::accountsOf()
{
    return QStringLiteral("(SELECT ca.account_id FROM card_accounts ca JOIN cards k ON k.id = ca.card_id WHERE k.customer_id = ?)");
}

QString CustomerService::phoneKey(const QString &e164) { return e164.startsWith(u'+') ? e164.mid(1) : e164; }

Result<bool> CustomerService::setSubscription(const QSqlDatabase &conn, qint64 customerId, const QString &channel, bool subscribed,
                                              const QString &source, qint64 at)
{
    const int on = subscribed ? 1 : 0;
    Sql cur(conn, QStringLiteral("SELECT subscribed FROM subscriptions WHERE customer_id = ? AND channel = ?"));
    cur.bind(customerId).bind(channel);
    auto v = cur.scalar();
    if (!v) return v.error();
    if (v->isValid() && v->toInt() == on) return false;
    Sql upsert(conn, QStringLiteral("INSERT INTO subscriptions (customer_id, channel, subscribed, updated_at) VALUES (?, ?, ?, ?) "
                                    "ON CONFLICT (customer_id, channel) DO UPDATE SET subscribed = excluded.subscribed, updated_at = excluded.updated_at"));
    upsert.bind(customerId).bind(channel).bind(on).bind(at);
    if (auto r = upsert.exec(); !r) return r.error();
    Sql history(conn, QStringLiteral("INSERT INTO consent_history (customer_id, channel, subscribed, source, at) VALUES (?, ?, ?, ?, ?)"));
    history.bind(customerId).bind(channel).bind(on).bind(source).bind(at);
    if (auto r = history.exec(); !r) return r.error();
    return true;
}

Result<void> CustomerService::rebuildSearchKeys(const QSqlDatabase &conn, qint64 customerId)
{
    Sql del(conn, QStringLiteral("DELETE FROM search_keys WHERE customer_id = ?"));
    del.bind(customerId);
    if (auto r = del.exec(); !r) return r;
    QList<std::pair<QString, QString>> keys;
    Sql c(conn, QStringLiteral("SELECT first_name, last_name, middle_name FROM customers WHERE id = ?"));
    c.bind(customerId);
    if (auto r = c.exec(); !r) return r;
    if (c.next()) {
        const QString first = c.value(0).toString(), last = c.value(1).toString(), middle = c.value(2).toString();
        const QString a = nameKey(last + u' ' + first + u' ' + middle), b = nameKey(first + u' ' + middle + u' ' + last);
        if (!a.isEmpty()) keys.append({QStringLiteral("name"), a});
        if (!b.isEmpty() && b != a) keys.append({QStringLiteral("name"), b});
    }
    Sql contacts(conn, QStringLiteral("SELECT kind, value FROM contacts WHERE customer_id = ? AND valid = 1 AND kind IN ('phone', 'email')"));
    contacts.bind(customerId);
    if (auto r = contacts.exec(); !r) return r;
    while (contacts.next()) {
        const QString kind = contacts.value(0).toString();
        const QString v = contacts.value(1).toString();
        keys.append({kind, kind == QLatin1String("phone") ? phoneKey(v) : v.toLower()});
    }
    Sql cards(conn, QStringLiteral("SELECT number FROM cards WHERE customer_id = ?"));
    cards.bind(customerId);
    if (auto r = cards.exec(); !r) return r;
    while (cards.next()) keys.append({QStringLiteral("card"), cardKey(cards.value(0).toString())});
    Sql ins(conn, QStringLiteral("INSERT INTO search_keys (kind, key, customer_id) VALUES (?, ?, ?)"));
    for (const auto &[kind, key] : keys) {
        ins.bind(kind).bind(key).bind(customerId);
        if (auto r = ins.exec(); !r) return r;
    }
    return {};
}

Result<Page> CustomerService::search(const QString &rawText, const PageRequest &page)
{
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    const QString text = rawText.trimmed();
    if (text.size() > 200) return Error::validation(QStringLiteral("q"), QStringLiteral("The search text is too long (at most 200 characters)."));
    const qint64 after = page.cursor ? page.cursor->at(0).toLongLong() : 0;

    QList<Range> ranges;
    QString cheque;
    static const QRegularExpression phoneLike(QStringLiteral("^[\\d\\s()+\\-.]+$"));
    if (text.contains(u'@')) {
        const QString key = text.toLower();
        ranges.append({QStringLiteral("email"), key, key + kTop});
    } else if (!text.isEmpty() && phoneLike.match(text).hasMatch()) {
        QString digits;
        for (QChar c : text)
            if (c.isDigit()) digits += c;
        QSet<QString> prefixes;
        const QString e164 = m_phones.toE164(text);
        if (!e164.isEmpty()) {
            prefixes.insert(phoneKey(e164));
        } else if (!digits.isEmpty()) {
            prefixes.insert(digits);
            if (m_phones.defaultRegion() == QLatin1String("RU")) {
                if (digits.startsWith(u'8')) prefixes.insert(u'7' + digits.mid(1));
                if (!digits.startsWith(u'7') && !digits.startsWith(u'8')) prefixes.insert(u'7' + digits);
            }
        }
        for (const QString &p : std::as_const(prefixes)) ranges.append({QStringLiteral("phone"), p, p + kTop});
        if (!digits.isEmpty()) ranges.append({QStringLiteral("card"), cardKey(text), cardKey(text) + kTop});
        cheque = text;
    } else if (!text.isEmpty()) {
        const QString key = nameKey(text);
        ranges.append({QStringLiteral("name"), key, key + kTop});
        // Card numbers with letters, and cheque numbers of any shape.
        const QString card = cardKey(text);
        if (!card.isEmpty()) ranges.append({QStringLiteral("card"), card, card + kTop});
        cheque = text;
    }

    QString sql;
    QVariantList binds;
    if (ranges.isEmpty() && cheque.isEmpty()) {
        sql = QStringLiteral("SELECT id FROM customers WHERE id > ? ORDER BY id LIMIT ?");
        binds << after << page.limit + 1;
    } else {
        QStringList parts;
        for (const auto &r : ranges) {
            parts << QStringLiteral("SELECT customer_id FROM search_keys WHERE kind = ? AND key >= ? AND key < ? AND customer_id > ?");
            binds << r.kind << r.from << r.to << after;
        }
        if (!cheque.isEmpty()) {
            parts << QStringLiteral("SELECT customer_id FROM receipts WHERE cheque_number = ? AND customer_id > ?");
            binds << cheque << after;
        }
        sql = QStringLiteral("SELECT customer_id FROM (") + parts.join(QStringLiteral(" UNION ")) +
              QStringLiteral(") AS m ORDER BY customer_id LIMIT ?");
        binds << page.limit + 1;
    }
    // Both statements come prepared from the thread's cache: preparing costs as much as the lookup.
    QList<qint64> found;
    {
        CachedSql ids(*conn, sql);
        for (const auto &b : binds) ids->bind(b);
        if (auto r = ids.exec(); !r) return r.error();
        while (ids->next()) found << ids->value(0).toLongLong();
    }

    Page result;
    if (found.size() > page.limit) {
        found.resize(page.limit);
        result.nextCursor = Cursor::encode({found.last()});
    }
    if (found.isEmpty()) return result;

    const QString rowsSql = QStringLiteral(
        "SELECT c.id, c.first_name, c.last_name, c.middle_name, c.city, c.birth_date, t.name AS tier, "
        "(SELECT value FROM contacts WHERE customer_id = c.id AND kind = 'phone' ORDER BY is_primary DESC, id LIMIT 1) AS phone, "
        "(SELECT value FROM contacts WHERE customer_id = c.id AND kind = 'email' ORDER BY is_primary DESC, id LIMIT 1) AS email, "
        "(SELECT number FROM cards WHERE customer_id = c.id ORDER BY CASE WHEN state = 'active' THEN 0 ELSE 1 END, id DESC LIMIT 1) AS card, "
        ) + MetricsFold::orders(QStringLiteral("c")) + QStringLiteral(" AS orders_count, ") + MetricsFold::revenue(QStringLiteral("c")) +
        QStringLiteral(" AS revenue, ") + MetricsFold::lastPurchase(QStringLiteral("c")) + QStringLiteral(" AS last_purchase_at "
        "FROM customers c LEFT JOIN status_tiers t ON t.id = c.tier_id WHERE c.id IN (") + placeholders(found.size()) +
        QStringLiteral(") ORDER BY c.id");
    CachedSql rows(*conn, rowsSql);
    for (qint64 id : found) rows->bind(id);
    if (auto r = rows.exec(); !r) return r.error();
    while (rows->next()) result.items.append(rowToJson(rows->query()));
    return result;
}

Result<void> CustomerService::exists(const QSqlDatabase &conn, qint64 id)
{
    CachedSql q(conn, QStringLiteral("SELECT 1 FROM customers WHERE id = ?"));
    q->bind(id);
    auto v = q.scalar();
    if (!v) return v.error();
    if (!v->isValid()) return notFound(id);
    return {};
}

Result<QJsonObject> CustomerService::profile(qint64 id)
{
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    CachedSql c(*conn, QStringLiteral(
        "SELECT c.id, c.external_id, c.first_name, c.last_name, c.middle_name, c.gender, c.birth_date, c.address, c.city, "
        "c.time_zone, c.preferred_categories, c.children, c.pets, c.custom_attributes, c.source, c.created_at, c.updated_at, "
        ) + MetricsFold::orders(QStringLiteral("c")) + QStringLiteral(" AS orders_count, ") + MetricsFold::revenue(QStringLiteral("c")) +
        QStringLiteral(" AS revenue, ") + MetricsFold::firstPurchase(QStringLiteral("c")) + QStringLiteral(" AS first_purchase_at, ") +
        MetricsFold::lastPurchase(QStringLiteral("c")) + QStringLiteral(" AS last_purchase_at, t.code AS tier_code, t.name AS tier_name, "
        "p.currency FROM customers c JOIN partners p ON p.id = c.partner_id LEFT JOIN status_tiers t ON t.id = c.tier_id WHERE c.id = ?"));
    c->bind(id);
    if (auto r = c.exec(); !r) return r.error();
    if (!c->next()) return notFound(id);
    QJsonObject o = rowToJson(c->query());
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    Core::CustomerMetrics m;
    m.ordersCount = c->value(QStringLiteral("orders_count")).toLongLong();
    m.revenue = c->value(QStringLiteral("revenue")).toLongLong();
    if (!c->value(QStringLiteral("first_purchase_at")).isNull()) m.firstPurchaseAt = c->value(QStringLiteral("first_purchase_at")).toLongLong();
    if (!c->value(QStringLiteral("last_purchase_at")).isNull()) m.lastPurchaseAt = c->value(QStringLiteral("last_purchase_at")).toLongLong();
    QJsonObject metrics = m.toJson(now);
    metrics.insert(QStringLiteral("currency"), o.value(QStringLiteral("currency")));
    o.insert(QStringLiteral("metrics"), metrics);
    for (const char *k : {"orders_count", "revenue", "first_purchase_at", "last_purchase_at"}) o.remove(QString::fromLatin1(k));
    o.insert(QStringLiteral("tier"), o.value(QStringLiteral("tier_code")).isNull()
                                         ? QJsonValue()
                                         : QJsonValue(QJsonObject{{QStringLiteral("code"), o.value(QStringLiteral("tier_code"))},
                                                                  {QStringLiteral("name"), o.value(QStringLiteral("tier_name"))}}));
    o.remove(QStringLiteral("tier_code"));
    o.remove(QStringLiteral("tier_name"));

    CachedSql contacts(*conn, QStringLiteral("SELECT id, kind, raw_value, value, valid, confirmed, is_primary, details, created_at, updated_at "
                                       "FROM contacts WHERE customer_id = ? ORDER BY kind, is_primary DESC, id"));
    contacts->bind(id);
    if (auto r = contacts.exec(); !r) return r.error();
    QJsonArray contactList;
    while (contacts->next()) contactList.append(rowToJson(contacts->query()));
    o.insert(QStringLiteral("contacts"), contactList);

    CachedSql subs(*conn, QStringLiteral("SELECT channel, subscribed, updated_at FROM subscriptions WHERE customer_id = ? ORDER BY channel"));
    subs->bind(id);
    if (auto r = subs.exec(); !r) return r.error();
    QJsonArray subList;
    while (subs->next()) subList.append(rowToJson(subs->query()));
    o.insert(QStringLiteral("subscriptions"), subList);

    CachedSql hist(*conn, QStringLiteral("SELECT channel, subscribed, source, at FROM consent_history WHERE customer_id = ? ORDER BY at DESC, id DESC LIMIT 100"));
    hist->bind(id);
    if (auto r = hist.exec(); !r) return r.error();
    QJsonArray histList;
    while (hist->next()) histList.append(rowToJson(hist->query()));
    o.insert(QStringLiteral("consent_history"), histList);

    // Balances over the accounts linked to the customer's cards (an account shared by
    // several cards counts once).
    CachedSql bal(*conn, QStringLiteral(
        "SELECT CAST(COALESCE(SUM(") + MetricsFold::activeBalance(QStringLiteral("a")) + QStringLiteral("), 0) AS BIGINT), CAST(COALESCE(SUM(") +
        MetricsFold::pendingBalance(QStringLiteral("a")) + QStringLiteral("), 0) AS BIGINT), COUNT(*) FROM bonus_accounts a WHERE a.id IN ") +
        accountsOf());
    bal->bind(id);
    if (auto r = bal.exec(); !r) return r.error();
    bal->next();
    QJsonObject balance{{QStringLiteral("active"), bal->value(0).toLongLong()},
                        {QStringLiteral("pending"), bal->value(1).toLongLong()},
                        {QStringLiteral("accounts"), bal->value(2).toLongLong()}};
    CachedSql soon(*conn, QStringLiteral(
        "SELECT COALESCE(SUM(CASE WHEN status = 'pending' AND activates_at BETWEEN ? AND ? THEN amount ELSE 0 END), 0), "
        "COALESCE(SUM(CASE WHEN status = 'active' AND expires_at BETWEEN ? AND ? THEN amount ELSE 0 END), 0) "
        "FROM ") + MetricsFold::ledgerOf(accountsOf()) + QStringLiteral(" AS l"));
    soon->bind(now).bind(now + 30 * 86400).bind(now).bind(now + 30 * 86400).bind(id).bind(id);
    if (auto r = soon.exec(); !r) return r.error();
    soon->next();
    balance.insert(QStringLiteral("activating_30d"), soon->value(0).toLongLong());
    balance.insert(QStringLiteral("expiring_30d"), soon->value(1).toLongLong());
    o.insert(QStringLiteral("balance"), balance);

    CachedSql rfm(*conn, QStringLiteral("SELECT grp AS segment, r, f, m, recency_days, frequency, monetary, computed_at FROM customer_rfm WHERE customer_id = ?"));
    rfm->bind(id);
    if (auto r = rfm.exec(); !r) return r.error();
    o.insert(QStringLiteral("rfm"), rfm->next() ? QJsonValue(rowToJson(rfm->query())) : QJsonValue());

    CachedSql card(*conn, QStringLiteral("SELECT number, state, category FROM cards WHERE customer_id = ? "
                                   "ORDER BY CASE WHEN state = 'active' THEN 0 ELSE 1 END, id DESC LIMIT 1"));
    card->bind(id);
    if (auto r = card.exec(); !r) return r.error();
    o.insert(QStringLiteral("primary_card"), card->next() ? QJsonValue(rowToJson(card->query())) : QJsonValue());
    return o;
}

Result<Page> CustomerService::part(qint64 id, ProfilePart part, const PartFilter &f, const PageRequest &page)
{
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    if (auto r = exists(*conn, id); !r) return r.error();

    // Every part pages newest first on (sort column, id).
    QString select, sortCol, idCol;
    QVariantList binds{id};
    QString where;
    switch (part) {
    case ProfilePart::Receipts:
        select = QStringLiteral("SELECT r.id, r.external_id, r.pos, r.cheque_number, r.purchased_at, r.status, r.total, r.discount, "
                                "r.bonus_accrued, r.bonus_spent, r.currency, k.number AS card_number FROM receipts r "
                                "LEFT JOIN cards k ON k.id = r.card_id WHERE r.customer_id = ?");
        sortCol = QStringLiteral("r.purchased_at");
        idCol = QStringLiteral("r.id");
        if (f.from) { where += QStringLiteral(" AND r.purchased_at >= ?"); binds << *f.from; }
        if (f.to) { where += QStringLiteral(" AND r.purchased_at <= ?"); binds << *f.to; }
        if (!f.pos.isEmpty()) { where += QStringLiteral(" AND r.pos = ?"); binds << f.pos; }
        if (!f.cheque.isEmpty()) { where += QStringLiteral(" AND r.cheque_number = ?"); binds << f.cheque; }
        if (!f.card.isEmpty()) { where += QStringLiteral(" AND k.number = ?"); binds << f.card; }
        break;
    case ProfilePart::Cards:
        select = QStringLiteral("SELECT k.id, k.number, k.category, k.type, k.state, g.name AS card_group, k.issued_at, k.blocked_at "
                                "FROM cards k LEFT JOIN card_groups g ON g.id = k.group_id WHERE k.customer_id = ?");
        sortCol = QStringLiteral("k.issued_at");
        idCol = QStringLiteral("k.id");
        break;
    case ProfilePart::Accounts:
        select = QStringLiteral("SELECT a.id, a.currency, ") + MetricsFold::activeBalance(QStringLiteral("a")) + QStringLiteral(" AS active_balance, ") +
                 MetricsFold::pendingBalance(QStringLiteral("a")) + QStringLiteral(" AS pending_balance, a.created_at FROM bonus_accounts a WHERE a.id IN ") +
                 accountsOf();
        sortCol = QStringLiteral("a.created_at");
        idCol = QStringLiteral("a.id");
        break;
    case ProfilePart::Ledger:
        // Rows the fold is still to write have no id yet: they page by a key past every
        // stored id (2^52, which cursors carry exactly), from their receipt's, and come
        // first among rows of the same time.
        select = QStringLiteral("SELECT * FROM (SELECT l.id, l.account_id, l.kind, l.amount, l.status, l.receipt_id, l.description, l.created_at, "
                                "l.activates_at, l.expires_at, COALESCE(l.id, 4503599627370496 + 2 * l.receipt_id + "
                                "CASE WHEN l.kind = 'deduction' THEN 1 ELSE 0 END) AS page_key FROM ") +
                 MetricsFold::ledgerOf(accountsOf()) + QStringLiteral(" AS l) AS l WHERE 1 = 1");
        binds << id;
        sortCol = QStringLiteral("l.created_at");
        idCol = QStringLiteral("l.page_key");
        if (f.from) { where += QStringLiteral(" AND l.created_at >= ?"); binds << *f.from; }
        if (f.to) { where += QStringLiteral(" AND l.created_at <= ?"); binds << *f.to; }
        break;
    case ProfilePart::Events:
        select = QStringLiteral("SELECT e.id, e.external_id, e.type, e.properties, e.source, e.occurred_at FROM events e WHERE e.customer_id = ?");
        sortCol = QStringLiteral("e.occurred_at");
        idCol = QStringLiteral("e.id");
        if (!f.type.isEmpty()) { where += QStringLiteral(" AND e.type = ?"); binds << f.type; }
        if (f.from) { where += QStringLiteral(" AND e.occurred_at >= ?"); binds << *f.from; }
        if (f.to) { where += QStringLiteral(" AND e.occurred_at <= ?"); binds << *f.to; }
        break;
    case ProfilePart::Messages:
        select = QStringLiteral("SELECT m.id, m.channel, m.campaign_id, m.campaign_name, m.template_id, m.subject, m.recipient, m.status, "
                                "m.created_at, m.updated_at FROM messages m WHERE m.customer_id = ?");
        sortCol = QStringLiteral("m.created_at");
        idCol = QStringLiteral("m.id");
        break;
    case ProfilePart::Coupons:
        select = QStringLiteral("SELECT c.id, c.code, c.offer, c.issued_at, c.expires_at, c.redeemed_at, c.receipt_id FROM coupons c WHERE c.customer_id = ?");
        sortCol = QStringLiteral("c.issued_at");
        idCol = QStringLiteral("c.id");
        break;
    case ProfilePart::Support:
        select = QStringLiteral("SELECT s.id, s.direction, s.channel, s.author, s.body, s.created_at FROM support_messages s WHERE s.customer_id = ?");
        sortCol = QStringLiteral("s.created_at");
        idCol = QStringLiteral("s.id");
        break;
    case ProfilePart::Audit:
        select = QStringLiteral("SELECT a.id, a.at, a.username, a.action, a.entity, a.entity_id, a.details FROM audit_log a WHERE a.customer_id = ?");
        sortCol = QStringLiteral("a.at");
        idCol = QStringLiteral("a.id");
        break;
    }
    if (page.cursor) {
        where += QStringLiteral(" AND (%1 < ? OR (%1 = ? AND %2 < ?))").arg(sortCol, idCol);
        binds << page.cursor->at(0) << page.cursor->at(0) << page.cursor->at(1);
    }
    CachedSql q(*conn, select + where + QStringLiteral(" ORDER BY %1 DESC, %2 DESC LIMIT ?").arg(sortCol, idCol));
    for (const auto &b : binds) q->bind(b);
    q->bind(page.limit + 1);
    if (auto r = q.exec(); !r) return r.error();
    Page result;
    QList<qint64> rowIds;
    QList<qint64> sortValues;
    const QString sortName = sortCol.mid(sortCol.indexOf(u'.') + 1), idName = idCol.mid(idCol.indexOf(u'.') + 1);
    while (q->next()) {
        if (result.items.size() == page.limit) {
            result.nextCursor = Cursor::encode({sortValues.last(), rowIds.last()});
            break;
        }
        QJsonObject item = rowToJson(q->query());
        if (idName != QLatin1String("id")) item.remove(idName);
        result.items.append(item);
        rowIds << q->value(idName).toLongLong();
        sortValues << q->value(sortName).toLongLong();
    }
    if (rowIds.isEmpty()) return result;

    // Children of the page's rows, fetched in one query each.
    auto attach = [&](const QString &sql, const QString &parentCol, const QString &key) -> Result<void> {
        CachedSql c(*conn, sql.arg(placeholders(rowIds.size())));
        for (qsizetype n = sql.count(QLatin1String("%1")); n > 0; --n)
            for (qint64 rid : rowIds) c->bind(rid);
        if (auto r = c.exec(); !r) return r;
        QHash<qint64, QJsonArray> byParent;
        while (c->next()) {
            QJsonObject child = rowToJson(c->query());
            const qint64 parent = child.take(parentCol).toInteger();
            byParent[parent].append(child);
        }
        for (qsizetype i = 0; i < result.items.size(); ++i) {
            QJsonObject item = result.items.at(i).toObject();
            item.insert(key, byParent.value(rowIds.at(i)));
            result.items[i] = item;
        }
        return {};
    };
    Result<void> attached;
    switch (part) {
    case ProfilePart::Receipts:
        attached = attach(QStringLiteral("SELECT receipt_id, line_no, sku, name, category, quantity, price, discount, amount, offer "
                                         "FROM receipt_lines WHERE receipt_id IN (%1) ORDER BY receipt_id, line_no"),
                          QStringLiteral("receipt_id"), QStringLiteral("lines"));
        break;
    case ProfilePart::Cards:
        attached = attach(QStringLiteral("SELECT ca.card_id, a.id, a.currency, ") + MetricsFold::activeBalance(QStringLiteral("a")) +
                              QStringLiteral(" AS active_balance, ") + MetricsFold::pendingBalance(QStringLiteral("a")) +
                              QStringLiteral(" AS pending_balance FROM card_accounts ca "
                                         "JOIN bonus_accounts a ON a.id = ca.account_id WHERE ca.card_id IN (%1) ORDER BY a.id"),
                          QStringLiteral("card_id"), QStringLiteral("accounts"));
        if (attached)
            attached = attach(QStringLiteral("SELECT r.new_card_id, o.number AS old_number, r.reason, r.at FROM card_replacements r "
                                             "JOIN cards o ON o.id = r.old_card_id WHERE r.new_card_id IN (%1) ORDER BY r.at"),
                              QStringLiteral("new_card_id"), QStringLiteral("replaced"));
        break;
    case ProfilePart::Accounts: {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        attached = attach(QStringLiteral("SELECT account_id, kind, amount, status, activates_at, expires_at FROM ") +
                              MetricsFold::ledgerOf(QStringLiteral("(%1)")) + QStringLiteral(" AS l WHERE ((status = 'pending' AND activates_at >= ") + QString::number(now) +
                              QStringLiteral(") OR (status = 'active' AND expires_at >= ") + QString::number(now) +
                              QStringLiteral(")) ORDER BY COALESCE(activates_at, expires_at)"),
                          QStringLiteral("account_id"), QStringLiteral("upcoming"));
        break;
    }
    case ProfilePart::Messages:
        attached = attach(QStringLiteral("SELECT message_id, status, at, details FROM message_status WHERE message_id IN (%1) ORDER BY at, id"),
                          QStringLiteral("message_id"), QStringLiteral("timeline"));
        break;
    default:
        break;
    }
    if (!attached) return attached.error();
    return result;
}

Result<QJsonObject> CustomerService::editableSnapshot(const QSqlDatabase &conn, qint64 id)
{
    Sql c(conn, QStringLiteral("SELECT c.external_id, c.first_name, c.last_name, c.middle_name, c.gender, c.birth_date, c.address, c.city, "
                               "c.time_zone, c.source, c.preferred_categories, c.children, c.pets, c.custom_attributes, t.code AS tier, "
                               "(SELECT raw_value FROM contacts WHERE customer_id = c.id AND kind = 'phone' AND is_primary = 1 LIMIT 1) AS phone, "
                               "(SELECT raw_value FROM contacts WHERE customer_id = c.id AND kind = 'email' AND is_primary = 1 LIMIT 1) AS email "
                               "FROM customers c LEFT JOIN status_tiers t ON t.id = c.tier_id WHERE c.id = ?"));
    c.bind(id);
    if (auto r = c.exec(); !r) return r.error();
    if (!c.next()) return notFound(id);
    QJsonObject o = rowToJson(c.query());
    Sql subs(conn, QStringLiteral("SELECT channel, subscribed FROM subscriptions WHERE customer_id = ?"));
    subs.bind(id);
    if (auto r = subs.exec(); !r) return r.error();
    QJsonObject s;
    while (subs.next()) s.insert(subs.value(0).toString(), subs.value(1).toInt() != 0);
    o.insert(QStringLiteral("subscriptions"), s);
    return o;
}

Result<void> CustomerService::setPrimaryContact(const QSqlDatabase &conn, qint64 customerId, const QString &kind,
                                                const std::optional<QString> &value)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    Sql demote(conn, QStringLiteral("UPDATE contacts SET is_primary = 0, updated_at = ? WHERE customer_id = ? AND kind = ? AND is_primary = 1"));
    demote.bind(now).bind(customerId).bind(kind);
    if (auto r = demote.exec(); !r) return r;
    if (!value || value->trimmed().isEmpty()) return {};

    QString normalized;
    bool valid = false;
    QJsonObject details;
    if (kind == QLatin1String("phone")) {
        const Core::PhoneInfo p = m_phones.normalize(*value);
        valid = p.valid;
        normalized = p.e164;
        details = valid ? QJsonObject{{QStringLiteral("type"), p.type}, {QStringLiteral("region"), p.region},
                                      {QStringLiteral("location"), p.location}, {QStringLiteral("time_zone"), p.timeZone}}
                        : QJsonObject{{QStringLiteral("error"), p.error}};
    } else {
        const Core::EmailInfo e = Core::EmailNormalizer::normalize(*value);
        valid = e.valid;
        normalized = e.normalized;
        details = valid ? QJsonObject{{QStringLiteral("provider"), e.provider}} : QJsonObject{{QStringLiteral("error"), e.error}};
    }
    if (valid) {
        // The same phone or e-mail on another customer would make lookups ambiguous.
        Sql other(conn, QStringLiteral("SELECT customer_id FROM contacts WHERE kind = ? AND value = ? AND valid = 1 AND customer_id <> ? LIMIT 1"));
        other.bind(kind).bind(normalized).bind(customerId);
        auto owner = other.scalar();
        if (!owner) return owner.error();
        if (owner->isValid()) {
            Error e = Error::make(ErrorKind::Conflict, QStringLiteral("This %1 already belongs to customer %2.")
                                                          .arg(kind == QLatin1String("phone") ? QStringLiteral("phone number") : QStringLiteral("e-mail address"))
                                                          .arg(owner->toLongLong()));
            e.fields.append({kind, e.message});
            return e;
        }
    }
    // Re-use the row when the customer already has this value.
    Sql same(conn, QStringLiteral("SELECT id FROM contacts WHERE customer_id = ? AND kind = ? AND (value = ? OR raw_value = ?) LIMIT 1"));
    same.bind(customerId).bind(kind).bind(valid ? normalized : *value).bind(*value);
    auto existing = same.scalar();
    if (!existing) return existing.error();
    if (existing->isValid()) {
        Sql up(conn, QStringLiteral("UPDATE contacts SET is_primary = 1, raw_value = ?, value = ?, valid = ?, details = ?, updated_at = ? WHERE id = ?"));
        up.bind(*value).bind(valid ? QVariant(normalized) : nullText()).bind(valid ? 1 : 0).bind(jsonText(details)).bind(now).bind(*existing);
        return up.exec();
    }
    Sql ins(conn, QStringLiteral("INSERT INTO contacts (customer_id, kind, raw_value, value, valid, confirmed, is_primary, details, created_at, updated_at) "
                                 "VALUES (?, ?, ?, ?, ?, 0, 1, ?, ?, ?)"));
    ins.bind(customerId).bind(kind).bind(*value).bind(valid ? QVariant(normalized) : nullText()).bind(valid ? 1 : 0)
        .bind(jsonText(details)).bind(now).bind(now);
    return ins.exec();
}

Result<void> CustomerService::applyChanges(const QSqlDatabase &conn, const Principal &who, qint64 id,
                                           const Core::CustomerChanges &ch, bool creating)
{
    QStringList sets;
    QVariantList binds;
    auto text = [&](const char *col, const auto &field) {
        if (!field) return;
        sets << QString::fromLatin1(col) + QStringLiteral(" = ?");
        binds << (*field ? QVariant(**field) : nullText());
    };
    text("external_id", ch.externalId);
    text("first_name", ch.firstName);
    text("last_name", ch.lastName);
    text("middle_name", ch.middleName);
    text("gender", ch.gender);
    text("birth_date", ch.birthDate);
    text("address", ch.address);
    text("city", ch.city);
    text("time_zone", ch.timeZone);
    text("source", ch.source);
    auto json = [&](const char *col, const auto &field, auto toValue) {
        if (!field) return;
        sets << QString::fromLatin1(col) + QStringLiteral(" = ?");
        binds << (*field ? QVariant(jsonText(toValue(**field))) : nullText());
    };
    json("preferred_categories", ch.preferredCategories, [](const QStringList &l) { return QJsonValue(QJsonArray::fromStringList(l)); });
    json("children", ch.children, [](const QJsonArray &a) { return QJsonValue(a); });
    json("pets", ch.pets, [](const QJsonArray &a) { return QJsonValue(a); });
    json("custom_attributes", ch.customAttributes, [](const QJsonObject &o) { return QJsonValue(o); });
    if (ch.tier) {
        QVariant tierId = QVariant(QMetaType(QMetaType::LongLong));
        if (*ch.tier) {
            Sql t(conn, QStringLiteral("SELECT id FROM status_tiers WHERE code = ?"));
            t.bind(**ch.tier);
            auto v = t.scalar();
            if (!v) return v.error();
            if (!v->isValid()) return Error::validation(QStringLiteral("tier"), QStringLiteral("There is no status tier \"%1\".").arg(**ch.tier));
            tierId = *v;
        }
        sets << QStringLiteral("tier_id = ?");
        binds << tierId;
    }
    // A city given without a time zone sets the zone when we know the city.
    if (ch.city && *ch.city && !ch.timeZone) {
        const QString zone = Core::TimeZones::forCity(**ch.city);
        if (!zone.isEmpty()) {
            sets << QStringLiteral("time_zone = ?");
            binds << zone;
        }
    }
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    sets << QStringLiteral("updated_at = ?");
    binds << now;
    Sql up(conn, QStringLiteral("UPDATE customers SET ") + sets.join(QStringLiteral(", ")) + QStringLiteral(" WHERE id = ?"));
    for (const auto &b : binds) up.bind(b);
    up.bind(id);
    if (auto r = up.exec(); !r) {
        if (r.error().message.contains(QStringLiteral("UNIQUE"), Qt::CaseInsensitive) || r.error().message.contains(QStringLiteral("duplicate key")))
            return Error{ErrorKind::Conflict, QStringLiteral("Another customer already has this external id."),
                         {{QStringLiteral("external_id"), QStringLiteral("Already used by another customer.")}}, 409, {}};
        return r;
    }
    if (ch.phone)
        if (auto r = setPrimaryContact(conn, id, QStringLiteral("phone"), *ch.phone); !r) return r;
    if (ch.email)
        if (auto r = setPrimaryContact(conn, id, QStringLiteral("email"), *ch.email); !r) return r;
    // Without an explicit zone, a phone's geography is the next best guess.
    if (ch.phone && *ch.phone && !ch.timeZone) {
        const Core::PhoneInfo p = m_phones.normalize(**ch.phone);
        if (!p.timeZone.isEmpty()) {
            Sql tz(conn, QStringLiteral("UPDATE customers SET time_zone = ? WHERE id = ? AND (time_zone IS NULL OR ? = 1)"));
            tz.bind(p.timeZone).bind(id).bind(creating && !(ch.city && *ch.city) ? 1 : 0);
            if (auto r = tz.exec(); !r) return r;
        }
    }
    if (ch.subscriptions) {
        const QString source = QStringLiteral("user:") + who.username;
        for (auto it = ch.subscriptions->begin(); it != ch.subscriptions->end(); ++it)
            if (auto r = setSubscription(conn, id, it.key(), it->toBool(), source, now); !r) return r.error();
    }
    return rebuildSearchKeys(conn, id);
}

Result<QJsonObject> CustomerService::create(const Principal &who, const Core::CustomerChanges &changes)
{
    if (!(changes.firstName && *changes.firstName) && !(changes.lastName && *changes.lastName) &&
        !(changes.phone && *changes.phone) && !(changes.email && *changes.email))
        return Error::validation(QStringLiteral("first_name"), QStringLiteral("Give at least a name, a phone number or an e-mail address."));
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    Transaction tx(m_db, *conn, true);
    if (auto b = tx.begin(); !b) return b.error();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    Sql ins(*conn, QStringLiteral("INSERT INTO customers (partner_id, source, created_at, updated_at) "
                                  "VALUES ((SELECT MIN(id) FROM partners), 'contact_center', ?, ?) RETURNING id"));
    ins.bind(now).bind(now);
    auto id = ins.scalar();
    if (!id) return id.error();
    const qint64 customerId = id->toLongLong();
    if (auto r = applyChanges(*conn, who, customerId, changes, true); !r) return r.error();
    auto after = editableSnapshot(*conn, customerId);
    if (!after) return after.error();
    if (auto r = Audit::record(*conn, who, QStringLiteral("customer.create"), QStringLiteral("customer"), customerId, customerId,
                               QJsonObject{{QStringLiteral("values"), *after}});
        !r)
        return r.error();
    if (auto c = tx.commit(); !c) return c.error();
    return profile(customerId);
}

Result<QJsonObject> CustomerService::update(const Principal &who, qint64 id, const Core::CustomerChanges &changes)
{
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    Transaction tx(m_db, *conn, true);
    if (auto b = tx.begin(); !b) return b.error();
    auto before = editableSnapshot(*conn, id);
    if (!before) return before.error();
    if (!changes.isEmpty()) {
        if (auto r = applyChanges(*conn, who, id, changes, false); !r) return r.error();
        auto after = editableSnapshot(*conn, id);
        if (!after) return after.error();
        const QJsonObject diff = Audit::diff(*before, *after);
        if (!diff.isEmpty())
            if (auto r = Audit::record(*conn, who, QStringLiteral("customer.update"), QStringLiteral("customer"), id, id,
                                       QJsonObject{{QStringLiteral("changes"), diff}});
                !r)
                return r.error();
    }
    if (auto c = tx.commit(); !c) return c.error();
    return profile(id);
}

Result<QJsonObject> CustomerService::issueCard(const Principal &who, qint64 id, const QJsonObject &body)
{
    Core::Json::Reader r(body);
    const auto number = r.string(QStringLiteral("number"), true, 64);
    const auto category = r.string(QStringLiteral("category"), false, 100);
    const auto type = r.oneOf(QStringLiteral("type"), {QStringLiteral("plastic"), QStringLiteral("virtual")});
    const auto replaces = r.string(QStringLiteral("replaces"), false, 64);
    const auto reason = r.string(QStringLiteral("reason"), false, 300);
    if (number && cardKey(*number) != number->trimmed().toLower().remove(u' '))
        r.fail(QStringLiteral("number"), QStringLiteral("Use only letters and digits (spaces are ignored)."));
    if (auto done = r.finish(); !done) return done.error();
    const QString cardNumber = QString(*number).remove(u' ').trimmed();

    auto conn = m_db.connection();
    if (!conn) return conn.error();
    Transaction tx(m_db, *conn, true);
    if (auto b = tx.begin(); !b) return b.error();
    if (auto e = exists(*conn, id); !e) return e.error();
    Sql dup(*conn, QStringLiteral("SELECT customer_id FROM cards WHERE number = ?"));
    dup.bind(cardNumber);
    auto owner = dup.scalar();
    if (!owner) return owner.error();
    if (owner->isValid())
        return Error{ErrorKind::Conflict, QStringLiteral("The card %1 is already issued.").arg(cardNumber),
                     {{QStringLiteral("number"), QStringLiteral("Already issued.")}}, 409, {}};
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    std::optional<qint64> oldCard;
    QList<qint64> accounts;
    if (replaces) {
        Sql old(*conn, QStringLiteral("SELECT id FROM cards WHERE number = ? AND customer_id = ?"));
        old.bind(replaces->trimmed()).bind(id);
        auto v = old.scalar();
        if (!v) return v.error();
        if (!v->isValid()) return Error::validation(QStringLiteral("replaces"), QStringLiteral("This customer has no card %1.").arg(*replaces));
        oldCard = v->toLongLong();
        Sql acc(*conn, QStringLiteral("SELECT account_id FROM card_accounts WHERE card_id = ?"));
        acc.bind(*oldCard);
        if (auto e = acc.exec(); !e) return e.error();
        while (acc.next()) accounts << acc.value(0).toLongLong();
    }
    Sql ins(*conn, QStringLiteral("INSERT INTO cards (partner_id, customer_id, number, category, type, state, issued_at) "
                                  "VALUES ((SELECT partner_id FROM customers WHERE id = ?), ?, ?, ?, ?, 'active', ?) RETURNING id"));
    ins.bind(id).bind(id).bind(cardNumber).bind(category.value_or(QStringLiteral("standard"))).bind(type.value_or(QStringLiteral("virtual"))).bind(now);
    auto cardId = ins.scalar();
    if (!cardId) return cardId.error();
    if (oldCard) {
        // The balance moves with the customer: the new card shares the old card's accounts.
        Sql block(*conn, QStringLiteral("UPDATE cards SET state = 'replaced', blocked_at = ? WHERE id = ?"));
        block.bind(now).bind(*oldCard);
        if (auto e = block.exec(); !e) return e.error();
        Sql rep(*conn, QStringLiteral("INSERT INTO card_replacements (old_card_id, new_card_id, reason, at) VALUES (?, ?, ?, ?)"));
        rep.bind(*oldCard).bind(*cardId).bind(reason.value_or(QString())).bind(now);
        if (auto e = rep.exec(); !e) return e.error();
    } else {
        Sql acc(*conn, QStringLiteral("INSERT INTO bonus_accounts (partner_id, currency, created_at) "
                                      "VALUES ((SELECT partner_id FROM customers WHERE id = ?), 'points', ?) RETURNING id"));
        acc.bind(id).bind(now);
        auto accId = acc.scalar();
        if (!accId) return accId.error();
        accounts << accId->toLongLong();
    }
    Sql link(*conn, QStringLiteral("INSERT INTO card_accounts (card_id, account_id) VALUES (?, ?)"));
    for (qint64 a : accounts) {
        link.bind(*cardId).bind(a);
        if (auto e = link.exec(); !e) return e.error();
    }
    if (auto k = rebuildSearchKeys(*conn, id); !k) return k.error();
    const QJsonObject card{{QStringLiteral("id"), cardId->toLongLong()}, {QStringLiteral("number"), cardNumber},
                           {QStringLiteral("category"), category.value_or(QStringLiteral("standard"))},
                           {QStringLiteral("type"), type.value_or(QStringLiteral("virtual"))}, {QStringLiteral("state"), QStringLiteral("active")},
                           {QStringLiteral("issued_at"), Core::Json::isoUtc(now)},
                           {QStringLiteral("replaces"), replaces ? QJsonValue(*replaces) : QJsonValue()}};
    if (auto a = Audit::record(*conn, who, QStringLiteral("card.issue"), QStringLiteral("card"), cardId->toLongLong(), id, card); !a)
        return a.error();
    if (auto c = tx.commit(); !c) return c.error();
    return card;
}

}  // namespace LoyaltyDesk::Server
