#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace LoyaltyDesk::Models::Templates {

// The message library's data as the app uses it (the server's /api/v1/templates).

// Sample data for previews when no customer is chosen: every variable of
// `GET /api/v1/templates/variables` with its example, as the nested object a template sees.
QJsonObject sampleData(const QJsonArray &variables);

// The folders and tags used by these templates, sorted, without duplicates.
QStringList folders(const QJsonArray &templates);
QStringList tags(const QJsonArray &templates);

// The length most devices show of a part before cutting it (push and in-app
// titles, bodies, buttons); 0 when there is no typical limit.
int typicalLimit(const QString &channel, const QString &part);
// Parts edited as several lines.
bool isMultiLine(const QString &channel, const QString &part);

// The first Liquid error of a text as "line L, column C: message", or empty.
QString liquidError(const QString &source);

}  // namespace LoyaltyDesk::Models::Templates
