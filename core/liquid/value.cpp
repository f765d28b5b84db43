#include "core/liquid/value.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace LoyaltyDesk::Core::Liquid {

namespace {

constexpr double kMaxExactInteger = 9007199254740992.0;  // 2^53

bool isSpaceOnly(const QString &s)
{
    for (QChar c : s)
        if (!c.isSpace()) return false;
    return true;
}

}  // namespace

qint64 clampToInt(double d)
{
    if (std::isnan(d)) return 0;
    return qint64(std::clamp(std::trunc(d), -kMaxExactInteger, kMaxExactInteger));
}

QString formatNumber(double d)
{
    if (std::isnan(d)) return QStringLiteral("NaN");
    if (std::isinf(d)) return d < 0 ? QStringLiteral("-Infinity") : QStringLiteral("Infinity");
    if (d == 0) return QStringLiteral("0");
    if (d == std::trunc(d) && std::fabs(d) <= kMaxExactInteger) return QString::number(qint64(d));
    // Shortest round-trip digits, then laid out the way JavaScript's Number#toString does.
    const QString e = QString::number(std::fabs(d), 'e', QLocale::FloatingPointShortest);
    const qsizetype ePos = e.indexOf(QLatin1Char('e'));
    QString digits = e.left(ePos);
    digits.remove(QLatin1Char('.'));
    const int exponent = e.mid(ePos + 1).toInt();
    const int n = exponent + 1;  // position of the decimal point in `digits`
    const qsizetype k = digits.size();
    QString out = d < 0 ? QStringLiteral("-") : QString();
    if (n >= -5 && n <= 21) {
        if (n <= 0)
            out += QStringLiteral("0.") + QString(-n, QLatin1Char('0')) + digits;
        else if (n >= k)
            out += digits + QString(n - k, QLatin1Char('0'));
        else
            out += digits.left(n) + QLatin1Char('.') + digits.mid(n);
    } else {
        out += digits.left(1);
        if (k > 1) out += QLatin1Char('.') + digits.mid(1);
        out += QLatin1Char('e') + QLatin1String(exponent < 0 ? "-" : "+") + QString::number(std::abs(exponent));
    }
    return out;
}

void Object::insert(QString key, Value value)
{
    const size_t h = qHash(key);
    for (size_t i = 0; i < m_items.size(); ++i) {
        if (m_hashes[i] == h && m_items[i].first == key) {
            m_items[i].second = std::move(value);
            return;
        }
    }
    m_hashes.push_back(h);
    m_items.emplace_back(std::move(key), std::move(value));
}

const Value *Object::find(const QString &key, size_t hash) const
{
    const size_t n = m_hashes.size();
    const size_t *hashes = m_hashes.data();
    for (size_t i = 0; i < n; ++i)
        if (hashes[i] == hash && m_items[i].first == key) return &m_items[i].second;
    return nullptr;
}

Value Value::fromJson(const QJsonValue &json)
{
    switch (json.type()) {
    case QJsonValue::Bool:
        return json.toBool();
    case QJsonValue::Double: {
        const double d = json.toDouble();
        if (d == std::trunc(d) && std::fabs(d) <= kMaxExactInteger) return qint64(d);
        return d;
    }
    case QJsonValue::String:
        return json.toString();
    case QJsonValue::Array: {
        const QJsonArray a = json.toArray();
        Array items;
        items.reserve(size_t(a.size()));
        for (const QJsonValue &v : a) items.push_back(fromJson(v));
        return Value(std::move(items));
    }
    case QJsonValue::Object: {
        const QJsonObject o = json.toObject();
        auto object = std::make_shared<Object>();
        for (auto it = o.begin(); it != o.end(); ++it) object->insert(it.key(), fromJson(it.value()));
        return Value(std::shared_ptr<const Object>(std::move(object)));
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

QJsonValue Value::toJson() const
{
    switch (type()) {
    case Type::Nil: return QJsonValue::Null;
    case Type::Bool: return toBool();
    case Type::Int: return double(toInt());
    case Type::Double: return toDouble();
    case Type::String: return string();
    case Type::Array: {
        QJsonArray a;
        for (const Value &v : array()) a.append(v.toJson());
        return a;
    }
    case Type::Object: {
        QJsonObject o;
        for (const auto &[k, v] : object().items()) o.insert(k, v.toJson());
        return o;
    }
    }
    return {};
}

bool Value::isEmpty() const
{
    switch (type()) {
    case Type::String: return string().isEmpty();
    case Type::Array: return array().empty();
    case Type::Object: return object().size() == 0;
    default: return false;
    }
}

bool Value::isBlank() const
{
    if (isNil() || (isBool() && !toBool())) return true;
    if (isString()) return isSpaceOnly(string());
    return isEmpty();
}

void Value::appendTo(QString &out) const
{
    switch (type()) {
    case Type::Nil: return;
    case Type::Bool: out += toBool() ? QLatin1String("true") : QLatin1String("false"); return;
    case Type::Int: out += QString::number(toInt()); return;
    case Type::Double: out += formatNumber(toDouble()); return;
    case Type::String: out += string(); return;
    case Type::Array:
        for (const Value &v : array()) v.appendTo(out);
        return;
    case Type::Object:
        out += QString::fromUtf8(QJsonDocument(toJson().toObject()).toJson(QJsonDocument::Compact));
        return;
    }
}

QString Value::toString() const
{
    if (isString()) return string();
    QString s;
    appendTo(s);
    return s;
}

qsizetype Value::size() const
{
    switch (type()) {
    case Type::String: return string().size();
    case Type::Array: return qsizetype(array().size());
    case Type::Object: return object().size();
    default: return 0;
    }
}

const Value *Value::member(const QString &key) const
{
    return member(key, qHash(key));
}

const Value *Value::member(const QString &key, size_t hash) const
{
    if (isObject()) return object().find(key, hash);
    return nullptr;
}

const Value *Value::at(qint64 index) const
{
    if (!isArray()) return nullptr;
    const Array &a = array();
    if (index < 0) index += qint64(a.size());
    if (index < 0 || index >= qint64(a.size())) return nullptr;
    return &a[size_t(index)];
}

bool Value::operator==(const Value &other) const
{
    if (isNumber() && other.isNumber()) {
        if (isInt() && other.isInt()) return toInt() == other.toInt();
        return toDouble() == other.toDouble();
    }
    if (type() != other.type()) return false;
    switch (type()) {
    case Type::Nil: return true;
    case Type::Bool: return toBool() == other.toBool();
    case Type::String: return string() == other.string();
    case Type::Array: {
        const Array &a = array(), &b = other.array();
        if (a.size() != b.size()) return false;
        for (size_t i = 0; i < a.size(); ++i)
            if (!(a[i] == b[i])) return false;
        return true;
    }
    case Type::Object: return &object() == &other.object();
    default: return false;
    }
}

}  // namespace LoyaltyDesk::Core::Liquid
