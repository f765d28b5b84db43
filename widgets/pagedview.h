#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTreeView;

namespace LoyaltyDesk::Models {
class PagedModel;
}

namespace LoyaltyDesk::Widgets {

class Badge;

// A PagedModel in a tree view with what the user needs around it: a thin progress bar
// with Cancel while a page loads, a banner when the rows come from the offline cache
// (with their age) or when loading failed (with Retry), a friendly text for an empty
// list, and a footer counting the rows. Enter or a double click activates a row.
class PagedView final : public QWidget {
    Q_OBJECT
public:
    explicit PagedView(Models::PagedModel *model, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    Models::PagedModel *model() const { return m_model; }
    // Shown instead of the list before the first load ("Type to search").
    void setIdleText(const QString &text);
    QString bannerText() const;
    // Shows the nested rows (upcoming points, replacements) without a click.
    void setExpandAll(bool expand) { m_expandAll = expand; }
    bool isBannerVisible() const;

signals:
    void activated(const QModelIndex &index);

protected:
    void changeEvent(QEvent *event) override;

private:
    void update();
    void spanChildren(int first, int last);
    void retranslate();

    Models::PagedModel *m_model;
    QTreeView *m_view;
    QStackedWidget *m_stack;
    QLabel *m_empty;
    QWidget *m_progressRow;
    QProgressBar *m_progress;
    QLabel *m_progressLabel;
    QPushButton *m_cancel;
    QWidget *m_bannerRow;
    Badge *m_banner;
    QPushButton *m_retry;
    QLabel *m_footer;
    QString m_idleText;
    bool m_sized = false;
    bool m_expandAll = false;
};

}  // namespace LoyaltyDesk::Widgets
