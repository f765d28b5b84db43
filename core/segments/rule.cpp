#include "rule.h"

#include "core/json.h"

#include <QRegularExpression>

#include <cmath>

namespace LoyaltyDesk::Core::Segments {

namespace {

const QStringList kStringOps = {Op::Eq, Op::Neq, Op::In, Op::NotIn, Op::Contains, Op::StartsWith, Op::Empty, Op::NotEmpty};
const QStringList kEnumOps = {Op::Eq, Op::Neq, Op::In, Op::NotIn, Op::Empty, Op::NotEmpty};
const QStringList kNumberOps = {Op::Eq, Op::Neq, Op::Lt, Op::Lte, Op::Gt, Op::Gte, Op::Between, Op::Empty, Op::NotEmpty};
const QStringList kCountOps = {Op::Eq, Op::Neq, Op::Lt, Op::Lte, Op::Gt, Op::Gte, Op::Between};
const QStringList kDateOps = {Op::Eq, Op::Lt, Op::Gt, Op::Between, Op::InLastDays, Op::MoreThanDaysAgo, Op::Empty, Op::NotEmpty};
const QStringList kBoolOps = {Op::IsTrue, Op::IsFalse};

ParamDef param(const char *name, const char *label, ValueType type, bool required = false, bool list = false,
               QStringList enums = {}, std::optional<double> min = std::nullopt, std::optional<double> max = std::nullopt)
{
    return ParamDef{QString::fromLatin1(name), QString::fromUtf8(label), type, list, required, std::move(enums), min, max};
}

FieldDef field(const char *id, const char *category, const char *label, ValueType type, QStringList ops,
               QList<ParamDef> params = {}, QStringList enums = {}, const char *description = "")
{
    return FieldDef{QString::fromLatin1(id), QString::fromLatin1(category), QString::fromUtf8(label), type, std::move(ops),
                    std::move(enums), std::move(params), QString::fromUtf8(description)};
}

const QStringList kChannels = {QStringLiteral("email"), QStringLiteral("sms"), QStringLiteral("push"), QStringLiteral("messenger")};

ParamDef windowDays() { return param("window_days", "In the last N days", ValueType::Number, false, false, {}, 1, 3650); }

}  // namespace

QString typeName(ValueType type)
{
    switch (type) {
    case ValueType::String: return QStringLiteral("string");
    case ValueType::Number: return QStringLiteral("number");
    case ValueType::Money: return QStringLiteral("money");
    case ValueType::Date: return QStringLiteral("date");
    case ValueType::DateTime: return QStringLiteral("datetime");
    case ValueType::Bool: return QStringLiteral("bool");
    case ValueType::Enum: return QStringLiteral("enum");
    case ValueType::Segment: return QStringLiteral("segment");
    }
    return {};
}

ValueType typeFromName(const QString &name)
{
    for (auto t : {ValueType::String, ValueType::Number, ValueType::Money, ValueType::Date, ValueType::DateTime, ValueType::Bool,
                   ValueType::Enum, ValueType::Segment})
        if (typeName(t) == name) return t;
    return ValueType::String;
}

namespace Op {
QString label(const QString &op)
{
    static const QHash<QString, QString> labels = {
        {Eq, QStringLiteral("is")}, {Neq, QStringLiteral("is not")}, {Lt, QStringLiteral("is less than")},
        {Lte, QStringLiteral("is at most")}, {Gt, QStringLiteral("is more than")}, {Gte, QStringLiteral("is at least")},
        {Between, QStringLiteral("is between")}, {In, QStringLiteral("is one of")}, {NotIn, QStringLiteral("is none of")},
        {Contains, QStringLiteral("contains")}, {StartsWith, QStringLiteral("starts with")}, {Empty, QStringLiteral("is empty")},
        {NotEmpty, QStringLiteral("is not empty")}, {InLastDays, QStringLiteral("in the last N days")},
        {MoreThanDaysAgo, QStringLiteral("more than N days ago")}, {AnniversaryInNextDays, QStringLiteral("anniversary in the next N days")},
        {IsTrue, QStringLiteral("yes")}, {IsFalse, QStringLiteral("no")}};
    return labels.value(op, op);
}

int arity(const QString &op)
{
    if (op == Empty || op == NotEmpty || op == IsTrue || op == IsFalse) return 0;
    if (op == Between) return 2;
    if (op == In || op == NotIn) return -1;
    return 1;
}
}  // namespace Op

QJsonObject FieldDef::toJson() const
{
    QJsonArray ops;
    for (const auto &o : operators) ops.append(QJsonObject{{QStringLiteral("id"), o}, {QStringLiteral("label"), Op::label(o)}, {QStringLiteral("arity"), Op::arity(o)}});
    QJsonArray ps;
    for (const auto &p : params) {
        QJsonObject po{{QStringLiteral("name"), p.name}, {QStringLiteral("label"), p.label}, {QStringLiteral("type"), typeName(p.type)},
                       {QStringLiteral("list"), p.list}, {QStringLiteral("required"), p.required}};
        if (!p.enumValues.isEmpty()) po.insert(QStringLiteral("values"), QJsonArray::fromStringList(p.enumValues));
        if (p.min) po.insert(QStringLiteral("min"), *p.min);
        if (p.max) po.insert(QStringLiteral("max"), *p.max);
        ps.append(po);
    }
    QJsonObject o{{QStringLiteral("id"), id}, {QStringLiteral("category"), category}, {QStringLiteral("label"), label},
                  {QStringLiteral("type"), typeName(type)}, {QStringLiteral("operators"), ops}, {QStringLiteral("params"), ps}};
    if (!enumValues.isEmpty()) o.insert(QStringLiteral("values"), QJsonArray::fromStringList(enumValues));
    if (!description.isEmpty()) o.insert(QStringLiteral("description"), description);
    return o;
}

const QStringList &rfmGroups();

Catalog Catalog::builtIn()
{
    using T = ValueType;
    Catalog c;
    QStringList birthOps = kDateOps;
    birthOps << Op::AnniversaryInNextDays;
    c.m_fields = {
        field("first_name", "customer", "First name", T::String, kStringOps),
        field("last_name", "customer", "Last name", T::String, kStringOps),
        field("middle_name", "customer", "Middle name", T::String, kStringOps),
        field("gender", "customer", "Gender", T::Enum, kEnumOps, {}, {QStringLiteral("female"), QStringLiteral("male")}),
        field("birth_date", "customer", "Birth date", T::Date, birthOps),
        field("age", "customer", "Age", T::Number, kNumberOps),
        field("city", "customer", "City", T::String, kStringOps),
        field("time_zone", "customer", "Time zone", T::String, kStringOps),
        field("source", "customer", "Source", T::String, kStringOps),
        field("tier", "customer", "Status tier", T::Enum, kEnumOps),
        field("created_at", "customer", "Registration date", T::Date, birthOps),
        field("has_phone", "contacts", "Has a valid phone", T::Bool, kBoolOps),
        field("has_email", "contacts", "Has a valid e-mail", T::Bool, kBoolOps),
        field("phone_confirmed", "contacts", "Phone confirmed", T::Bool, kBoolOps),
        field("email_confirmed", "contacts", "E-mail confirmed", T::Bool, kBoolOps),
        field("subscribed", "contacts", "Subscribed", T::Bool, kBoolOps, {param("channel", "Channel", T::Enum, true, false, kChannels)}),
        field("unsubscribed", "contacts", "Unsubscribed", T::Date, {Op::InLastDays, Op::MoreThanDaysAgo},
              {param("channel", "Channel", T::Enum, true, false, kChannels)}, {}, "When the customer last unsubscribed from the channel"),
        field("purchases", "purchases", "Purchases", T::Number, kCountOps,
              {param("aggregate", "Measure", T::Enum, true, false,
                     {QStringLiteral("count"), QStringLiteral("sum"), QStringLiteral("avg"), QStringLiteral("max"), QStringLiteral("quantity")}),
               windowDays(), param("from", "From", T::Date), param("to", "To", T::Date),
               param("status", "Receipt status", T::Enum, false, true,
                     {QStringLiteral("completed"), QStringLiteral("unfinished"), QStringLiteral("cancelled")}),
               param("pos", "Point of sale", T::String, false, true), param("min_total", "Receipt total at least", T::Money, false, false, {}, 0),
               param("max_total", "Receipt total at most", T::Money, false, false, {}, 0), param("sku", "Product SKU", T::String, false, true),
               param("category", "Product category", T::String, false, true), param("product", "Product name contains", T::String)},
              {}, "count: receipts; sum/avg/max: receipt totals, or the amounts of matching lines when a product filter is set; quantity: units of matching lines"),
        field("orders_count", "metrics", "Orders", T::Number, kNumberOps),
        field("revenue", "metrics", "Revenue", T::Money, kNumberOps),
        field("average_order_value", "metrics", "Average order value", T::Money, kNumberOps),
        field("cltv", "metrics", "Predicted lifetime value (3 years)", T::Money, kNumberOps),
        field("days_since_last_purchase", "metrics", "Days since the last purchase", T::Number, kNumberOps),
        field("first_purchase_at", "metrics", "First purchase", T::Date, kDateOps),
        field("last_purchase_at", "metrics", "Last purchase", T::Date, kDateOps),
        field("rfm_group", "metrics", "RFM group", T::Enum, kEnumOps, {}, rfmGroups()),
        field("rfm_r", "metrics", "RFM recency score", T::Number, kNumberOps),
        field("rfm_f", "metrics", "RFM frequency score", T::Number, kNumberOps),
        field("rfm_m", "metrics", "RFM monetary score", T::Number, kNumberOps),
        field("balance_active", "bonus", "Active points", T::Number, kCountOps),
        field("balance_pending", "bonus", "Pending points", T::Number, kCountOps),
        field("points_expiring", "bonus", "Points expiring", T::Number, kCountOps, {param("days", "In the next N days", T::Number, true, false, {}, 1, 3650)}),
        field("points_activating", "bonus", "Points activating", T::Number, kCountOps, {param("days", "In the next N days", T::Number, true, false, {}, 1, 3650)}),
        field("event", "events", "Performed event (times)", T::Number, kCountOps,
              {param("type", "Event", T::String, true), windowDays(), param("property", "Property", T::String),
               param("property_value", "Property value", T::String)}),
        field("site_visit", "events", "Visited the website (times)", T::Number, kCountOps,
              {param("section", "Section", T::String), param("product", "Product", T::String), windowDays()}),
        field("abandoned_cart", "events", "Abandoned a cart", T::Bool, kBoolOps, {windowDays()}),
        field("messages", "communications", "Messages (count)", T::Number, kCountOps,
              {param("action", "Action", T::Enum, true, false,
                     {QStringLiteral("sent"), QStringLiteral("delivered"), QStringLiteral("opened"), QStringLiteral("clicked")}),
               param("channel", "Channel", T::Enum, false, false, kChannels), param("campaign_id", "Campaign", T::Number, false, false, {}, 1),
               windowDays()}),
        field("not_opened_last", "communications", "Did not open the last N messages", T::Bool, kBoolOps,
              {param("n", "N", T::Number, true, false, {}, 1, 100), param("channel", "Channel", T::Enum, false, false, kChannels)}),
        field("survey_answer", "surveys", "Survey answer", T::String, kStringOps, {param("question", "Question", T::String, true)}),
        field("segment", "segments", "Member of segment", T::Segment, {Op::In, Op::NotIn}),
    };
    return c;
}

const QStringList &rfmGroups()
{
    static const QStringList groups = {
        QStringLiteral("champions"), QStringLiteral("loyal"), QStringLiteral("potential_loyalists"), QStringLiteral("new"),
        QStringLiteral("promising"), QStringLiteral("need_attention"), QStringLiteral("about_to_sleep"), QStringLiteral("at_risk"),
        QStringLiteral("cant_lose"), QStringLiteral("hibernating"), QStringLiteral("lost")};
    return groups;
}

const FieldDef *Catalog::find(const QString &id) const
{
    for (const auto &f : m_fields)
        if (f.id == id) return &f;
    return nullptr;
}

void Catalog::add(FieldDef field)
{
    for (auto &f : m_fields)
        if (f.id == field.id) {
            f = std::move(field);
            return;
        }
    m_fields.append(std::move(field));
}

void Catalog::setEnumValues(const QString &id, const QStringList &values)
{
    for (auto &f : m_fields)
        if (f.id == id) f.enumValues = values;
}

QJsonObject Catalog::toJson() const
{
    QJsonArray list;
    for (const auto &f : m_fields) list.append(f.toJson());
    return QJsonObject{{QStringLiteral("version"), Rule::kVersion}, {QStringLiteral("fields"), list}};
}

Catalog Catalog::fromJson(const QJsonObject &json)
{
    const auto strings = [](const QJsonValue &v) {
        QStringList out;
        for (const auto &s : v.toArray()) out << s.toString();
        return out;
    };
    Catalog c;
    for (const auto &fv : json.value(QStringLiteral("fields")).toArray()) {
        const QJsonObject f = fv.toObject();
        FieldDef def;
        def.id = f.value(QStringLiteral("id")).toString();
        def.category = f.value(QStringLiteral("category")).toString();
        def.label = f.value(QStringLiteral("label")).toString();
        def.type = typeFromName(f.value(QStringLiteral("type")).toString());
        for (const auto &o : f.value(QStringLiteral("operators")).toArray()) def.operators << o.toObject().value(QStringLiteral("id")).toString();
        def.enumValues = strings(f.value(QStringLiteral("values")));
        def.description = f.value(QStringLiteral("description")).toString();
        for (const auto &pv : f.value(QStringLiteral("params")).toArray()) {
            const QJsonObject p = pv.toObject();
            ParamDef param{p.value(QStringLiteral("name")).toString(), p.value(QStringLiteral("label")).toString(),
                           typeFromName(p.value(QStringLiteral("type")).toString()), p.value(QStringLiteral("list")).toBool(),
                           p.value(QStringLiteral("required")).toBool(), strings(p.value(QStringLiteral("values"))), std::nullopt, std::nullopt};
            if (p.contains(QStringLiteral("min"))) param.min = p.value(QStringLiteral("min")).toDouble();
            if (p.contains(QStringLiteral("max"))) param.max = p.value(QStringLiteral("max")).toDouble();
            def.params.append(std::move(param));
        }
        if (!def.id.isEmpty()) c.m_fields.append(std::move(def));
    }
    return c;
}

Node Node::group(const QString &combinator, QList<Node> children, bool negate)
{
    Node n;
    n.kind = Kind::Group;
    n.combinator = combinator;
    n.children = std::move(children);
    n.negate = negate;
    return n;
}

Node Node::leaf(Condition c)
{
    Node n;
    n.kind = Kind::Condition;
    n.condition = std::move(c);
    return n;
}

namespace {

class Validator {
public:
    explicit Validator(const Catalog &catalog) : m_catalog(catalog) {}

    std::optional<Node> node(const QJsonValue &v, const QString &path, int depth)
    {
        if (!v.isObject()) {
            fail(path, QStringLiteral("Must be a group or a condition."));
            return std::nullopt;
        }
        const QJsonObject o = v.toObject();
        if (o.contains(QStringLiteral("group"))) return group(o, path, depth);
        if (o.contains(QStringLiteral("field"))) return condition(o, path);
        fail(path, QStringLiteral("Must be a group (with \"group\") or a condition (with \"field\")."));
        return std::nullopt;
    }

    QList<FieldError> errors;
    int conditions = 0;

private:
    void fail(const QString &path, const QString &message) { errors.append({path, message}); }

    std::optional<Node> group(const QJsonObject &o, const QString &path, int depth)
    {
        if (depth > Rule::kMaxDepth) {
            fail(path, QStringLiteral("Groups are nested more than %1 levels deep.").arg(Rule::kMaxDepth));
            return std::nullopt;
        }
        Json::Reader r(o, path);
        const auto combinator = r.oneOf(QStringLiteral("group"), {QStringLiteral("and"), QStringLiteral("or")}, true);
        const auto negate = r.boolean(QStringLiteral("not"));
        const auto rules = r.array(QStringLiteral("rules"), true, Rule::kMaxConditions);
        if (auto done = r.finish(); !done) errors += done.error().fields;
        if (!combinator || !rules) return std::nullopt;
        Node n = Node::group(*combinator, {}, negate.value_or(false));
        for (int i = 0; i < rules->size(); ++i) {
            auto child = node(rules->at(i), path + QStringLiteral(".rules[%1]").arg(i), depth + 1);
            if (child) n.children.append(std::move(*child));
        }
        return n;
    }

    std::optional<Node> condition(const QJsonObject &o, const QString &path)
    {
        if (++conditions > Rule::kMaxConditions) {
            if (conditions == Rule::kMaxConditions + 1)
                fail(path, QStringLiteral("A rule can have at most %1 conditions.").arg(Rule::kMaxConditions));
            return std::nullopt;
        }
        QJsonObject rest = o;
        rest.remove(QStringLiteral("value"));  // any JSON; checked against the field below
        Json::Reader r(rest, path);
        const auto fieldId = r.string(QStringLiteral("field"), true, 100);
        const auto op = r.string(QStringLiteral("op"), true, 40);
        const auto params = r.object(QStringLiteral("params"));
        if (auto done = r.finish(); !done) {
            errors += done.error().fields;
            return std::nullopt;
        }
        const QJsonValue value = o.value(QStringLiteral("value"));
        const FieldDef *def = m_catalog.find(*fieldId);
        if (!def) {
            fail(path + QStringLiteral(".field"), QStringLiteral("There is no field \"%1\".").arg(fieldId->left(100)));
            return std::nullopt;
        }
        const QString where = path + QStringLiteral(" (") + def->label + QStringLiteral(")");
        if (!def->operators.contains(*op)) {
            fail(where, QStringLiteral("The operator \"%1\" does not apply; use one of: %2.").arg(op->left(40), def->operators.join(QStringLiteral(", "))));
            return std::nullopt;
        }
        Condition c{*fieldId, *op, value, params.value_or(QJsonObject())};
        checkValue(*def, c, where);
        checkParams(*def, c, where);
        return Node::leaf(std::move(c));
    }

    bool scalarOk(ValueType type, const FieldDef &def, const QJsonValue &v, const QString &where)
    {
        switch (type) {
        case ValueType::String:
            if (!v.isString() || v.toString().size() > 500) {
                fail(where, QStringLiteral("The value must be text of at most 500 characters."));
                return false;
            }
            return true;
        case ValueType::Enum:
            if (!v.isString() || (!def.enumValues.isEmpty() && !def.enumValues.contains(v.toString()))) {
                fail(where, QStringLiteral("The value must be one of: %1.").arg(def.enumValues.join(QStringLiteral(", "))));
                return false;
            }
            return true;
        case ValueType::Number:
        case ValueType::Money:
            if (!v.isDouble() || !std::isfinite(v.toDouble()) || std::abs(v.toDouble()) > 1e15) {
                fail(where, QStringLiteral("The value must be a number."));
                return false;
            }
            return true;
        case ValueType::Date:
        case ValueType::DateTime:
            if (!v.isString() || !Json::isDate(v.toString())) {
                fail(where, QStringLiteral("The value must be a date written YYYY-MM-DD."));
                return false;
            }
            return true;
        case ValueType::Segment:
            if (!v.isDouble() || v.toDouble() < 1 || v.toDouble() != std::floor(v.toDouble())) {
                fail(where, QStringLiteral("The value must be the id of a saved segment."));
                return false;
            }
            return true;
        case ValueType::Bool:
            return true;
        }
        return false;
    }

    void checkValue(const FieldDef &def, const Condition &c, const QString &where)
    {
        const int arity = Op::arity(c.op);
        if (arity == 0) {
            if (!c.value.isUndefined() && !c.value.isNull()) fail(where, QStringLiteral("\"%1\" takes no value.").arg(Op::label(c.op)));
            return;
        }
        if (c.op == Op::InLastDays || c.op == Op::MoreThanDaysAgo || c.op == Op::AnniversaryInNextDays) {
            const int max = c.op == Op::AnniversaryInNextDays ? 366 : 36500;
            const double d = c.value.toDouble(-1);
            if (!c.value.isDouble() || d < 0 || d > max || d != std::floor(d))
                fail(where, QStringLiteral("The value must be a whole number of days from 0 to %1.").arg(max));
            return;
        }
        if (arity == 2) {
            const QJsonArray a = c.value.toArray();
            if (!c.value.isArray() || a.size() != 2) {
                fail(where, QStringLiteral("\"between\" needs two values: [from, to]."));
                return;
            }
            if (scalarOk(def.type, def, a[0], where) && scalarOk(def.type, def, a[1], where)) {
                const bool reversed = a[0].isDouble() ? a[0].toDouble() > a[1].toDouble() : a[0].toString() > a[1].toString();
                if (reversed) fail(where, QStringLiteral("The first value of \"between\" must not be greater than the second."));
            }
            return;
        }
        if (arity == -1) {
            const QJsonArray a = c.value.toArray();
            if (!c.value.isArray() || a.isEmpty()) {
                fail(where, QStringLiteral("The value must be a non-empty list."));
                return;
            }
            if (a.size() > Rule::kMaxListItems) {
                fail(where, QStringLiteral("A list can have at most %1 values.").arg(Rule::kMaxListItems));
                return;
            }
            for (const auto &v : a)
                if (!scalarOk(def.type, def, v, where)) return;
            return;
        }
        if (c.value.isUndefined() || c.value.isNull()) {
            fail(where, QStringLiteral("A value is needed."));
            return;
        }
        if ((c.op == Op::Contains || c.op == Op::StartsWith) && c.value.toString().isEmpty()) {
            fail(where, QStringLiteral("The text to look for is empty."));
            return;
        }
        scalarOk(def.type, def, c.value, where);
    }

    void checkParams(const FieldDef &def, const Condition &c, const QString &where)
    {
        for (auto it = c.params.begin(); it != c.params.end(); ++it) {
            bool known = false;
            for (const auto &p : def.params) known = known || p.name == it.key();
            if (!known) fail(where, QStringLiteral("Unknown parameter \"%1\".").arg(it.key().left(50)));
        }
        for (const auto &p : def.params) {
            const QJsonValue v = c.params.value(p.name);
            if (v.isUndefined() || v.isNull()) {
                if (p.required) fail(where, QStringLiteral("\"%1\" is required.").arg(p.label));
                continue;
            }
            FieldDef asField;
            asField.enumValues = p.enumValues;
            asField.type = p.type;
            const QString pwhere = where + QStringLiteral(", ") + p.label;
            if (p.list) {
                const QJsonArray a = v.toArray();
                if (!v.isArray() || a.isEmpty() || a.size() > Rule::kMaxListItems) {
                    fail(pwhere, QStringLiteral("Must be a list of 1 to %1 values.").arg(Rule::kMaxListItems));
                    continue;
                }
                for (const auto &item : a)
                    if (!scalarOk(p.type, asField, item, pwhere)) break;
                continue;
            }
            if (!scalarOk(p.type, asField, v, pwhere)) continue;
            if (p.min && v.toDouble() < *p.min) fail(pwhere, QStringLiteral("Must be at least %1.").arg(*p.min));
            if (p.max && v.toDouble() > *p.max) fail(pwhere, QStringLiteral("Must be at most %1.").arg(*p.max));
            if ((p.type == ValueType::Number) && v.toDouble() != std::floor(v.toDouble())) fail(pwhere, QStringLiteral("Must be a whole number."));
            if (p.name == QLatin1String("property")) {
                static const QRegularExpression key(QStringLiteral("^[A-Za-z0-9_]{1,64}$"));
                if (!key.match(v.toString()).hasMatch()) fail(pwhere, QStringLiteral("Use 1 to 64 latin letters, digits or underscores."));
            }
        }
        if (c.params.contains(QStringLiteral("property_value")) && !c.params.contains(QStringLiteral("property")))
            fail(where, QStringLiteral("A property value needs the property it belongs to."));
        if (c.params.contains(QStringLiteral("window_days")) && (c.params.contains(QStringLiteral("from")) || c.params.contains(QStringLiteral("to"))))
            fail(where, QStringLiteral("Give either \"in the last N days\" or a from/to range, not both."));
    }

    const Catalog &m_catalog;
};

QJsonObject nodeToJson(const Node &n)
{
    if (n.kind == Node::Kind::Condition) {
        QJsonObject o{{QStringLiteral("field"), n.condition.field}, {QStringLiteral("op"), n.condition.op}};
        if (!n.condition.value.isUndefined() && !n.condition.value.isNull()) o.insert(QStringLiteral("value"), n.condition.value);
        if (!n.condition.params.isEmpty()) o.insert(QStringLiteral("params"), n.condition.params);
        return o;
    }
    QJsonArray rules;
    for (const auto &c : n.children) rules.append(nodeToJson(c));
    QJsonObject o{{QStringLiteral("group"), n.combinator}, {QStringLiteral("rules"), rules}};
    if (n.negate) o.insert(QStringLiteral("not"), true);
    return o;
}

void collectSegments(const Node &n, QList<qint64> &out)
{
    if (n.kind == Node::Kind::Condition) {
        if (n.condition.field == QLatin1String("segment"))
            for (const auto &v : n.condition.value.toArray())
                if (!out.contains(static_cast<qint64>(v.toDouble()))) out << static_cast<qint64>(v.toDouble());
        return;
    }
    for (const auto &c : n.children) collectSegments(c, out);
}

}  // namespace

Result<Rule> Rule::fromJson(const QJsonObject &json, const Catalog &catalog)
{
    Json::Reader r(json);
    const auto version = r.integer(QStringLiteral("version"), true, 1, 1000);
    const auto root = r.object(QStringLiteral("root"), true);
    if (auto done = r.finish(); !done) return done.error();
    if (*version > kVersion)
        return Error::validation(QStringLiteral("version"), QStringLiteral("This rule was made by a newer version (%1); this one reads up to %2.").arg(*version).arg(kVersion));
    Validator v(catalog);
    auto node = v.node(*root, QStringLiteral("root"), 1);
    if (!v.errors.isEmpty()) return Json::validationError(v.errors);
    if (node->kind != Node::Kind::Group) return Error::validation(QStringLiteral("root"), QStringLiteral("The root must be a group."));
    return Rule{std::move(*node)};
}

QJsonObject Rule::toJson() const
{
    return QJsonObject{{QStringLiteral("version"), kVersion}, {QStringLiteral("root"), nodeToJson(root)}};
}

QList<qint64> Rule::segmentReferences() const
{
    QList<qint64> out;
    collectSegments(root, out);
    return out;
}


}  // namespace LoyaltyDesk::Core::Segments
