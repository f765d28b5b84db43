#pragma once

#include <QLineEdit>
#include <QTimer>

class QCompleter;
class QStringListModel;

namespace LoyaltyDesk::Widgets {

// The one search field: finds as you type (debounced), offers recent searches, hands
// the keyboard to the results with the Down key and clears with Escape.
class SearchBox final : public QLineEdit {
    Q_OBJECT
public:
    explicit SearchBox(QWidget *parent = nullptr);

    void setDebounce(int milliseconds) { m_timer.setInterval(milliseconds); }
    void setRecentSearches(const QStringList &recent);
    // Runs the pending search now (Enter does this too).
    void searchNow();

signals:
    void searchRequested(const QString &text);
    void downPressed();
    void enterPressed();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QTimer m_timer;
    QString m_lastSearched;
    QCompleter *m_completer;
    QStringListModel *m_recent;
};

}  // namespace LoyaltyDesk::Widgets
