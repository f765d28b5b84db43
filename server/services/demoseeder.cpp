#include "demoseeder.h"

#include "auth.h"
#include "context.h"
#include "core/email.h"
#include "core/permissions.h"
#include "core/timezones.h"
#include "customers.h"
#include "demodata.h"
#include "fold.h"
#include "storage/bulkinsert.h"
#include "users.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <array>
#include <vector>

namespace LoyaltyDesk::Server {

namespace {

using namespace DemoData;

constexpr qint64 kDay = 86400;

QString u8(const char *text) {
    return QString::fromUtf8(text);
}

QString json(const QJsonObject &o) {
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}
QString json(const QJsonArray &a) {
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

// splitmix64: small, fast and the same on every platform (std:: distributions are not).
class Rng final {
public:
    Rng(quint64 seed, quint64 stream)
        : m_state(seed * 0x9E3779B97F4A7C15ULL ^ (stream + 0x632BE59BD9B4E019ULL)) {
        next();
    }
    quint64 next() {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    // Inclusive range.
    qint64 range(qint64 lo, qint64 hi) { return lo + qint64(next() % quint64(hi - lo + 1)); }
    bool chance(double p) { return double(next() >> 11) * (1.0 / 9007199254740992.0) < p; }
    template <typename T, size_t N>
    const T &pick(const T (&items)[N]) {
        return items[next() % N];
    }

private:
    quint64 m_state;
};

// One item of a list of things with a `weight`, chosen in proportion to it.
template <typename Items>
const auto &weighted(Rng &rng, const Items &items) {
    int total = 0;
    for (const auto &i : items) total += i.weight;
    int x = int(rng.range(0, total - 1));
    for (const auto &i : items) {
        if (x < i.weight) return i;
        x -= i.weight;
    }
    return *std::begin(items);
}

// Mobile numbers +7 9XX XXX-XX-XX, one per customer id and never repeated: an affine
// map that is a bijection on 0..10^9-1 (the factor is prime to 10).
QString mobileDigits(qint64 customerId) {
    const quint64 x = (quint64(customerId) * 387420489ULL + 123456789ULL) % 1000000000ULL;
    return u'9' + QStringLiteral("%1").arg(x, 9, 10, QLatin1Char('0'));
}

// Moscow and St Petersburg fixed lines for the few customers with a second number.
QString landlineDigits(qint64 customerId) {
    const quint64 x = (quint64(customerId) * 7654321ULL + 1234567ULL) % 10000000ULL;
    return (customerId % 2 ? QStringLiteral("495") : QStringLiteral("812")) +
           QStringLiteral("%1").arg(x, 7, 10, QLatin1Char('0'));
}

// The ways people type the same Russian number; `d` is the 10-digit national number.
QString typedPhone(const QString &d, int style) {
    const QString a = d.left(3), b = d.mid(3, 3), c = d.mid(6, 2), e = d.mid(8, 2);
    switch (style % 9) {
        case 0:
            return QStringLiteral("+7 %1 %2-%3-%4").arg(a, b, c, e);
        case 1:
            return QStringLiteral("8(%1)%2%3%4").arg(a, b, c, e);
        case 2:
            return d;
        case 3:
            return QStringLiteral("+7-%1-%2-%3-%4").arg(a, b, c, e);
        case 4:
            return QStringLiteral("+7") + d;
        case 5:
            return QStringLiteral("8 %1 %2 %3 %4").arg(a, b, c, e);
        case 6:
            return QStringLiteral("7 (%1) %2-%3-%4").arg(a, b, c, e);
        case 7:
            return QStringLiteral("8-%1-%2-%3-%4").arg(a, b, c, e);
        default:
            return QStringLiteral("+7 (%1) %2 %3%4").arg(a, b, c, e);
    }
}

QString cardNumber(qint64 cardId) {
    return QStringLiteral("2770%1").arg(cardId, 9, 10, QLatin1Char('0'));
}

QString base36(quint64 v, int width) {
    QString s = QString::number(v, 36).toUpper();
    return s.rightJustified(width, u'0');
}

struct Product {
    qint64 id;
    QString sku, name, category, section;
    qint64 price;  // kopecks
    int categoryIndex;
};

struct CityInfo {
    QString name, zone, code;
    int weight;
};

// Next id of each table: seeded rows get explicit ids after the current maximum.
struct Ids {
    qint64 customer = 0, contact = 0, consent = 0, card = 0, replacement = 0, account = 0,
           ledger = 0, receipt = 0, line = 0, event = 0, message = 0, status = 0, coupon = 0,
           support = 0;
};

// Tables with an identity key that the seeder writes (PostgreSQL's sequences follow).
const char *const kIdTables[] = {"customers",    "contacts",          "consent_history",
                                 "cards",        "card_replacements", "bonus_accounts",
                                 "bonus_ledger", "receipts",          "receipt_lines",
                                 "events",       "messages",          "message_status",
                                 "coupons",      "support_messages",  "products",
                                 "status_tiers", "card_groups"};

struct Lot {
    qsizetype ledgerIndex;  // the accrual's row in the customer's ledger
    qint64 remaining, activatesAt, expiresAt;
};

struct LedgerRow {
    QString kind, status, description;
    qint64 amount, createdAt;
    std::optional<qint64> receiptId, activatesAt, expiresAt;
};

class Generator final {
public:
    Generator(const QSqlDatabase &conn, const Core::PhoneNormalizer &phones, quint64 seed,
              qint64 now, qint64 partnerId)
        : m_phones(phones),
          m_seed(seed),
          m_now(now),
          m_partnerId(partnerId),
          m_customers(
              conn, QStringLiteral("customers"),
              columnList("id, partner_id, external_id, first_name, last_name, middle_name, gender, "
                         "birth_date, address, city, time_zone, preferred_categories, children, "
                         "pets, custom_attributes, source, tier_id, orders_count, revenue, "
                         "first_purchase_at, last_purchase_at, created_at, updated_at")),
          m_contacts(conn, QStringLiteral("contacts"),
                     columnList("id, customer_id, kind, raw_value, value, valid, confirmed, "
                                "is_primary, details, created_at, updated_at")),
          m_searchKeys(
              conn, QStringLiteral("search_keys"),
              {QStringLiteral("kind"), QStringLiteral("key"), QStringLiteral("customer_id")}),
          m_subscriptions(conn, QStringLiteral("subscriptions"),
                          columnList("customer_id, channel, subscribed, updated_at")),
          m_consent(conn, QStringLiteral("consent_history"),
                    columnList("id, customer_id, channel, subscribed, source, at")),
          m_cards(conn, QStringLiteral("cards"),
                  columnList("id, partner_id, customer_id, number, category, type, state, "
                             "group_id, issued_at, blocked_at")),
          m_replacements(conn, QStringLiteral("card_replacements"),
                         columnList("id, old_card_id, new_card_id, reason, at")),
          m_accounts(
              conn, QStringLiteral("bonus_accounts"),
              columnList("id, partner_id, currency, active_balance, pending_balance, created_at")),
          m_cardAccounts(conn, QStringLiteral("card_accounts"),
                         {QStringLiteral("card_id"), QStringLiteral("account_id")}),
          m_receipts(conn, QStringLiteral("receipts"),
                     columnList("id, partner_id, external_id, customer_id, card_id, pos, "
                                "cheque_number, purchased_at, status, total, discount, "
                                "bonus_accrued, bonus_spent, currency, created_at")),
          m_lines(conn, QStringLiteral("receipt_lines"),
                  columnList("id, receipt_id, line_no, product_id, sku, name, category, quantity, "
                             "price, discount, amount, offer")),
          m_ledger(conn, QStringLiteral("bonus_ledger"),
                   columnList("id, account_id, customer_id, kind, amount, status, receipt_id, "
                              "description, created_at, activates_at, expires_at")),
          m_events(conn, QStringLiteral("events"),
                   columnList("id, partner_id, external_id, customer_id, type, properties, source, "
                              "occurred_at, created_at")),
          m_messages(conn, QStringLiteral("messages"),
                     columnList("id, partner_id, customer_id, channel, campaign_id, campaign_name, "
                                "template_id, subject, recipient, status, created_at, updated_at")),
          m_statuses(conn, QStringLiteral("message_status"),
                     columnList("id, message_id, status, at, details")),
          m_coupons(conn, QStringLiteral("coupons"),
                    columnList("id, partner_id, customer_id, code, offer, issued_at, expires_at, "
                               "redeemed_at, receipt_id")),
          m_favorites(conn, QStringLiteral("favorite_products"),
                      {QStringLiteral("customer_id"), QStringLiteral("product_id"),
                       QStringLiteral("added_at")}),
          m_support(conn, QStringLiteral("support_messages"),
                    columnList("id, customer_id, direction, channel, author, body, created_at")) {}

    Ids ids;
    QList<Product> products;
    QList<CityInfo> cities;
    QList<qint64> groupIds;
    // Tier ids by rank, with the revenue (kopecks) each starts at.
    QList<std::pair<qint64, qint64>> tiers;

    void customer(qint64 ordinal);

    // Writes the buffered rows, parents before children.
    Result<void> flush() {
        for (BulkInsert *b : tables())
            if (auto r = b->flush(); !r) return r;
        return {};
    }

    QList<std::pair<QString, qint64>> written() {
        QList<std::pair<QString, qint64>> out;
        for (BulkInsert *b : tables()) out.append({b->table(), b->written()});
        return out;
    }

private:
    std::array<BulkInsert *, 18> tables() {
        return {&m_customers, &m_contacts,     &m_searchKeys, &m_subscriptions, &m_consent,
                &m_cards,     &m_replacements, &m_accounts,   &m_cardAccounts,  &m_receipts,
                &m_lines,     &m_ledger,       &m_events,     &m_messages,      &m_statuses,
                &m_coupons,   &m_favorites,    &m_support};
    }

    const CityInfo &pickCity(Rng &rng) const { return weighted(rng, cities); }

    const Core::PhoneNormalizer &m_phones;
    quint64 m_seed;
    qint64 m_now, m_partnerId;
    BulkInsert m_customers, m_contacts, m_searchKeys, m_subscriptions, m_consent, m_cards,
        m_replacements, m_accounts, m_cardAccounts, m_receipts, m_lines, m_ledger, m_events,
        m_messages, m_statuses, m_coupons, m_favorites, m_support;
};

void Generator::customer(qint64 ordinal) {
    Rng rng(m_seed, quint64(ordinal));
    const qint64 id = ++ids.customer;
    const QVariant none = sqlNull(), noText = sqlNullText();
    auto text = [&](const QString &s) { return s.isEmpty() ? noText : QVariant(s); };

    // Who.
    const bool russian = rng.chance(0.8);
    const bool female = rng.chance(0.53);
    QString first, last, middle, firstLatin, lastLatin;
    if (russian) {
        const Name &n = female ? rng.pick(kRussianFemale) : rng.pick(kRussianMale);
        const Surname &s = rng.pick(kRussianSurnames);
        first = u8(n.text);
        firstLatin = u8(n.latin);
        last = u8(female ? s.female : s.male);
        lastLatin = u8(s.latin);
        if (female && qstrcmp(s.male, s.female) != 0)  // Ivanova, Tolstaya
            lastLatin = lastLatin.endsWith(QLatin1String("oy"))
                            ? QString(lastLatin.chopped(2) + QStringLiteral("aya"))
                            : QString(lastLatin + u'a');
        if (rng.chance(0.9)) {
            const Patronymic &p = rng.pick(kPatronymics);
            middle = u8(female ? p.female : p.male);
        }
    } else {
        const Name &n = female ? rng.pick(kEnglishFemale) : rng.pick(kEnglishMale);
        const Name &s = rng.pick(kEnglishSurnames);
        first = u8(n.text);
        firstLatin = u8(n.latin);
        last = u8(s.text);
        lastLatin = u8(s.latin);
    }
    const QString gender =
        rng.chance(0.95) ? (female ? QStringLiteral("female") : QStringLiteral("male")) : QString();
    const QDate today = QDateTime::fromSecsSinceEpoch(m_now, Qt::UTC).date();
    const QString birthDate =
        rng.chance(0.9)
            ? today.addDays(-(rng.range(18, 75) * 365 + rng.range(0, 364))).toString(Qt::ISODate)
            : QString();
    const CityInfo &city = pickCity(rng);
    const QString address = rng.chance(0.6) ? QStringLiteral("%1, д. %2, кв. %3")
                                                  .arg(u8(rng.pick(kStreets)))
                                                  .arg(rng.range(1, 120))
                                                  .arg(rng.range(1, 300))
                                            : QString();
    const qint64 createdAt = m_now - rng.range(30, 3 * 365) * kDay - rng.range(0, kDay - 1);
    static const char *const sources[] = {"pos",   "pos", "website", "mobile_app", "contact_center",
                                          "import"};
    const QString source = u8(rng.pick(sources));

    // Tastes: preferred categories weigh the basket.
    QList<int> preferred;
    if (rng.chance(0.4)) {
        const int n = int(rng.range(1, 3));
        while (preferred.size() < n) {
            const int c = int(rng.range(0, std::size(kCategories) - 1));
            if (!preferred.contains(c)) preferred << c;
        }
    }
    QJsonArray preferredJson;
    for (int c : preferred) preferredJson.append(u8(kCategories[c].name));
    QJsonArray children, pets;
    if (rng.chance(0.3))
        for (int i = 0, n = int(rng.range(1, 3)); i < n; ++i)
            children.append(
                QJsonObject{{QStringLiteral("name"), u8(rng.pick(kChildNames))},
                            {QStringLiteral("gender"),
                             rng.chance(0.5) ? QStringLiteral("female") : QStringLiteral("male")},
                            {QStringLiteral("birth_date"),
                             today.addDays(-rng.range(200, 17 * 365)).toString(Qt::ISODate)}});
    if (rng.chance(0.2))
        for (int i = 0, n = int(rng.range(1, 2)); i < n; ++i)
            pets.append(QJsonObject{{QStringLiteral("kind"), u8(rng.pick(kPetKinds))},
                                    {QStringLiteral("name"), u8(rng.pick(kPetNames))}});
    QJsonObject custom;
    if (rng.chance(0.25)) {
        custom.insert(QStringLiteral("mobile_app_installed"), rng.chance(0.6));
        custom.insert(QStringLiteral("favorite_store"), u8(rng.pick(kStores)));
        if (rng.chance(0.5)) custom.insert(QStringLiteral("shoe_size"), int(rng.range(35, 46)));
    }

    // Contacts.
    struct Contact {
        QString kind, raw, value, details;
        bool valid, confirmed, primary;
    };
    QList<Contact> contacts;
    QString phoneE164, emailValue;
    // Phones go through the same normalizer as the API, so details match what it would store.
    auto phone = [&](const QString &raw, bool primary) {
        const Core::PhoneInfo p = m_phones.normalize(raw);
        const QJsonObject details = p.valid ? QJsonObject{{QStringLiteral("type"), p.type},
                                                          {QStringLiteral("region"), p.region},
                                                          {QStringLiteral("location"), p.location},
                                                          {QStringLiteral("time_zone"), p.timeZone}}
                                            : QJsonObject{{QStringLiteral("error"), p.error}};
        contacts.append({QStringLiteral("phone"), raw, p.e164, json(details), p.valid,
                         p.valid && rng.chance(0.7), primary});
        if (primary && p.valid) phoneE164 = p.e164;
    };
    if (rng.chance(0.97)) {
        phone(rng.chance(0.015) ? u8(rng.pick(kBadPhones))
                                : typedPhone(mobileDigits(id), int(rng.range(0, 8))),
              true);
        if (rng.chance(0.08)) phone(typedPhone(landlineDigits(id), int(rng.range(0, 8))), false);
    }
    if (rng.chance(0.85)) {
        QString local;
        switch (rng.range(0, 3)) {
            case 0:
                local = firstLatin + u'.' + lastLatin;
                break;
            case 1:
                local = firstLatin.left(1) + lastLatin + u'_';
                break;
            case 2:
                local = lastLatin + u'.' + firstLatin;
                break;
            default:
                local = firstLatin;
                break;
        }
        local += QString::number(id);
        QString raw;
        if (rng.chance(0.012)) {
            raw = u8(rng.pick(kBadEmailForms)).arg(local);
        } else {
            QString domain = u8(weighted(rng, kEmailDomains).domain);
            if (rng.chance(0.1))
                domain = domain.left(1).toUpper() + domain.mid(1);  // typed "Mail.ru"
            raw = local + u'@' + domain;
            if (rng.chance(0.03)) raw = u' ' + raw + u' ';
        }
        const Core::EmailInfo e = Core::EmailNormalizer::normalize(raw);
        if (e.valid) emailValue = e.normalized;
        contacts.append({QStringLiteral("email"), raw, e.normalized,
                         json(e.valid ? QJsonObject{{QStringLiteral("provider"), e.provider}}
                                      : QJsonObject{{QStringLiteral("error"), e.error}}),
                         e.valid, e.valid && rng.chance(0.6), true});
    }
    if (rng.chance(0.1)) {
        const QString handle = u'@' + firstLatin + u'_' + lastLatin + QString::number(id);
        contacts.append({QStringLiteral("messenger"), handle, handle,
                         json(QJsonObject{{QStringLiteral("network"), QStringLiteral("telegram")}}),
                         true, true, true});
    }
    if (rng.chance(0.05)) {
        const QString page = QStringLiteral("https://vk.com/id%1").arg(100000000 + id);
        contacts.append({QStringLiteral("social"), page, page,
                         json(QJsonObject{{QStringLiteral("network"), QStringLiteral("vk")}}), true,
                         false, true});
    }
    {
        // The mobile app: a device's push token for about a third of customers. Drawn from
        // a stream of its own, so that everything drawn after it stays as it was.
        Rng app(m_seed, quint64(ordinal) | (quint64(1) << 62));
        if (app.chance(0.35)) {
            QString token;
            for (int i = 0; i < 4; ++i) token += QString::number(app.next(), 16).rightJustified(16, u'0');
            const QString platform = app.chance(0.4) ? QStringLiteral("ios") : QStringLiteral("android");
            contacts.append({QStringLiteral("push"), token, token, json(QJsonObject{{QStringLiteral("platform"), platform}}),
                             true, true, true});
        }
    }

    // Cards and the bonus account behind them.
    struct Card {
        qint64 id;
        qint64 issuedAt;
        std::optional<qint64> blockedAt;
    };
    QList<Card> cards;
    const qint64 accountId = ++ids.account;
    static const char *const categories[] = {"standard", "standard", "standard", "standard",
                                             "standard", "standard", "premium",  "employee"};
    const QString cardCategory = u8(rng.pick(categories));
    const QVariant group = (!groupIds.isEmpty() && rng.chance(0.04))
                               ? QVariant(groupIds.at(rng.range(0, groupIds.size() - 1)))
                               : none;
    const bool plastic = rng.chance(0.7);
    Card primary{++ids.card, createdAt, std::nullopt};
    cards.append(primary);
    qint64 replacedAt = 0;
    if (rng.chance(0.08)) {
        replacedAt = createdAt + (m_now - createdAt) * rng.range(20, 80) / 100;
        Card renewed{++ids.card, replacedAt, std::nullopt};
        cards[0].blockedAt = replacedAt;
        cards.append(renewed);
        static const char *const reasons[] = {"lost", "damaged", "stolen", "reissued"};
        m_replacements.row(
            {++ids.replacement, primary.id, renewed.id, u8(rng.pick(reasons)), replacedAt});
    }
    for (qsizetype i = 0; i < cards.size(); ++i) {
        const Card &c = cards.at(i);
        m_cards.row({c.id, m_partnerId, id, cardNumber(c.id), cardCategory,
                     plastic ? QStringLiteral("plastic") : QStringLiteral("virtual"),
                     c.blockedAt ? QStringLiteral("blocked") : QStringLiteral("active"), group,
                     c.issuedAt, c.blockedAt ? QVariant(*c.blockedAt) : none});
        m_cardAccounts.row({c.id, accountId});
    }
    if (rng.chance(0.12)) {  // the mobile app's virtual card, on the same account
        const qint64 appCard = ++ids.card;
        m_cards.row({appCard, m_partnerId, id, cardNumber(appCard), cardCategory,
                     QStringLiteral("virtual"), QStringLiteral("active"), none,
                     createdAt + rng.range(1, 200) * kDay, none});
        m_cardAccounts.row({appCard, accountId});
        cards.append({appCard, createdAt, std::nullopt});
    }
    auto cardAt = [&](qint64 at) {
        return (replacedAt && at >= replacedAt) ? cards.at(1).id : cards.at(0).id;
    };

    // Purchases over the last two years; how often depends on the kind of customer.
    int receiptCount = 0;
    const int activity = int(rng.range(0, 99));
    if (activity < 15)
        receiptCount = 0;
    else if (activity < 55)
        receiptCount = int(rng.range(1, 3));
    else if (activity < 85)
        receiptCount = int(rng.range(4, 10));
    else
        receiptCount = int(rng.range(10, 18));
    const qint64 from = std::max(createdAt, m_now - 730 * kDay);
    std::vector<qint64> times;
    for (int i = 0; i < receiptCount; ++i)
        times.push_back(from + qint64((m_now - 3600 - from) * (rng.next() % 1000000) / 1000000));
    std::sort(times.begin(), times.end());

    QList<int> favorites;
    if (rng.chance(0.25))
        for (int i = 0, n = int(rng.range(1, 5)); i < n; ++i) {
            const int p = int(rng.range(0, products.size() - 1));
            if (!favorites.contains(p)) favorites << p;
        }
    // An index into the catalog, which holds the same number of products per category.
    const qsizetype perCategory = products.size() / qsizetype(std::size(kCategories));
    auto pickProduct = [&]() -> int {
        if (!favorites.isEmpty() && rng.chance(0.2))
            return favorites.at(rng.range(0, favorites.size() - 1));
        if (!preferred.isEmpty() && rng.chance(0.5))
            return int(preferred.at(rng.range(0, preferred.size() - 1)) * perCategory +
                       rng.range(0, perCategory - 1));
        return int(rng.range(0, products.size() - 1));
    };

    Core::CustomerMetrics metrics;
    QList<LedgerRow> ledger;
    QList<Lot> lots;
    struct Purchase {
        qint64 id, at;
    };
    QList<Purchase> completed;
    QString homeStore =
        city.code + QStringLiteral("-%1").arg(rng.range(1, 12), 2, 10, QLatin1Char('0'));

    // Expires lots whose time has come, oldest first, before `at`.
    auto expireUntil = [&](qint64 at) {
        for (Lot &lot : lots) {
            if (lot.expiresAt > at || ledger[lot.ledgerIndex].status == QLatin1String("expired"))
                continue;
            ledger[lot.ledgerIndex].status = QStringLiteral("expired");
            if (lot.remaining > 0)
                ledger.append({QStringLiteral("expiry"), QStringLiteral("expired"),
                               QStringLiteral("Сгорание баллов"), -lot.remaining, lot.expiresAt,
                               std::nullopt, std::nullopt, std::nullopt});
            lot.remaining = 0;
        }
    };
    auto accrue = [&](qint64 amount, qint64 at, qint64 activates, qint64 expires,
                      const QString &description, std::optional<qint64> receipt) {
        lots.append({ledger.size(), amount, activates, expires});
        ledger.append({QStringLiteral("accrual"), QStringLiteral("active"), description, amount, at,
                       receipt, activates, expires});
    };
    auto spend = [&](qint64 wanted, qint64 at, qint64 receipt, const QString &cheque) -> qint64 {
        std::sort(lots.begin(), lots.end(),
                  [](const Lot &a, const Lot &b) { return a.expiresAt < b.expiresAt; });
        qint64 spent = 0;
        for (Lot &lot : lots) {
            if (spent >= wanted) break;
            if (lot.activatesAt > at || lot.expiresAt <= at || lot.remaining <= 0) continue;
            const qint64 take = std::min(lot.remaining, wanted - spent);
            lot.remaining -= take;
            spent += take;
        }
        if (spent > 0)
            ledger.append({QStringLiteral("deduction"), QStringLiteral("spent"),
                           QStringLiteral("Оплата баллами, чек %1").arg(cheque), -spent, at,
                           receipt, std::nullopt, std::nullopt});
        return spent;
    };

    accrue(rng.range(1, 5) * 100, createdAt, createdAt, createdAt + 90 * kDay,
           QStringLiteral("Приветственный бонус"), std::nullopt);
    for (qint64 at : times) {
        expireUntil(at);
        const qint64 receiptId = ++ids.receipt;
        const QString cheque = QString::number(100000000 + receiptId);
        const QString pos =
            rng.chance(0.85) ? homeStore
                             : pickCity(rng).code + QStringLiteral("-%1").arg(rng.range(1, 12), 2,
                                                                              10, QLatin1Char('0'));
        const int roll = int(rng.range(0, 99));
        const QString status = roll < 90   ? QStringLiteral("completed")
                               : roll < 96 ? QStringLiteral("cancelled")
                                           : QStringLiteral("unfinished");
        qint64 total = 0, discount = 0;
        const int lineCount = int(rng.range(1, 4)) + (rng.chance(0.2) ? int(rng.range(1, 4)) : 0);
        for (int l = 1; l <= lineCount; ++l) {
            const int index = pickProduct();
            const Product &p = products.at(index);
            const int qty = rng.chance(0.8) ? 1 : int(rng.range(2, 4));
            qint64 lineDiscount = 0;
            QString offer;
            if (favorites.contains(index) && rng.chance(0.7)) {
                offer = u8(kOffers[2]);
                lineDiscount = p.price * qty * 15 / 100;
            } else if (qty >= 2 && rng.chance(0.3)) {
                offer = u8(kOffers[1]);
                lineDiscount = p.price;
            } else if (rng.chance(0.12)) {
                const int o = int(rng.range(0, std::size(kOffers) - 1));
                offer = u8(kOffers[o]);
                lineDiscount = p.price * qty * (o == 4 ? 20 : o == 3 ? 5 : 10) / 100;
            }
            const qint64 amount = p.price * qty - lineDiscount;
            m_lines.row({++ids.line, receiptId, l, p.id, p.sku, p.name, p.category, double(qty),
                         p.price, lineDiscount, amount, text(offer)});
            total += amount;
            discount += lineDiscount;
        }
        qint64 accrued = 0, spentPoints = 0;
        if (status == QLatin1String("completed")) {
            if (rng.chance(0.25))
                spentPoints =
                    spend(total / 100 * 3 / 10, at, receiptId, cheque);  // up to 30% of the bill
            accrued = (total / 100 - spentPoints) * 5 / 100;
            if (accrued > 0)
                accrue(accrued, at, at + MetricsFold::kActivationDelay, at + MetricsFold::kPointsLifetime,
                       QStringLiteral("Начисление за покупку, чек %1").arg(cheque), receiptId);
            metrics.addPurchase(total, at);
            completed.append({receiptId, at});
        }
        m_receipts.row({receiptId, m_partnerId, QStringLiteral("demo-r-%1").arg(receiptId), id,
                        cardAt(at), pos, cheque, at, status, total, discount, accrued, spentPoints,
                        QStringLiteral("RUB"), at});
    }
    // Campaign bonuses that expire, or activate, within the next month.
    if (rng.chance(0.45)) {
        const qint64 at = m_now - rng.range(30, 330) * kDay;
        accrue(rng.range(1, 10) * 50, at, at,
               m_now + rng.range(1, 29) * kDay + rng.range(0, kDay - 1),
               QStringLiteral("Бонус по акции"), std::nullopt);
    }
    if (rng.chance(0.2)) {
        const qint64 at = m_now - rng.range(1, 10) * kDay;
        accrue(rng.range(1, 6) * 100, at, m_now + rng.range(1, 29) * kDay, m_now + 180 * kDay,
               QStringLiteral("Бонус ко дню рождения"), std::nullopt);
    }
    expireUntil(m_now);
    qint64 active = 0, pending = 0;
    for (LedgerRow &row : ledger) {
        if (row.kind == QLatin1String("accrual") && row.status == QLatin1String("active") &&
            row.activatesAt && *row.activatesAt > m_now)
            row.status = QStringLiteral("pending");
        (row.status == QLatin1String("pending") ? pending : active) += row.amount;
        m_ledger.row({++ids.ledger, accountId, id, row.kind, row.amount, row.status,
                      row.receiptId ? QVariant(*row.receiptId) : none, row.description,
                      row.createdAt, row.activatesAt ? QVariant(*row.activatesAt) : none,
                      row.expiresAt ? QVariant(*row.expiresAt) : none});
    }
    m_accounts.row({accountId, m_partnerId, QStringLiteral("points"), active, pending, createdAt});
    if (rng.chance(0.03)) {  // a second currency on the main card: several accounts per card
        const qint64 stars = ++ids.account;
        const qint64 amount = rng.range(1, 20);
        m_accounts.row({stars, m_partnerId, QStringLiteral("stars"), amount, 0, createdAt});
        m_cardAccounts.row({cardAt(m_now), stars});
        m_ledger.row({++ids.ledger, stars, id, QStringLiteral("accrual"), amount,
                      QStringLiteral("active"), none, QStringLiteral("Звёзды за активность"),
                      createdAt + kDay, createdAt + kDay, none});
    }

    // The profile row, with metrics that match the completed receipts.
    qint64 tierId = tiers.first().first;
    for (const auto &[tier, minimum] : tiers)
        if (metrics.revenue >= minimum) tierId = tier;
    m_customers.row({id,
                     m_partnerId,
                     QStringLiteral("demo-%1").arg(id),
                     first,
                     last,
                     text(middle),
                     text(gender),
                     text(birthDate),
                     text(address),
                     city.name,
                     city.zone,
                     preferredJson.isEmpty() ? noText : QVariant(json(preferredJson)),
                     children.isEmpty() ? noText : QVariant(json(children)),
                     pets.isEmpty() ? noText : QVariant(json(pets)),
                     custom.isEmpty() ? noText : QVariant(json(custom)),
                     source,
                     tierId,
                     metrics.ordersCount,
                     metrics.revenue,
                     metrics.firstPurchaseAt ? QVariant(*metrics.firstPurchaseAt) : none,
                     metrics.lastPurchaseAt ? QVariant(*metrics.lastPurchaseAt) : none,
                     createdAt,
                     std::max(createdAt, metrics.lastPurchaseAt.value_or(0))});
    for (const Contact &c : contacts)
        m_contacts.row({++ids.contact, id, c.kind, c.raw, c.valid ? QVariant(c.value) : noText,
                        c.valid ? 1 : 0, c.confirmed ? 1 : 0, c.primary ? 1 : 0, c.details,
                        createdAt, createdAt});

    // Search keys exactly as CustomerService::rebuildSearchKeys writes them.
    const QString nameA = CustomerService::nameKey(last + u' ' + first + u' ' + middle);
    const QString nameB = CustomerService::nameKey(first + u' ' + middle + u' ' + last);
    if (!nameA.isEmpty()) m_searchKeys.row({QStringLiteral("name"), nameA, id});
    if (!nameB.isEmpty() && nameB != nameA) m_searchKeys.row({QStringLiteral("name"), nameB, id});
    for (const Contact &c : contacts) {
        if (!c.valid) continue;
        if (c.kind == QLatin1String("phone"))
            m_searchKeys.row({c.kind, CustomerService::phoneKey(c.value), id});
        else if (c.kind == QLatin1String("email"))
            m_searchKeys.row({c.kind, c.value.toLower(), id});
    }
    for (const Card &c : cards)
        m_searchKeys.row({QStringLiteral("card"), CustomerService::cardKey(cardNumber(c.id)), id});

    // Subscriptions and how they came to be.
    for (const QString &channel : Core::subscriptionChannels()) {
        const bool reachable = channel == QLatin1String("email") ? !emailValue.isEmpty()
                               : channel == QLatin1String("sms") ? !phoneE164.isEmpty()
                                                                 : true;
        const double yes = channel == QLatin1String("email")  ? 0.7
                           : channel == QLatin1String("sms")  ? 0.6
                           : channel == QLatin1String("push") ? 0.3
                                                              : 0.2;
        if (!reachable || !rng.chance(yes + 0.1)) continue;
        bool on = rng.chance(yes / (yes + 0.1));
        qint64 at = createdAt;
        m_consent.row({++ids.consent, id, channel, on ? 1 : 0,
                       source == QLatin1String("pos") ? QStringLiteral("pos")
                                                      : QStringLiteral("registration"),
                       at});
        if (rng.chance(0.15)) {
            on = !on;
            at = createdAt + (m_now - createdAt) * rng.range(10, 95) / 100;
            m_consent.row(
                {++ids.consent, id, channel, on ? 1 : 0,
                 on ? QStringLiteral("personal_account") : QStringLiteral("unsubscribe_link"), at});
        }
        m_subscriptions.row({id, channel, on ? 1 : 0, at});
    }

    // Behaviour on the website and in the app: visits, views, carts, abandoned carts.
    const int sessions = int(rng.range(0, 3));
    for (int s = 0; s < sessions; ++s) {
        qint64 at = m_now - rng.range(1, 365) * kDay - rng.range(0, kDay - 1);
        const QString src =
            rng.chance(0.7) ? QStringLiteral("website") : QStringLiteral("mobile_app");
        const Product &p = products.at(pickProduct());
        auto event = [&](const QString &type, const QJsonObject &props) {
            const qint64 eventId = ++ids.event;
            m_events.row({eventId, m_partnerId, QStringLiteral("demo-e-%1").arg(eventId), id, type,
                          json(props), src, at, at});
            at += rng.range(20, 600);
        };
        event(QStringLiteral("site_visit"),
              {{QStringLiteral("section"), p.category},
               {QStringLiteral("url"), QString(QStringLiteral("/catalog/") + p.section)}});
        event(QStringLiteral("product_view"), {{QStringLiteral("sku"), p.sku},
                                               {QStringLiteral("name"), p.name},
                                               {QStringLiteral("category"), p.category}});
        if (rng.chance(0.4)) {
            event(QStringLiteral("add_to_cart"), {{QStringLiteral("sku"), p.sku},
                                                  {QStringLiteral("quantity"), 1},
                                                  {QStringLiteral("price"), p.price}});
            if (rng.chance(0.5)) {
                at += 3600;
                event(QStringLiteral("abandoned_cart"),
                      {{QStringLiteral("items"), QJsonArray{p.sku}},
                       {QStringLiteral("total"), p.price}});
            }
        }
    }

    // Messages with their delivery timeline.
    const int messageCount = int(rng.range(0, 2));
    for (int m = 0; m < messageCount; ++m) {
        const bool byEmail = !emailValue.isEmpty() && (phoneE164.isEmpty() || rng.chance(0.6));
        if (!byEmail && phoneE164.isEmpty()) break;
        const int c = int(rng.range(0, std::size(kCampaigns) - 1));
        const qint64 messageId = ++ids.message;
        qint64 at = std::max(createdAt, m_now - rng.range(1, 400) * kDay) + rng.range(0, kDay - 1);
        const qint64 sentAt = at;
        QStringList timeline = {QStringLiteral("queued"), QStringLiteral("sent")};
        QString failure;
        const int fate = int(rng.range(0, 99));
        if (fate < 5) {
            timeline << QStringLiteral("failed");
            failure = byEmail ? QStringLiteral("550 Mailbox unavailable")
                              : QStringLiteral("Subscriber unreachable");
        } else {
            timeline << QStringLiteral("delivered");
            if (byEmail && fate < 60) timeline << QStringLiteral("opened");
            if (byEmail && fate < 20) timeline << QStringLiteral("clicked");
        }
        for (const QString &st : timeline) {
            m_statuses.row({++ids.status, messageId, st, at,
                            st == QLatin1String("failed")
                                ? QVariant(json(QJsonObject{{QStringLiteral("error"), failure}}))
                                : noText});
            at += rng.range(1, 7200);
        }
        m_messages.row({messageId, m_partnerId, id,
                        byEmail ? QStringLiteral("email") : QStringLiteral("sms"), c + 1,
                        u8(kCampaigns[c].name), 100 + c,
                        byEmail ? QVariant(u8(kCampaigns[c].subject)) : noText,
                        byEmail ? emailValue : phoneE164, timeline.last(), sentAt, at});
    }

    // Coupons: issued by campaigns, redeemed by a later purchase when there was one.
    if (rng.chance(0.3)) {
        for (int k = 0, n = int(rng.range(1, 2)); k < n; ++k) {
            const qint64 couponId = ++ids.coupon;
            const qint64 issued = std::max(createdAt, m_now - rng.range(1, 500) * kDay);
            const qint64 expires = issued + 30 * kDay;
            QVariant redeemedAt = none, receipt = none;
            for (const Purchase &p : completed)
                if (p.at >= issued && p.at < expires && rng.chance(0.6)) {
                    redeemedAt = p.at;
                    receipt = p.id;
                    break;
                }
            static const char *const offers[] = {
                "Скидка 500 ₽ от 3000 ₽", "−15% на бытовую химию",
                "Подарок при покупке от 1500 ₽", "Двойные баллы на молочное"};
            m_coupons.row({couponId, m_partnerId, id,
                           QString(QStringLiteral("CPN-") +
                                   base36(quint64(couponId) * 2654435761ULL % 2176782336ULL, 6) +
                                   QString::number(couponId % 10)),
                           u8(rng.pick(offers)), issued, expires, redeemedAt, receipt});
        }
    }
    for (int f : favorites)
        m_favorites.row({id, products.at(f).id, createdAt + rng.range(0, 100) * kDay});

    // A conversation with the contact center now and then.
    if (rng.chance(0.05)) {
        const int topic = int(rng.range(0, std::size(kSupportQuestions) - 1));
        qint64 at = m_now - rng.range(1, 300) * kDay;
        const QString channel = rng.chance(0.5) ? QStringLiteral("chat") : QStringLiteral("email");
        m_support.row({++ids.support, id, QStringLiteral("in"), channel,
                       QString(first + u' ' + last), u8(kSupportQuestions[topic]), at});
        at += rng.range(300, 20000);
        m_support.row({++ids.support, id, QStringLiteral("out"), channel,
                       QStringLiteral("operator"), u8(kSupportAnswers[topic]), at});
        if (rng.chance(0.4))
            m_support.row({++ids.support, id, QStringLiteral("in"), channel,
                           QString(first + u' ' + last), QStringLiteral("Спасибо!"),
                           at + rng.range(60, 3600)});
    }
}

Result<qint64> maxId(const QSqlDatabase &conn, const QString &table) {
    Sql q(conn, QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM ") + table);
    auto v = q.scalar();
    if (!v) return v.error();
    return v->toLongLong();
}

// Finds a row by a unique name, inserting it when missing; returns its id.
Result<qint64> ensureRow(const QSqlDatabase &conn, const QString &select, const QVariantList &key,
                         const QString &insert, const QVariantList &values) {
    Sql find(conn, select);
    for (const auto &v : key) find.bind(v);
    auto found = find.scalar();
    if (!found) return found.error();
    if (found->isValid()) return found->toLongLong();
    Sql ins(conn, insert + QStringLiteral(" RETURNING id"));
    for (const auto &v : values) ins.bind(v);
    auto id = ins.scalar();
    if (!id) return id.error();
    return id->toLongLong();
}

}  // namespace

DemoSeeder::DemoSeeder(ServerContext &ctx) : m_ctx(ctx) {}

const QList<std::pair<QString, QString>> &DemoSeeder::demoUsers() {
    static const QList<std::pair<QString, QString>> users = {
        {QStringLiteral("admin"), QStringLiteral("administrator")},
        {QStringLiteral("operator"), QStringLiteral("operator")},
        {QStringLiteral("marketer"), QStringLiteral("marketer")},
        {QStringLiteral("analyst"), QStringLiteral("analyst")},
        {QStringLiteral("designer"), QStringLiteral("designer")},
        {QStringLiteral("campaign_editor"), QStringLiteral("campaign_editor")},
        {QStringLiteral("integration"), QStringLiteral("integration")},
    };
    return users;
}

Result<DemoSeedSummary> DemoSeeder::run(const DemoSeedOptions &options) {
    QElapsedTimer timer;
    timer.start();
    auto say = [&](const QString &text) {
        if (options.progress) options.progress(text);
    };
    if (options.customers < 0)
        return Error::validation(QStringLiteral("customers"),
                                 QStringLiteral("The number of customers cannot be negative."));
    if (options.demoPassword.isEmpty())
        return Error::validation(QStringLiteral("demo-password"),
                                 QStringLiteral("The demo password cannot be empty."));
    Database &db = m_ctx.db;
    auto conn = db.connection();
    if (!conn) return conn.error();

    Sql count(*conn, QStringLiteral("SELECT COUNT(*) FROM customers"));
    auto existing = count.scalar();
    if (!existing) return existing.error();
    if (existing->toLongLong() > 0 && !options.append)
        return Error::make(
            Core::ErrorKind::Conflict,
            QStringLiteral(
                "The database already has %1 customers; seed-demo fills an empty database. "
                "Use --append to add demo customers to it anyway.")
                .arg(existing->toLongLong()));

    auto admin = m_ctx.auth->bootstrap(options.adminPassword.isEmpty() ? options.demoPassword
                                                                       : options.adminPassword);
    if (!admin) return admin.error();
    if (db.isSqlite()) {
        QSqlQuery pragma(*conn);
        pragma.exec(QStringLiteral(
            "PRAGMA cache_size=-1048576"));  // 1 GiB while seeding: index pages stay in memory
    }

    const qint64 now = QDateTime::currentSecsSinceEpoch();
    Sql partnerQuery(*conn, QStringLiteral("SELECT MIN(id) FROM partners"));
    auto partner = partnerQuery.scalar();
    if (!partner) return partner.error();
    const qint64 partnerId = partner->toLongLong();

    Generator gen(*conn, m_ctx.phones, options.seed, now, partnerId);
    {
        Transaction tx(db, *conn, true);
        if (auto b = tx.begin(); !b) return b.error();
        // Status tiers by revenue, in kopecks.
        const struct {
            const char *code, *name;
            qint64 minimum;
        } tiers[] = {{"bronze", "Bronze", 0},
                     {"silver", "Silver", 500000},
                     {"gold", "Gold", 1500000},
                     {"platinum", "Platinum", 4000000}};
        int rank = 0;
        for (const auto &t : tiers) {
            auto id = ensureRow(
                *conn,
                QStringLiteral("SELECT id FROM status_tiers WHERE partner_id = ? AND code = ?"),
                {partnerId, u8(t.code)},
                QStringLiteral("INSERT INTO status_tiers (partner_id, code, name, min_revenue, "
                               "rank) VALUES (?, ?, ?, ?, ?)"),
                {partnerId, u8(t.code), u8(t.name), t.minimum, ++rank});
            if (!id) return id.error();
            gen.tiers.append({*id, t.minimum});
        }
        for (const char *name : {"Семейная", "Корпоративная: ООО «Ромашка»", "Сотрудники",
                                 "VIP-клуб", "Партнёрская: АЗС «Вектор»"}) {
            auto id = ensureRow(
                *conn,
                QStringLiteral("SELECT id FROM card_groups WHERE partner_id = ? AND name = ?"),
                {partnerId, u8(name)},
                QStringLiteral("INSERT INTO card_groups (partner_id, name) VALUES (?, ?)"),
                {partnerId, u8(name)});
            if (!id) return id.error();
            gen.groupIds.append(*id);
        }
        // The catalog: every category's items in every brand, priced per brand.
        Sql find(*conn, QStringLiteral("SELECT id FROM products WHERE partner_id = ? AND sku = ?"));
        BulkInsert products(*conn, QStringLiteral("products"),
                            columnList("id, partner_id, sku, name, category, brand, price"));
        auto productBase = maxId(*conn, QStringLiteral("products"));
        if (!productBase) return productBase.error();
        qint64 nextProduct = *productBase;
        Rng priceRng(0x5EED, 0);
        for (int c = 0; c < int(std::size(kCategories)); ++c) {
            const Category &cat = kCategories[c];
            for (int i = 0; i < 8; ++i) {
                for (int b = 0; b < 5; ++b) {
                    const QString sku = QStringLiteral("%1-%2%3")
                                            .arg(u8(cat.code))
                                            .arg(i + 1, 2, 10, QLatin1Char('0'))
                                            .arg(b + 1);
                    const QString name = u8(cat.items[i]) + QStringLiteral(" «") +
                                         u8(cat.brands[b]) + QStringLiteral("»");
                    const qint64 price = priceRng.range(cat.minPrice, cat.maxPrice) * 100 +
                                         (priceRng.chance(0.7) ? 90 : 0);
                    find.bind(partnerId).bind(sku);
                    auto id = find.scalar();
                    if (!id) return id.error();
                    qint64 productId = id->isValid() ? id->toLongLong() : ++nextProduct;
                    if (!id->isValid())
                        products.row({productId, partnerId, sku, name, u8(cat.name),
                                      u8(cat.brands[b]), price});
                    gen.products.append(
                        {productId, sku, name, u8(cat.name), u8(cat.section), price, c});
                }
            }
        }
        if (auto r = products.flush(); !r) return r.error();
        if (auto c = tx.commit(); !c) return c.error();
    }
    for (const City &c : kCities) {
        QString zone = Core::TimeZones::forCity(u8(c.name));
        if (zone.isEmpty()) zone = QStringLiteral("Europe/Moscow");
        gen.cities.append({u8(c.name), zone, u8(c.code), c.weight});
    }

    // The seeded customers come with their metrics and balances: the marks move past each
    // chunk's receipts and ledger rows (fold.h), after what was stored before is folded.
    // The fold writes ledger rows: ids are taken after it.
    if (auto folded = m_ctx.fold->run(); !folded) return folded.error();
    const std::pair<const char *, qint64 Ids::*> bases[] = {
        {"customers", &Ids::customer},
        {"contacts", &Ids::contact},
        {"consent_history", &Ids::consent},
        {"cards", &Ids::card},
        {"card_replacements", &Ids::replacement},
        {"bonus_accounts", &Ids::account},
        {"bonus_ledger", &Ids::ledger},
        {"receipts", &Ids::receipt},
        {"receipt_lines", &Ids::line},
        {"events", &Ids::event},
        {"messages", &Ids::message},
        {"message_status", &Ids::status},
        {"coupons", &Ids::coupon},
        {"support_messages", &Ids::support},
    };
    for (const auto &[table, member] : bases) {
        auto base = maxId(*conn, u8(table));
        if (!base) return base.error();
        gen.ids.*member = *base;
    }

    Sql marks(*conn, QStringLiteral("UPDATE metric_marks SET receipt_id = ?, ledger_id = ?"));

    const int chunk = std::max(1, options.chunk);
    QElapsedTimer lap;
    lap.start();
    for (qint64 done = 0; done < options.customers;) {
        const qint64 n = std::min<qint64>(chunk, options.customers - done);
        Transaction tx(db, *conn, true);
        if (auto b = tx.begin(); !b) return b.error();
        for (qint64 i = 0; i < n; ++i) gen.customer(done + i);
        if (auto r = gen.flush(); !r) return r.error();
        if (auto r = marks.bind(gen.ids.receipt).bind(gen.ids.ledger).exec(); !r) return r.error();
        if (auto c = tx.commit(); !c) return c.error();
        done += n;
        const double secs = double(timer.elapsed()) / 1000.0;
        say(QStringLiteral("%1 / %2 customers  (%3 s, %4 customers/s)")
                .arg(done)
                .arg(options.customers)
                .arg(secs, 0, 'f', 1)
                .arg(secs > 0 ? double(done) / secs : 0.0, 0, 'f', 0));
    }

    if (db.dialect() == Dialect::PostgreSQL) {
        // Explicit ids leave the BIGSERIAL sequences behind: move them past the rows.
        for (const char *table : kIdTables) {
            QSqlQuery q(*conn);
            const QString t = u8(table);
            if (!q.exec(QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'), "
                                       "COALESCE((SELECT MAX(id) FROM %1), 0) + 1, false)")
                            .arg(t)))
                return dbError(QStringLiteral("Cannot move the id sequence of %1").arg(t),
                               q.lastError().text());
        }
    }
    say(QStringLiteral("Updating the query planner's statistics"));
    {
        QSqlQuery q(*conn);
        // SQLite: statistics from a sample of each index, not a scan of gigabytes.
        if (db.isSqlite()) q.exec(QStringLiteral("PRAGMA analysis_limit=1000"));
        if (!q.exec(QStringLiteral("ANALYZE")))
            return dbError(QStringLiteral("ANALYZE failed"), q.lastError().text());
    }

    DemoSeedSummary summary;
    for (const auto &[user, role] : demoUsers()) {
        QString display = role;
        for (const auto &r : Core::builtinRoles())
            if (r.code == role) display = r.name;
        const QString password =
            (user == QLatin1String("admin") && !options.adminPassword.isEmpty())
                ? options.adminPassword
                : options.demoPassword;
        auto id = m_ctx.users->upsertUser(user, display, password, {role});
        if (!id) return id.error();
        summary.users << QStringLiteral("%1 (%2)").arg(user, role);
    }
    summary.rows = gen.written();
    summary.seconds = double(timer.elapsed()) / 1000.0;
    return summary;
}

}  // namespace LoyaltyDesk::Server
