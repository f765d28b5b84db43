#pragma once

#include "models/session.h"

#include <QWidget>

class QLabel;
class QStackedWidget;

namespace LoyaltyDesk::Models {
class PagedModel;
class Repository;
}

namespace LoyaltyDesk::Widgets {
class PagedView;
class SearchBox;
}

namespace LoyaltyDesk::Ui {

class ProfilePage;

// The Customers section: find as you type, then the 360° profile of the chosen one.
// Keyboard: Ctrl+F to the search, Down to the results, Enter opens, Alt+Left back.
class CustomersPage final : public QWidget {
    Q_OBJECT
public:
    explicit CustomersPage(Models::Repository *repository, QWidget *parent = nullptr);

    void setSession(const Models::Session &session);
    // Shows the search and puts the keyboard into it, text selected.
    void focusSearch();
    void search(const QString &text);
    void openCustomer(qint64 id);
    void showResults();

    Widgets::SearchBox *searchBox() const { return m_searchBox; }
    Models::PagedModel *resultsModel() const { return m_results; }
    Widgets::PagedView *resultsView() const { return m_resultsView; }
    ProfilePage *profilePage() const { return m_profile; }
    bool isProfileShown() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void loadRecent();

    Models::Repository *m_repository;
    QStackedWidget *m_stack;
    QWidget *m_searchPage;
    QLabel *m_title;
    QLabel *m_hint;
    Widgets::SearchBox *m_searchBox;
    Models::PagedModel *m_results;
    Widgets::PagedView *m_resultsView;
    ProfilePage *m_profile;
};

}  // namespace LoyaltyDesk::Ui
