#pragma once

#include "result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QString>
#include <QVarLengthArray>

#include <optional>

namespace LoyaltyDesk::Core::Json {

// "2025-03-01T10:15:00Z" for seconds since the epoch (UTC).
QString isoUtc(qint64 epochSeconds);
// Accepts ISO 8601 with Z or an offset; also a bare date (midnight UTC).
std::optional<qint64> parseTime(const QString &text);
// A real calendar date written YYYY-MM-DD.
bool isDate(const QString &text);

// Reads a JSON object field by field, collecting every problem with the field at
// fault, and refuses fields nobody asked for. Use one reader per object.
class Reader final {
public:
    explicit Reader(QJsonObject object, QString prefix = {});

    bool has(const QString &key) const;
    bool isNull(const QString &key) const;  // present and null

    // Each getter marks the key as known. Absent -> nullopt, no error. Wrong type ->
    // error. `required` turns absence (and null) into an error.
    std::optional<QString> string(const QString &key, bool required = false, int maxLength = 1000);
    std::optional<qint64> integer(const QString &key, bool required = false,
                                  qint64 min = std::numeric_limits<qint64>::min(),
                                  qint64 max = std::numeric_limits<qint64>::max());
    std::optional<double> number(const QString &key, bool required = false);
    std::optional<bool> boolean(const QString &key, bool required = false);
    std::optional<QJsonArray> array(const QString &key, bool required = false, int maxItems = 1000);
    std::optional<QJsonObject> object(const QString &key, bool required = false);
    std::optional<qint64> time(const QString &key, bool required = false);
    std::optional<QString> date(const QString &key, bool required = false);
    // One of a fixed set of strings.
    std::optional<QString> oneOf(const QString &key, const QStringList &allowed, bool required = false);

    void fail(const QString &key, const QString &message);
    // Unknown fields become errors here. Returns the collected problems.
    Result<void> finish();
    QString path(const QString &key) const;

private:
    // The value of `key`, marked as asked for; none when absent or null. A reference into
    // the object, not a copy: copying a string value allocates.
    std::optional<QJsonValueConstRef> get(const QString &key, bool required);

    QJsonObject m_object;
    QString m_prefix;
    QVarLengthArray<bool, 16> m_asked;  // by the position of a key in the object
    qsizetype m_present = 0;  // how many of the object's keys were asked for
    QList<FieldError> m_errors;
};

// Parses a request body as one JSON object; errors name what is wrong.
Result<QJsonObject> parseObject(const QByteArray &body);
Result<QJsonValue> parseValue(const QByteArray &body);

// Joins field errors into one sentence for `detail`.
Error validationError(QList<FieldError> errors);

}  // namespace LoyaltyDesk::Core::Json
