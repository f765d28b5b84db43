// The segment compiler against an independent oracle: random customers with their
// purchases, events, messages, points and answers are written to a real database and
// kept in memory; hundreds of random nested rules are compiled to SQL and run, and
// evaluated in C++ over the memory copy. Both must give exactly the same members, on
// SQLite and on PostgreSQL.
#include "core/segments/rule.h"
#include "engine/segmentcompiler.h"
#include "services/auth.h"
#include "storage/database.h"
#include "support/testserver.h"

#include <gtest/gtest.h>

#include <QDate>
#include <QDateTime>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <random>

using namespace LoyaltyDesk;
using namespace LoyaltyDesk::Core::Segments;
using LoyaltyDesk::Server::Dialect;

namespace {

constexpr qint64 kDay = 86400;
const qint64 kNow = QDateTime(QDate(2025, 6, 15), QTime(12, 0), Qt::UTC).toSecsSinceEpoch();

struct Line {
    QString sku, name, category;
    double quantity;
    qint64 amount;
};
struct Receipt {
    QString status, pos;
    qint64 at, total;
    QList<Line> lines;
};
struct Event {
    QString type;
    QJsonObject props;
    qint64 at;
};
struct Message {
    qint64 id;
    QString channel;
    std::optional<qint64> campaign;
    qint64 at;
    QStringList statuses;
};
struct Ledger {
    QString status;
    qint64 amount;
    std::optional<qint64> activates, expires;
};
struct Consent {
    QString channel;
    bool subscribed;
    qint64 at;
};
struct Answer {
    qint64 id;
    QString question, answer;
    qint64 at;
};
struct Rfm {
    int r, f, m;
    QString group;
};
struct Customer {
    qint64 id = 0;
    std::optional<QString> first, last, middle, gender, birth, city, zone, source, tier;
    qint64 createdAt = 0;
    qint64 orders = 0, revenue = 0;
    std::optional<qint64> firstAt, lastAt;
    QJsonObject custom;
    bool phoneValid = false, emailValid = false, phoneConfirmed = false, emailConfirmed = false;
    QHash<QString, bool> subs;
    QList<Consent> consents;
    bool hasCard = false;
    qint64 active = 0, pending = 0;
    QList<Ledger> ledger;
    QList<Receipt> receipts;
    QList<Event> events;
    QList<Message> messages;
    QList<Answer> answers;
    std::optional<Rfm> rfm;
};

const QStringList kFirst = {QStringLiteral("Иван"), QStringLiteral("Анна"), QStringLiteral("Ivan"), QStringLiteral("Olga"), QStringLiteral("Пётр"), QStringLiteral("Sam")};
const QStringList kLast = {QStringLiteral("Иванов"), QStringLiteral("Smith"), QStringLiteral("СМИРНОВА"), QStringLiteral("O'Brien"), QStringLiteral("Кузнецов")};
const QStringList kCities = {QStringLiteral("Москва"), QStringLiteral("москва"), QStringLiteral("Omsk"), QStringLiteral("Санкт-Петербург"), QStringLiteral("Kazan"), QStringLiteral("")};
const QStringList kSources = {QStringLiteral("pos"), QStringLiteral("web"), QStringLiteral("app")};
const QStringList kCategories = {QStringLiteral("Toothpaste"), QStringLiteral("Dairy"), QStringLiteral("Bakery"), QStringLiteral("Зубная паста")};
const QStringList kSkus = {QStringLiteral("TP-1"), QStringLiteral("TP-2"), QStringLiteral("MLK-1"), QStringLiteral("BRD-1"), QStringLiteral("ZP-1")};
const QStringList kProducts = {QStringLiteral("Colgate Total"), QStringLiteral("Milk 1 l"), QStringLiteral("Хлеб Бородинский"), QStringLiteral("Паста Жемчуг")};
const QStringList kPos = {QStringLiteral("Shop 1"), QStringLiteral("Shop 2"), QStringLiteral("Online")};
const QStringList kStatuses = {QStringLiteral("completed"), QStringLiteral("completed"), QStringLiteral("completed"), QStringLiteral("unfinished"), QStringLiteral("cancelled")};
const QStringList kChannels = {QStringLiteral("email"), QStringLiteral("sms"), QStringLiteral("push"), QStringLiteral("messenger")};
const QStringList kSections = {QStringLiteral("dairy"), QStringLiteral("toothpaste"), QStringLiteral("bakery")};
const QStringList kEventTypes = {QStringLiteral("site_visit"), QStringLiteral("product_view"), QStringLiteral("abandoned_cart"), QStringLiteral("app_open")};
const QStringList kGroups = {QStringLiteral("champions"), QStringLiteral("loyal"), QStringLiteral("at_risk"), QStringLiteral("lost")};
const QStringList kQuestions = {QStringLiteral("pets"), QStringLiteral("diet")};
const QStringList kAnswers = {QStringLiteral("Cat"), QStringLiteral("dog"), QStringLiteral("Vegan"), QStringLiteral("none")};

class Data {
public:
    explicit Data(unsigned seed) : m_rng(seed) {}

    template <typename T>
    const T &pick(const QList<T> &list) { return list.at(int(m_rng() % list.size())); }
    int between(int lo, int hi) { return lo + int(m_rng() % unsigned(hi - lo + 1)); }
    bool chance(int percent) { return int(m_rng() % 100) < percent; }
    qint64 timeBack(int maxDays) { return kNow - qint64(between(0, maxDays)) * kDay - between(0, 86399); }
    std::optional<QString> maybe(const QStringList &list, int percent = 80)
    {
        if (!chance(percent)) return std::nullopt;
        return pick(list);
    }

    QList<Customer> generate(int n)
    {
        QList<Customer> out;
        qint64 messageId = 0;
        for (int i = 1; i <= n; ++i) {
            Customer c;
            c.id = i;
            c.first = maybe(kFirst);
            c.last = maybe(kLast);
            c.middle = maybe({QStringLiteral("Петрович"), QStringLiteral("")}, 30);
            c.gender = maybe({QStringLiteral("female"), QStringLiteral("male")}, 85);
            if (chance(85)) {
                // Birthdays cluster near "today" so anniversary windows catch some, Feb 29 included.
                const QDate d = chance(30) ? QDate(between(1950, 2010), 6, between(10, 30)) : QDate(between(1940, 2012), between(1, 12), between(1, 28));
                c.birth = chance(5) ? QStringLiteral("2000-02-29") : d.toString(Qt::ISODate);
            }
            c.city = maybe(kCities);
            c.zone = maybe({QStringLiteral("Europe/Moscow"), QStringLiteral("Asia/Omsk")});
            c.source = maybe(kSources);
            c.tier = maybe({QStringLiteral("silver"), QStringLiteral("gold")}, 60);
            c.createdAt = timeBack(900);
            if (chance(60)) c.custom.insert(QStringLiteral("vip"), chance(50));
            if (chance(60)) c.custom.insert(QStringLiteral("shoe_size"), between(35, 46));
            if (chance(60)) c.custom.insert(QStringLiteral("color"), pick(QStringList{QStringLiteral("Red"), QStringLiteral("blue"), QStringLiteral("Зелёный")}));
            c.phoneValid = chance(80);
            c.phoneConfirmed = c.phoneValid && chance(50);
            c.emailValid = chance(70);
            c.emailConfirmed = c.emailValid && chance(50);
            for (const auto &ch : kChannels)
                if (chance(70)) c.subs.insert(ch, chance(60));
            for (int k = between(0, 3); k > 0; --k) c.consents.append({pick(kChannels), chance(40), timeBack(200)});
            c.hasCard = chance(85);
            if (c.hasCard) {
                for (int k = between(0, 4); k > 0; --k) {
                    Ledger l;
                    l.amount = between(10, 500);
                    if (chance(50)) {
                        l.status = QStringLiteral("pending");
                        l.activates = kNow + qint64(between(-5, 40)) * kDay;
                        c.pending += l.amount;
                    } else {
                        l.status = QStringLiteral("active");
                        l.expires = kNow + qint64(between(-5, 60)) * kDay;
                        c.active += l.amount;
                    }
                    c.ledger.append(l);
                }
            }
            for (int k = between(0, 6); k > 0; --k) {
                Receipt r;
                r.status = pick(kStatuses);
                r.pos = pick(kPos);
                r.at = timeBack(500);
                for (int j = between(0, 3); j > 0; --j) {
                    const int p = between(0, kSkus.size() - 1);
                    Line l{kSkus[p], pick(kProducts), pick(kCategories), double(between(1, 3)), qint64(between(50, 5000)) * 10};
                    r.lines.append(l);
                }
                r.total = 0;
                for (const auto &l : r.lines) r.total += l.amount;
                if (r.lines.isEmpty()) r.total = between(100, 90000);
                c.receipts.append(r);
                if (r.status == QLatin1String("completed")) {
                    ++c.orders;
                    c.revenue += r.total;
                    if (!c.firstAt || r.at < *c.firstAt) c.firstAt = r.at;
                    if (!c.lastAt || r.at > *c.lastAt) c.lastAt = r.at;
                }
            }
            for (int k = between(0, 6); k > 0; --k) {
                Event e;
                e.type = pick(kEventTypes);
                e.at = timeBack(120);
                if (e.type == QLatin1String("site_visit")) e.props.insert(QStringLiteral("section"), pick(kSections));
                if (e.type == QLatin1String("product_view")) e.props.insert(QStringLiteral("sku"), pick(kSkus));
                if (e.type == QLatin1String("app_open")) {
                    if (chance(50)) e.props.insert(QStringLiteral("screen"), pick(QStringList{QStringLiteral("home"), QStringLiteral("cart")}));
                    if (chance(50)) e.props.insert(QStringLiteral("build"), between(1, 3));
                    if (chance(30)) e.props.insert(QStringLiteral("push"), chance(50));
                }
                c.events.append(e);
            }
            for (int k = between(0, 5); k > 0; --k) {
                Message m{++messageId, pick(kChannels), chance(50) ? std::optional<qint64>(between(1, 3)) : std::nullopt, timeBack(100), {QStringLiteral("queued")}};
                if (chance(85)) m.statuses << QStringLiteral("delivered");
                if (m.statuses.size() > 1 && chance(45)) m.statuses << QStringLiteral("opened");
                if (m.statuses.contains(QStringLiteral("opened")) && chance(40)) m.statuses << QStringLiteral("clicked");
                c.messages.append(m);
            }
            for (int k = between(0, 3); k > 0; --k) c.answers.append({0, pick(kQuestions), pick(kAnswers), timeBack(300)});
            if (chance(70)) c.rfm = Rfm{between(1, 5), between(1, 5), between(1, 5), pick(kGroups)};
            out.append(c);
        }
        return out;
    }

    std::mt19937 m_rng;
};

// --- the oracle ---------------------------------------------------------------

bool cmp(const QString &op, double v, const QJsonValue &value)
{
    if (op == Op::Between) {
        const QJsonArray a = value.toArray();
        return v >= a[0].toDouble() && v <= a[1].toDouble();
    }
    const double x = value.toDouble();
    if (op == Op::Eq) return v == x;
    if (op == Op::Neq) return v != x;
    if (op == Op::Lt) return v < x;
    if (op == Op::Lte) return v <= x;
    if (op == Op::Gt) return v > x;
    if (op == Op::Gte) return v >= x;
    ADD_FAILURE() << "unexpected op " << op.toStdString();
    return false;
}

bool num(const Condition &c, std::optional<double> v)
{
    if (c.op == Op::Empty) return !v;
    if (c.op == Op::NotEmpty) return v.has_value();
    if (!v) return c.op == Op::Neq;
    return cmp(c.op, *v, c.value);
}

bool text(const Condition &c, const std::optional<QString> &v)
{
    const bool missing = !v.has_value();
    if (c.op == Op::Empty) return missing || v->isEmpty();
    if (c.op == Op::NotEmpty) return !missing && !v->isEmpty();
    if (c.op == Op::Neq) return missing || v->toLower() != c.value.toString().toLower();
    if (c.op == Op::NotIn) {
        if (missing) return true;
        for (const auto &x : c.value.toArray())
            if (v->toLower() == x.toString().toLower()) return false;
        return true;
    }
    if (missing) return false;
    const QString low = v->toLower();
    if (c.op == Op::Eq) return low == c.value.toString().toLower();
    if (c.op == Op::In) {
        for (const auto &x : c.value.toArray())
            if (low == x.toString().toLower()) return true;
        return false;
    }
    if (c.op == Op::Contains) return low.contains(c.value.toString().toLower());
    if (c.op == Op::StartsWith) return low.startsWith(c.value.toString().toLower());
    ADD_FAILURE() << "unexpected text op " << c.op.toStdString();
    return false;
}

bool enumeration(const Condition &c, const std::optional<QString> &v)
{
    if (c.op == Op::Empty) return !v;
    if (c.op == Op::NotEmpty) return v.has_value();
    if (c.op == Op::Neq) return !v || *v != c.value.toString();
    if (c.op == Op::NotIn) return !v || !c.value.toArray().contains(*v);
    if (!v) return false;
    if (c.op == Op::Eq) return *v == c.value.toString();
    return c.value.toArray().contains(*v);
}

QDate utcDate(qint64 t) { return QDateTime::fromSecsSinceEpoch(t, Qt::UTC).date(); }
QDate todayUtc() { return utcDate(kNow); }

bool anniversary(const QDate &d, int days)
{
    for (int i = 0; i <= days; ++i) {
        const QDate t = todayUtc().addDays(i);
        if (t.month() == d.month() && t.day() == d.day()) return true;
        if (d.month() == 2 && d.day() == 29 && t.month() == 2 && t.day() == 28 && !QDate::isLeapYear(t.year())) return true;
    }
    return false;
}

bool epochDate(const Condition &c, std::optional<qint64> t)
{
    if (c.op == Op::Empty) return !t;
    if (c.op == Op::NotEmpty) return t.has_value();
    if (!t) return false;
    if (c.op == Op::InLastDays) return *t >= kNow - c.value.toInteger() * kDay;
    if (c.op == Op::MoreThanDaysAgo) return *t < kNow - c.value.toInteger() * kDay;
    if (c.op == Op::AnniversaryInNextDays) return anniversary(utcDate(*t), int(c.value.toInteger()));
    const QDate d = utcDate(*t);
    if (c.op == Op::Eq) return d == QDate::fromString(c.value.toString(), Qt::ISODate);
    if (c.op == Op::Lt) return d < QDate::fromString(c.value.toString(), Qt::ISODate);
    if (c.op == Op::Gt) return d > QDate::fromString(c.value.toString(), Qt::ISODate);
    const QJsonArray a = c.value.toArray();
    return d >= QDate::fromString(a[0].toString(), Qt::ISODate) && d <= QDate::fromString(a[1].toString(), Qt::ISODate);
}

bool textDate(const Condition &c, const std::optional<QString> &v)
{
    if (c.op == Op::Empty) return !v;
    if (c.op == Op::NotEmpty) return v.has_value();
    if (!v) return false;
    const QDate d = QDate::fromString(*v, Qt::ISODate);
    if (c.op == Op::InLastDays) return d >= todayUtc().addDays(-c.value.toInteger());
    if (c.op == Op::MoreThanDaysAgo) return d < todayUtc().addDays(-c.value.toInteger());
    if (c.op == Op::AnniversaryInNextDays) return anniversary(d, int(c.value.toInteger()));
    if (c.op == Op::Eq) return *v == c.value.toString();
    if (c.op == Op::Lt) return *v < c.value.toString();
    if (c.op == Op::Gt) return *v > c.value.toString();
    const QJsonArray a = c.value.toArray();
    return *v >= a[0].toString() && *v <= a[1].toString();
}

std::optional<double> ageOf(const std::optional<QString> &birth)
{
    if (!birth) return std::nullopt;
    const QDate b = QDate::fromString(*birth, Qt::ISODate), t = todayUtc();
    int age = t.year() - b.year();
    if (t.month() < b.month() || (t.month() == b.month() && t.day() < b.day())) --age;
    return age;
}

std::optional<QString> jsonText(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    if (v.isBool()) return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble()) return QString::number(v.toInteger());
    if (v.isString()) return v.toString();
    return std::nullopt;
}

bool aggregateTest(const Condition &c, std::optional<double> value, bool zeroWhenAbsent)
{
    if (!value) {
        if (!zeroWhenAbsent) return false;
        value = 0;
    }
    return cmp(c.op, *value, c.value);
}

bool inWindow(const QJsonObject &p, qint64 at)
{
    if (p.contains(QStringLiteral("window_days")) && at < kNow - p.value(QStringLiteral("window_days")).toInteger() * kDay) return false;
    if (p.contains(QStringLiteral("from")) && utcDate(at) < QDate::fromString(p.value(QStringLiteral("from")).toString(), Qt::ISODate)) return false;
    if (p.contains(QStringLiteral("to")) && utcDate(at) > QDate::fromString(p.value(QStringLiteral("to")).toString(), Qt::ISODate)) return false;
    return true;
}

class Oracle {
public:
    QHash<qint64, Rule> saved;

    bool eval(const Node &n, const Customer &c) const
    {
        if (n.kind == Node::Kind::Condition) return cond(n.condition, c);
        bool result = n.combinator == QLatin1String("and");
        for (const auto &child : n.children) {
            const bool v = eval(child, c);
            result = n.combinator == QLatin1String("and") ? (result && v) : (result || v);
        }
        return n.negate ? !result : result;
    }

private:
    bool cond(const Condition &k, const Customer &c) const
    {
        const QString &f = k.field;
        const QJsonObject &p = k.params;
        const bool yes = k.op == Op::IsTrue;
        if (f == QLatin1String("first_name")) return text(k, c.first);
        if (f == QLatin1String("last_name")) return text(k, c.last);
        if (f == QLatin1String("middle_name")) return text(k, c.middle);
        if (f == QLatin1String("city")) return text(k, c.city);
        if (f == QLatin1String("time_zone")) return text(k, c.zone);
        if (f == QLatin1String("source")) return text(k, c.source);
        if (f == QLatin1String("gender")) return enumeration(k, c.gender);
        if (f == QLatin1String("tier")) return enumeration(k, c.tier);
        if (f == QLatin1String("rfm_group")) return enumeration(k, c.rfm ? std::optional<QString>(c.rfm->group) : std::nullopt);
        if (f == QLatin1String("rfm_r")) return num(k, c.rfm ? std::optional<double>(c.rfm->r) : std::nullopt);
        if (f == QLatin1String("rfm_f")) return num(k, c.rfm ? std::optional<double>(c.rfm->f) : std::nullopt);
        if (f == QLatin1String("rfm_m")) return num(k, c.rfm ? std::optional<double>(c.rfm->m) : std::nullopt);
        if (f == QLatin1String("birth_date")) return textDate(k, c.birth);
        if (f == QLatin1String("age")) return num(k, ageOf(c.birth));
        if (f == QLatin1String("created_at")) return epochDate(k, c.createdAt);
        if (f == QLatin1String("first_purchase_at")) return epochDate(k, c.firstAt);
        if (f == QLatin1String("last_purchase_at")) return epochDate(k, c.lastAt);
        if (f == QLatin1String("orders_count")) return num(k, double(c.orders));
        if (f == QLatin1String("revenue")) return num(k, double(c.revenue));
        if (f == QLatin1String("average_order_value")) return num(k, double(c.orders ? c.revenue / c.orders : 0));
        if (f == QLatin1String("cltv")) {
            qint64 v = 0;
            if (c.firstAt) {
                const qint64 days = (kNow - *c.firstAt) / kDay;
                v = days > 365 ? c.revenue * 1095 / days : c.revenue * 3;
            }
            return num(k, double(v));
        }
        if (f == QLatin1String("days_since_last_purchase")) return num(k, c.lastAt ? std::optional<double>((kNow - *c.lastAt) / kDay) : std::nullopt);
        if (f.startsWith(QStringLiteral("custom."))) {
            const QString key = f.mid(7);
            const bool numeric = k.value.isDouble() || (k.value.isArray() && k.value.toArray().at(0).isDouble());
            if (numeric) {
                const QJsonValue v = c.custom.value(key);
                return num(k, v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt);
            }
            if (k.op == Op::IsTrue || k.op == Op::IsFalse) return jsonText(c.custom, key) == (yes ? QStringLiteral("true") : QStringLiteral("false"));
            return text(k, jsonText(c.custom, key));
        }
        if (f == QLatin1String("has_phone")) return c.phoneValid == yes;
        if (f == QLatin1String("has_email")) return c.emailValid == yes;
        if (f == QLatin1String("phone_confirmed")) return c.phoneConfirmed == yes;
        if (f == QLatin1String("email_confirmed")) return c.emailConfirmed == yes;
        if (f == QLatin1String("subscribed")) return c.subs.value(p.value(QStringLiteral("channel")).toString(), false) == yes;
        if (f == QLatin1String("unsubscribed")) {
            std::optional<qint64> last;
            for (const auto &x : c.consents)
                if (!x.subscribed && x.channel == p.value(QStringLiteral("channel")).toString() && (!last || x.at > *last)) last = x.at;
            if (!last) return false;
            const qint64 limit = kNow - k.value.toInteger() * kDay;
            return k.op == Op::InLastDays ? *last >= limit : *last < limit;
        }
        if (f == QLatin1String("purchases")) return purchases(k, c);
        if (f == QLatin1String("balance_active")) return aggregateTest(k, c.hasCard ? std::optional<double>(c.active) : std::nullopt, true);
        if (f == QLatin1String("balance_pending")) return aggregateTest(k, c.hasCard ? std::optional<double>(c.pending) : std::nullopt, true);
        if (f == QLatin1String("points_expiring") || f == QLatin1String("points_activating")) {
            const bool expiring = f == QLatin1String("points_expiring");
            const qint64 until = kNow + p.value(QStringLiteral("days")).toInteger() * kDay;
            qint64 sum = 0;
            for (const auto &l : c.ledger) {
                const auto t = expiring ? l.expires : l.activates;
                if (l.status == (expiring ? QLatin1String("active") : QLatin1String("pending")) && t && *t >= kNow && *t <= until) sum += l.amount;
            }
            return aggregateTest(k, double(sum), true);
        }
        if (f == QLatin1String("event") || f == QLatin1String("site_visit") || f == QLatin1String("abandoned_cart")) {
            QString type = p.value(QStringLiteral("type")).toString(), key, value;
            bool needValue = p.contains(QStringLiteral("property_value"));
            if (f == QLatin1String("site_visit")) {
                type = QStringLiteral("site_visit");
                needValue = true;
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
            } else {
                key = p.value(QStringLiteral("property")).toString();
                value = p.value(QStringLiteral("property_value")).toString();
            }
            int count = 0;
            for (const auto &e : c.events) {
                if (e.type != type || !inWindow(p, e.at)) continue;
                if (!key.isEmpty()) {
                    const auto t = jsonText(e.props, key);
                    if (!t || (needValue && *t != value)) continue;
                }
                ++count;
            }
            if (f == QLatin1String("abandoned_cart")) return (count > 0) == yes;
            return aggregateTest(k, double(count), true);
        }
        if (f == QLatin1String("messages")) {
            int count = 0;
            const QString action = p.value(QStringLiteral("action")).toString();
            for (const auto &m : c.messages) {
                if (p.contains(QStringLiteral("channel")) && m.channel != p.value(QStringLiteral("channel")).toString()) continue;
                if (p.contains(QStringLiteral("campaign_id")) && m.campaign != p.value(QStringLiteral("campaign_id")).toInteger()) continue;
                if (!inWindow(p, m.at)) continue;
                if (action != QLatin1String("sent") && !m.statuses.contains(action)) continue;
                ++count;
            }
            return aggregateTest(k, double(count), true);
        }
        if (f == QLatin1String("not_opened_last")) {
            QList<Message> list;
            for (const auto &m : c.messages)
                if (!p.contains(QStringLiteral("channel")) || m.channel == p.value(QStringLiteral("channel")).toString()) list << m;
            std::sort(list.begin(), list.end(), [](const Message &a, const Message &b) { return a.at != b.at ? a.at > b.at : a.id > b.id; });
            const int n = int(p.value(QStringLiteral("n")).toInteger());
            bool result = list.size() >= n;
            for (int i = 0; result && i < n; ++i)
                if (list[i].statuses.contains(QStringLiteral("opened")) || list[i].statuses.contains(QStringLiteral("clicked"))) result = false;
            return result == yes;
        }
        if (f == QLatin1String("survey_answer")) {
            std::optional<Answer> latest;
            for (const auto &a : c.answers)
                if (a.question == p.value(QStringLiteral("question")).toString() &&
                    (!latest || a.at > latest->at || (a.at == latest->at && a.id > latest->id)))
                    latest = a;
            return text(k, latest ? std::optional<QString>(latest->answer) : std::nullopt);
        }
        if (f == QLatin1String("segment")) {
            bool any = false;
            for (const auto &v : k.value.toArray()) any = any || eval(saved.value(v.toInteger()).root, c);
            return k.op == Op::In ? any : !any;
        }
        ADD_FAILURE() << "the oracle does not know " << f.toStdString();
        return false;
    }

    bool purchases(const Condition &k, const Customer &c) const
    {
        const QJsonObject &p = k.params;
        QStringList statuses;
        for (const auto &s : p.value(QStringLiteral("status")).toArray()) statuses << s.toString();
        if (statuses.isEmpty()) statuses << QStringLiteral("completed");
        const QString agg = p.value(QStringLiteral("aggregate")).toString();
        const bool lineFilter = p.contains(QStringLiteral("sku")) || p.contains(QStringLiteral("category")) || p.contains(QStringLiteral("product"));
        auto inList = [&](const char *name, const QString &v) {
            const QJsonArray a = p.value(QString::fromLatin1(name)).toArray();
            return a.isEmpty() || a.contains(v);
        };
        qint64 receipts = 0, sum = 0, items = 0;
        double quantity = 0;
        std::optional<qint64> max;
        for (const auto &r : c.receipts) {
            if (!statuses.contains(r.status) || !inWindow(p, r.at) || !inList("pos", r.pos)) continue;
            if (p.contains(QStringLiteral("min_total")) && r.total < p.value(QStringLiteral("min_total")).toInteger()) continue;
            if (p.contains(QStringLiteral("max_total")) && r.total > p.value(QStringLiteral("max_total")).toInteger()) continue;
            QList<Line> matching;
            for (const auto &l : r.lines)
                if (inList("sku", l.sku) && inList("category", l.category) &&
                    (!p.contains(QStringLiteral("product")) || l.name.toLower().contains(p.value(QStringLiteral("product")).toString().toLower())))
                    matching << l;
            if (lineFilter || agg == QLatin1String("quantity")) {
                if (matching.isEmpty()) continue;
                ++receipts;
                for (const auto &l : matching) {
                    quantity += l.quantity;
                    if (lineFilter) {
                        sum += l.amount;
                        ++items;
                        max = std::max(max.value_or(l.amount), l.amount);
                    }
                }
                if (!lineFilter) {
                    sum += r.total;
                    items += 1;
                }
            } else {
                ++receipts;
                ++items;
                sum += r.total;
                max = std::max(max.value_or(r.total), r.total);
            }
        }
        if (agg == QLatin1String("count")) return aggregateTest(k, double(receipts), true);
        if (agg == QLatin1String("sum")) return aggregateTest(k, double(sum), true);
        if (agg == QLatin1String("quantity")) return aggregateTest(k, quantity, true);
        if (agg == QLatin1String("avg")) return aggregateTest(k, items ? std::optional<double>(double(sum / items)) : std::nullopt, false);
        return aggregateTest(k, max ? std::optional<double>(double(*max)) : std::nullopt, false);
    }
};

// --- random rules -------------------------------------------------------------

class RuleMaker {
public:
    RuleMaker(Data &d, const Catalog &catalog, QList<qint64> segments) : m_d(d), m_catalog(catalog), m_segments(std::move(segments)) {}

    QJsonObject rule() { return QJsonObject{{QStringLiteral("version"), 1}, {QStringLiteral("root"), group(1)}}; }

    QJsonObject group(int depth)
    {
        QJsonArray rules;
        for (int i = m_d.between(1, depth > 2 ? 2 : 3); i > 0; --i) rules.append(depth < 4 && m_d.chance(25) ? group(depth + 1) : condition());
        QJsonObject g{{QStringLiteral("group"), m_d.chance(50) ? QStringLiteral("and") : QStringLiteral("or")}, {QStringLiteral("rules"), rules}};
        if (m_d.chance(20)) g.insert(QStringLiteral("not"), true);
        return g;
    }

    QJsonValue scalar(ValueType type, const QString &fieldId, const QStringList &enums)
    {
        switch (type) {
        case ValueType::String: {
            QStringList pool = kFirst + kLast + kCities + kSources + kAnswers + QStringList{QStringLiteral("ива"), QStringLiteral("мос"), QStringLiteral("o'"), QStringLiteral("red"), QStringLiteral("BLUE"), QStringLiteral("зел"), QStringLiteral("Europe/Moscow"), QStringLiteral("' OR 1=1 --")};
            pool.removeAll(QString());
            QString v = m_d.pick(pool);
            if (m_d.chance(30)) v = v.left(m_d.between(1, std::max<int>(1, int(v.size()))));
            return v;
        }
        case ValueType::Enum: return m_d.pick(enums);
        case ValueType::Number:
        case ValueType::Money: {
            if (fieldId == QLatin1String("age")) return m_d.between(15, 80) + (m_d.chance(10) ? 0.5 : 0.0);
            if (fieldId.startsWith(QStringLiteral("rfm_"))) return m_d.between(1, 5);
            if (fieldId == QLatin1String("custom.shoe_size")) return m_d.between(34, 47);
            if (fieldId == QLatin1String("days_since_last_purchase")) return m_d.between(0, 500);
            if (fieldId == QLatin1String("orders_count")) return m_d.between(0, 6);
            if (fieldId == QLatin1String("purchases") || fieldId == QLatin1String("event") || fieldId == QLatin1String("site_visit") ||
                fieldId == QLatin1String("messages"))
                return m_d.chance(60) ? m_d.between(0, 3) : m_d.between(0, 60000);
            return m_d.pick(QList<int>{0, 1, 100, 500, 1000, 5000, 20000, 50000, 100000, 250000});
        }
        case ValueType::Date: {
            const QDate d = fieldId == QLatin1String("birth_date") ? QDate(m_d.between(1940, 2012), m_d.between(1, 12), m_d.between(1, 28))
                                                                 : todayUtc().addDays(-m_d.between(0, 600));
            return d.toString(Qt::ISODate);
        }
        case ValueType::Segment: return double(m_d.pick(m_segments));
        default: return QJsonValue();
        }
    }

    QJsonObject condition(const FieldDef *fixed = nullptr, const QString &fixedOp = {})
    {
        const auto &fields = m_catalog.fields();
        const FieldDef *f = fixed;
        while (!f || (f->type == ValueType::Segment && m_segments.isEmpty())) {
            // Aggregates hide the subtle cases (several matching lines, no rows at all): favour them.
            if (m_d.chance(35)) f = m_catalog.find(m_d.pick(QStringList{QStringLiteral("purchases"), QStringLiteral("purchases"), QStringLiteral("event"),
                                                                           QStringLiteral("site_visit"), QStringLiteral("messages"), QStringLiteral("points_expiring")}));
            else f = &fields.at(m_d.between(0, int(fields.size()) - 1));
        }
        const QString op = fixedOp.isEmpty() ? m_d.pick(f->operators) : fixedOp;
        QJsonObject c{{QStringLiteral("field"), f->id}, {QStringLiteral("op"), op}};
        const int arity = Op::arity(op);
        if (op == Op::InLastDays || op == Op::MoreThanDaysAgo) c.insert(QStringLiteral("value"), m_d.between(0, 400));
        else if (op == Op::AnniversaryInNextDays) c.insert(QStringLiteral("value"), m_d.between(0, 40));
        else if (arity == 1) c.insert(QStringLiteral("value"), scalar(f->type, f->id, f->enumValues));
        else if (arity == 2) {
            QJsonValue a = scalar(f->type, f->id, f->enumValues), b = scalar(f->type, f->id, f->enumValues);
            const bool swap = a.isDouble() ? a.toDouble() > b.toDouble() : a.toString() > b.toString();
            c.insert(QStringLiteral("value"), swap ? QJsonArray{b, a} : QJsonArray{a, b});
        } else if (arity == -1) {
            QJsonArray list;
            for (int i = m_d.between(1, 3); i > 0; --i) list.append(scalar(f->type, f->id, f->enumValues));
            c.insert(QStringLiteral("value"), list);
        }
        QJsonObject params;
        for (const auto &p : f->params) {
            if (!p.required && !m_d.chance(40)) continue;
            if (p.name == QLatin1String("to") || (p.name == QLatin1String("from") && params.contains(QStringLiteral("window_days")))) continue;
            if (p.name == QLatin1String("window_days") && params.contains(QStringLiteral("from"))) continue;
            if (p.name == QLatin1String("property_value") && !params.contains(QStringLiteral("property"))) continue;
            QJsonValue v;
            if (p.name == QLatin1String("type")) v = m_d.pick(kEventTypes);
            else if (p.name == QLatin1String("property")) v = m_d.pick(QStringList{QStringLiteral("screen"), QStringLiteral("build"), QStringLiteral("push"), QStringLiteral("section"), QStringLiteral("sku")});
            else if (p.name == QLatin1String("property_value")) v = m_d.pick(QStringList{QStringLiteral("home"), QStringLiteral("cart"), QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("true"), QStringLiteral("dairy")});
            else if (p.name == QLatin1String("section")) v = m_d.pick(kSections);
            else if (p.name == QLatin1String("product") && f->id == QLatin1String("site_visit")) v = m_d.pick(kSkus);
            else if (p.name == QLatin1String("product")) v = m_d.pick(QStringList{QStringLiteral("colgate"), QStringLiteral("ХЛЕБ"), QStringLiteral("паста"), QStringLiteral("milk")});
            else if (p.name == QLatin1String("question")) v = m_d.pick(kQuestions);
            else if (p.name == QLatin1String("sku")) v = QJsonArray{m_d.pick(kSkus)};
            else if (p.name == QLatin1String("category")) v = QJsonArray{m_d.pick(kCategories), m_d.pick(kCategories)};
            else if (p.name == QLatin1String("pos")) v = QJsonArray{m_d.pick(kPos)};
            else if (p.name == QLatin1String("status")) v = QJsonArray{m_d.pick(kStatuses)};
            else if (p.name == QLatin1String("window_days") || p.name == QLatin1String("days")) v = m_d.between(1, 400);
            else if (p.name == QLatin1String("n")) v = m_d.between(1, 3);
            else if (p.name == QLatin1String("campaign_id")) v = m_d.between(1, 3);
            else if (p.name == QLatin1String("from")) v = todayUtc().addDays(-m_d.between(30, 500)).toString(Qt::ISODate);
            else if (p.type == ValueType::Enum) v = m_d.pick(p.enumValues);
            else if (p.type == ValueType::Money) v = m_d.between(0, 60000);
            if (!v.isUndefined()) params.insert(p.name, v);
        }
        if (params.contains(QStringLiteral("from")) && m_d.chance(60)) params.insert(QStringLiteral("to"), todayUtc().addDays(-m_d.between(0, 29)).toString(Qt::ISODate));
        if (!params.isEmpty()) c.insert(QStringLiteral("params"), params);
        return c;
    }

private:
    Data &m_d;
    const Catalog &m_catalog;
    QList<qint64> m_segments;
};

// --- writing the data ---------------------------------------------------------

QString store(Server::Database &db, const QList<Customer> &customers)
{
    auto conn = db.connection();
    if (!conn) return conn.error().message;
    Server::Transaction tx(db, *conn, true);
    if (auto b = tx.begin(); !b) return b.error().message;
    auto run = [&](const QString &sql, const QVariantList &values) -> QString {
        Server::Sql q(*conn, sql);
        for (const auto &v : values) q.bind(v);
        auto r = q.exec();
        return r ? QString() : r.error().message;
    };
    auto opt = [](const std::optional<QString> &v) { return v ? QVariant(*v) : QVariant(QMetaType(QMetaType::QString)); };
    auto optInt = [](const std::optional<qint64> &v) { return v ? QVariant(*v) : QVariant(QMetaType(QMetaType::LongLong)); };
    QString e;
    e += run(QStringLiteral("INSERT INTO status_tiers (partner_id, code, name, rank) VALUES (1, 'silver', 'Silver', 1), (1, 'gold', 'Gold', 2)"), {});
    qint64 receiptId = 0, answerId = 0;
    for (const auto &c : customers) {
        e += run(QStringLiteral("INSERT INTO customers (id, partner_id, first_name, last_name, middle_name, gender, birth_date, city, time_zone, source, "
                                "tier_id, custom_attributes, orders_count, revenue, first_purchase_at, last_purchase_at, created_at, updated_at) "
                                "VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT id FROM status_tiers WHERE code = ?), ?, ?, ?, ?, ?, ?, ?)"),
                 {c.id, opt(c.first), opt(c.last), opt(c.middle), opt(c.gender), opt(c.birth), opt(c.city), opt(c.zone), opt(c.source), opt(c.tier),
                  c.custom.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(QString::fromUtf8(QJsonDocument(c.custom).toJson(QJsonDocument::Compact))),
                  c.orders, c.revenue, optInt(c.firstAt), optInt(c.lastAt), c.createdAt, c.createdAt});
        e += run(QStringLiteral("INSERT INTO contacts (customer_id, kind, raw_value, value, valid, confirmed, is_primary, created_at, updated_at) VALUES (?, 'phone', 'x', 'x', ?, ?, 1, 0, 0)"),
                 {c.id, c.phoneValid ? 1 : 0, c.phoneConfirmed ? 1 : 0});
        e += run(QStringLiteral("INSERT INTO contacts (customer_id, kind, raw_value, value, valid, confirmed, is_primary, created_at, updated_at) VALUES (?, 'email', 'x', 'x', ?, ?, 1, 0, 0)"),
                 {c.id, c.emailValid ? 1 : 0, c.emailConfirmed ? 1 : 0});
        for (auto it = c.subs.begin(); it != c.subs.end(); ++it)
            e += run(QStringLiteral("INSERT INTO subscriptions (customer_id, channel, subscribed, updated_at) VALUES (?, ?, ?, 0)"), {c.id, it.key(), it.value() ? 1 : 0});
        for (const auto &x : c.consents)
            e += run(QStringLiteral("INSERT INTO consent_history (customer_id, channel, subscribed, source, at) VALUES (?, ?, ?, 'test', ?)"), {c.id, x.channel, x.subscribed ? 1 : 0, x.at});
        if (c.hasCard) {
            e += run(QStringLiteral("INSERT INTO cards (id, partner_id, customer_id, number, category, type, state, issued_at) VALUES (?, 1, ?, ?, 'std', 'virtual', 'active', 0)"),
                     {c.id, c.id, QStringLiteral("C%1").arg(c.id)});
            e += run(QStringLiteral("INSERT INTO bonus_accounts (id, partner_id, currency, active_balance, pending_balance, created_at) VALUES (?, 1, 'points', ?, ?, 0)"), {c.id, c.active, c.pending});
            // Two links to the same account must not count it twice.
            e += run(QStringLiteral("INSERT INTO card_accounts (card_id, account_id) VALUES (?, ?)"), {c.id, c.id});
            for (const auto &l : c.ledger)
                e += run(QStringLiteral("INSERT INTO bonus_ledger (account_id, customer_id, kind, amount, status, created_at, activates_at, expires_at) VALUES (?, ?, 'accrual', ?, ?, 0, ?, ?)"),
                         {c.id, c.id, l.amount, l.status, optInt(l.activates), optInt(l.expires)});
        }
        for (const auto &r : c.receipts) {
            ++receiptId;
            e += run(QStringLiteral("INSERT INTO receipts (id, partner_id, external_id, customer_id, pos, cheque_number, purchased_at, status, total, currency, created_at) "
                                    "VALUES (?, 1, ?, ?, ?, 'X', ?, ?, ?, 'RUB', 0)"),
                     {receiptId, QStringLiteral("r%1").arg(receiptId), c.id, r.pos, r.at, r.status, r.total});
            int no = 0;
            for (const auto &l : r.lines)
                e += run(QStringLiteral("INSERT INTO receipt_lines (receipt_id, line_no, sku, name, category, quantity, price, amount) VALUES (?, ?, ?, ?, ?, ?, 0, ?)"),
                         {receiptId, ++no, l.sku, l.name, l.category, l.quantity, l.amount});
        }
        int eventNo = 0;
        for (const auto &ev : c.events)
            e += run(QStringLiteral("INSERT INTO events (partner_id, external_id, customer_id, type, properties, occurred_at, created_at) VALUES (1, ?, ?, ?, ?, ?, 0)"),
                     {QStringLiteral("e%1-%2").arg(c.id).arg(++eventNo), c.id, ev.type, QString::fromUtf8(QJsonDocument(ev.props).toJson(QJsonDocument::Compact)), ev.at});
        for (const auto &m : c.messages) {
            e += run(QStringLiteral("INSERT INTO messages (id, partner_id, customer_id, channel, campaign_id, status, created_at, updated_at) VALUES (?, 1, ?, ?, ?, 'sent', ?, ?)"),
                     {m.id, c.id, m.channel, optInt(m.campaign), m.at, m.at});
            for (const auto &s : m.statuses) e += run(QStringLiteral("INSERT INTO message_status (message_id, status, at) VALUES (?, ?, ?)"), {m.id, s, m.at});
        }
        for (const auto &a : c.answers)
            e += run(QStringLiteral("INSERT INTO survey_answers (id, customer_id, question, answer, answered_at) VALUES (?, ?, ?, ?, ?)"), {++answerId, c.id, a.question, a.answer, a.at});
        if (c.rfm)
            e += run(QStringLiteral("INSERT INTO customer_rfm (customer_id, r, f, m, frequency, monetary, grp, computed_at) VALUES (?, ?, ?, ?, 0, 0, ?, 0)"),
                     {c.id, c.rfm->r, c.rfm->f, c.rfm->m, c.rfm->group});
        if (!e.isEmpty()) return e;
    }
    if (auto r = tx.commit(); !r) return r.error().message;
    return {};
}

// Answer ids must follow insertion order for "latest answer" ties.
void numberAnswers(QList<Customer> &customers)
{
    qint64 id = 0;
    for (auto &c : customers)
        for (auto &a : c.answers) a.id = ++id;
}

Catalog testCatalog()
{
    Catalog catalog = Catalog::builtIn();
    catalog.setEnumValues(QStringLiteral("tier"), {QStringLiteral("silver"), QStringLiteral("gold"), QStringLiteral("platinum")});
    const QStringList textOps = catalog.find(QStringLiteral("city"))->operators;
    const QStringList numberOps = catalog.find(QStringLiteral("orders_count"))->operators;
    catalog.add(FieldDef{QStringLiteral("custom.vip"), QStringLiteral("customer"), QStringLiteral("VIP"), ValueType::Bool, {Op::IsTrue, Op::IsFalse}, {}, {}, {}});
    catalog.add(FieldDef{QStringLiteral("custom.shoe_size"), QStringLiteral("customer"), QStringLiteral("Shoe size"), ValueType::Number, numberOps, {}, {}, {}});
    catalog.add(FieldDef{QStringLiteral("custom.color"), QStringLiteral("customer"), QStringLiteral("Colour"), ValueType::String, textOps, {}, {}, {}});
    return catalog;
}

class SegmentOracle : public ::testing::TestWithParam<LoyaltyDesk::Test::Backend> {
protected:
    void SetUp() override
    {
        if (GetParam() == LoyaltyDesk::Test::Backend::PostgreSQL && !LoyaltyDesk::Test::postgresAvailable()) GTEST_SKIP() << "LOYALTYDESK_TEST_PG is not set";
        testDb = std::make_unique<LoyaltyDesk::Test::TestDatabase>(GetParam());
        ASSERT_TRUE(testDb->ok()) << testDb->error().toStdString();
        db = std::make_unique<Server::Database>(*Server::DbConfig::parse(testDb->url()));
        ASSERT_TRUE(db->migrate().ok());
        Server::AuthService auth(*db, 3600);
        ASSERT_TRUE(auth.bootstrap(QStringLiteral("oracle-admin")).ok());
        customers = data.generate(400);
        numberAnswers(customers);
        ASSERT_EQ(store(*db, customers), QString());
        RuleMaker maker(data, catalog, {});
        for (qint64 id = 1; id <= 3; ++id) {
            std::optional<Rule> rule;
            while (!rule) {
                auto r = Rule::fromJson(maker.rule(), catalog);
                if (r && r->segmentReferences().isEmpty()) rule = *r;
            }
            oracle.saved.insert(id, *rule);
        }
    }

    // Runs one rule both ways; returns the members, or fails the test.
    QList<qint64> check(const QJsonObject &json, const QString &label)
    {
        const QByteArray text = QJsonDocument(json).toJson(QJsonDocument::Compact);
        auto rule = Rule::fromJson(json, catalog);
        EXPECT_TRUE(rule.ok()) << text.toStdString() << "\n" << (rule ? std::string() : rule.error().message.toStdString());
        if (!rule) return {};
        auto resolver = [&](qint64 id) -> Core::Result<Rule> {
            if (!oracle.saved.contains(id)) return Core::Error::validation(QStringLiteral("segment"), QStringLiteral("no segment %1").arg(id));
            return oracle.saved.value(id);
        };
        const Dialect dialect = GetParam() == LoyaltyDesk::Test::Backend::SQLite ? Dialect::SQLite : Dialect::PostgreSQL;
        Server::SegmentCompiler compiler(dialect, kNow, resolver);
        auto compiled = compiler.compile(*rule);
        EXPECT_TRUE(compiled.ok()) << text.toStdString();
        if (!compiled) return {};
        auto conn = db->connection();
        Server::Sql q(*conn, QStringLiteral("SELECT c.id FROM customers c WHERE ") + compiled->where + QStringLiteral(" ORDER BY c.id"));
        for (const auto &b : compiled->binds) q.bind(b);
        auto ran = q.exec();
        EXPECT_TRUE(ran.ok()) << text.toStdString() << "\n" << (ran ? std::string() : ran.error().message.toStdString());
        QList<qint64> sql;
        while (q.next()) sql << q.value(0).toLongLong();
        QList<qint64> expected;
        for (const auto &c : customers)
            if (oracle.eval(rule->root, c)) expected << c.id;
        EXPECT_EQ(sql, expected) << label.toStdString() << ": " << text.toStdString() << "\nSQL: " << compiled->where.toStdString();
        return expected;
    }

    Data data{20251115};
    const Catalog catalog = testCatalog();
    std::unique_ptr<LoyaltyDesk::Test::TestDatabase> testDb;
    std::unique_ptr<Server::Database> db;
    QList<Customer> customers;
    Oracle oracle;
};

}  // namespace

TEST_P(SegmentOracle, EveryFieldAndOperatorAgreesWithTheOracle)
{
    RuleMaker maker(data, catalog, {1, 2, 3});
    int checked = 0;
    for (const auto &field : catalog.fields()) {
        for (const auto &op : field.operators) {
            // Several draws of values and parameters for each pair.
            for (int draw = 0; draw < 4; ++draw) {
                const QJsonObject rule{{QStringLiteral("version"), 1},
                                       {QStringLiteral("root"), QJsonObject{{QStringLiteral("group"), QStringLiteral("and")},
                                                                            {QStringLiteral("rules"), QJsonArray{maker.condition(&field, op)}}}}};
                check(rule, field.id + u' ' + op);
                if (HasFailure()) return;
                ++checked;
            }
        }
    }
    EXPECT_GT(checked, 4 * 200);
}

TEST_P(SegmentOracle, SqlMembersEqualTheOracleForRandomNestedRules)
{
    RuleMaker maker(data, catalog, {1, 2, 3});
    int nonTrivial = 0;
    const int rules = 400;
    for (int i = 0; i < rules; ++i) {
        const QList<qint64> members = check(maker.rule(), QStringLiteral("rule %1").arg(i));
        if (HasFailure()) return;
        if (!members.isEmpty() && members.size() < customers.size()) ++nonTrivial;
    }
    // The generator must produce rules that actually discriminate.
    EXPECT_GT(nonTrivial, rules / 3);
}

INSTANTIATE_TEST_SUITE_P(Backends, SegmentOracle, ::testing::Values(LoyaltyDesk::Test::Backend::SQLite, LoyaltyDesk::Test::Backend::PostgreSQL),
                         [](const auto &info) { return LoyaltyDesk::Test::backendName(info.param).toStdString(); });
