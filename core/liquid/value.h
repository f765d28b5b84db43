#pragma once

#include <QHash>
#include <QJsonValue>
#include <QString>
#include <QStringBuilder>

#include <memory>
#include <utility>
#include <variant>
#include <vector>

namespace LoyaltyDesk::Core::Liquid {

class Value;
using Array = std::vector<Value>;
class Object;

// The data a template sees: nil, booleans, integers, floats, strings, arrays and
// objects. Immutable once built; arrays and objects are shared, so copying a Value
// is a reference-count increment at most. Built once per customer from JSON.
class Value final {
public:
    enum class Type : quint8 { Nil, Bool, Int, Double, String, Array, Object };

    Value() = default;
    Value(std::nullptr_t) {}
    Value(bool b) : m_data(b) {}
    Value(int i) : m_data(qint64(i)) {}
    Value(qint64 i) : m_data(i) {}
    Value(double d) : m_data(d) {}
    Value(QString s) : m_data(std::move(s)) {}
    template <typename A, typename B>
    Value(const QStringBuilder<A, B> &s) : m_data(QString(s)) {}
    Value(Array a) : m_data(std::make_shared<const Array>(std::move(a))) {}
    Value(std::shared_ptr<const Array> a) : m_data(std::move(a)) {}
    Value(std::shared_ptr<const Object> o) : m_data(std::move(o)) {}

    static Value fromJson(const QJsonValue &json);
    QJsonValue toJson() const;

    Type type() const { return Type(m_data.index()); }
    bool isNil() const { return type() == Type::Nil; }
    bool isBool() const { return type() == Type::Bool; }
    bool isInt() const { return type() == Type::Int; }
    bool isDouble() const { return type() == Type::Double; }
    bool isNumber() const { return isInt() || isDouble(); }
    bool isString() const { return type() == Type::String; }
    bool isArray() const { return type() == Type::Array; }
    bool isObject() const { return type() == Type::Object; }

    bool toBool() const { return std::get<bool>(m_data); }
    qint64 toInt() const { return std::get<qint64>(m_data); }
    double toDouble() const { return isInt() ? double(toInt()) : std::get<double>(m_data); }
    const QString &string() const { return std::get<QString>(m_data); }
    const Array &array() const { return *std::get<std::shared_ptr<const Array>>(m_data); }
    const Object &object() const { return *std::get<std::shared_ptr<const Object>>(m_data); }

    // Liquid truthiness: only nil and false are falsy.
    bool truthy() const { return !isNil() && !(isBool() && !toBool()); }
    // Liquid's `empty`: an empty string, array or object.
    bool isEmpty() const;
    // Liquid's `blank`: nil, false, empty, or a string of whitespace only.
    bool isBlank() const;
    // The text an output tag prints for this value.
    QString toString() const;
    void appendTo(QString &out) const;
    // Number of items, characters or keys; 0 otherwise.
    qsizetype size() const;

    // Member lookup; nullptr when absent. `index` counts from the end when negative.
    const Value *member(const QString &key) const;
    const Value *member(const QString &key, size_t hash) const;
    const Value *at(qint64 index) const;

    bool operator==(const Value &other) const;  // Liquid's ==: 1 == 1.0, arrays by items

private:
    std::variant<std::monostate, bool, qint64, double, QString, std::shared_ptr<const Array>,
                 std::shared_ptr<const Object>>
        m_data;
};

// An object with its keys in document order and a hash index for lookups.
class Object final {
public:
    Object() = default;
    void insert(QString key, Value value);
    const Value *find(const QString &key) const { return find(key, qHash(key)); }
    const Value *find(const QString &key, size_t hash) const;
    qsizetype size() const { return qsizetype(m_items.size()); }
    const std::vector<std::pair<QString, Value>> &items() const { return m_items; }

private:
    std::vector<std::pair<QString, Value>> m_items;
    std::vector<size_t> m_hashes;  // qHash of each key, compared before the text
};

// A double as a whole number for counts and positions: truncated, NaN as 0, and
// clamped to ±2^53 so that no conversion or later arithmetic overflows.
qint64 clampToInt(double d);

// The shortest text that reads back as the same double, as JavaScript prints it
// ("0.1", "1e+21", "3" for 3.0).
QString formatNumber(double d);

}  // namespace LoyaltyDesk::Core::Liquid
