#include "sparkline.h"

#include "models/columns.h"
#include "models/pagedmodel.h"

#include <QAbstractItemView>
#include <QCoreApplication>
#include <QHelpEvent>
#include <QJsonArray>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>

namespace LoyaltyDesk::Widgets {

namespace Sparkline {

QList<qint64> values(const QJsonValue &json) {
    QList<qint64> out;
    for (const auto &v : json.toArray()) out << v.toInteger();
    return out;
}

void paint(QPainter *painter, const QRectF &rect, const QList<qint64> &values,
           const QColor &color) {
    if (values.isEmpty() || rect.width() < 8 || rect.height() < 4) return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    const double span = double(*hi - *lo);
    const qsizetype n = values.size();
    auto point = [&](qsizetype i) {
        const double x =
            n == 1 ? rect.center().x() : rect.left() + rect.width() * double(i) / double(n - 1);
        const double y = span == 0 ? rect.center().y()
                                   : rect.bottom() - rect.height() * double(values[i] - *lo) / span;
        return QPointF(x, y);
    };
    QPainterPath line(point(0));
    for (qsizetype i = 1; i < n; ++i) line.lineTo(point(i));
    if (n > 1) {
        QPainterPath area = line;
        area.lineTo(rect.right(), rect.bottom());
        area.lineTo(rect.left(), rect.bottom());
        area.closeSubpath();
        QColor fill = color;
        fill.setAlphaF(0.14f);
        painter->fillPath(area, fill);
    }
    painter->setPen(QPen(color, 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->drawPath(line);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawEllipse(point(n - 1), 2.6, 2.6);
    painter->restore();
}

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1) {
    return QCoreApplication::translate("LoyaltyDesk::Widgets::Sparkline", text, disambiguation, n);
}

}  // namespace

QString describe(const QList<qint64> &values) {
    if (values.isEmpty()) return tr("Not calculated yet");
    const QLocale l;
    const qint64 first = values.first(), last = values.last();
    const int runs = int(values.size());
    if (runs == 1) return tr("%1 at the first calculation").arg(l.toString(last));
    if (first == last)
        return tr("%1, unchanged over the last %n run(s)", nullptr, runs).arg(l.toString(last));
    const QString change =
        first ? tr(" (%1%2 %)")
                    .arg(last > first ? QStringLiteral("+") : QString(),
                         l.toString(100.0 * double(last - first) / double(first), 'f', 1))
              : QString();
    return tr("%1 → %2%3 over the last %n run(s)", nullptr, runs)
        .arg(l.toString(first), l.toString(last), change);
}

}  // namespace Sparkline

namespace {

bool isTrend(const QModelIndex &index) {
    const auto *model = qobject_cast<const Models::PagedModel *>(index.model());
    return model && index.column() < model->spec().columns.size() &&
           model->spec().columns[index.column()].format == Models::ColumnFormat::Trend &&
           !index.data(Models::PagedModel::IsChildRole).toBool();
}

QList<qint64> trendOf(const QModelIndex &index) {
    const auto *model = qobject_cast<const Models::PagedModel *>(index.model());
    return Sparkline::values(index.data(Models::PagedModel::JsonRole)
                                 .toJsonObject()
                                 .value(model->spec().columns[index.column()].key));
}

}  // namespace

void SparklineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const {
    QStyledItemDelegate::paint(painter, option, index);
    if (!isTrend(index)) return;
    const QColor color = option.state & QStyle::State_Selected
                             ? option.palette.color(QPalette::HighlightedText)
                             : option.palette.color(QPalette::Highlight);
    Sparkline::paint(painter, QRectF(option.rect).adjusted(6, 4, -8, -4), trendOf(index), color);
}

QSize SparklineDelegate::sizeHint(const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (isTrend(index)) size.setWidth(std::max(size.width(), 110));
    return size;
}

bool SparklineDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                  const QStyleOptionViewItem &option, const QModelIndex &index) {
    if (event->type() == QEvent::ToolTip && isTrend(index)) {
        QToolTip::showText(event->globalPos(), Sparkline::describe(trendOf(index)), view);
        return true;
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

}  // namespace LoyaltyDesk::Widgets
