#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryFile>
#include <QTimer>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QWebEngineView;

namespace LoyaltyDesk::Models {
class ApiClient;
}

namespace LoyaltyDesk::Widgets {

class SearchBox;

// How an e-mail looks to a customer: rendered by the server's Liquid engine
// (POST /api/v1/templates/render) for a sample customer found by phone or name
// (GET /api/v1/customers?q=), or for sample data built from the variables catalog;
// shown side by side at desktop (800 px), tablet (600 px) and mobile (375 px) widths,
// scaled to fit, under the sender, subject and preheader as a mail client shows them.
// "Strict" turns unknown variables and filters into errors, listed with part, line and
// column; activating one emits errorActivated(). Renders are asynchronous and
// debounced; an answer to an older content is dropped.
//
//   auto *preview = new DevicePreview(api, this);
//   connect(editor, &EmailEditor::changed, [=] { editor->requestContent([=](QJsonObject c) {
//   preview->setContent(c); }); });
class DevicePreview final : public QWidget {
    Q_OBJECT
public:
    struct Device {
        const char *name;  // translated with DevicePreview::tr
        int width;
    };
    static constexpr Device Devices[] = {
        {QT_TR_NOOP("Desktop"), 800}, {QT_TR_NOOP("Tablet"), 600}, {QT_TR_NOOP("Mobile"), 375}};

    explicit DevicePreview(Models::ApiClient *api, QWidget *parent = nullptr);

    // The e-mail's content parts (subject, preheader, sender_name, sender_email, html,
    // text; a design is ignored). Renders after a short pause.
    void setContent(const QJsonObject &content);
    // Renders for this customer; 0 goes back to the sample data.
    void setCustomer(qint64 customerId);
    qint64 customerId() const;
    // Finds sample customers by phone or name, as the search box does.
    void searchCustomers(const QString &text);
    void setStrict(bool strict);
    bool isStrict() const;
    // Renders now instead of after the pause.
    void refresh();
    void setDebounce(int milliseconds) { m_debounce.setInterval(milliseconds); }

    // The last answer of the server: {parts, errors, warnings, ok}.
    QJsonObject lastResult() const { return m_result; }
    QWebEngineView *deviceView(int index) const { return m_views.value(index); }
    QListWidget *errorList() const { return m_errors; }
    QComboBox *customerChooser() const { return m_customers; }

signals:
    // All three widths show the rendered e-mail.
    void rendered(const QJsonObject &result);
    // A customer search answered (with this many customers found).
    void customersFound(int count);
    // The user activated an error of the strict list.
    void errorActivated(const QString &part, int line, int column);
    // The server refused or could not be reached; `message` is for the user.
    void failed(const QString &message);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void render();
    void showResult(const QJsonObject &result);
    void fitDevices();
    void retranslate();
    QJsonObject sampleData() const;

    Models::ApiClient *m_api;
    SearchBox *m_search;
    QComboBox *m_customers;
    QCheckBox *m_strict;
    QLabel *m_status;
    QLabel *m_from;
    QLabel *m_subject;
    QLabel *m_preheader;
    QListWidget *m_errors;
    QList<QLabel *> m_captions;
    QList<QWebEngineView *> m_views;
    QWidget *m_devices;
    QTimer m_debounce;
    QJsonObject m_content;
    QJsonObject m_result;
    QJsonArray m_catalog;
    bool m_catalogAsked = false;
    int m_generation = 0;
    int m_pendingLoads = 0;
    std::unique_ptr<QTemporaryFile> m_bigHtml;  // the shown e-mail when too big for setHtml()
};

}  // namespace LoyaltyDesk::Widgets
