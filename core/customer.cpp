#include "customer.h"

#include "json.h"

#include <QDate>
#include <QTimeZone>

namespace LoyaltyDesk::Core {

const QStringList &subscriptionChannels()
{
    static const QStringList channels = {QStringLiteral("email"), QStringLiteral("sms"),
                                         QStringLiteral("push"), QStringLiteral("messenger")};
    return channels;
}

bool CustomerChanges::isEmpty() const
{
    return !externalId && !firstName && !lastName && !middleName && !gender && !birthDate &&
           !address && !city && !timeZone && !source && !tier && !preferredCategories &&
           !children && !pets && !customAttributes && !phone && !email && !subscriptions;
}

namespace {

// A field that may be null (clear) or a value.
template <typename T, typename Getter>
void readField(Json::Reader &r, const QString &key, CustomerChanges::Field<T> &out, Getter get)
{
    if (!r.has(key)) return;
    if (r.isNull(key)) {
        r.string(key);  // mark known
        out = std::optional<T>{};
        return;
    }
    if (auto v = get()) out = std::optional<T>{*v};
}

bool scalar(const QJsonValue &v) { return v.isString() || v.isDouble() || v.isBool() || v.isNull(); }

}  // namespace

Result<CustomerChanges> CustomerChanges::fromJson(const QJsonObject &json)
{
    CustomerChanges c;
    Json::Reader r(json);
    auto str = [&](const char *key, Field<QString> &out, int max) {
        const QString k = QString::fromLatin1(key);
        readField<QString>(r, k, out, [&] { return r.string(k, false, max); });
    };
    str("external_id", c.externalId, 100);
    str("first_name", c.firstName, 100);
    str("last_name", c.lastName, 100);
    str("middle_name", c.middleName, 100);
    str("address", c.address, 500);
    str("city", c.city, 100);
    str("source", c.source, 100);
    str("tier", c.tier, 50);
    str("phone", c.phone, 64);
    str("email", c.email, 254);
    readField<QString>(r, QStringLiteral("gender"), c.gender, [&] {
        return r.oneOf(QStringLiteral("gender"), {QStringLiteral("female"), QStringLiteral("male")});
    });
    readField<QString>(r, QStringLiteral("birth_date"), c.birthDate, [&]() -> std::optional<QString> {
        auto d = r.date(QStringLiteral("birth_date"));
        if (!d) return d;
        const QDate date = QDate::fromString(*d, Qt::ISODate);
        const QDate today = QDate::currentDate();
        if (date > today) {
            r.fail(QStringLiteral("birth_date"), QStringLiteral("Cannot be in the future."));
            return std::nullopt;
        }
        if (date < today.addYears(-120)) {
            r.fail(QStringLiteral("birth_date"), QStringLiteral("Is more than 120 years ago."));
            return std::nullopt;
        }
        return d;
    });
    readField<QString>(r, QStringLiteral("time_zone"), c.timeZone, [&]() -> std::optional<QString> {
        auto z = r.string(QStringLiteral("time_zone"), false, 64);
        if (z && !QTimeZone(z->toLatin1()).isValid()) {
            r.fail(QStringLiteral("time_zone"), QStringLiteral("Is not a known time zone (like Europe/Moscow)."));
            return std::nullopt;
        }
        return z;
    });
    readField<QStringList>(r, QStringLiteral("preferred_categories"), c.preferredCategories,
                           [&]() -> std::optional<QStringList> {
                               auto a = r.array(QStringLiteral("preferred_categories"), false, 100);
                               if (!a) return std::nullopt;
                               QStringList list;
                               for (const auto &v : *a) {
                                   if (!v.isString() || v.toString().size() > 100) {
                                       r.fail(QStringLiteral("preferred_categories"),
                                              QStringLiteral("Must be a list of category names."));
                                       return std::nullopt;
                                   }
                                   list << v.toString();
                               }
                               return list;
                           });
    auto objects = [&](const char *key, Field<QJsonArray> &out) {
        const QString k = QString::fromLatin1(key);
        readField<QJsonArray>(r, k, out, [&]() -> std::optional<QJsonArray> {
            auto a = r.array(k, false, 50);
            if (!a) return std::nullopt;
            for (const auto &v : *a) {
                if (!v.isObject()) {
                    r.fail(k, QStringLiteral("Must be a list of objects."));
                    return std::nullopt;
                }
                const QJsonObject o = v.toObject();
                for (auto it = o.begin(); it != o.end(); ++it)
                    if (!scalar(*it)) {
                        r.fail(k, QStringLiteral("Items may hold only text, numbers and true/false."));
                        return std::nullopt;
                    }
            }
            return a;
        });
    };
    objects("children", c.children);
    objects("pets", c.pets);
    readField<QJsonObject>(r, QStringLiteral("custom_attributes"), c.customAttributes,
                           [&]() -> std::optional<QJsonObject> {
                               auto o = r.object(QStringLiteral("custom_attributes"));
                               if (!o) return std::nullopt;
                               if (o->size() > 200) {
                                   r.fail(QStringLiteral("custom_attributes"), QStringLiteral("Has more than 200 attributes."));
                                   return std::nullopt;
                               }
                               for (auto it = o->begin(); it != o->end(); ++it)
                                   if (!scalar(*it) || it.key().size() > 64 || it.key().isEmpty()) {
                                       r.fail(QStringLiteral("custom_attributes.") + it.key(),
                                              QStringLiteral("Must be text, a number or true/false, under a name of 1 to 64 characters."));
                                       return std::nullopt;
                                   }
                               return o;
                           });
    if (auto s = r.object(QStringLiteral("subscriptions"))) {
        for (auto it = s->begin(); it != s->end(); ++it) {
            if (!subscriptionChannels().contains(it.key()))
                r.fail(QStringLiteral("subscriptions.") + it.key(), QStringLiteral("Is not a channel (email, sms, push, messenger)."));
            else if (!it->isBool())
                r.fail(QStringLiteral("subscriptions.") + it.key(), QStringLiteral("Must be true or false."));
        }
        c.subscriptions = *s;
    }
    if (auto done = r.finish(); !done) return done.error();
    return c;
}

QJsonObject CustomerChanges::toJson() const
{
    QJsonObject o;
    auto put = [&](const char *key, const auto &field) {
        if (!field) return;
        if (!*field) {
            o.insert(QString::fromLatin1(key), QJsonValue::Null);
            return;
        }
        using V = std::decay_t<decltype(**field)>;
        if constexpr (std::is_same_v<V, QStringList>)
            o.insert(QString::fromLatin1(key), QJsonArray::fromStringList(**field));
        else
            o.insert(QString::fromLatin1(key), **field);
    };
    put("external_id", externalId);
    put("first_name", firstName);
    put("last_name", lastName);
    put("middle_name", middleName);
    put("gender", gender);
    put("birth_date", birthDate);
    put("address", address);
    put("city", city);
    put("time_zone", timeZone);
    put("source", source);
    put("tier", tier);
    put("preferred_categories", preferredCategories);
    put("children", children);
    put("pets", pets);
    put("custom_attributes", customAttributes);
    put("phone", phone);
    put("email", email);
    if (subscriptions) o.insert(QStringLiteral("subscriptions"), *subscriptions);
    return o;
}

void CustomerMetrics::addPurchase(qint64 total, qint64 at)
{
    ++ordersCount;
    revenue += total;
    if (!firstPurchaseAt || at < *firstPurchaseAt) firstPurchaseAt = at;
    if (!lastPurchaseAt || at > *lastPurchaseAt) lastPurchaseAt = at;
}

std::optional<qint64> CustomerMetrics::daysSinceLastPurchase(qint64 now) const
{
    if (!lastPurchaseAt) return std::nullopt;
    return std::max<qint64>(0, (now - *lastPurchaseAt) / 86400);
}

QJsonObject CustomerMetrics::toJson(qint64 now) const
{
    QJsonObject o{{QStringLiteral("orders_count"), ordersCount},
                  {QStringLiteral("revenue"), revenue},
                  {QStringLiteral("average_order_value"), averageOrderValue()}};
    o.insert(QStringLiteral("first_purchase_at"),
             firstPurchaseAt ? QJsonValue(Json::isoUtc(*firstPurchaseAt)) : QJsonValue());
    o.insert(QStringLiteral("last_purchase_at"),
             lastPurchaseAt ? QJsonValue(Json::isoUtc(*lastPurchaseAt)) : QJsonValue());
    const auto days = daysSinceLastPurchase(now);
    o.insert(QStringLiteral("days_since_last_purchase"), days ? QJsonValue(*days) : QJsonValue());
    return o;
}

}  // namespace LoyaltyDesk::Core
