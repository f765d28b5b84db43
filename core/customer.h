#pragma once

#include "result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace LoyaltyDesk::Core {

// The editable part of a customer profile, as both the app's form and the server's
// PATCH/POST read it. Every member is optional: absent means "leave as is"; a set
// member holding an empty optional inside (`clear`) means "erase".
struct CustomerChanges {
    template <typename T>
    using Field = std::optional<std::optional<T>>;  // outer: given; inner: null = clear

    Field<QString> externalId, firstName, lastName, middleName, gender, birthDate, address, city,
        timeZone, source, tier;
    Field<QStringList> preferredCategories;
    Field<QJsonArray> children, pets;
    Field<QJsonObject> customAttributes;
    Field<QString> phone, email;  // the primary contact of that kind
    std::optional<QJsonObject> subscriptions;  // {"email": true, "sms": false}

    bool isEmpty() const;
    // Reads and validates a JSON object (unknown fields are errors).
    static Result<CustomerChanges> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
};

// Channels a customer can subscribe to.
const QStringList &subscriptionChannels();

// Customer metrics maintained as receipts arrive.
struct CustomerMetrics {
    qint64 ordersCount = 0;
    qint64 revenue = 0;  // minor units
    std::optional<qint64> firstPurchaseAt, lastPurchaseAt;  // epoch seconds

    // Adds one completed purchase.
    void addPurchase(qint64 total, qint64 at);
    qint64 averageOrderValue() const { return ordersCount ? revenue / ordersCount : 0; }
    std::optional<qint64> daysSinceLastPurchase(qint64 now) const;
    QJsonObject toJson(qint64 now) const;
};

}  // namespace LoyaltyDesk::Core
