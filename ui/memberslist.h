#pragma once

#include "core/result.h"

#include <QUrlQuery>
#include <QWidget>

#include <functional>

class QLabel;

namespace LoyaltyDesk::Models {
class Download;
class PagedModel;
class Repository;
}  // namespace LoyaltyDesk::Models

namespace LoyaltyDesk::Widgets {
class PagedView;
}

namespace LoyaltyDesk::Ui {

// The customers of a segment, an audience or an RFM cell: a title and a paged list.
// Enter or a double click asks to open the customer's profile.
class MembersList final : public QWidget {
    Q_OBJECT
public:
    explicit MembersList(Models::Repository *repository, QWidget *parent = nullptr);

    // Loads the first page of `path` (an API list of customers).
    void showMembers(const QString &title, const QString &path, const QUrlQuery &filter = {});
    // Empties the list and shows `hint` instead.
    void showHint(const QString &hint);
    QString title() const;
    Models::PagedModel *model() const { return m_model; }
    Widgets::PagedView *view() const { return m_view; }

signals:
    void customerRequested(qint64 id);

private:
    QLabel *m_title;
    Models::PagedModel *m_model;
    Widgets::PagedView *m_view;
};

// Saves the CSV that GET `path` answers to `filePath`, with a progress dialog whose
// Cancel stops it; `done` gets the bytes written or the error (also when cancelled).
Models::Download *saveCsv(QWidget *parent, Models::Repository *repository, const QString &path,
                          const QString &filePath,
                          std::function<void(const Core::Result<qint64> &)> done);
// For a call that may take long (a recalculation): a context object for the ApiClient
// callback and a busy dialog (after a moment) whose button stops waiting by deleting the
// context. The callback deletes the context when the answer arrives; the dialog closes.
QObject *waitWithProgress(QWidget *parent, const QString &label);
// Ends every wait `parent` started, as its own destructor must before its members go.
void stopWaiting(QWidget *parent);
// The error's message and the messages of the fields at fault, one a line.
QString errorText(const Core::Error &error);
// Asks where to save (suggesting `suggestedName` in the documents folder); empty if the user
// cancelled.
QString askCsvFileName(QWidget *parent, const QString &suggestedName);

}  // namespace LoyaltyDesk::Ui
