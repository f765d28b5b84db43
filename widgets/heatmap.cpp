#include "heatmap.h"

#include "theme.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace LoyaltyDesk::Widgets {

namespace {
constexpr int LabelWidth = 64;   // row labels and the rotated row title
constexpr int LabelHeight = 44;  // column labels and the column title
constexpr int Gap = 3;
}  // namespace

HeatMap::HeatMap(QWidget *parent) : QWidget(parent) {
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void HeatMap::setGrid(int rows, int columns) {
    m_rows = rows;
    m_columns = columns;
    m_cells = QList<Cell>(rows * columns);
    m_currentRow = m_currentColumn = -1;
    updateGeometry();
    update();
}

void HeatMap::setCell(int row, int column, const Cell &cell) {
    if (row < 0 || row >= m_rows || column < 0 || column >= m_columns) return;
    m_cells[row * m_columns + column] = cell;
    update();
}

void HeatMap::clearCells() {
    m_cells = QList<Cell>(m_rows * m_columns);
    update();
}

qint64 HeatMap::count(int row, int column) const {
    if (row < 0 || row >= m_rows || column < 0 || column >= m_columns) return 0;
    return m_cells[row * m_columns + column].count;
}

QString HeatMap::cellToolTip(int row, int column) const {
    if (row < 0 || row >= m_rows || column < 0 || column >= m_columns) return {};
    return m_cells[row * m_columns + column].toolTip;
}

void HeatMap::setRowLabels(const QStringList &labels, const QString &title) {
    m_rowLabels = labels;
    m_rowTitle = title;
    update();
}

void HeatMap::setColumnLabels(const QStringList &labels, const QString &title) {
    m_columnLabels = labels;
    m_columnTitle = title;
    update();
}

void HeatMap::setCurrent(int row, int column) {
    m_currentRow = row;
    m_currentColumn = column;
    update();
}

QSize HeatMap::sizeHint() const {
    return {LabelWidth + 5 * 88, LabelHeight + 5 * 60};
}

QSize HeatMap::minimumSizeHint() const {
    return {LabelWidth + 5 * 44, LabelHeight + 5 * 30};
}

QRect HeatMap::gridRect() const {
    return rect().adjusted(LabelWidth, 4, -4, -LabelHeight);
}

QRect HeatMap::cellRect(int row, int column) const {
    if (m_rows == 0 || m_columns == 0) return {};
    const QRect g = gridRect();
    const int x0 = g.left() + g.width() * column / m_columns,
              x1 = g.left() + g.width() * (column + 1) / m_columns;
    const int y0 = g.top() + g.height() * row / m_rows,
              y1 = g.top() + g.height() * (row + 1) / m_rows;
    return QRect(QPoint(x0, y0), QPoint(x1 - Gap, y1 - Gap));
}

std::pair<int, int> HeatMap::cellAt(const QPoint &pos) const {
    for (int r = 0; r < m_rows; ++r)
        for (int c = 0; c < m_columns; ++c)
            if (cellRect(r, c).contains(pos)) return {r, c};
    return {-1, -1};
}

QColor HeatMap::colorFor(qint64 count) const {
    qint64 max = 0;
    for (const auto &cell : m_cells) max = std::max(max, cell.count);
    const QColor base = palette().color(QPalette::Base);
    const QColor hot = Theme::isDark(palette()) ? QColor(0x3b82f6) : QColor(0x1e40af);
    if (count <= 0 || max <= 0)
        return Theme::isDark(palette()) ? base.lighter(130) : QColor(0xf1f3f6);
    // Square root: small cells still show, the largest is the darkest.
    const double t = 0.12 + 0.88 * std::sqrt(double(count) / double(max));
    auto mix = [t](int a, int b) { return int(a + (b - a) * t); };
    return QColor(mix(base.red(), hot.red()), mix(base.green(), hot.green()),
                  mix(base.blue(), hot.blue()));
}

void HeatMap::paintEvent(QPaintEvent *) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    qint64 max = 0;
    for (const auto &cell : m_cells) max = std::max(max, cell.count);
    QFont numberFont = font();
    numberFont.setBold(true);
    numberFont.setPointSizeF(numberFont.pointSizeF() * 1.1);
    for (int r = 0; r < m_rows; ++r) {
        for (int c = 0; c < m_columns; ++c) {
            const QRect cell = cellRect(r, c);
            const qint64 n = count(r, c);
            const QColor fill = colorFor(n);
            p.setPen(Qt::NoPen);
            p.setBrush(fill);
            p.drawRoundedRect(cell, 5, 5);
            if (r == m_hoverRow && c == m_hoverColumn) {
                p.setBrush(Qt::NoBrush);
                p.setPen(QPen(palette().color(QPalette::Highlight), 2));
                p.drawRoundedRect(QRectF(cell).adjusted(1, 1, -1, -1), 5, 5);
            }
            if (r == m_currentRow && c == m_currentColumn) {
                p.setBrush(Qt::NoBrush);
                p.setPen(QPen(palette().color(QPalette::Text), 2.5));
                p.drawRoundedRect(QRectF(cell).adjusted(1.5, 1.5, -1.5, -1.5), 5, 5);
            }
            p.setFont(numberFont);
            p.setPen(fill.lightness() < 150 ? QColor(Qt::white) : palette().color(QPalette::Text));
            p.drawText(cell, Qt::AlignCenter, n > 0 ? QLocale().toString(n) : QStringLiteral("–"));
        }
    }
    p.setFont(font());
    p.setPen(palette().color(QPalette::PlaceholderText));
    const QRect g = gridRect();
    for (int r = 0; r < m_rows && r < m_rowLabels.size(); ++r) {
        const QRect cell = cellRect(r, 0);
        p.drawText(QRect(LabelWidth - 34, cell.top(), 28, cell.height()),
                   Qt::AlignRight | Qt::AlignVCenter, m_rowLabels[r]);
    }
    for (int c = 0; c < m_columns && c < m_columnLabels.size(); ++c) {
        const QRect cell = cellRect(0, c);
        p.drawText(QRect(cell.left(), g.bottom() + 2, cell.width(), 20), Qt::AlignCenter,
                   m_columnLabels[c]);
    }
    QFont titleFont = font();
    titleFont.setBold(true);
    p.setFont(titleFont);
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(QRect(g.left(), g.bottom() + 20, g.width(), LabelHeight - 20), Qt::AlignCenter,
               m_columnTitle);
    p.save();
    p.translate(14, g.center().y());
    p.rotate(-90);
    p.drawText(QRect(-g.height() / 2, -10, g.height(), 22), Qt::AlignCenter, m_rowTitle);
    p.restore();
    if (hasFocus() && m_currentRow < 0) {
        p.setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DotLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(g.adjusted(-2, -2, 1, 1));
    }
}

void HeatMap::mousePressEvent(QMouseEvent *event) {
    const auto [r, c] = cellAt(event->position().toPoint());
    if (r < 0 || event->button() != Qt::LeftButton) return QWidget::mousePressEvent(event);
    setCurrent(r, c);
    emit cellClicked(r, c);
}

void HeatMap::mouseMoveEvent(QMouseEvent *event) {
    const auto [r, c] = cellAt(event->position().toPoint());
    if (r != m_hoverRow || c != m_hoverColumn) {
        m_hoverRow = r;
        m_hoverColumn = c;
        setCursor(r >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
        update();
    }
    QWidget::mouseMoveEvent(event);
}

void HeatMap::leaveEvent(QEvent *event) {
    m_hoverRow = m_hoverColumn = -1;
    update();
    QWidget::leaveEvent(event);
}

void HeatMap::keyPressEvent(QKeyEvent *event) {
    if (m_rows == 0 || m_columns == 0) return QWidget::keyPressEvent(event);
    int r = std::max(m_currentRow, 0), c = std::max(m_currentColumn, 0);
    switch (event->key()) {
        case Qt::Key_Left:
            c = std::max(c - 1, 0);
            break;
        case Qt::Key_Right:
            c = std::min(c + 1, m_columns - 1);
            break;
        case Qt::Key_Up:
            r = std::max(r - 1, 0);
            break;
        case Qt::Key_Down:
            r = std::min(r + 1, m_rows - 1);
            break;
        case Qt::Key_Return:
        case Qt::Key_Enter:
        case Qt::Key_Space:
            if (m_currentRow >= 0) emit cellClicked(m_currentRow, m_currentColumn);
            return;
        default:
            return QWidget::keyPressEvent(event);
    }
    setCurrent(r, c);
}

bool HeatMap::event(QEvent *event) {
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const auto [r, c] = cellAt(help->pos());
        if (r >= 0)
            QToolTip::showText(help->globalPos(), cellToolTip(r, c), this, cellRect(r, c));
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

}  // namespace LoyaltyDesk::Widgets
