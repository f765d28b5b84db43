#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>
#include <QSqlRecord>

namespace LoyaltyDesk::Server {

// Turns the current row into JSON by the schema's conventions: "*_at" columns are
// epoch seconds -> ISO 8601 UTC; flag columns -> booleans; JSON text columns ->
// JSON; NULL -> null; other integers and text as they are.
QJsonObject rowToJson(const QSqlQuery &query);
QJsonValue columnToJson(const QString &name, const QVariant &value);
bool isJsonColumn(const QString &name);
bool isFlagColumn(const QString &name);

}  // namespace LoyaltyDesk::Server
