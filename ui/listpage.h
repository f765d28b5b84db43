#pragma once

#include "models/columns.h"
#include "models/session.h"

#include <QJsonObject>
#include <QWidget>

#include <functional>

class QAction;
class QLabel;
class QToolBar;

namespace LoyaltyDesk::Models {
class PagedModel;
class Repository;
}  // namespace LoyaltyDesk::Models

namespace LoyaltyDesk::Widgets {
class PagedView;
}

namespace LoyaltyDesk::Ui {

class MembersList;

// The shape of the Segments and Audiences pages: a title, a toolbar of actions, a list
// from the server, the members of the selected row below it, and a status line with
// what the last action did. Export (Ctrl+E) needs customers.export; write actions are
// the subclass's and follow its canWrite().
class ListPage : public QWidget {
    Q_OBJECT
public:
    ListPage(Models::Repository *repository, Models::PartSpec spec, const QString &path,
             QWidget *parent = nullptr);
    ~ListPage() override;

    void setSession(const Models::Session &session);
    const Models::Session &session() const { return m_session; }
    // Reloads the list and keeps the selected row selected.
    void reload();
    // The selected row, or an empty object.
    QJsonObject currentItem() const;
    bool selectItem(qint64 id);
    // Reloads and selects `id` once it is in the list.
    void reloadSelecting(qint64 id);
    // Asks where to save the members of the selected row as CSV (exportCurrentTo does not ask).
    void exportCurrent();
    void exportCurrentTo(const QString &filePath);

    Models::PagedModel *listModel() const { return m_model; }
    Widgets::PagedView *listView() const { return m_view; }
    MembersList *members() const { return m_members; }
    QAction *action(const QString &name) const;
    // What the last action reported ("Deleted …", an error).
    QString statusText() const;

signals:
    void customerRequested(qint64 id);

protected:
    // "/api/v1/segments/5": the row's resource; "/members" and "/export" hang below it.
    virtual QString itemPath(qint64 id) const = 0;
    virtual void showCurrentMembers() = 0;
    virtual void updateActions();
    virtual void retranslate();

    QAction *makeAction(const QString &name, const QKeySequence &shortcut,
                        std::function<void()> slot);
    QToolBar *toolbar() const { return m_toolbar; }
    void setTitle(const QString &title, const QString &hint);
    bool canWrite() const;
    bool isOnline() const;
    bool isBusy() const { return m_busy > 0; }
    void setBusy(bool busy);
    // Asks `question`; on yes deletes the selected row and says `done`, or `failed`
    // followed by the server's reason.
    void confirmDelete(const QString &title, const QString &question, const QString &done,
                       const QString &failed);
    void setStatus(const QString &text, bool error = false);
    // An error: in the status line and in a message box that does not block.
    void report(const QString &title, const QString &text);
    void changeEvent(QEvent *event) override;

    Models::Repository *m_repository;
    Models::Session m_session;

private:
    QLabel *m_title;
    QLabel *m_hint;
    QToolBar *m_toolbar;
    Models::PagedModel *m_model;
    Widgets::PagedView *m_view;
    MembersList *m_members;
    QLabel *m_status;
    QList<QAction *> m_actions;
    qint64 m_selectAfterLoad = 0;
    int m_busy = 0;
};

}  // namespace LoyaltyDesk::Ui
