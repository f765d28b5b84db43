#include "rfmpage.h"

#include "core/permissions.h"
#include "memberslist.h"
#include "models/apiclient.h"
#include "models/format.h"
#include "models/pagedmodel.h"
#include "models/repository.h"
#include "profilepage.h"
#include "widgets/heatmap.h"
#include "widgets/theme.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>
#include <QValueAxis>

namespace LoyaltyDesk::Ui {

namespace {

// Best first; the bar charts list them top to bottom in this order.
const QStringList Groups = {QStringLiteral("champions"),
                            QStringLiteral("loyal"),
                            QStringLiteral("potential_loyalists"),
                            QStringLiteral("new"),
                            QStringLiteral("promising"),
                            QStringLiteral("need_attention"),
                            QStringLiteral("about_to_sleep"),
                            QStringLiteral("at_risk"),
                            QStringLiteral("cant_lose"),
                            QStringLiteral("hibernating"),
                            QStringLiteral("lost")};

QJsonObject groupOf(const QJsonObject &report, const QString &code) {
    for (const auto &g : report.value(QStringLiteral("groups")).toArray())
        if (g.toObject().value(QStringLiteral("group")).toString() == code) return g.toObject();
    return {};
}

QChartView *makeChartView(QWidget *parent) {
    auto *view = new QChartView(parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(260, 300);
    return view;
}

}  // namespace

RfmPage::RfmPage(Models::Repository *repository, QWidget *parent)
    : QWidget(parent),
      m_repository(repository),
      m_title(new QLabel(this)),
      m_summary(new QLabel(this)),
      m_settingsButton(new QPushButton(this)),
      m_recalculateButton(new QPushButton(this)),
      m_mapTitle(new QLabel(this)),
      m_heatMap(new Widgets::HeatMap(this)),
      m_sizes(makeChartView(this)),
      m_revenue(makeChartView(this)),
      m_members(new MembersList(repository, this)) {
    setObjectName(QStringLiteral("rfmPage"));
    Widgets::Theme::setTitleFont(m_title, 1.5);
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    m_summary->setWordWrap(true);
    QFont bold = m_mapTitle->font();
    bold.setBold(true);
    m_mapTitle->setFont(bold);
    m_heatMap->setObjectName(QStringLiteral("rfmHeatMap"));
    m_heatMap->setGrid(5, 5);
    m_members->setObjectName(QStringLiteral("rfmCustomers"));
    m_recalculateButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));

    auto *header = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    titles->addWidget(m_title);
    titles->addWidget(m_summary);
    header->addLayout(titles, 1);
    header->addWidget(m_settingsButton, 0, Qt::AlignBottom);
    header->addWidget(m_recalculateButton, 0, Qt::AlignBottom);

    auto *mapBox = new QWidget(this);
    auto *mapLayout = new QVBoxLayout(mapBox);
    mapLayout->setContentsMargins(0, 0, 0, 0);
    mapLayout->addWidget(m_mapTitle);
    mapLayout->addWidget(m_heatMap, 1);
    auto *top = new QWidget(this);
    auto *topLayout = new QHBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->setSpacing(12);
    topLayout->addWidget(mapBox, 5);
    topLayout->addWidget(m_sizes, 4);
    topLayout->addWidget(m_revenue, 4);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(top);
    splitter->addWidget(m_members);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 14, 16, 12);
    layout->setSpacing(8);
    layout->addLayout(header);
    layout->addWidget(splitter, 1);

    connect(m_heatMap, &Widgets::HeatMap::cellClicked, this,
            [this](int row, int column) { openCell(5 - row, column + 1); });
    connect(m_settingsButton, &QPushButton::clicked, this, &RfmPage::editSettings);
    connect(m_recalculateButton, &QPushButton::clicked, this, &RfmPage::recalculate);
    connect(m_members, &MembersList::customerRequested, this, &RfmPage::customerRequested);
    auto *refresh = new QShortcut(QKeySequence::Refresh, this);
    refresh->setContext(Qt::WindowShortcut);
    connect(refresh, &QShortcut::activated, this, &RfmPage::reload);
    retranslate();
    updateActions();
}

RfmPage::~RfmPage() {
    stopWaiting(this);
}

void RfmPage::setSession(const Models::Session &session) {
    m_session = session;
    updateActions();
}

void RfmPage::updateActions() {
    const bool write = m_session.can(Core::Permissions::SegmentsWrite);
    for (auto *b : {m_settingsButton, m_recalculateButton}) {
        b->setVisible(write);
        b->setEnabled(write && !m_busy && m_repository->api()->isOnline());
    }
}

void RfmPage::reload() {
    m_repository->fetch(
        QStringLiteral("/api/v1/rfm"), {}, this, [this](Core::Result<Models::Fetched> r) {
            if (!r) {
                m_summary->setText(r.error().message);
                return;
            }
            present(r->json);
            if (r->fromCache())
                m_summary->setText(
                    m_summary->text() + QLatin1Char(' ') +
                    tr("Offline: the copy saved %1.").arg(Models::Format::age(*r->cachedAt)));
        });
}

QString RfmPage::settingsSummary() const {
    const QJsonObject s = m_report.value(QStringLiteral("settings")).toObject();
    const QString scoring =
        s.value(QStringLiteral("scoring")).toString() == QLatin1String("thresholds")
            ? tr("scored by thresholds")
            : tr("scored by quintiles");
    return tr("purchases of the last %1 days, %2")
        .arg(s.value(QStringLiteral("window_days")).toInteger())
        .arg(scoring);
}

void RfmPage::present(const QJsonObject &report) {
    m_report = report;
    m_loaded = true;
    const qint64 scored = report.value(QStringLiteral("scored")).toInteger();
    if (scored == 0 || report.value(QStringLiteral("computed_at")).isNull()) {
        m_summary->setText(
            tr("Nobody has been scored yet. Recalculate to score every customer with a purchase."));
    } else {
        m_summary->setText(tr("%Ln customer(s) with purchases scored %1; %2.", nullptr, int(scored))
                               .arg(Models::Format::dateTime(
                                        report.value(QStringLiteral("computed_at")).toString()),
                                    settingsSummary()));
    }
    m_heatMap->clearCells();
    for (const auto &v : report.value(QStringLiteral("grid")).toArray()) {
        const QJsonObject c = v.toObject();
        const int r = c.value(QStringLiteral("r")).toInt(),
                  f = c.value(QStringLiteral("f")).toInt();
        const qint64 n = c.value(QStringLiteral("count")).toInteger();
        const QString tip =
            tr("<b>%1</b><br>Recency %2, frequency %3<br>%Ln customer(s), %4 of the "
               "scored<br>Purchases in the window: %5<br><i>Click to see them</i>",
               nullptr, int(n))
                .arg(ProfilePage::rfmGroupName(c.value(QStringLiteral("group")).toString()))
                .arg(r)
                .arg(f)
                .arg(Models::Format::percent(scored ? double(n) / double(scored) : 0),
                     Models::Format::money(c.value(QStringLiteral("monetary")).toInteger()));
        m_heatMap->setCell(rowOf(r), f - 1, {n, tip});
    }
    rebuildCharts();
    emit loaded();
}

void RfmPage::rebuildCharts() {
    const bool dark = Widgets::Theme::isDark(palette());
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    auto build = [&](QChartView *view, const QString &title, const QString &key, double divisor,
                     const QColor &color, const QString &axisTitle) {
        auto *chart = new QChart;
        chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
        chart->setBackgroundBrush(palette().base());
        chart->setBackgroundRoundness(6);
        chart->legend()->hide();
        chart->setMargins(QMargins(4, 4, 10, 4));
        chart->setTitle(title);
        QFont titleFont = font();
        titleFont.setBold(true);
        chart->setTitleFont(titleFont);
        auto *set = new QBarSet(title);
        set->setColor(color);
        set->setBorderColor(color);
        QStringList categories;
        double max = 0;
        // Horizontal bars run bottom to top: the best group last, so it is drawn on top.
        for (auto it = Groups.crbegin(); it != Groups.crend(); ++it) {
            const double value =
                std::round(double(groupOf(m_report, *it).value(key).toInteger()) / divisor);
            set->append(value);
            categories << ProfilePage::rfmGroupName(*it);
            max = std::max(max, value);
        }
        auto *series = new QHorizontalBarSeries;
        series->append(set);
        series->setBarWidth(0.72);
        series->setLabelsVisible(true);
        series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
        series->setLabelsFormat(QStringLiteral("@value"));
        set->setLabelColor(palette().color(QPalette::Text));
        set->setLabelFont(small);
        chart->addSeries(series);
        auto *y = new QBarCategoryAxis;
        y->append(categories);
        y->setLabelsFont(small);
        y->setGridLineVisible(false);
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(y);
        auto *x = new QValueAxis;
        x->setRange(0, max > 0 ? max * 1.18 : 1.0);
        x->setLabelFormat(QStringLiteral("%.0f"));
        x->setTickCount(5);
        x->applyNiceNumbers();
        x->setLabelsFont(small);
        x->setTitleText(axisTitle);
        x->setTitleFont(small);
        chart->addAxis(x, Qt::AlignBottom);
        series->attachAxis(x);
        connect(set, &QBarSet::clicked, this,
                [this](int index) { openGroup(Groups.value(int(Groups.size()) - 1 - index)); });
        view->setChart(chart);
        view->setCursor(Qt::PointingHandCursor);
        view->setToolTip(tr("Click a bar to see the customers of that group"));
    };
    qint64 maxRevenue = 0;
    for (const auto &g : m_report.value(QStringLiteral("groups")).toArray())
        maxRevenue =
            std::max(maxRevenue, g.toObject().value(QStringLiteral("revenue")).toInteger());
    const bool millions = maxRevenue >= 100000000LL * 10;  // 10 million roubles in kopecks
    build(m_sizes, tr("Customers by group"), QStringLiteral("count"), 1.0,
          palette().color(QPalette::Highlight), tr("customers"));
    build(m_revenue, tr("Revenue by group"), QStringLiteral("revenue"),
          millions ? 100000000.0 : 100000.0, QColor(dark ? 0x34d399 : 0x059669),
          millions ? tr("million ₽, all time") : tr("thousand ₽, all time"));
}

void RfmPage::openCell(int recency, int frequency) {
    m_heatMap->setCurrent(rowOf(recency), frequency - 1);
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("r"), QString::number(recency));
    q.addQueryItem(QStringLiteral("f"), QString::number(frequency));
    QString group;
    for (const auto &v : m_report.value(QStringLiteral("grid")).toArray())
        if (v.toObject().value(QStringLiteral("r")).toInt() == recency &&
            v.toObject().value(QStringLiteral("f")).toInt() == frequency)
            group =
                ProfilePage::rfmGroupName(v.toObject().value(QStringLiteral("group")).toString());
    const QString cell = tr("Recency %1, frequency %2").arg(recency).arg(frequency);
    m_members->showMembers(group.isEmpty() ? cell : QStringLiteral("%1 · %2").arg(cell, group),
                           QStringLiteral("/api/v1/rfm/customers"), q);
}

void RfmPage::openGroup(const QString &group) {
    if (group.isEmpty()) return;
    m_heatMap->setCurrent(-1, -1);
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("group"), group);
    m_members->showMembers(tr("Group “%1”").arg(ProfilePage::rfmGroupName(group)),
                           QStringLiteral("/api/v1/rfm/customers"), q);
}

void RfmPage::recalculate() {
    if (!m_recalculateButton->isEnabled()) return;
    QObject *context = waitWithProgress(this, tr("Scoring every customer with a purchase…"));
    m_busy = true;
    updateActions();
    connect(context, &QObject::destroyed, this, [this] {
        m_busy = false;
        updateActions();
    });
    m_repository->api()->post(
        QStringLiteral("/api/v1/rfm/recalculate"), {}, context,
        [this, context](Core::Result<QJsonObject> r) {
            delete context;
            if (!r) {
                auto *box = new QMessageBox(QMessageBox::Warning, tr("Recalculate RFM"),
                                            r.error().message, QMessageBox::Ok, this);
                box->setAttribute(Qt::WA_DeleteOnClose);
                box->open();
                return;
            }
            present(*r);
            m_members->showHint(tr("Click a cell of the heat map or a bar to see its customers."));
        });
}

void RfmPage::editSettings() {
    if (!m_settingsButton->isEnabled()) return;
    auto *dialog = new RfmSettingsDialog(
        m_repository, m_report.value(QStringLiteral("settings")).toObject(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RfmSettingsDialog::saved, this, [this](const QJsonObject &settings) {
        m_report.insert(QStringLiteral("settings"), settings);
        auto *ask =
            new QMessageBox(QMessageBox::Question, tr("RFM settings"),
                            tr("The settings are saved. Score the customers with them now?"),
                            QMessageBox::Yes | QMessageBox::No, this);
        ask->setAttribute(Qt::WA_DeleteOnClose);
        connect(ask, &QMessageBox::finished, this, [this, ask] {
            if (ask->clickedButton() == ask->button(QMessageBox::Yes)) recalculate();
        });
        ask->open();
    });
    dialog->open();
}

bool RfmPage::event(QEvent *event) {
    if (event->type() == QEvent::ApplicationPaletteChange && m_loaded) rebuildCharts();
    return QWidget::event(event);
}

void RfmPage::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void RfmPage::retranslate() {
    m_title->setText(tr("RFM analysis"));
    m_settingsButton->setText(tr("Settings…"));
    m_recalculateButton->setText(tr("Recalculate"));
    m_recalculateButton->setToolTip(tr("Score every customer now (Ctrl+R)"));
    m_mapTitle->setText(tr("Customers by recency and frequency"));
    QStringList scores;
    for (int s = 5; s >= 1; --s) scores << QString::number(s);
    m_heatMap->setRowLabels(scores, tr("Recency: 5 = bought recently"));
    m_heatMap->setColumnLabels({QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"),
                                QStringLiteral("4"), QStringLiteral("5")},
                               tr("Frequency: 5 = buys most often"));
    if (m_loaded)
        present(m_report);
    else
        m_summary->setText(tr("Loading…"));
    if (m_members->model()->path().isEmpty())
        m_members->showHint(tr("Click a cell of the heat map or a bar to see its customers."));
}

// --- settings ------------------------------------------------------------------

namespace {

QString joinNumbers(const QJsonArray &a, double divisor) {
    QStringList parts;
    for (const auto &v : a) parts << QString::number(v.toDouble() / divisor, 'g', 12);
    return parts.join(QStringLiteral(", "));
}

QJsonArray parseNumbers(const QString &text, double factor) {
    QJsonArray out;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const double v = QLocale::c().toDouble(part.trimmed(), &ok);
        out.append(ok ? QJsonValue(qint64(std::llround(v * factor))) : QJsonValue(part.trimmed()));
    }
    return out;
}

}  // namespace

RfmSettingsDialog::RfmSettingsDialog(Models::Repository *repository, const QJsonObject &settings,
                                     QWidget *parent)
    : QDialog(parent),
      m_repository(repository),
      m_window(new QSpinBox(this)),
      m_scoring(new QComboBox(this)),
      m_recency(new QLineEdit(this)),
      m_frequency(new QLineEdit(this)),
      m_monetary(new QLineEdit(this)),
      m_error(new QLabel(this)) {
    setObjectName(QStringLiteral("rfmSettings"));
    setWindowTitle(tr("RFM settings"));
    m_window->setObjectName(QStringLiteral("rfmWindow"));
    m_scoring->setObjectName(QStringLiteral("rfmScoring"));
    m_recency->setObjectName(QStringLiteral("rfmRecency"));
    m_frequency->setObjectName(QStringLiteral("rfmFrequency"));
    m_monetary->setObjectName(QStringLiteral("rfmMonetary"));
    m_error->setObjectName(QStringLiteral("rfmError"));
    m_window->setRange(7, 3650);
    m_window->setSuffix(tr(" days"));
    m_window->setValue(int(settings.value(QStringLiteral("window_days")).toInteger(365)));
    m_scoring->addItem(tr("Quintiles: five equal fifths of the buyers"),
                       QStringLiteral("quintiles"));
    m_scoring->addItem(tr("Thresholds: fixed boundaries"), QStringLiteral("thresholds"));
    m_scoring->setCurrentIndex(
        settings.value(QStringLiteral("scoring")).toString() == QLatin1String("thresholds") ? 1
                                                                                            : 0);
    const QJsonObject th = settings.value(QStringLiteral("thresholds")).toObject();
    m_recency->setText(joinNumbers(th.value(QStringLiteral("recency_days")).toArray(), 1));
    m_frequency->setText(joinNumbers(th.value(QStringLiteral("frequency")).toArray(), 1));
    m_monetary->setText(joinNumbers(th.value(QStringLiteral("monetary")).toArray(), 100));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #dc2626;"));
    m_error->hide();

    auto *hint = new QLabel(tr("Each measure gets a score of 1 to 5. With thresholds, give the "
                               "four boundaries of scores 2, 3, 4 and 5, "
                               "separated by commas: recency in days since the last purchase "
                               "(fewer is better), the number of purchases "
                               "and their sum in roubles in the window."),
                            this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    auto *form = new QFormLayout;
    form->addRow(tr("Window:"), m_window);
    form->addRow(tr("Scoring:"), m_scoring);
    form->addRow(tr("Recency, days:"), m_recency);
    form->addRow(tr("Frequency, purchases:"), m_frequency);
    form->addRow(tr("Monetary, ₽:"), m_monetary);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_saveButton = buttons->button(QDialogButtonBox::Save);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(520);
    connect(buttons, &QDialogButtonBox::accepted, this, &RfmSettingsDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_scoring, &QComboBox::currentIndexChanged, this, &RfmSettingsDialog::updateEnabled);
    updateEnabled();
}

void RfmSettingsDialog::updateEnabled() {
    const bool thresholds = m_scoring->currentData().toString() == QLatin1String("thresholds");
    for (auto *e : {m_recency, m_frequency, m_monetary}) e->setEnabled(thresholds);
}

QJsonObject RfmSettingsDialog::settings() const {
    return QJsonObject{
        {QStringLiteral("window_days"), m_window->value()},
        {QStringLiteral("scoring"), m_scoring->currentData().toString()},
        {QStringLiteral("thresholds"),
         QJsonObject{{QStringLiteral("recency_days"), parseNumbers(m_recency->text(), 1)},
                     {QStringLiteral("frequency"), parseNumbers(m_frequency->text(), 1)},
                     {QStringLiteral("monetary"), parseNumbers(m_monetary->text(), 100)}}}};
}

void RfmSettingsDialog::save() {
    m_saveButton->setEnabled(false);
    m_error->hide();
    m_repository->api()->patch(QStringLiteral("/api/v1/rfm/settings"), settings(), this,
                               [this](Core::Result<QJsonObject> r) {
                                   m_saveButton->setEnabled(true);
                                   if (!r) {
                                       m_error->setText(errorText(r.error()));
                                       m_error->show();
                                       return;
                                   }
                                   emit saved(*r);
                                   accept();
                               });
}

}  // namespace LoyaltyDesk::Ui
