#pragma once

#include "models/profile.h"

#include <QWidget>

class QChart;
class QChartView;
class QLabel;

namespace LoyaltyDesk::Widgets {

// Purchases over time: the sum of completed receipts per month, as bars.
class PurchasesChart final : public QWidget {
    Q_OBJECT
public:
    explicit PurchasesChart(QWidget *parent = nullptr);

    void setMonths(const QList<Models::MonthTotal> &months, const QString &currency);
    void setLoading();
    int barCount() const { return int(m_months.size()); }

protected:
    void changeEvent(QEvent *event) override;
    bool event(QEvent *event) override;

private:
    void rebuild();

    QChartView *m_view;
    QLabel *m_title;
    QList<Models::MonthTotal> m_months;
    QString m_currency = QStringLiteral("RUB");
    bool m_loading = true;
};

}  // namespace LoyaltyDesk::Widgets
