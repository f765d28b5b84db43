#include "ruletexts.h"

#include "models/format.h"

#include <QHash>
#include <QRegularExpression>

namespace LoyaltyDesk::Widgets {

namespace {

QString lookup(const QHash<QString, const char *> &table, const QString &key,
               const QString &fallback) {
    const auto it = table.constFind(key);
    return it == table.constEnd() ? fallback : RuleTexts::tr(it.value());
}

}  // namespace

QString RuleTexts::field(const Core::Segments::FieldDef &f) {
    static const QHash<QString, const char *> labels = {
        {QStringLiteral("first_name"), QT_TR_NOOP("First name")},
        {QStringLiteral("last_name"), QT_TR_NOOP("Last name")},
        {QStringLiteral("middle_name"), QT_TR_NOOP("Middle name")},
        {QStringLiteral("gender"), QT_TR_NOOP("Gender")},
        {QStringLiteral("birth_date"), QT_TR_NOOP("Birth date")},
        {QStringLiteral("age"), QT_TR_NOOP("Age")},
        {QStringLiteral("city"), QT_TR_NOOP("City")},
        {QStringLiteral("time_zone"), QT_TR_NOOP("Time zone")},
        {QStringLiteral("source"), QT_TR_NOOP("Source")},
        {QStringLiteral("tier"), QT_TR_NOOP("Status tier")},
        {QStringLiteral("created_at"), QT_TR_NOOP("Registration date")},
        {QStringLiteral("has_phone"), QT_TR_NOOP("Has a valid phone")},
        {QStringLiteral("has_email"), QT_TR_NOOP("Has a valid e-mail")},
        {QStringLiteral("phone_confirmed"), QT_TR_NOOP("Phone confirmed")},
        {QStringLiteral("email_confirmed"), QT_TR_NOOP("E-mail confirmed")},
        {QStringLiteral("subscribed"), QT_TR_NOOP("Subscribed")},
        {QStringLiteral("unsubscribed"), QT_TR_NOOP("Unsubscribed")},
        {QStringLiteral("purchases"), QT_TR_NOOP("Purchases")},
        {QStringLiteral("orders_count"), QT_TR_NOOP("Orders")},
        {QStringLiteral("revenue"), QT_TR_NOOP("Revenue")},
        {QStringLiteral("average_order_value"), QT_TR_NOOP("Average order value")},
        {QStringLiteral("cltv"), QT_TR_NOOP("Predicted lifetime value (3 years)")},
        {QStringLiteral("days_since_last_purchase"), QT_TR_NOOP("Days since the last purchase")},
        {QStringLiteral("first_purchase_at"), QT_TR_NOOP("First purchase")},
        {QStringLiteral("last_purchase_at"), QT_TR_NOOP("Last purchase")},
        {QStringLiteral("rfm_group"), QT_TR_NOOP("RFM group")},
        {QStringLiteral("rfm_r"), QT_TR_NOOP("RFM recency score")},
        {QStringLiteral("rfm_f"), QT_TR_NOOP("RFM frequency score")},
        {QStringLiteral("rfm_m"), QT_TR_NOOP("RFM monetary score")},
        {QStringLiteral("balance_active"), QT_TR_NOOP("Active points")},
        {QStringLiteral("balance_pending"), QT_TR_NOOP("Pending points")},
        {QStringLiteral("points_expiring"), QT_TR_NOOP("Points expiring")},
        {QStringLiteral("points_activating"), QT_TR_NOOP("Points activating")},
        {QStringLiteral("event"), QT_TR_NOOP("Performed event (times)")},
        {QStringLiteral("site_visit"), QT_TR_NOOP("Visited the website (times)")},
        {QStringLiteral("abandoned_cart"), QT_TR_NOOP("Abandoned a cart")},
        {QStringLiteral("messages"), QT_TR_NOOP("Messages (count)")},
        {QStringLiteral("not_opened_last"), QT_TR_NOOP("Did not open the last N messages")},
        {QStringLiteral("survey_answer"), QT_TR_NOOP("Survey answer")},
        {QStringLiteral("segment"), QT_TR_NOOP("Member of segment")},
    };
    return lookup(labels, f.id, f.label.isEmpty() ? f.id : f.label);
}

QStringList RuleTexts::categoryOrder() {
    return {QStringLiteral("customer"),       QStringLiteral("contacts"),
            QStringLiteral("purchases"),      QStringLiteral("metrics"),
            QStringLiteral("bonus"),          QStringLiteral("events"),
            QStringLiteral("communications"), QStringLiteral("surveys"),
            QStringLiteral("segments"),       QStringLiteral("custom")};
}

QString RuleTexts::category(const QString &id) {
    static const QHash<QString, const char *> labels = {
        {QStringLiteral("customer"), QT_TR_NOOP("Customer")},
        {QStringLiteral("contacts"), QT_TR_NOOP("Contacts and consent")},
        {QStringLiteral("purchases"), QT_TR_NOOP("Purchases")},
        {QStringLiteral("metrics"), QT_TR_NOOP("Metrics and RFM")},
        {QStringLiteral("bonus"), QT_TR_NOOP("Bonus points")},
        {QStringLiteral("events"), QT_TR_NOOP("Events and website")},
        {QStringLiteral("communications"), QT_TR_NOOP("Communications")},
        {QStringLiteral("surveys"), QT_TR_NOOP("Surveys")},
        {QStringLiteral("segments"), QT_TR_NOOP("Segments")},
        {QStringLiteral("custom"), QT_TR_NOOP("Custom fields")},
    };
    return lookup(labels, id, id);
}

QString RuleTexts::op(const QString &op) {
    namespace O = Core::Segments::Op;
    static const QHash<QString, const char *> labels = {
        {O::Eq, QT_TR_NOOP("is")},
        {O::Neq, QT_TR_NOOP("is not")},
        {O::Lt, QT_TR_NOOP("is less than")},
        {O::Lte, QT_TR_NOOP("is at most")},
        {O::Gt, QT_TR_NOOP("is more than")},
        {O::Gte, QT_TR_NOOP("is at least")},
        {O::Between, QT_TR_NOOP("is between")},
        {O::In, QT_TR_NOOP("is one of")},
        {O::NotIn, QT_TR_NOOP("is none of")},
        {O::Contains, QT_TR_NOOP("contains")},
        {O::StartsWith, QT_TR_NOOP("starts with")},
        {O::Empty, QT_TR_NOOP("is empty")},
        {O::NotEmpty, QT_TR_NOOP("is not empty")},
        {O::InLastDays, QT_TR_NOOP("in the last N days")},
        {O::MoreThanDaysAgo, QT_TR_NOOP("more than N days ago")},
        {O::AnniversaryInNextDays, QT_TR_NOOP("anniversary in the next N days")},
        {O::IsTrue, QT_TR_NOOP("yes")},
        {O::IsFalse, QT_TR_NOOP("no")},
    };
    return lookup(labels, op, Core::Segments::Op::label(op));
}

QString RuleTexts::param(const Core::Segments::ParamDef &p) {
    static const QHash<QString, const char *> labels = {
        {QStringLiteral("aggregate"), QT_TR_NOOP("Measure")},
        {QStringLiteral("window_days"), QT_TR_NOOP("In the last N days")},
        {QStringLiteral("from"), QT_TR_NOOP("From")},
        {QStringLiteral("to"), QT_TR_NOOP("To")},
        {QStringLiteral("status"), QT_TR_NOOP("Receipt status")},
        {QStringLiteral("pos"), QT_TR_NOOP("Point of sale")},
        {QStringLiteral("min_total"), QT_TR_NOOP("Receipt total at least")},
        {QStringLiteral("max_total"), QT_TR_NOOP("Receipt total at most")},
        {QStringLiteral("sku"), QT_TR_NOOP("Product SKU")},
        {QStringLiteral("category"), QT_TR_NOOP("Product category")},
        {QStringLiteral("product"), QT_TR_NOOP("Product")},
        {QStringLiteral("channel"), QT_TR_NOOP("Channel")},
        {QStringLiteral("days"), QT_TR_NOOP("In the next N days")},
        {QStringLiteral("type"), QT_TR_NOOP("Event")},
        {QStringLiteral("property"), QT_TR_NOOP("Property")},
        {QStringLiteral("property_value"), QT_TR_NOOP("Property value")},
        {QStringLiteral("section"), QT_TR_NOOP("Section")},
        {QStringLiteral("action"), QT_TR_NOOP("Action")},
        {QStringLiteral("campaign_id"), QT_TR_NOOP("Campaign")},
        {QStringLiteral("n"), QT_TR_NOOP("Last N messages")},
        {QStringLiteral("question"), QT_TR_NOOP("Question")},
    };
    return lookup(labels, p.name, p.label);
}

QString RuleTexts::value(const QString &code) {
    static const QHash<QString, const char *> labels = {
        {QStringLiteral("count"), QT_TR_NOOP("number of receipts")},
        {QStringLiteral("sum"), QT_TR_NOOP("total spent")},
        {QStringLiteral("avg"), QT_TR_NOOP("average receipt")},
        {QStringLiteral("max"), QT_TR_NOOP("largest receipt")},
        {QStringLiteral("quantity"), QT_TR_NOOP("units bought")},
        {QStringLiteral("unfinished"), QT_TR_NOOP("unfinished")},
        {QStringLiteral("champions"), QT_TR_NOOP("champions")},
        {QStringLiteral("loyal"), QT_TR_NOOP("loyal")},
        {QStringLiteral("potential_loyalists"), QT_TR_NOOP("potential loyalists")},
        {QStringLiteral("new"), QT_TR_NOOP("new")},
        {QStringLiteral("promising"), QT_TR_NOOP("promising")},
        {QStringLiteral("need_attention"), QT_TR_NOOP("need attention")},
        {QStringLiteral("about_to_sleep"), QT_TR_NOOP("about to sleep")},
        {QStringLiteral("at_risk"), QT_TR_NOOP("at risk")},
        {QStringLiteral("cant_lose"), QT_TR_NOOP("can't lose them")},
        {QStringLiteral("hibernating"), QT_TR_NOOP("hibernating")},
        {QStringLiteral("lost"), QT_TR_NOOP("lost")},
        {QStringLiteral("bronze"), QT_TR_NOOP("bronze")},
        {QStringLiteral("silver"), QT_TR_NOOP("silver")},
        {QStringLiteral("gold"), QT_TR_NOOP("gold")},
        {QStringLiteral("platinum"), QT_TR_NOOP("platinum")},
    };
    return lookup(labels, code, Models::Format::code(code));
}

QString RuleTexts::name(const QString &english, const Core::Segments::FieldDef *field) {
    namespace O = Core::Segments::Op;
    if (field)
        for (const auto &p : field->params)
            if (p.label == english) return param(p);
    for (const auto &o : {O::Eq, O::Neq, O::Lt, O::Lte, O::Gt, O::Gte, O::Between, O::In, O::NotIn,
                          O::Contains, O::StartsWith, O::Empty, O::NotEmpty, O::InLastDays,
                          O::MoreThanDaysAgo, O::AnniversaryInNextDays, O::IsTrue, O::IsFalse})
        if (O::label(o) == english) return op(o);
    return english;
}

QString RuleTexts::message(const QString &english, const Core::Segments::FieldDef *field) {
    // core/segments/rule.cpp's messages, %1 and %2 standing for what they quote.
    static const char *const templates[] = {
        QT_TR_NOOP("A list can have at most %1 values."),
        QT_TR_NOOP("A property value needs the property it belongs to."),
        QT_TR_NOOP("A rule can have at most %1 conditions."),
        QT_TR_NOOP("A value is needed."),
        QT_TR_NOOP("Give either \"in the last N days\" or a from/to range, not both."),
        QT_TR_NOOP("Groups are nested more than %1 levels deep."),
        QT_TR_NOOP("Must be a list of 1 to %1 values."),
        QT_TR_NOOP("Must be a whole number."),
        QT_TR_NOOP("Must be at least %1."),
        QT_TR_NOOP("Must be at most %1."),
        QT_TR_NOOP("The first value of \"between\" must not be greater than the second."),
        QT_TR_NOOP("The text to look for is empty."),
        QT_TR_NOOP("The value must be a date written YYYY-MM-DD."),
        QT_TR_NOOP("The value must be a non-empty list."),
        QT_TR_NOOP("The value must be a number."),
        QT_TR_NOOP("The value must be a whole number of days from 0 to %1."),
        QT_TR_NOOP("The value must be one of: %1."),
        QT_TR_NOOP("The value must be text of at most 500 characters."),
        QT_TR_NOOP("The value must be the id of a saved segment."),
        QT_TR_NOOP("There is no field \"%1\"."),
        QT_TR_NOOP("Unknown parameter \"%1\"."),
        QT_TR_NOOP("Use 1 to 64 latin letters, digits or underscores."),
        QT_TR_NOOP("\"%1\" is required."),
        QT_TR_NOOP("\"%1\" takes no value."),
        QT_TR_NOOP("\"between\" needs two values: [from, to]."),
        QT_TR_NOOP("The operator \"%1\" does not apply; use one of: %2."),
    };
    for (const char *t : templates) {
        static const QRegularExpression placeholder(QStringLiteral("%[12]"));
        QStringList parts;
        for (const auto &part : QString::fromUtf8(t).split(placeholder))
            parts << QRegularExpression::escape(part);
        const QString pattern = parts.join(QStringLiteral("(.*)"));
        const QRegularExpressionMatch m =
            QRegularExpression(QLatin1Char('^') + pattern + QLatin1Char('$')).match(english);
        if (!m.hasMatch()) continue;
        QString out = tr(t);
        for (int i = 1; i <= m.lastCapturedIndex(); ++i) out = out.arg(name(m.captured(i), field));
        return out;
    }
    return english;
}

}  // namespace LoyaltyDesk::Widgets
