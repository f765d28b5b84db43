#pragma once

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace LoyaltyDesk::Widgets {

// A phone-shaped frame that shows a rendered message the way a customer sees it: the
// SMS or messenger bubble, the push notification on the lock screen, the in-app card,
// or the inbox line of an e-mail. Errors (with line and column) show under the message.
class PhonePreview final : public QWidget {
    Q_OBJECT
public:
    explicit PhonePreview(QWidget *parent = nullptr);

    void setChannel(const QString &channel);
    QString channel() const { return m_channel; }
    // Rendered parts by name (text, title, body, subject, …).
    void setParts(const QJsonObject &parts);
    QJsonObject parts() const { return m_parts; }
    // Who the message comes from: the SMS sender name, the app's name, the e-mail sender.
    void setSender(const QString &sender);
    // Shown in red under the message; empty hides it.
    void setErrors(const QStringList &errors);
    // "Rendering…" while a render is on its way.
    void setBusy(bool busy);
    // Everything the screen shows as text (tests, accessibility).
    QString shownText() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    QRect screenRect() const;

    QString m_channel = QStringLiteral("sms");
    QString m_sender;
    QJsonObject m_parts;
    QStringList m_errors;
    bool m_busy = false;
    QWidget *m_screen;
    QVBoxLayout *m_layout;
    QLabel *m_clock;
    QLabel *m_header;
    QLabel *m_title;
    QLabel *m_body;
    QLabel *m_extra;
    QLabel *m_button;
    QLabel *m_errorLabel;
    QLabel *m_status;
    QWidget *m_card;
};

}  // namespace LoyaltyDesk::Widgets
