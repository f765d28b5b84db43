#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QVariant>

#include <functional>

namespace LoyaltyDesk::Models {

// Trend is a list of numbers drawn as a sparkline by the view (Widgets::SparklineDelegate).
enum class ColumnFormat { Text, Code, Integer, Money, Points, DateTime, Date, Bool, PersonName, Value, Percent, DurationMs, Schedule, Trend };

struct Column {
    QString key;        // field of the item; "metrics.share" reaches into a nested object
    const char *heading;  // English source text in the "LoyaltyDesk::Models::Columns" context
    ColumnFormat format = ColumnFormat::Text;
    QString title() const;
    QVariant display(const QJsonObject &item) const;
    bool isNumeric() const;
};

// One list the app shows: which API part it pages, its columns, and the nested list
// (receipt lines, status timeline, ...) shown under each row as one sentence each.
struct PartSpec {
    QString part;  // "receipts"; empty for the search and for lists read from the profile
    QList<Column> columns;
    QString childKey;
    std::function<QString(const QJsonObject &child, const QJsonObject &item)> childText;
    const char *emptyText = nullptr;  // shown when the list is empty

    QString emptyMessage() const;
};

namespace Parts {
PartSpec search();
PartSpec receipts();
PartSpec cards();
PartSpec accounts();
PartSpec ledger();
PartSpec events();
PartSpec messages();
PartSpec coupons();
PartSpec support();
PartSpec audit();
PartSpec contacts();
PartSpec consentHistory();
PartSpec users();
PartSpec roles();
PartSpec segments();
PartSpec audiences();
// Customers of a segment, an audience or an RFM cell.
PartSpec members();
}  // namespace Parts

}  // namespace LoyaltyDesk::Models
