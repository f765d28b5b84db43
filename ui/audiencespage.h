#pragma once

#include "listpage.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QLineEdit;
class QPushButton;

namespace LoyaltyDesk::Ui {

// Takes a snapshot of a segment: pick the segment, name the audience, add tags.
class AudienceDialog final : public QDialog {
    Q_OBJECT
public:
    AudienceDialog(Models::Repository *repository, qint64 segmentId = 0, QWidget *parent = nullptr);

    QComboBox *segmentBox() const { return m_segment; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *tagsEdit() const { return m_tags; }
    bool segmentsLoaded() const { return m_loaded; }
    bool selectSegment(qint64 id);
    void create();

signals:
    void created(const QJsonObject &audience);

private:
    void suggestName();

    Models::Repository *m_repository;
    QComboBox *m_segment;
    QLineEdit *m_name;
    QLineEdit *m_tags;
    QLabel *m_error;
    QPushButton *m_createButton;
    qint64 m_wanted = 0;
    QString m_suggested;
    bool m_loaded = false;
};

// Target audiences: frozen members of a segment at one moment, ready for a campaign.
// New from segment (Ctrl+N) and Delete (Del) need segments.write; Export (Ctrl+E)
// needs customers.export. The members of the selected audience show below the list.
class AudiencesPage final : public ListPage {
    Q_OBJECT
public:
    explicit AudiencesPage(Models::Repository *repository, QWidget *parent = nullptr);

    QJsonObject currentAudience() const { return currentItem(); }
    bool selectAudience(qint64 id) { return selectItem(id); }
    // Opens the dialog (window-modal, not blocking); `segmentId` preselects a segment.
    AudienceDialog *createFromSegment(qint64 segmentId = 0);
    AudienceDialog *dialog() const { return m_dialog; }
    void deleteCurrent();

    Models::PagedModel *audiencesModel() const { return listModel(); }
    Widgets::PagedView *audiencesView() const { return listView(); }

protected:
    QString itemPath(qint64 id) const override;
    void showCurrentMembers() override;
    void updateActions() override;
    void retranslate() override;

private:
    QPointer<AudienceDialog> m_dialog;
};

}  // namespace LoyaltyDesk::Ui
