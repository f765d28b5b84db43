#include "segmentcompiler.h"

#include <QDate>
#include <QDateTime>

#include <cmath>

namespace LoyaltyDesk::Server {

using namespace Core::Segments;

namespace {

constexpr qint64 kDay = 86400;
constexpr int kMaxSegmentDepth = 8;

qint64 dayStart(const QString &date)
{
    return QDateTime(QDate::fromString(date, Qt::ISODate), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
}

QDate today(qint64 now) { return QDateTime::fromSecsSinceEpoch(now, Qt::UTC).date(); }

Error compileError(const QString &message) { return Error::validation(QStringLiteral("rule"), message); }

// Joins parts evaluated strictly left to right (a braced list is sequenced; a chain of
// operator+ is not), so positional binds made inside the parts follow the text.
QString cat(std::initializer_list<QString> parts)
{
    QString out;
    for (const auto &p : parts) out += p;
    return out;
}

}  // namespace

SegmentCompiler::SegmentCompiler(Dialect dialect, qint64 now, SegmentResolver resolver)
    : m_dialect(dialect), m_now(now), m_resolver(std::move(resolver))
{
}

QStringList SegmentCompiler::anniversaryDays(qint64 now, int days)
{
    QStringList out;
    const QDate start = today(now);
    for (int i = 0; i <= days; ++i) {
        const QDate d = start.addDays(i);
        out << d.toString(QStringLiteral("MM-dd"));
        if (d.month() == 2 && d.day() == 28 && !QDate::isLeapYear(d.year())) out << QStringLiteral("02-29");
    }
    out.removeDuplicates();
    return out;
}

QString SegmentCompiler::bind(const QVariant &value)
{
    m_binds << value;
    return QStringLiteral("?");
}

QString SegmentCompiler::binds(const QJsonArray &values, bool lowerCase)
{
    QStringList marks;
    for (const auto &v : values) {
        if (v.isDouble()) marks << bind(v.toDouble() == std::floor(v.toDouble()) ? QVariant(static_cast<qint64>(v.toDouble())) : QVariant(v.toDouble()));
        else marks << bind(lowerCase ? v.toString().toLower() : v.toString());
    }
    return marks.join(QStringLiteral(", "));
}

QString SegmentCompiler::lower(const QString &expr) const
{
    // SQLite's lower() folds ASCII only; ld_lower (registered on each connection) folds
    // Unicode the way QString::toLower does.
    return (m_dialect == Dialect::SQLite ? QStringLiteral("ld_lower(") : QStringLiteral("lower(")) + expr + u')';
}

QString SegmentCompiler::contains(const QString &expr, const QString &needle)
{
    const QString fn = m_dialect == Dialect::SQLite ? QStringLiteral("instr") : QStringLiteral("strpos");
    return fn + u'(' + lower(expr) + QStringLiteral(", ") + bind(needle.toLower()) + QStringLiteral(") > 0");
}

// Each expression appears once in what these build: expressions may carry bound values
// of their own, and positional binds must follow the text. "Not" forms count a missing
// value as a match: COALESCE(test, TRUE).
QString SegmentCompiler::stringPredicate(const QString &expr, const Condition &c)
{
    const QString low = lower(expr);
    if (c.op == Op::Eq) return low + QStringLiteral(" = ") + bind(c.value.toString().toLower());
    if (c.op == Op::Neq) return QStringLiteral("COALESCE(") + low + QStringLiteral(" <> ") + bind(c.value.toString().toLower()) + QStringLiteral(", TRUE)");
    if (c.op == Op::In) return low + QStringLiteral(" IN (") + binds(c.value.toArray(), true) + u')';
    if (c.op == Op::NotIn) return QStringLiteral("COALESCE(") + low + QStringLiteral(" NOT IN (") + binds(c.value.toArray(), true) + QStringLiteral("), TRUE)");
    if (c.op == Op::Contains) return contains(expr, c.value.toString());
    if (c.op == Op::StartsWith) {
        const QString prefix = c.value.toString().toLower();
        return cat({QStringLiteral("substr("), low, QStringLiteral(", 1, "), bind(static_cast<qint64>(prefix.size())), QStringLiteral(") = "), bind(prefix)});
    }
    if (c.op == Op::Empty) return QStringLiteral("COALESCE(") + expr + QStringLiteral(", '') = ''");
    return QStringLiteral("COALESCE(") + expr + QStringLiteral(", '') <> ''");
}

QString SegmentCompiler::enumPredicate(const QString &expr, const Condition &c)
{
    if (c.op == Op::Eq) return expr + QStringLiteral(" = ") + bind(c.value.toString());
    if (c.op == Op::Neq) return QStringLiteral("COALESCE(") + expr + QStringLiteral(" <> ") + bind(c.value.toString()) + QStringLiteral(", TRUE)");
    if (c.op == Op::In) return expr + QStringLiteral(" IN (") + binds(c.value.toArray()) + u')';
    if (c.op == Op::NotIn) return QStringLiteral("COALESCE(") + expr + QStringLiteral(" NOT IN (") + binds(c.value.toArray()) + QStringLiteral("), TRUE)");
    if (c.op == Op::Empty) return expr + QStringLiteral(" IS NULL");
    return expr + QStringLiteral(" IS NOT NULL");
}

QString SegmentCompiler::numberPredicate(const QString &expr, const Condition &c)
{
    auto num = [&](const QJsonValue &v) {
        const double d = v.toDouble();
        return bind(d == std::floor(d) ? QVariant(static_cast<qint64>(d)) : QVariant(d));
    };
    if (c.op == Op::Empty) return expr + QStringLiteral(" IS NULL");
    if (c.op == Op::NotEmpty) return expr + QStringLiteral(" IS NOT NULL");
    if (c.op == Op::Between) {
        const QJsonArray a = c.value.toArray();
        const QString from = num(a[0]);
        return expr + QStringLiteral(" BETWEEN ") + from + QStringLiteral(" AND ") + num(a[1]);
    }
    if (c.op == Op::Neq) return QStringLiteral("COALESCE(") + expr + QStringLiteral(" <> ") + num(c.value) + QStringLiteral(", TRUE)");
    static const QHash<QString, QString> sym = {{Op::Eq, QStringLiteral(" = ")}, {Op::Lt, QStringLiteral(" < ")}, {Op::Lte, QStringLiteral(" <= ")},
                                                {Op::Gt, QStringLiteral(" > ")}, {Op::Gte, QStringLiteral(" >= ")}};
    return expr + sym.value(c.op) + num(c.value);
}

QString SegmentCompiler::epochDatePredicate(const QString &expr, const Condition &c)
{
    if (c.op == Op::Empty) return expr + QStringLiteral(" IS NULL");
    if (c.op == Op::NotEmpty) return expr + QStringLiteral(" IS NOT NULL");
    if (c.op == Op::InLastDays) return expr + QStringLiteral(" >= ") + bind(m_now - c.value.toInteger() * kDay);
    if (c.op == Op::MoreThanDaysAgo) return expr + QStringLiteral(" < ") + bind(m_now - c.value.toInteger() * kDay);
    if (c.op == Op::Eq) {
        const qint64 s = dayStart(c.value.toString());
        const QString from = bind(s);
        return expr + QStringLiteral(" BETWEEN ") + from + QStringLiteral(" AND ") + bind(s + kDay - 1);
    }
    if (c.op == Op::Lt) return expr + QStringLiteral(" < ") + bind(dayStart(c.value.toString()));
    if (c.op == Op::Gt) return expr + QStringLiteral(" >= ") + bind(dayStart(c.value.toString()) + kDay);
    if (c.op == Op::Between) {
        const QJsonArray a = c.value.toArray();
        const QString from = bind(dayStart(a[0].toString()));
        return expr + QStringLiteral(" BETWEEN ") + from + QStringLiteral(" AND ") + bind(dayStart(a[1].toString()) + kDay - 1);
    }
    // Anniversary of the date by month and day.
    const QString monthDay = m_dialect == Dialect::SQLite ? QStringLiteral("strftime('%m-%d', ") + expr + QStringLiteral(", 'unixepoch')")
                                                          : QStringLiteral("to_char(to_timestamp(") + expr + QStringLiteral(") AT TIME ZONE 'UTC', 'MM-DD')");
    const QStringList days = anniversaryDays(m_now, static_cast<int>(c.value.toInteger()));
    return monthDay + QStringLiteral(" IN (") + binds(QJsonArray::fromStringList(days)) + u')';
}

QString SegmentCompiler::textDatePredicate(const QString &expr, const Condition &c)
{
    if (c.op == Op::Empty) return expr + QStringLiteral(" IS NULL");
    if (c.op == Op::NotEmpty) return expr + QStringLiteral(" IS NOT NULL");
    const QDate t = today(m_now);
    if (c.op == Op::InLastDays) return expr + QStringLiteral(" >= ") + bind(t.addDays(-c.value.toInteger()).toString(Qt::ISODate));
    if (c.op == Op::MoreThanDaysAgo) return expr + QStringLiteral(" < ") + bind(t.addDays(-c.value.toInteger()).toString(Qt::ISODate));
    if (c.op == Op::Eq) return expr + QStringLiteral(" = ") + bind(c.value.toString());
    if (c.op == Op::Lt) return expr + QStringLiteral(" < ") + bind(c.value.toString());
    if (c.op == Op::Gt) return expr + QStringLiteral(" > ") + bind(c.value.toString());
    if (c.op == Op::Between) {
        const QJsonArray a = c.value.toArray();
        const QString from = bind(a[0].toString());
        return expr + QStringLiteral(" BETWEEN ") + from + QStringLiteral(" AND ") + bind(a[1].toString());
    }
    const QStringList days = anniversaryDays(m_now, static_cast<int>(c.value.toInteger()));
    return QStringLiteral("substr(") + expr + QStringLiteral(", 6, 5) IN (") + binds(QJsonArray::fromStringList(days)) + u')';
}

QString SegmentCompiler::agePredicate(const Condition &c)
{
    // Age in full years: age >= n  <=>  born on or before today minus n years.
    const QDate t = today(m_now);
    auto bornBy = [&](qint64 years) -> QString { return t.addYears(-static_cast<int>(years)).toString(Qt::ISODate); };
    const QString col = QStringLiteral("c.birth_date");
    auto atLeast = [&](double n) -> QString { return col + QStringLiteral(" <= ") + bind(bornBy(static_cast<qint64>(std::ceil(n)))); };
    auto atMost = [&](double n) -> QString { return col + QStringLiteral(" > ") + bind(bornBy(static_cast<qint64>(std::floor(n)) + 1)); };
    if (c.op == Op::Empty) return col + QStringLiteral(" IS NULL");
    if (c.op == Op::NotEmpty) return col + QStringLiteral(" IS NOT NULL");
    const double v = c.value.toDouble();
    if (c.op == Op::Gte) return atLeast(v);
    if (c.op == Op::Gt) return atLeast(std::floor(v) + 1);
    if (c.op == Op::Lte) return u'(' + atMost(v) + u')';
    if (c.op == Op::Lt) return atMost(std::ceil(v) - 1);
    if (c.op == Op::Between) {
        const QJsonArray a = c.value.toArray();
        const QString lo = atLeast(a[0].toDouble());
        const QString hi = atMost(a[1].toDouble());
        return u'(' + lo + QStringLiteral(" AND ") + hi + u')';
    }
    if (v != std::floor(v)) return c.op == Op::Eq ? QStringLiteral("1 = 0") : QStringLiteral("1 = 1");  // no age is fractional
    const QString lo = atLeast(v);
    const QString hi = atMost(v);
    const QString exact = u'(' + lo + QStringLiteral(" AND ") + hi + u')';
    if (c.op == Op::Eq) return exact;
    return QStringLiteral("(c.birth_date IS NULL OR NOT ") + exact + u')';
}

QString SegmentCompiler::aggregate(const QString &from, const QString &customerColumn, const QString &aggregateExpr,
                                   const Condition &c, bool zeroWhenAbsent, const QVariantList &fromBinds)
{
    // Correlated: evaluated only for the customers that the conditions before it let
    // through, each an index range on (customer_id, time).
    m_binds += fromBinds;
    QString sub = QStringLiteral("(SELECT ") + aggregateExpr + u' ' + from + QStringLiteral(" AND ") + customerColumn + QStringLiteral(" = c.id)");
    if (zeroWhenAbsent) sub = QStringLiteral("COALESCE(") + sub + QStringLiteral(", 0)");
    // Without rows an average or a maximum has no value: no comparison holds, "is not" included.
    if (!zeroWhenAbsent && c.op == Op::Neq) {
        const double d = c.value.toDouble();
        return sub + QStringLiteral(" <> ") + bind(d == std::floor(d) ? QVariant(static_cast<qint64>(d)) : QVariant(d));
    }
    return numberPredicate(sub, c);
}

QString SegmentCompiler::jsonText(const QString &column, const QString &key)
{
    // Text of a JSON property; true/false spelled the same on both databases. The key
    // is validated ([A-Za-z0-9_]) and still bound.
    if (m_dialect == Dialect::SQLite) {
        const QString path = QStringLiteral("$.") + key;
        return cat({QStringLiteral("(CASE json_type("), column, QStringLiteral(", "), bind(path),
                    QStringLiteral(") WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE CAST(json_extract("), column, QStringLiteral(", "), bind(path),
                    QStringLiteral(") AS TEXT) END)")});
    }
    return u'(' + column + QStringLiteral("::jsonb ->> ") + bind(key) + u')';
}

QString SegmentCompiler::windowStart(const QJsonObject &params, const QString &column, QVariantList &out)
{
    QString sql;
    if (params.contains(QStringLiteral("window_days"))) {
        sql += QStringLiteral(" AND ") + column + QStringLiteral(" >= ?");
        out << m_now - params.value(QStringLiteral("window_days")).toInteger() * kDay;
    }
    if (params.contains(QStringLiteral("from"))) {
        sql += QStringLiteral(" AND ") + column + QStringLiteral(" >= ?");
        out << dayStart(params.value(QStringLiteral("from")).toString());
    }
    if (params.contains(QStringLiteral("to"))) {
        sql += QStringLiteral(" AND ") + column + QStringLiteral(" < ?");
        out << dayStart(params.value(QStringLiteral("to")).toString()) + kDay;
    }
    return sql;
}

Result<QString> SegmentCompiler::condition(const Condition &c, QList<qint64> &stack)
{
    const QString &f = c.field;
    const QJsonObject &p = c.params;
    // Plain customer columns.
    static const QHash<QString, QString> textColumns = {
        {QStringLiteral("first_name"), QStringLiteral("c.first_name")}, {QStringLiteral("last_name"), QStringLiteral("c.last_name")},
        {QStringLiteral("middle_name"), QStringLiteral("c.middle_name")}, {QStringLiteral("city"), QStringLiteral("c.city")},
        {QStringLiteral("time_zone"), QStringLiteral("c.time_zone")}, {QStringLiteral("source"), QStringLiteral("c.source")}};
    if (textColumns.contains(f)) return QString(stringPredicate(textColumns.value(f), c));
    if (f == QLatin1String("gender")) return QString(enumPredicate(QStringLiteral("c.gender"), c));
    if (f == QLatin1String("tier")) return QString(enumPredicate(QStringLiteral("(SELECT t.code FROM status_tiers t WHERE t.id = c.tier_id)"), c));
    if (f == QLatin1String("rfm_group")) return QString(enumPredicate(QStringLiteral("(SELECT x.grp FROM customer_rfm x WHERE x.customer_id = c.id)"), c));
    if (f == QLatin1String("birth_date")) return QString(textDatePredicate(QStringLiteral("c.birth_date"), c));
    if (f == QLatin1String("age")) return QString(agePredicate(c));
    if (f == QLatin1String("created_at") || f == QLatin1String("first_purchase_at") || f == QLatin1String("last_purchase_at"))
        return QString(epochDatePredicate(QStringLiteral("c.") + f, c));
    if (f == QLatin1String("orders_count") || f == QLatin1String("revenue")) return QString(numberPredicate(QStringLiteral("c.") + f, c));
    if (f == QLatin1String("average_order_value"))
        return QString(numberPredicate(QStringLiteral("(CASE WHEN c.orders_count > 0 THEN c.revenue / c.orders_count ELSE 0 END)"), c));
    if (f == QLatin1String("cltv")) {
        // Revenue per day of the customer's history (at least a year), over three years.
        const QString expr = cat({QStringLiteral("(CASE WHEN c.first_purchase_at IS NULL THEN 0 WHEN ((") , bind(m_now),
                                  QStringLiteral(" - c.first_purchase_at) / 86400) > 365 THEN c.revenue * 1095 / (("), bind(m_now),
                                  QStringLiteral(" - c.first_purchase_at) / 86400) ELSE c.revenue * 3 END)")});
        return QString(numberPredicate(expr, c));
    }
    if (f == QLatin1String("days_since_last_purchase"))
        return QString(numberPredicate(QStringLiteral("((") + bind(m_now) + QStringLiteral(" - c.last_purchase_at) / 86400)"), c));
    if (f == QLatin1String("rfm_r") || f == QLatin1String("rfm_f") || f == QLatin1String("rfm_m"))
        return QString(numberPredicate(QStringLiteral("(SELECT x.") + f.mid(4) + QStringLiteral(" FROM customer_rfm x WHERE x.customer_id = c.id)"), c));
    if (f.startsWith(QStringLiteral("custom."))) {
        const QString key = f.mid(7);
        if (c.value.isDouble() || (c.value.isArray() && !c.value.toArray().isEmpty() && c.value.toArray().at(0).isDouble())) {
            const QString path = QStringLiteral("$.") + key;
            const QString num = m_dialect == Dialect::SQLite
                                    ? cat({QStringLiteral("(CASE WHEN json_type(c.custom_attributes, "), bind(path),
                                           QStringLiteral(") IN ('integer', 'real') THEN json_extract(c.custom_attributes, "), bind(path), QStringLiteral(") END)")})
                                    : cat({QStringLiteral("(CASE WHEN jsonb_typeof(c.custom_attributes::jsonb -> "), bind(key),
                                           QStringLiteral(") = 'number' THEN (c.custom_attributes::jsonb ->> "), bind(key), QStringLiteral(")::numeric END)")});
            return QString(numberPredicate(num, c));
        }
        const QString text = jsonText(QStringLiteral("c.custom_attributes"), key);
        if (c.op == Op::IsTrue || c.op == Op::IsFalse) return QString(text + QStringLiteral(" = ") + bind(c.op == Op::IsTrue ? QStringLiteral("true") : QStringLiteral("false")));
        return QString(stringPredicate(text, c));
    }
    // Contacts and subscriptions.
    auto exists = [&](const QString &sql) -> QString {
        return QString(((c.op == Op::IsFalse) ? QStringLiteral("NOT EXISTS (") : QStringLiteral("EXISTS (")) + sql + u')');
    };
    if (f == QLatin1String("has_phone") || f == QLatin1String("has_email") || f == QLatin1String("phone_confirmed") || f == QLatin1String("email_confirmed")) {
        const QString kind = f.contains(QStringLiteral("phone")) ? QStringLiteral("phone") : QStringLiteral("email");
        return QString(exists(QStringLiteral("SELECT 1 FROM contacts x WHERE x.customer_id = c.id AND x.kind = '") + kind + QStringLiteral("' AND x.valid = 1") +
                      (f.endsWith(QStringLiteral("confirmed")) ? QStringLiteral(" AND x.confirmed = 1") : QString())));
    }
    if (f == QLatin1String("subscribed")) {
        const bool no = c.op == Op::IsFalse;
        const QString sql = QStringLiteral("SELECT 1 FROM subscriptions x WHERE x.customer_id = c.id AND x.subscribed = 1 AND x.channel = ") +
                            bind(p.value(QStringLiteral("channel")).toString());
        return QString((no ? QStringLiteral("NOT EXISTS (") : QStringLiteral("EXISTS (")) + sql + u')');
    }
    if (f == QLatin1String("unsubscribed")) {
        const QString channel = bind(p.value(QStringLiteral("channel")).toString());
        const QString limit = bind(m_now - c.value.toInteger() * kDay);
        return QString(QStringLiteral("c.id IN (SELECT x.customer_id FROM consent_history x WHERE x.subscribed = 0 AND x.channel = ") + channel +
               QStringLiteral(" GROUP BY x.customer_id HAVING MAX(x.at) ") + (c.op == Op::InLastDays ? QStringLiteral(">= ") : QStringLiteral("< ")) + limit + u')');
    }
    // Purchases.
    if (f == QLatin1String("purchases")) {
        QVariantList fb;
        QString from = QStringLiteral("FROM receipts r");
        const QString agg = p.value(QStringLiteral("aggregate")).toString();
        const bool lineFilter = p.contains(QStringLiteral("sku")) || p.contains(QStringLiteral("category")) || p.contains(QStringLiteral("product"));
        const bool lines = lineFilter || agg == QLatin1String("quantity");
        if (lines) from += QStringLiteral(" JOIN receipt_lines l ON l.receipt_id = r.id");
        from += QStringLiteral(" WHERE r.customer_id IS NOT NULL");
        QJsonArray statuses = p.value(QStringLiteral("status")).toArray();
        if (statuses.isEmpty()) statuses.append(QStringLiteral("completed"));
        QStringList marks;
        for (const auto &s : statuses) {
            marks << QStringLiteral("?");
            fb << s.toString();
        }
        from += QStringLiteral(" AND r.status IN (") + marks.join(QStringLiteral(", ")) + u')';
        from += windowStart(p, QStringLiteral("r.purchased_at"), fb);
        auto list = [&](const char *param, const QString &column) {
            const QJsonArray values = p.value(QString::fromLatin1(param)).toArray();
            if (values.isEmpty()) return;
            QStringList m;
            for (const auto &v : values) {
                m << QStringLiteral("?");
                fb << v.toString();
            }
            from += QStringLiteral(" AND ") + column + QStringLiteral(" IN (") + m.join(QStringLiteral(", ")) + u')';
        };
        list("pos", QStringLiteral("r.pos"));
        if (p.contains(QStringLiteral("min_total"))) { from += QStringLiteral(" AND r.total >= ?"); fb << p.value(QStringLiteral("min_total")).toInteger(); }
        if (p.contains(QStringLiteral("max_total"))) { from += QStringLiteral(" AND r.total <= ?"); fb << p.value(QStringLiteral("max_total")).toInteger(); }
        list("sku", QStringLiteral("l.sku"));
        list("category", QStringLiteral("l.category"));
        if (p.contains(QStringLiteral("product"))) {
            from += QStringLiteral(" AND ") + (m_dialect == Dialect::SQLite ? QStringLiteral("instr(") : QStringLiteral("strpos(")) + lower(QStringLiteral("l.name")) + QStringLiteral(", ?) > 0");
            fb << p.value(QStringLiteral("product")).toString().toLower();
        }
        QString expr;
        bool zero = true;
        if (agg == QLatin1String("count")) expr = lines ? QStringLiteral("COUNT(DISTINCT r.id)") : QStringLiteral("COUNT(*)");
        else if (agg == QLatin1String("sum")) expr = lineFilter ? QStringLiteral("SUM(l.amount)") : QStringLiteral("SUM(r.total)");
        else if (agg == QLatin1String("avg")) {
            // Whole minor units, truncated, on both databases (PostgreSQL's SUM is numeric).
            const QString sum = lineFilter ? QStringLiteral("SUM(l.amount)") : QStringLiteral("SUM(r.total)");
            expr = m_dialect == Dialect::SQLite ? QString(u'(' + sum + QStringLiteral(" / COUNT(*))")) : QString(QStringLiteral("div(") + sum + QStringLiteral(", COUNT(*))"));
            zero = false;
        }
        else if (agg == QLatin1String("max")) { expr = lineFilter ? QStringLiteral("MAX(l.amount)") : QStringLiteral("MAX(r.total)"); zero = false; }
        else expr = QStringLiteral("SUM(l.quantity)");
        return QString(aggregate(from, QStringLiteral("r.customer_id"), expr, c, zero, fb));
    }
    // Bonus points.
    if (f == QLatin1String("balance_active") || f == QLatin1String("balance_pending")) {
        const QString column = f == QLatin1String("balance_active") ? QStringLiteral("a.active_balance") : QStringLiteral("a.pending_balance");
        const QString sub = QStringLiteral("COALESCE((SELECT SUM(") + column + QStringLiteral(") FROM bonus_accounts a WHERE a.id IN "
                                           "(SELECT ca.account_id FROM card_accounts ca JOIN cards k ON k.id = ca.card_id WHERE k.customer_id = c.id)), 0)");
        return QString(numberPredicate(sub, c));
    }
    if (f == QLatin1String("points_expiring") || f == QLatin1String("points_activating")) {
        const bool expiring = f == QLatin1String("points_expiring");
        const QString col = expiring ? QStringLiteral("l.expires_at") : QStringLiteral("l.activates_at");
        const QString from = QStringLiteral("FROM bonus_ledger l WHERE l.customer_id IS NOT NULL AND l.status = '") +
                             (expiring ? QStringLiteral("active") : QStringLiteral("pending")) + QStringLiteral("' AND ") + col + QStringLiteral(" >= ? AND ") + col + QStringLiteral(" <= ?");
        return QString(aggregate(from, QStringLiteral("l.customer_id"), QStringLiteral("SUM(l.amount)"), c, true,
                         {m_now, m_now + p.value(QStringLiteral("days")).toInteger() * kDay}));
    }
    // Events.
    if (f == QLatin1String("event") || f == QLatin1String("site_visit") || f == QLatin1String("abandoned_cart")) {
        QVariantList fb;
        QString type = p.value(QStringLiteral("type")).toString();
        QString key, value;
        if (f == QLatin1String("site_visit")) {
            type = QStringLiteral("site_visit");
            if (p.contains(QStringLiteral("product"))) {
                type = QStringLiteral("product_view");
                key = QStringLiteral("sku");
                value = p.value(QStringLiteral("product")).toString();
            } else if (p.contains(QStringLiteral("section"))) {
                key = QStringLiteral("section");
                value = p.value(QStringLiteral("section")).toString();
            }
        } else if (f == QLatin1String("abandoned_cart")) {
            type = QStringLiteral("abandoned_cart");
        } else if (p.contains(QStringLiteral("property"))) {
            key = p.value(QStringLiteral("property")).toString();
            value = p.value(QStringLiteral("property_value")).toString();
        }
        QString from = QStringLiteral("FROM events e WHERE e.customer_id IS NOT NULL AND e.type = ?");
        fb << type;
        from += windowStart(p, QStringLiteral("e.occurred_at"), fb);
        if (!key.isEmpty()) {
            // jsonText binds into m_binds: build it aside and move its binds into fb.
            const QVariantList saved = m_binds;
            m_binds.clear();
            const QString text = jsonText(QStringLiteral("e.properties"), key);
            fb += m_binds;
            m_binds = saved;
            if (p.contains(QStringLiteral("property_value")) || f == QLatin1String("site_visit")) {
                from += QStringLiteral(" AND ") + text + QStringLiteral(" = ?");
                fb << value;
            } else {
                from += QStringLiteral(" AND ") + text + QStringLiteral(" IS NOT NULL");
            }
        }
        if (f == QLatin1String("abandoned_cart")) {
            m_binds += fb;
            return QString((c.op == Op::IsFalse ? QStringLiteral("NOT EXISTS (SELECT 1 ") : QStringLiteral("EXISTS (SELECT 1 ")) + from + QStringLiteral(" AND e.customer_id = c.id)"));
        }
        return QString(aggregate(from, QStringLiteral("e.customer_id"), QStringLiteral("COUNT(*)"), c, true, fb));
    }
    // Communications.
    if (f == QLatin1String("messages")) {
        QVariantList fb;
        QString from = QStringLiteral("FROM messages m WHERE m.customer_id IS NOT NULL");
        if (p.contains(QStringLiteral("channel"))) { from += QStringLiteral(" AND m.channel = ?"); fb << p.value(QStringLiteral("channel")).toString(); }
        if (p.contains(QStringLiteral("campaign_id"))) { from += QStringLiteral(" AND m.campaign_id = ?"); fb << p.value(QStringLiteral("campaign_id")).toInteger(); }
        from += windowStart(p, QStringLiteral("m.created_at"), fb);
        const QString action = p.value(QStringLiteral("action")).toString();
        if (action != QLatin1String("sent")) {
            from += QStringLiteral(" AND EXISTS (SELECT 1 FROM message_status s WHERE s.message_id = m.id AND s.status = ?)");
            fb << action;
        }
        return QString(aggregate(from, QStringLiteral("m.customer_id"), QStringLiteral("COUNT(*)"), c, true, fb));
    }
    if (f == QLatin1String("not_opened_last")) {
        const qint64 n = p.value(QStringLiteral("n")).toInteger();
        QString sql = QStringLiteral("c.id ") + (c.op == Op::IsFalse ? QStringLiteral("NOT IN") : QStringLiteral("IN")) +
                      QStringLiteral(" (SELECT t.customer_id FROM (SELECT m.customer_id, m.id, ROW_NUMBER() OVER (PARTITION BY m.customer_id "
                                     "ORDER BY m.created_at DESC, m.id DESC) AS rn FROM messages m WHERE m.customer_id IS NOT NULL");
        if (p.contains(QStringLiteral("channel"))) sql += QStringLiteral(" AND m.channel = ") + bind(p.value(QStringLiteral("channel")).toString());
        sql += cat({QStringLiteral(") t WHERE t.rn <= "), bind(n), QStringLiteral(" GROUP BY t.customer_id HAVING COUNT(*) = "), bind(n)}) +
               QStringLiteral(" AND SUM(CASE WHEN EXISTS (SELECT 1 FROM message_status s WHERE s.message_id = t.id AND s.status IN ('opened', 'clicked')) "
                              "THEN 1 ELSE 0 END) = 0)");
        return sql;
    }
    if (f == QLatin1String("survey_answer")) {
        const QString answer = QStringLiteral("(SELECT sa.answer FROM survey_answers sa WHERE sa.customer_id = c.id AND sa.question = ") +
                               bind(p.value(QStringLiteral("question")).toString()) + QStringLiteral(" ORDER BY sa.answered_at DESC, sa.id DESC LIMIT 1)");
        return QString(stringPredicate(answer, c));
    }
    if (f == QLatin1String("segment")) {
        if (!m_resolver) return compileError(QStringLiteral("Segment references cannot be used here."));
        QStringList parts;
        for (const auto &v : c.value.toArray()) {
            const qint64 id = v.toInteger();
            if (stack.contains(id)) return compileError(QStringLiteral("The rule refers to segment %1, which refers back to it: segments cannot include each other in a cycle.").arg(id));
            if (stack.size() >= kMaxSegmentDepth) return compileError(QStringLiteral("Segments refer to each other more than %1 levels deep.").arg(kMaxSegmentDepth));
            auto rule = m_resolver(id);
            if (!rule) return rule.error();
            stack.append(id);
            auto inner = node(rule->root, false, stack);
            stack.removeLast();
            if (!inner) return inner.error();
            parts << u'(' + *inner + u')';
        }
        const QString any = u'(' + parts.join(QStringLiteral(" OR ")) + u')';
        return QString(c.op == Op::NotIn ? QStringLiteral("NOT ") + any : any);
    }
    return compileError(QStringLiteral("The field \"%1\" cannot be compiled.").arg(f));
}

Result<QString> SegmentCompiler::node(const Node &n, bool underNot, QList<qint64> &stack)
{
    if (n.kind == Node::Kind::Condition) {
        auto sql = condition(n.condition, stack);
        if (!sql) return sql;
        // Two-valued logic under NOT: a comparison with a missing value is false.
        if (underNot) return QString(QStringLiteral("(CASE WHEN ") + *sql + QStringLiteral(" THEN 1 ELSE 0 END) = 1"));
        return QString(u'(' + *sql + u')');
    }
    const bool neg = underNot || n.negate;
    QStringList parts;
    for (const auto &child : n.children) {
        auto sql = node(child, neg, stack);
        if (!sql) return sql;
        parts << *sql;
    }
    QString joined;
    if (parts.isEmpty()) joined = n.combinator == QLatin1String("and") ? QStringLiteral("1 = 1") : QStringLiteral("1 = 0");
    else joined = parts.join(n.combinator == QLatin1String("and") ? QStringLiteral(" AND ") : QStringLiteral(" OR "));
    return QString((n.negate ? QStringLiteral("NOT (") : QStringLiteral("(")) + joined + u')');
}

Result<CompiledRule> SegmentCompiler::compile(const Rule &rule)
{
    m_binds.clear();
    QList<qint64> stack;
    auto where = node(rule.root, false, stack);
    if (!where) return where.error();
    return CompiledRule{*where, m_binds};
}

}  // namespace LoyaltyDesk::Server
