#pragma once

#include "core/result.h"

#include <QHash>
#include <QJsonObject>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace LoyaltyDesk::Models {
class Repository;
}
namespace LoyaltyDesk::Widgets {
class Badge;
}

namespace LoyaltyDesk::Ui {

// Administration → Channels: how e-mail (SMTP), SMS, push and messenger messages
// (HTTP JSON providers) and in-app messages go out. Secrets are write-only: the
// server only says whether one is saved.
class ChannelSettingsPage final : public QWidget {
    Q_OBJECT
public:
    explicit ChannelSettingsPage(Models::Repository *repository, QWidget *parent = nullptr);

    void reload();
    bool isLoaded() const { return m_loaded; }
    bool isBusy() const { return m_busy; }
    void showChannel(const QString &channel);
    QString currentChannel() const;
    // Saves the shown channel (Ctrl+S); checkConnection saves first, then connects.
    void save();
    void checkConnection();
    // Stops waiting for a connection check (Esc); the answer, when it comes, is dropped.
    void cancelCheck();
    // The last outcome shown under the form, and whether it was good news.
    QString resultText() const;
    bool resultOk() const { return m_resultOk; }

signals:
    void saved(const QString &channel);
    void checked(const QString &channel, bool ok);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Form {
        QString channel;
        QWidget *page = nullptr;
        QLabel *title = nullptr;
        QLabel *intro = nullptr;
        QCheckBox *enabled = nullptr;
        QSpinBox *rate = nullptr;
        QHash<QString, QWidget *> fields;  // setting key -> editor
        QLineEdit *secret = nullptr;
        Widgets::Badge *secretState = nullptr;
        QList<std::pair<QLabel *, const char *>> labels;  // retranslated
        QJsonObject loaded;
    };
    Form *form(const QString &channel);
    void buildEmail(Form &f);
    void buildProvider(Form &f);
    void buildInApp(Form &f);
    // The write-only secret with its "saved" badge; the request timeout.
    QWidget *secretRow(Form &f, int echoMode);
    QWidget *timeoutBox(Form &f);
    QWidget *group(Form &f, QWidget *parent, const char *title, const QList<std::pair<const char *, QWidget *>> &rows);
    void fill(Form &f, const QJsonObject &channel);
    QJsonObject changes(const Form &f) const;
    void showErrors(Form &f, const Core::Error &error);
    void clearErrors(Form &f);
    void setResult(const QString &text, bool ok);
    void setBusy(bool busy, const QString &what = {});
    void updateListItem(const Form &f);
    void retranslate();
    void send(bool thenCheck);

    Models::Repository *m_repository;
    QLabel *m_heading;
    QListWidget *m_list;
    QStackedWidget *m_stack;
    QPushButton *m_save;
    QPushButton *m_check;
    QPushButton *m_revert;
    QPushButton *m_cancel;
    QObject *m_checking = nullptr;  // the running check's context; deleting it drops the answer
    QProgressBar *m_progress;
    QLabel *m_result;
    QList<Form *> m_forms;
    bool m_loaded = false;
    bool m_busy = false;
    bool m_resultOk = false;
};

}  // namespace LoyaltyDesk::Ui
