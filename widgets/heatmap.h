#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

namespace LoyaltyDesk::Widgets {

// A grid of counts coloured by size, the numbers in the cells, labels and titles on
// both axes, a tooltip per cell, and a click (or Enter on the focused cell) that picks
// one. Rows are drawn top to bottom, columns left to right. Arrow keys move the focus.
class HeatMap final : public QWidget {
    Q_OBJECT
public:
    struct Cell {
        qint64 count = 0;
        QString toolTip;
    };

    explicit HeatMap(QWidget *parent = nullptr);

    void setGrid(int rows, int columns);
    int rows() const { return m_rows; }
    int columns() const { return m_columns; }
    void setCell(int row, int column, const Cell &cell);
    void clearCells();
    qint64 count(int row, int column) const;
    QString cellToolTip(int row, int column) const;
    void setRowLabels(const QStringList &labels, const QString &title);
    void setColumnLabels(const QStringList &labels, const QString &title);
    // Where a cell is drawn, in widget coordinates (tests click there).
    QRect cellRect(int row, int column) const;
    void setCurrent(int row, int column);
    int currentRow() const { return m_currentRow; }
    int currentColumn() const { return m_currentColumn; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void cellClicked(int row, int column);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRect gridRect() const;
    std::pair<int, int> cellAt(const QPoint &pos) const;
    QColor colorFor(qint64 count) const;

    int m_rows = 0, m_columns = 0;
    QList<Cell> m_cells;
    QStringList m_rowLabels, m_columnLabels;
    QString m_rowTitle, m_columnTitle;
    int m_currentRow = -1, m_currentColumn = -1;
    int m_hoverRow = -1, m_hoverColumn = -1;
};

}  // namespace LoyaltyDesk::Widgets
