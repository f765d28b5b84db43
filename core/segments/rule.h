#pragma once

#include "core/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace LoyaltyDesk::Core::Segments {

// What a condition's value (and each parameter) is.
enum class ValueType { String, Number, Money, Date, DateTime, Bool, Enum, Segment };
QString typeName(ValueType type);
// The type typeName() wrote; String for a name it does not know.
ValueType typeFromName(const QString &name);

// One parameter of a condition, such as the time window of a purchase aggregate.
struct ParamDef {
    QString name;
    QString label;
    ValueType type = ValueType::String;
    bool list = false;  // a list of values of that type
    bool required = false;
    QStringList enumValues;
    std::optional<double> min, max;
};

// A field a condition can test. The catalog is served to the builder, so new fields
// (custom attributes, tiers) appear there without code changes.
struct FieldDef {
    QString id;        // "city", "purchases", "custom.shoe_size"
    QString category;  // "customer", "contacts", "purchases", "metrics", "bonus", "events", "communications", "surveys", "segments"
    QString label;     // English; the app translates built-in ones by id
    ValueType type = ValueType::String;
    QStringList operators;
    QStringList enumValues;
    QList<ParamDef> params;
    QString description;

    QJsonObject toJson() const;
};

// The built-in fields and whatever the server adds (tiers, custom attributes).
class Catalog final {
public:
    static Catalog builtIn();
    const QList<FieldDef> &fields() const { return m_fields; }
    const FieldDef *find(const QString &id) const;
    void add(FieldDef field);
    // Replaces the enum values of a field (the tiers that exist, say).
    void setEnumValues(const QString &id, const QStringList &values);
    QJsonObject toJson() const;
    // Reads what toJson() wrote (GET /api/v1/segments/fields), so the app validates
    // with the server's catalog, custom fields included.
    static Catalog fromJson(const QJsonObject &json);

private:
    QList<FieldDef> m_fields;
};

// Operators and the values they take.
namespace Op {
inline const QString Eq = QStringLiteral("eq"), Neq = QStringLiteral("neq"), Lt = QStringLiteral("lt"),
                     Lte = QStringLiteral("lte"), Gt = QStringLiteral("gt"), Gte = QStringLiteral("gte"),
                     Between = QStringLiteral("between"), In = QStringLiteral("in"), NotIn = QStringLiteral("not_in"),
                     Contains = QStringLiteral("contains"), StartsWith = QStringLiteral("starts_with"),
                     Empty = QStringLiteral("empty"), NotEmpty = QStringLiteral("not_empty"),
                     InLastDays = QStringLiteral("in_last_days"), MoreThanDaysAgo = QStringLiteral("more_than_days_ago"),
                     AnniversaryInNextDays = QStringLiteral("anniversary_in_next_days"), IsTrue = QStringLiteral("is_true"),
                     IsFalse = QStringLiteral("is_false");
// English label for the builder ("is at least").
QString label(const QString &op);
// How many values an operator takes: 0, 1, 2 (between) or -1 (a list).
int arity(const QString &op);
}  // namespace Op

struct Condition {
    QString field;
    QString op;
    QJsonValue value;      // scalar, [a, b] for between, list for in/not_in, absent for 0-arity
    QJsonObject params;    // per-field parameters
};

struct Node {
    enum class Kind { Group, Condition } kind = Kind::Group;
    // Group
    QString combinator = QStringLiteral("and");  // "and" | "or"
    bool negate = false;
    QList<Node> children;
    // Condition
    Condition condition;

    static Node group(const QString &combinator, QList<Node> children, bool negate = false);
    static Node leaf(Condition c);
};

// A segment rule: a versioned JSON tree of AND / OR / NOT groups of conditions.
struct Rule {
    static constexpr int kVersion = 1;
    static constexpr int kMaxDepth = 12;
    static constexpr int kMaxConditions = 300;
    static constexpr int kMaxListItems = 1000;

    Node root;

    // Reads and validates against the catalog. Errors name the condition at fault by
    // its path ("rules[1].rules[0]") and its field's label.
    static Result<Rule> fromJson(const QJsonObject &json, const Catalog &catalog);
    QJsonObject toJson() const;
    // Ids of saved segments this rule refers to, directly.
    QList<qint64> segmentReferences() const;
};

}  // namespace LoyaltyDesk::Core::Segments
