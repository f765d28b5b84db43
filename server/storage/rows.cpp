#include "rows.h"

#include "core/json.h"

#include <QJsonDocument>
#include <QSet>

namespace LoyaltyDesk::Server {

bool isJsonColumn(const QString &name)
{
    static const QSet<QString> cols = {QStringLiteral("properties"), QStringLiteral("details"),
                                       QStringLiteral("custom_attributes"), QStringLiteral("preferred_categories"),
                                       QStringLiteral("children"), QStringLiteral("pets")};
    return cols.contains(name);
}

bool isFlagColumn(const QString &name)
{
    static const QSet<QString> cols = {QStringLiteral("valid"), QStringLiteral("confirmed"), QStringLiteral("is_primary"),
                                       QStringLiteral("subscribed"), QStringLiteral("disabled"), QStringLiteral("builtin")};
    return cols.contains(name);
}

QJsonValue columnToJson(const QString &name, const QVariant &value)
{
    if (value.isNull()) return QJsonValue::Null;
    if (name.endsWith(QStringLiteral("_at")) || name == QStringLiteral("at"))
        return Core::Json::isoUtc(value.toLongLong());
    if (isFlagColumn(name)) return value.toLongLong() != 0;
    if (isJsonColumn(name)) {
        const QJsonDocument doc = QJsonDocument::fromJson(value.toString().toUtf8());
        if (doc.isObject()) return doc.object();
        if (doc.isArray()) return doc.array();
        return QJsonValue::Null;
    }
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        return value.toLongLong();
    case QMetaType::Double:
        return value.toDouble();
    default:
        return value.toString();
    }
}

QJsonObject rowToJson(const QSqlQuery &query)
{
    const QSqlRecord rec = query.record();
    QJsonObject o;
    for (int i = 0; i < rec.count(); ++i) {
        const QString name = rec.fieldName(i);
        o.insert(name, columnToJson(name, query.value(i)));
    }
    return o;
}

}  // namespace LoyaltyDesk::Server
