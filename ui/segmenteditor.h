#pragma once

#include <QJsonObject>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace LoyaltyDesk::Models {
class Repository;
}
namespace LoyaltyDesk::Widgets {
class RuleBuilder;
class TagEditor;
}  // namespace LoyaltyDesk::Widgets

namespace LoyaltyDesk::Ui {

// Creates or changes a saved segment: name, tags, recalculation schedule and the rule
// (the visual builder), with a live count beside it. The count follows the rule
// 400 ms after the last change; a newer count cancels the one still running.
class SegmentEditor final : public QWidget {
    Q_OBJECT
public:
    explicit SegmentEditor(Models::Repository *repository, QWidget *parent = nullptr);
    ~SegmentEditor() override;

    void newSegment();
    void openSegment(qint64 id);
    // View only (a user without segments.write): the rule and its live count are shown,
    // nothing can be changed or saved.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }
    // 0 while the segment is new.
    qint64 segmentId() const { return m_id; }
    bool isDirty() const;
    Widgets::RuleBuilder *builder() const { return m_builder; }
    // Validates and saves; the answer arrives through saved() or the message.
    void save();
    // Asks about unsaved changes first; false when the user stayed.
    bool requestClose();
    // The last count shown (-1 before any), and the status line.
    qint64 liveCount() const { return m_count; }
    QString countStatus() const;
    QString message() const;
    // Counts now instead of after the pause.
    void countNow();

signals:
    void saved(qint64 id);
    void closed();
    void countUpdated(qint64 count);

protected:
    void changeEvent(QEvent *event) override;

private:
    QJsonObject state() const;
    void loaded(const QJsonObject &segment);
    void retranslate();
    void updateTitle();
    void updateButtons();
    void showMessage(const QString &text, bool error);
    void setCounting(bool counting, const QString &status);
    void cancelRunning();

    Models::Repository *m_repository;
    qint64 m_id = 0;
    QJsonObject m_savedState;
    bool m_saving = false;
    bool m_readOnly = false;
    QLabel *m_title;
    QLineEdit *m_name;
    Widgets::TagEditor *m_tags;
    QComboBox *m_schedule;
    Widgets::RuleBuilder *m_builder;
    QPushButton *m_undo;
    QPushButton *m_redo;
    QPushButton *m_save;
    QPushButton *m_close;
    QLabel *m_message;
    QLabel *m_nameLabel, *m_tagsLabel, *m_scheduleLabel;
    // The live count.
    QTimer m_debounce;
    QString m_requestId;
    qint64 m_count = -1;
    QLabel *m_countCaption;
    QLabel *m_countValue;
    QLabel *m_countUnit;
    QProgressBar *m_shareBar;
    QLabel *m_share;
    QLabel *m_averageCaption, *m_average;
    QLabel *m_revenueCaption, *m_revenue;
    QLabel *m_ltvCaption, *m_ltv;
    QProgressBar *m_spinner;
    QLabel *m_status;
    QJsonObject m_lastPreview;
};

}  // namespace LoyaltyDesk::Ui
