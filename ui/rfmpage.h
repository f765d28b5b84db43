#pragma once

#include "models/session.h"

#include <QDialog>
#include <QJsonObject>
#include <QWidget>

class QChartView;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace LoyaltyDesk::Models {
class Repository;
}

namespace LoyaltyDesk::Widgets {
class HeatMap;
}

namespace LoyaltyDesk::Ui {

class MembersList;

// RFM analysis: the recency × frequency heat map (recency 5, the most recent buyers, at
// the top), the size and the revenue of each group as bar charts, and the customers of
// the cell or group clicked. Settings and Recalculate (Ctrl+R) need segments.write.
class RfmPage final : public QWidget {
    Q_OBJECT
public:
    explicit RfmPage(Models::Repository *repository, QWidget *parent = nullptr);
    ~RfmPage() override;

    void setSession(const Models::Session &session);
    void reload();
    bool isLoaded() const { return m_loaded; }
    QJsonObject report() const { return m_report; }
    // Shows the customers of a cell (scores 1–5) or of a group ("champions").
    void openCell(int recency, int frequency);
    void openGroup(const QString &group);
    void recalculate();
    void editSettings();

    Widgets::HeatMap *heatMap() const { return m_heatMap; }
    MembersList *members() const { return m_members; }
    QChartView *sizesChart() const { return m_sizes; }
    QChartView *revenueChart() const { return m_revenue; }
    QPushButton *settingsButton() const { return m_settingsButton; }
    QPushButton *recalculateButton() const { return m_recalculateButton; }
    // The heat map row of a recency score.
    static int rowOf(int recency) { return 5 - recency; }

signals:
    void customerRequested(qint64 id);
    void loaded();

protected:
    void changeEvent(QEvent *event) override;
    bool event(QEvent *event) override;

private:
    void present(const QJsonObject &report);
    void rebuildCharts();
    void retranslate();
    void updateActions();
    QString settingsSummary() const;

    Models::Repository *m_repository;
    Models::Session m_session;
    QLabel *m_title;
    QLabel *m_summary;
    QPushButton *m_settingsButton;
    QPushButton *m_recalculateButton;
    QLabel *m_mapTitle;
    Widgets::HeatMap *m_heatMap;
    QChartView *m_sizes;
    QChartView *m_revenue;
    MembersList *m_members;
    QJsonObject m_report;
    bool m_loaded = false;
    bool m_busy = false;
};

// The RFM window and scoring: quintiles, or four boundaries per measure.
class RfmSettingsDialog final : public QDialog {
    Q_OBJECT
public:
    RfmSettingsDialog(Models::Repository *repository, const QJsonObject &settings,
                      QWidget *parent = nullptr);
    QJsonObject settings() const;
    void save();

signals:
    void saved(const QJsonObject &settings);

private:
    void updateEnabled();

    Models::Repository *m_repository;
    QSpinBox *m_window;
    QComboBox *m_scoring;
    QLineEdit *m_recency;
    QLineEdit *m_frequency;
    QLineEdit *m_monetary;
    QLabel *m_error;
    QPushButton *m_saveButton;
};

}  // namespace LoyaltyDesk::Ui
