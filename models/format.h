#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace LoyaltyDesk::Models::Format {

// Integer minor units with their currency: "1 234,50 ₽" in the current locale.
QString money(qint64 minorUnits, const QString &currency = QStringLiteral("RUB"));
// Bonus points are whole numbers: "1,250".
QString points(qint64 points);
// An ISO 8601 UTC time in the user's local time, short format; empty for null.
QString dateTime(const QString &iso);
QString date(const QString &isoDate);
// "just now", "5 minutes ago", "3 days ago".
QString age(const QDateTime &then, const QDateTime &now = QDateTime::currentDateTime());
// "Ivanova Anna Petrovna" from a customer or profile object.
QString personName(const QJsonObject &customer);
// The local time of a customer in their IANA zone: "14:05, Europe/Moscow (UTC+03:00)".
QString localTime(const QString &ianaZone, const QDateTime &now = QDateTime::currentDateTimeUtc());
// A scalar JSON value as text (objects and arrays joined compactly).
QString value(const QJsonValue &v);
// A share of 1 as a percentage: "12.5 %".
QString percent(double share);
// A run time: "840 ms", "3.2 s", "2 min 5 s".
QString duration(qint64 milliseconds);
// A schedule: "every 15 min", "every 6 h".
QString every(qint64 minutes);
// Known codes (statuses, channels, kinds) in the user's language; unknown codes as is.
QString code(const QString &text);

}  // namespace LoyaltyDesk::Models::Format
