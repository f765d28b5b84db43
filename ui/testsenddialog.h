#pragma once

#include <QDialog>
#include <QJsonObject>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace LoyaltyDesk::Models {
class ApiClient;
}

namespace LoyaltyDesk::Widgets {
class CustomerPicker;
}

namespace LoyaltyDesk::Ui {

// Sends one message of a template to an address or number the user enters, rendered
// for a chosen customer or sample data (`POST /api/v1/templates/test-send`), and shows
// what the provider answered, or the template errors with their line and column.
class TestSendDialog final : public QDialog {
    Q_OBJECT
public:
    explicit TestSendDialog(Models::ApiClient *api, QWidget *parent = nullptr);

    // What to send: the template as the editor holds it (saved or not).
    void setTemplate(const QString &channel, const QJsonObject &content);
    QString channel() const { return m_channel; }

    QLineEdit *recipientEdit() const { return m_to; }
    Widgets::CustomerPicker *customerPicker() const { return m_customer; }
    QCheckBox *strictBox() const { return m_strict; }
    QPushButton *sendButton() const { return m_send; }
    QLabel *recipientError() const { return m_toError; }
    QLabel *resultLabel() const { return m_result; }
    QPlainTextEdit *details() const { return m_details; }
    bool isSending() const { return m_sending; }
    // The recipient in the form the channel needs (E.164, a normalized e-mail), or empty.
    QString normalizedRecipient() const;

    void send();

signals:
    void finished(bool ok);

protected:
    void changeEvent(QEvent *event) override;

private:
    void validate();
    void showResult(bool ok, const QString &headline, const QString &details);
    void retranslate();

    Models::ApiClient *m_api;
    QString m_channel;
    QJsonObject m_content;
    QLabel *m_intro;
    QLabel *m_toLabel;
    QLineEdit *m_to;
    QLabel *m_toError;
    QLabel *m_customerLabel;
    Widgets::CustomerPicker *m_customer;
    QCheckBox *m_strict;
    QLabel *m_result;
    QPlainTextEdit *m_details;
    QDialogButtonBox *m_buttons;
    QPushButton *m_send;
    bool m_sending = false;
};

}  // namespace LoyaltyDesk::Ui
