#pragma once

#include "core/result.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace LoyaltyDesk::Models {

struct Contact {
    qint64 id = 0;
    QString kind;  // phone, email, messenger, social
    QString rawValue, value;
    bool valid = false, confirmed = false, primary = false;
};

// The header of the 360° profile, read from GET /api/v1/customers/{id}. The whole
// answer stays in `json` for the tabs that show the rest.
struct CustomerProfile {
    qint64 id = 0;
    QString firstName, lastName, middleName, gender, birthDate, city, address, timeZone, source;
    QString currency = QStringLiteral("RUB");
    QString tierCode, tierName;
    std::optional<QString> rfm;  // "R5F4M5" when the server computes it
    qint64 activeBalance = 0, pendingBalance = 0, activating30d = 0, expiring30d = 0;
    qint64 ordersCount = 0, revenue = 0, averageOrderValue = 0;
    QString lastPurchaseAt;
    std::optional<qint64> daysSinceLastPurchase;
    QString cardNumber, cardState;
    QList<Contact> contacts;
    QJsonObject json;

    QString displayName() const;
    QList<Contact> confirmedContacts() const;
    static Core::Result<CustomerProfile> fromJson(const QJsonObject &json);
};

// Purchases per month for the chart: completed receipts summed by calendar month.
struct MonthTotal {
    QDate month;  // first day
    qint64 total = 0;
    int count = 0;
};
QList<MonthTotal> purchasesByMonth(const QJsonArray &receipts, const QDate &lastMonth, int months);

}  // namespace LoyaltyDesk::Models
