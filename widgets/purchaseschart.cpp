#include "purchaseschart.h"

#include "models/format.h"
#include "theme.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QValueAxis>
#include <QVBoxLayout>

namespace LoyaltyDesk::Widgets {

PurchasesChart::PurchasesChart(QWidget *parent) : QWidget(parent), m_view(new QChartView(this)), m_title(new QLabel(this))
{
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(200);
    QFont f = m_title->font();
    f.setBold(true);
    m_title->setFont(f);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_view, 1);
    rebuild();
}

void PurchasesChart::setMonths(const QList<Models::MonthTotal> &months, const QString &currency)
{
    m_months = months;
    m_currency = currency;
    m_loading = false;
    rebuild();
}

void PurchasesChart::setLoading()
{
    m_loading = true;
    m_months.clear();
    rebuild();
}

void PurchasesChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) rebuild();
    QWidget::changeEvent(event);
}

bool PurchasesChart::event(QEvent *event)
{
    if (event->type() == QEvent::ApplicationPaletteChange) rebuild();  // light/dark
    return QWidget::event(event);
}

void PurchasesChart::rebuild()
{
    m_title->setText(tr("Purchases over the last 12 months, %1").arg(m_currency == QLatin1String("RUB") ? QStringLiteral("₽") : m_currency));
    auto *chart = new QChart;
    const bool dark = Theme::isDark(palette());
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(palette().base());
    chart->setBackgroundRoundness(6);
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));
    if (m_loading || m_months.isEmpty()) {
        chart->setTitle(m_loading ? tr("Loading purchases…") : tr("No purchases in this period"));
        m_view->setChart(chart);
        return;
    }
    auto *set = new QBarSet(tr("Purchases"));
    set->setColor(palette().color(QPalette::Highlight));
    set->setBorderColor(palette().color(QPalette::Highlight));
    QStringList categories;
    qint64 max = 0;
    for (const auto &m : m_months) {
        set->append(double(m.total) / 100.0);
        categories << QLocale().standaloneMonthName(m.month.month(), QLocale::ShortFormat);
        max = std::max(max, m.total);
    }
    auto *series = new QBarSeries;
    series->append(set);
    series->setBarWidth(0.7);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    x->setLabelsFont(small);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis;
    y->setRange(0, max > 0 ? double(max) / 100.0 * 1.1 : 1.0);
    y->setLabelFormat(QStringLiteral("%.0f"));
    y->setTickCount(5);
    y->setLabelsFont(small);
    y->applyNiceNumbers();
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    m_view->setChart(chart);
    qint64 total = 0;
    int count = 0;
    for (const auto &m : m_months) {
        total += m.total;
        count += m.count;
    }
    m_view->setToolTip(tr("%n purchase(s) totalling %1", nullptr, count).arg(Models::Format::money(total, m_currency)));
}

}  // namespace LoyaltyDesk::Widgets
