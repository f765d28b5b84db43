#pragma once

#include "listpage.h"

#include <QStackedWidget>

namespace LoyaltyDesk::Widgets {
class SearchBox;
}

namespace LoyaltyDesk::Ui {

class SegmentEditor;

// The Segments section: saved segments with their size, share of the base, size trend,
// last recalculation and schedule; below, the members of the selected one. New (Ctrl+N),
// Duplicate (Ctrl+D), Recalculate (Ctrl+R), New audience… and Delete (Del) need
// segments.write; Open is Enter; F5 reloads the list.
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
    // New audience…: freeze the members of this segment (the Audiences section does it).
    void audienceRequested(qint64 segmentId);

protected:
    QString itemPath(qint64 id) const override;
    void showCurrentMembers() override;
    void updateActions() override;
    void retranslate() override;

private:
    Widgets::SearchBox *m_search;
};

// The Segments section: the list, and the segment editor in its place while one is
// open (New, Open); the list refreshes when the editor saves and returns when it closes.
class SegmentsSection final : public QStackedWidget {
    Q_OBJECT
public:
    explicit SegmentsSection(Models::Repository *repository, QWidget *parent = nullptr);

    SegmentsPage *list() const { return m_list; }
    SegmentEditor *editor() const { return m_editor; }
    bool isEditorShown() const;
    void showList();

private:
    SegmentsPage *m_list;
    SegmentEditor *m_editor;
};

}  // namespace LoyaltyDesk::Ui
