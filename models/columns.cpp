#include "columns.h"

#include "format.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

namespace LoyaltyDesk::Models {

namespace {

constexpr char Context[] = "LoyaltyDesk::Models::Columns";

QString tr(const char *text) { return QCoreApplication::translate(Context, text); }

}  // namespace

#define COL(text) QT_TRANSLATE_NOOP("LoyaltyDesk::Models::Columns", text)

QString Column::title() const { return tr(heading); }

bool Column::isNumeric() const
{
    return format == ColumnFormat::Integer || format == ColumnFormat::Money || format == ColumnFormat::Points;
}

QVariant Column::display(const QJsonObject &item) const
{
    const QJsonValue v = item.value(key);
    switch (format) {
    case ColumnFormat::Text: return v.isString() ? v.toString() : Format::value(v);
    case ColumnFormat::Code: return Format::code(v.toString());
    case ColumnFormat::Integer: return v.isNull() || v.isUndefined() ? QString() : QLocale().toString(v.toInteger());
    case ColumnFormat::Money:
        return v.isNull() || v.isUndefined() ? QString() : Format::money(v.toInteger(), item.value(QStringLiteral("currency")).toString(QStringLiteral("RUB")));
    case ColumnFormat::Points: return v.isNull() || v.isUndefined() ? QString() : Format::points(v.toInteger());
    case ColumnFormat::DateTime: return Format::dateTime(v.toString());
    case ColumnFormat::Date: return Format::date(v.toString());
    case ColumnFormat::Bool: return v.toBool() ? tr("yes") : QString();
    case ColumnFormat::PersonName: return Format::personName(item);
    case ColumnFormat::Value:
        if (v.isObject() && v.toObject().contains(QStringLiteral("name"))) return v.toObject().value(QStringLiteral("name")).toString();
        return Format::value(v);
    }
    return {};
}

QString PartSpec::emptyMessage() const { return emptyText ? tr(emptyText) : tr("Nothing here yet."); }

namespace Parts {

using F = ColumnFormat;

PartSpec search()
{
    return {{},
            {{QStringLiteral("last_name"), COL("Name"), F::PersonName},
             {QStringLiteral("phone"), COL("Phone")},
             {QStringLiteral("email"), COL("E-mail")},
             {QStringLiteral("card"), COL("Card")},
             {QStringLiteral("city"), COL("City")},
             {QStringLiteral("birth_date"), COL("Born"), F::Date},
             {QStringLiteral("tier"), COL("Tier"), F::Value},
             {QStringLiteral("orders_count"), COL("Orders"), F::Integer},
             {QStringLiteral("revenue"), COL("Revenue"), F::Money},
             {QStringLiteral("last_purchase_at"), COL("Last purchase"), F::DateTime}},
            {},
            {},
            COL("No customer matches. Try a phone number, e-mail, card or cheque number, or the start of a name.")};
}

PartSpec receipts()
{
    return {QStringLiteral("receipts"),
            {{QStringLiteral("purchased_at"), COL("Date"), F::DateTime},
             {QStringLiteral("cheque_number"), COL("Cheque")},
             {QStringLiteral("pos"), COL("Point of sale")},
             {QStringLiteral("status"), COL("Status"), F::Code},
             {QStringLiteral("total"), COL("Total"), F::Money},
             {QStringLiteral("discount"), COL("Discount"), F::Money},
             {QStringLiteral("bonus_accrued"), COL("Points earned"), F::Points},
             {QStringLiteral("bonus_spent"), COL("Points spent"), F::Points},
             {QStringLiteral("card_number"), COL("Card")}},
            QStringLiteral("lines"),
            [](const QJsonObject &line, const QJsonObject &receipt) {
                const QString currency = receipt.value(QStringLiteral("currency")).toString(QStringLiteral("RUB"));
                QString text = tr("%1. %2 × %3 — %4").arg(line.value(QStringLiteral("line_no")).toInteger())
                                   .arg(Format::value(line.value(QStringLiteral("quantity"))),
                                        line.value(QStringLiteral("name")).toString(),
                                        Format::money(line.value(QStringLiteral("amount")).toInteger(), currency));
                const QString sku = line.value(QStringLiteral("sku")).toString();
                const QString category = line.value(QStringLiteral("category")).toString();
                if (!sku.isEmpty()) text += tr(", SKU %1").arg(sku);
                if (!category.isEmpty()) text += tr(", %1").arg(category);
                if (const qint64 d = line.value(QStringLiteral("discount")).toInteger())
                    text += tr(", discount %1").arg(Format::money(d, currency));
                const QString offer = line.value(QStringLiteral("offer")).toString();
                if (!offer.isEmpty()) text += tr(", offer “%1”").arg(offer);
                return text;
            },
            COL("No purchases match.")};
}

PartSpec cards()
{
    return {QStringLiteral("cards"),
            {{QStringLiteral("number"), COL("Number")},
             {QStringLiteral("category"), COL("Category")},
             {QStringLiteral("type"), COL("Type"), F::Code},
             {QStringLiteral("state"), COL("State"), F::Code},
             {QStringLiteral("card_group"), COL("Group")},
             {QStringLiteral("issued_at"), COL("Issued"), F::DateTime},
             {QStringLiteral("blocked_at"), COL("Blocked"), F::DateTime}},
            QStringLiteral("replaced"),
            [](const QJsonObject &r, const QJsonObject &) {
                return tr("Replaced card %1 on %2: %3").arg(r.value(QStringLiteral("old_number")).toString(),
                                                            Format::dateTime(r.value(QStringLiteral("at")).toString()),
                                                            r.value(QStringLiteral("reason")).toString());
            },
            COL("The customer has no cards.")};
}

PartSpec accounts()
{
    return {QStringLiteral("accounts"),
            {{QStringLiteral("id"), COL("Account"), F::Integer},
             {QStringLiteral("currency"), COL("Currency")},
             {QStringLiteral("active_balance"), COL("Active points"), F::Points},
             {QStringLiteral("pending_balance"), COL("Pending points"), F::Points},
             {QStringLiteral("created_at"), COL("Opened"), F::DateTime}},
            QStringLiteral("upcoming"),
            [](const QJsonObject &u, const QJsonObject &) {
                const QString amount = Format::points(u.value(QStringLiteral("amount")).toInteger());
                const QString activates = u.value(QStringLiteral("activates_at")).toString();
                const QString expires = u.value(QStringLiteral("expires_at")).toString();
                QString text = tr("%1 points (%2)").arg(amount, Format::code(u.value(QStringLiteral("kind")).toString()));
                if (!activates.isEmpty()) text += tr(", activate on %1").arg(Format::dateTime(activates));
                if (!expires.isEmpty()) text += tr(", expire on %1").arg(Format::dateTime(expires));
                return text;
            },
            COL("The customer has no bonus accounts.")};
}

PartSpec ledger()
{
    return {QStringLiteral("ledger"),
            {{QStringLiteral("created_at"), COL("Date"), F::DateTime},
             {QStringLiteral("kind"), COL("Operation"), F::Code},
             {QStringLiteral("amount"), COL("Points"), F::Points},
             {QStringLiteral("status"), COL("Status"), F::Code},
             {QStringLiteral("description"), COL("Description")},
             {QStringLiteral("activates_at"), COL("Activates"), F::DateTime},
             {QStringLiteral("expires_at"), COL("Expires"), F::DateTime},
             {QStringLiteral("account_id"), COL("Account"), F::Integer}},
            {},
            {},
            COL("No bonus operations yet.")};
}

PartSpec events()
{
    return {QStringLiteral("events"),
            {{QStringLiteral("occurred_at"), COL("When"), F::DateTime},
             {QStringLiteral("type"), COL("Event"), F::Code},
             {QStringLiteral("properties"), COL("Details"), F::Value},
             {QStringLiteral("source"), COL("Source")}},
            {},
            {},
            COL("No events or site visits recorded.")};
}

PartSpec messages()
{
    return {QStringLiteral("messages"),
            {{QStringLiteral("created_at"), COL("Created"), F::DateTime},
             {QStringLiteral("channel"), COL("Channel"), F::Code},
             {QStringLiteral("campaign_name"), COL("Campaign")},
             {QStringLiteral("subject"), COL("Subject")},
             {QStringLiteral("recipient"), COL("Recipient")},
             {QStringLiteral("status"), COL("Status"), F::Code},
             {QStringLiteral("updated_at"), COL("Updated"), F::DateTime}},
            QStringLiteral("timeline"),
            [](const QJsonObject &t, const QJsonObject &) {
                QString text = tr("%1 — %2").arg(Format::dateTime(t.value(QStringLiteral("at")).toString()),
                                                 Format::code(t.value(QStringLiteral("status")).toString()));
                const QString details = Format::value(t.value(QStringLiteral("details")));
                if (!details.isEmpty()) text += tr(": %1").arg(details);
                return text;
            },
            COL("No messages were sent to this customer.")};
}

PartSpec coupons()
{
    return {QStringLiteral("coupons"),
            {{QStringLiteral("code"), COL("Code")},
             {QStringLiteral("offer"), COL("Offer")},
             {QStringLiteral("issued_at"), COL("Issued"), F::DateTime},
             {QStringLiteral("expires_at"), COL("Expires"), F::DateTime},
             {QStringLiteral("redeemed_at"), COL("Redeemed"), F::DateTime}},
            {},
            {},
            COL("No coupons were issued.")};
}

PartSpec support()
{
    return {QStringLiteral("support"),
            {{QStringLiteral("created_at"), COL("When"), F::DateTime},
             {QStringLiteral("direction"), COL("Direction"), F::Code},
             {QStringLiteral("channel"), COL("Channel"), F::Code},
             {QStringLiteral("author"), COL("Author")},
             {QStringLiteral("body"), COL("Message")}},
            {},
            {},
            COL("No support conversations.")};
}

PartSpec audit()
{
    return {QStringLiteral("audit"),
            {{QStringLiteral("at"), COL("When"), F::DateTime},
             {QStringLiteral("username"), COL("User")},
             {QStringLiteral("action"), COL("Action")},
             {QStringLiteral("details"), COL("Details"), F::Value}},
            {},
            {},
            COL("No changes recorded.")};
}

PartSpec contacts()
{
    return {{},
            {{QStringLiteral("kind"), COL("Kind"), F::Code},
             {QStringLiteral("value"), COL("Contact")},
             {QStringLiteral("raw_value"), COL("As entered")},
             {QStringLiteral("valid"), COL("Valid"), F::Bool},
             {QStringLiteral("confirmed"), COL("Confirmed"), F::Bool},
             {QStringLiteral("is_primary"), COL("Primary"), F::Bool},
             {QStringLiteral("details"), COL("Details"), F::Value}},
            {},
            {},
            COL("No contacts.")};
}

PartSpec consentHistory()
{
    return {{},
            {{QStringLiteral("at"), COL("When"), F::DateTime},
             {QStringLiteral("channel"), COL("Channel"), F::Code},
             {QStringLiteral("subscribed"), COL("Subscribed"), F::Bool},
             {QStringLiteral("source"), COL("Source")}},
            {},
            {},
            COL("No consent changes recorded.")};
}

PartSpec users()
{
    return {{},
            {{QStringLiteral("username"), COL("Username")},
             {QStringLiteral("display_name"), COL("Name")},
             {QStringLiteral("roles"), COL("Roles"), F::Value},
             {QStringLiteral("disabled"), COL("Disabled"), F::Bool},
             {QStringLiteral("last_login_at"), COL("Last sign-in"), F::DateTime}},
            {},
            {},
            COL("No users.")};
}

PartSpec roles()
{
    return {{},
            {{QStringLiteral("code"), COL("Code")},
             {QStringLiteral("name"), COL("Name")},
             {QStringLiteral("builtin"), COL("Built in"), F::Bool},
             {QStringLiteral("permissions"), COL("Permissions"), F::Value}},
            {},
            {},
            COL("No roles.")};
}

}  // namespace Parts

}  // namespace LoyaltyDesk::Models
