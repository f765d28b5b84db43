#pragma once

#include <QJsonValue>
#include <QList>
#include <QStyledItemDelegate>
#include <QWidget>

namespace LoyaltyDesk::Widgets {

// A small line of how a number moved (a segment's size over its last runs), oldest
// first, scaled between its own minimum and maximum; the last point is marked.
namespace Sparkline {
void paint(QPainter *painter, const QRectF &rect, const QList<qint64> &values, const QColor &color);
QList<qint64> values(const QJsonValue &json);
// "1 203 → 1 250 (+3.9 %)": the words for the same line.
QString describe(const QList<qint64> &values);
}  // namespace Sparkline

// Draws the Trend columns of a PagedModel (ColumnFormat::Trend) as sparklines.
class SparklineDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;
};

}  // namespace LoyaltyDesk::Widgets
