#include "columns.h"

#include "format.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

namespace LoyaltyDesk::Models {

namespace {

constexpr char Context[] = "LoyaltyDesk::Models::Columns";

QString translated(const char *text) { return QCoreApplication::translate(Context, text); }

}  // namespace

QString Column::title() const { return translated(heading); }

bool Column::isNumeric() const
{
    return format == ColumnFormat::Integer || format == ColumnFormat::Money || format == ColumnFormat::Points || format == ColumnFormat::Percent ||
           format == ColumnFormat::DurationMs;
}

QVariant Column::display(const QJsonObject &item) const
{
    QJsonValue v = item.value(key.section(u'.', 0, 0));
    for (const QString &part : key.split(u'.').mid(1)) v = v.toObject().value(part);
    switch (format) {
    case ColumnFormat::Text: return v.isString() ? v.toString() : Format::value(v);
    case ColumnFormat::Code: return Format::code(v.toString());
    case ColumnFormat::Integer: return v.isNull() || v.isUndefined() ? QString() : QLocale().toString(v.toInteger());
    case ColumnFormat::Money:
        return v.isNull() || v.isUndefined() ? QString() : Format::money(v.toInteger(), item.value(QStringLiteral("currency")).toString(QStringLiteral("RUB")));
    case ColumnFormat::Points: return v.isNull() || v.isUndefined() ? QString() : Format::points(v.toInteger());
    case ColumnFormat::DateTime: return Format::dateTime(v.toString());
    case ColumnFormat::Date: return Format::date(v.toString());
    case ColumnFormat::Bool: return v.toBool() ? QCoreApplication::translate("LoyaltyDesk::Models::Columns", "yes") : QString();
    case ColumnFormat::PersonName: return Format::personName(item);
    case ColumnFormat::Percent: return v.isDouble() ? Format::percent(v.toDouble()) : QString();
    case ColumnFormat::DurationMs: return v.isDouble() ? Format::duration(v.toInteger()) : QString();
    case ColumnFormat::Schedule: return v.isDouble() ? Format::every(v.toInteger()) : QString();
    case ColumnFormat::Trend: return QString();  // drawn by the view
    case ColumnFormat::Value:
        if (v.isObject() && v.toObject().contains(QStringLiteral("name"))) return v.toObject().value(QStringLiteral("name")).toString();
        return Format::value(v);
    }
    return {};
}

QString PartSpec::emptyMessage() const { return emptyText ? translated(emptyText) : QCoreApplication::translate("LoyaltyDesk::Models::Columns", "Nothing here yet."); }

namespace Parts {

using F = ColumnFormat;

PartSpec search()
{
    return {{},
            {{QStringLiteral("last_name"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Name"), F::PersonName},
             {QStringLiteral("phone"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Phone")},
             {QStringLiteral("email"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "E-mail")},
             {QStringLiteral("card"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Card")},
             {QStringLiteral("city"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "City")},
             {QStringLiteral("birth_date"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Born"), F::Date},
             {QStringLiteral("tier"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Tier"), F::Value},
             {QStringLiteral("orders_count"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Orders"), F::Integer},
             {QStringLiteral("revenue"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Revenue"), F::Money},
             {QStringLiteral("last_purchase_at"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Last purchase"), F::DateTime}},
            {},
            {},
            QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "No customer matches. Try a phone number, e-mail, card or cheque number, or the start of a name.")};
}

PartSpec receipts()
{
    return {QStringLiteral("receipts"),
            {{QStringLiteral("purchased_at"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Date"), F::DateTime},
             {QStringLiteral("cheque_number"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Cheque")},
             {QStringLiteral("pos"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Point of sale")},
             {QStringLiteral("status"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Status"), F::Code},
             {QStringLiteral("total"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Total"), F::Money},
             {QStringLiteral("discount"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Discount"), F::Money},
             {QStringLiteral("bonus_accrued"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Points earned"), F::Points},
             {QStringLiteral("bonus_spent"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Points spent"), F::Points},
             {QStringLiteral("card_number"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Card")}},
            QStringLiteral("lines"),
            [](const QJsonObject &line, const QJsonObject &receipt) {
                const QString currency = receipt.value(QStringLiteral("currency")).toString(QStringLiteral("RUB"));
                QString text = QCoreApplication::translate("LoyaltyDesk::Models::Columns", "%1. %2 × %3 — %4").arg(line.value(QStringLiteral("line_no")).toInteger())
                                   .arg(Format::value(line.value(QStringLiteral("quantity"))),
                                        line.value(QStringLiteral("name")).toString(),
                                        Format::money(line.value(QStringLiteral("amount")).toInteger(), currency));
                const QString sku = line.value(QStringLiteral("sku")).toString();
                const QString category = line.value(QStringLiteral("category")).toString();
                if (!sku.isEmpty()) text += QCoreApplication::translate("LoyaltyDesk::Models::Columns", ", SKU %1").arg(sku);
                if (!category.isEmpty()) text += QCoreApplication::translate("LoyaltyDesk::Models::Columns", ", %1").arg(category);
                if (const qint64 d = line.value(QStringLiteral("discount")).toInteger())
                    text += QCoreApplication::translate("LoyaltyDesk::Models::Columns", ", discount %1").arg(Format::money(d, currency));
                const QString offer = line.value(QStringLiteral("offer")).toString();
                if (!offer.isEmpty()) text += QCoreApplication::translate("LoyaltyDesk::Models::Columns", ", offer “%1”").arg(offer);
                return text;
            },
            QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "No purchases match.")};
}

PartSpec cards()
{
    return {QStringLiteral("cards"),
            {{QStringLiteral("number"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Number")},
             {QStringLiteral("category"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Category")},
             {QStringLiteral("type"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Type"), F::Code},
             {QStringLiteral("state"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "State"), F::Code},
             {QStringLiteral("card_group"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Group")},
             {QStringLiteral("issued_at"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Issued"), F::DateTime},
             {QStringLiteral("blocked_at"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Blocked"), F::DateTime}},
            QStringLiteral("replaced"),
            [](const QJsonObject &r, const QJsonObject &) {
                return QCoreApplication::translate("LoyaltyDesk::Models::Columns", "Replaced card %1 on %2: %3").arg(r.value(QStringLiteral("old_number")).toString(),
                                                            Format::dateTime(r.value(QStringLiteral("at")).toString()),
                                                            r.value(QStringLiteral("reason")).toString());
            },
            QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "The customer has no cards.")};
}

PartSpec accounts()
{
    return {QStringLiteral("accounts"),
            {{QStringLiteral("id"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Account"), F::Integer},
             {QStringLiteral("currency"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Currency")},
             {QStringLiteral("active_balance"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Active points"), F::Points},
             {QStringLiteral("pending_balance"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Pending points"), F::Points},
             {QStringLiteral("created_at"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Opened"), F::DateTime}},
            QStringLiteral("upcoming"),
            [](const QJsonObject &u, const QJsonObject &) {
                const QString amount = Format::points(u.value(QStringLiteral("amount")).toInteger());
                const QString activates = u.value(QStringLiteral("activates_at")).toString();
                const QString expires = u.value(QStringLiteral("expires_at")).toString();
                QString text = QCoreApplication::translate("LoyaltyDesk::Models::Columns", "%1 points (%2)").arg(amount, Format::code(u.value(QStringLiteral("kind")).toString()));
                if (!activates.isEmpty()) text += QCoreApplication::translate("LoyaltyDesk::Models::Columns", ", activate on %1").arg(Format::dateTime(activates));
                if (!expires.isEmpty()) text += QCoreApplication::translate("LoyaltyDesk::Models::Columns", ", expire on %1").arg(Format::dateTime(expires));
                return text;
            },
            QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "The customer has no bonus accounts.")};
}

PartSpec ledger()
{
    return {QStringLiteral("ledger"),
            {{QStringLiteral("created_at"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Date"), F::DateTime},
             {QStringLiteral("kind"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Operation"), F::Code},
             {QStringLiteral("amount"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Points"), F::Points},
             {QStringLiteral("status"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Status"), F::Code},
             {QStringLiteral("description"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Description")},
             {QStringLiteral("activates_at"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Activates"), F::DateTime},
             {QStringLiteral("expires_at"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Expires"), F::DateTime},
             {QStringLiteral("account_id"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Account"), F::Integer}},
            {},
            {},
            QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "No bonus operations yet.")};
}

PartSpec events()
{
    return {QStringLiteral("events"),
            {{QStringLiteral("occurred_at"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "When"), F::DateTime},
             {QStringLiteral("type"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Event"), F::Code},
             {QStringLiteral("properties"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Details"), F::Value},
             {QStringLiteral("source"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Source")}},
            {},
            {},
            QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "No events or site visits recorded.")};
}

PartSpec messages()
{
    return {QStringLiteral("messages"),
            {{QStringLiteral("created_at"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Created"), F::DateTime},
             {QStringLiteral("channel"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Channel"), F::Code},
             {QStringLiteral("campaign_name"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Campaign")},
             {QStringLiteral("subject"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Subject")},
             {QStringLiteral("recipient"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Recipient")},
             {QStringLiteral("status"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Status"), F::Code},
             {QStringLiteral("updated_at"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Updated"), F::DateTime}},
            QStringLiteral("timeline"),
            [](const QJsonObject &t, const QJsonObject &) {
                QString text = QCoreApplication::translate("LoyaltyDesk::Models::Columns", "%1 — %2").arg(Format::dateTime(t.value(QStringLiteral("at")).toString()),
                                                 Format::code(t.value(QStringLiteral("status")).toString()));
                const QString details = Format::value(t.value(QStringLiteral("details")));
                if (!details.isEmpty()) text += QCoreApplication::translate("LoyaltyDesk::Models::Columns", ": %1").arg(details);
                return text;
            },
            QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "No messages were sent to this customer.")};
}

PartSpec coupons()
{
    return {QStringLiteral("coupons"),
            {{QStringLiteral("code"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Code")},
             {QStringLiteral("offer"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Offer")},
             {QStringLiteral("issued_at"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Issued"), F::DateTime},
             {QStringLiteral("expires_at"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Expires"), F::DateTime},
             {QStringLiteral("redeemed_at"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Redeemed"), F::DateTime}},
            {},
            {},
            QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "No coupons were issued.")};
}

PartSpec support()
{
    return {QStringLiteral("support"),
            {{QStringLiteral("created_at"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "When"), F::DateTime},
             {QStringLiteral("direction"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Direction"), F::Code},
             {QStringLiteral("channel"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Channel"), F::Code},
             {QStringLiteral("author"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Author")},
             {QStringLiteral("body"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Message")}},
            {},
            {},
            QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "No support conversations.")};
}

PartSpec audit()
{
    return {QStringLiteral("audit"),
            {{QStringLiteral("at"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "When"), F::DateTime},
             {QStringLiteral("username"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "User")},
             {QStringLiteral("action"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Action")},
             {QStringLiteral("details"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Details"), F::Value}},
            {},
            {},
            QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "No changes recorded.")};
}

PartSpec contacts()
{
    return {{},
            {{QStringLiteral("kind"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Kind"), F::Code},
             {QStringLiteral("value"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Contact")},
             {QStringLiteral("raw_value"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "As entered")},
             {QStringLiteral("valid"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Valid"), F::Bool},
             {QStringLiteral("confirmed"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Confirmed"), F::Bool},
             {QStringLiteral("is_primary"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Primary"), F::Bool},
             {QStringLiteral("details"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Details"), F::Value}},
            {},
            {},
            QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "No contacts.")};
}

PartSpec consentHistory()
{
    return {{},
            {{QStringLiteral("at"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "When"), F::DateTime},
             {QStringLiteral("channel"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Channel"), F::Code},
             {QStringLiteral("subscribed"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Subscribed"), F::Bool},
             {QStringLiteral("source"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Source")}},
            {},
            {},
            QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "No consent changes recorded.")};
}

PartSpec users()
{
    return {{},
            {{QStringLiteral("username"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Username")},
             {QStringLiteral("display_name"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Name")},
             {QStringLiteral("roles"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Roles"), F::Value},
             {QStringLiteral("disabled"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Disabled"), F::Bool},
             {QStringLiteral("last_login_at"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Last sign-in"), F::DateTime}},
            {},
            {},
            QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "No users.")};
}

PartSpec roles()
{
    return {{},
            {{QStringLiteral("code"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Code")},
             {QStringLiteral("name"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Name")},
             {QStringLiteral("builtin"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Built in"), F::Bool},
             {QStringLiteral("permissions"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Permissions"), F::Value}},
            {},
            {},
            QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "No roles.")};
}

PartSpec segments()
{
    return {{},
            {{QStringLiteral("name"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Segment")},
             {QStringLiteral("tags"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Tags"), F::Value},
             {QStringLiteral("size"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Customers"), F::Integer},
             {QStringLiteral("metrics.share"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Share of base"), F::Percent},
             {QStringLiteral("trend"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Trend"), F::Trend},
             {QStringLiteral("last_calculated_at"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Recalculated"), F::DateTime},
             {QStringLiteral("last_duration_ms"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Took"), F::DurationMs},
             {QStringLiteral("recalc_minutes"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Schedule"), F::Schedule}},
            {},
            {},
            QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "No segments yet. Press New to describe your first group of customers.")};
}

PartSpec audiences()
{
    return {{},
            {{QStringLiteral("name"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Audience")},
             {QStringLiteral("tags"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Tags"), F::Value},
             {QStringLiteral("size"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Customers"), F::Integer},
             {QStringLiteral("source_segment_name"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Created from")},
             {QStringLiteral("created_by"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Created by")},
             {QStringLiteral("created_at"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Created"), F::DateTime}},
            {},
            {},
            QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "No audiences yet. Create one from a segment to freeze its members for a campaign.")};
}

PartSpec members()
{
    return {{},
            {{QStringLiteral("last_name"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Name"), F::PersonName},
             {QStringLiteral("phone"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Phone")},
             {QStringLiteral("email"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "E-mail")},
             {QStringLiteral("city"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "City")},
             {QStringLiteral("orders_count"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Orders"), F::Integer},
             {QStringLiteral("revenue"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Revenue"), F::Money},
             {QStringLiteral("last_purchase_at"), QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Last purchase"), F::DateTime}},
            {},
            {},
            QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", "Nobody here.")};
}

}  // namespace Parts

}  // namespace LoyaltyDesk::Models
