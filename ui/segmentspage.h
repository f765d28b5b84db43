#pragma once

#include "listpage.h"

namespace LoyaltyDesk::Widgets {
class SearchBox;
}

namespace LoyaltyDesk::Ui {

// The Segments section: saved segments with their size, share of the base, size trend,
// last recalculation and schedule; below, the members of the selected one. New (Ctrl+N),
// Duplicate (Ctrl+D), Recalculate (Ctrl+R) and Delete (Del) need segments.write; Open
// is Enter; F5 reloads the list.
class SegmentsPage final : public ListPage {
    Q_OBJECT
public:
    explicit SegmentsPage(Models::Repository *repository, QWidget *parent = nullptr);

    QJsonObject currentSegment() const { return currentItem(); }
    bool selectSegment(qint64 id) { return selectItem(id); }
    void newSegment();
    void openCurrent();
    void duplicateCurrent();
    // Waits with a progress dialog that can stop waiting.
    void recalculateCurrent();
    // Asks first; a segment others use stays, and the server's reason is shown.
    void deleteCurrent();

    Models::PagedModel *segmentsModel() const { return listModel(); }
    Widgets::PagedView *segmentsView() const { return listView(); }
    Widgets::SearchBox *searchBox() const { return m_search; }

signals:
    // Until the segment editor is embedded, these leave opening to the window.
    void newRequested();
    void openRequested(qint64 id);

protected:
    QString itemPath(qint64 id) const override;
    void showCurrentMembers() override;
    void updateActions() override;
    void retranslate() override;

private:
    Widgets::SearchBox *m_search;
};

}  // namespace LoyaltyDesk::Ui
