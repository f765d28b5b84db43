#include "profile.h"

#include "format.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QMap>

namespace LoyaltyDesk::Models {

QString CustomerProfile::displayName() const
{
    return Format::personName(json);
}

QList<Contact> CustomerProfile::confirmedContacts() const
{
    QList<Contact> out;
    for (const auto &c : contacts)
        if (c.confirmed) out << c;
    return out;
}

Core::Result<CustomerProfile> CustomerProfile::fromJson(const QJsonObject &json)
{
    if (!json.value(QStringLiteral("id")).isDouble())
        return Core::Error::make(Core::ErrorKind::Http, QCoreApplication::translate("LoyaltyDesk::Models::CustomerProfile",
                                                                                    "The server sent a profile without an id."));
    CustomerProfile p;
    p.json = json;
    auto s = [&](const char *key) { return json.value(QLatin1String(key)).toString(); };
    p.id = json.value(QStringLiteral("id")).toInteger();
    p.firstName = s("first_name");
    p.lastName = s("last_name");
    p.middleName = s("middle_name");
    p.gender = s("gender");
    p.birthDate = s("birth_date");
    p.city = s("city");
    p.address = s("address");
    p.timeZone = s("time_zone");
    p.source = s("source");
    if (json.contains(QStringLiteral("currency"))) p.currency = s("currency");
    const QJsonObject tier = json.value(QStringLiteral("tier")).toObject();
    p.tierCode = tier.value(QStringLiteral("code")).toString();
    p.tierName = tier.value(QStringLiteral("name")).toString();
    const QJsonValue rfm = json.value(QStringLiteral("rfm"));
    if (rfm.isString() && !rfm.toString().isEmpty()) p.rfm = rfm.toString();
    if (rfm.isObject()) {
        const QJsonObject r = rfm.toObject();
        const QString label = r.value(QStringLiteral("segment")).toString();
        if (!label.isEmpty()) p.rfm = label;
    }
    const QJsonObject balance = json.value(QStringLiteral("balance")).toObject();
    p.activeBalance = balance.value(QStringLiteral("active")).toInteger();
    p.pendingBalance = balance.value(QStringLiteral("pending")).toInteger();
    p.activating30d = balance.value(QStringLiteral("activating_30d")).toInteger();
    p.expiring30d = balance.value(QStringLiteral("expiring_30d")).toInteger();
    const QJsonObject metrics = json.value(QStringLiteral("metrics")).toObject();
    p.ordersCount = metrics.value(QStringLiteral("orders_count")).toInteger();
    p.revenue = metrics.value(QStringLiteral("revenue")).toInteger();
    p.averageOrderValue = metrics.value(QStringLiteral("average_order_value")).toInteger();
    p.lastPurchaseAt = metrics.value(QStringLiteral("last_purchase_at")).toString();
    if (metrics.value(QStringLiteral("days_since_last_purchase")).isDouble())
        p.daysSinceLastPurchase = metrics.value(QStringLiteral("days_since_last_purchase")).toInteger();
    const QJsonObject card = json.value(QStringLiteral("primary_card")).toObject();
    p.cardNumber = card.value(QStringLiteral("number")).toString();
    p.cardState = card.value(QStringLiteral("state")).toString();
    for (const auto &v : json.value(QStringLiteral("contacts")).toArray()) {
        const QJsonObject c = v.toObject();
        p.contacts << Contact{c.value(QStringLiteral("id")).toInteger(),
                              c.value(QStringLiteral("kind")).toString(),
                              c.value(QStringLiteral("raw_value")).toString(),
                              c.value(QStringLiteral("value")).toString(),
                              c.value(QStringLiteral("valid")).toBool(),
                              c.value(QStringLiteral("confirmed")).toBool(),
                              c.value(QStringLiteral("is_primary")).toBool()};
    }
    return p;
}

QList<MonthTotal> purchasesByMonth(const QJsonArray &receipts, const QDate &lastMonth, int months)
{
    const QDate last(lastMonth.year(), lastMonth.month(), 1);
    const QDate first = last.addMonths(-(months - 1));
    QMap<QDate, MonthTotal> byMonth;
    for (int i = 0; i < months; ++i) {
        const QDate m = first.addMonths(i);
        byMonth.insert(m, MonthTotal{m, 0, 0});
    }
    for (const auto &v : receipts) {
        const QJsonObject r = v.toObject();
        const QString status = r.value(QStringLiteral("status")).toString();
        if (!status.isEmpty() && status != QLatin1String("completed")) continue;
        const QDateTime at = QDateTime::fromString(r.value(QStringLiteral("purchased_at")).toString(), Qt::ISODate).toLocalTime();
        if (!at.isValid()) continue;
        const QDate m(at.date().year(), at.date().month(), 1);
        auto it = byMonth.find(m);
        if (it == byMonth.end()) continue;
        it->total += r.value(QStringLiteral("total")).toInteger();
        it->count++;
    }
    return byMonth.values();
}

}  // namespace LoyaltyDesk::Models
