#pragma once

#include "models/session.h"
#include "testsenddialog.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QAction;
class QCheckBox;
class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QToolButton;

namespace LoyaltyDesk::Models {
class Drafts;
class Repository;
}  // namespace LoyaltyDesk::Models

namespace LoyaltyDesk::Widgets {
class CustomerPicker;
class DevicePreview;
class EmailEditor;
class MergeTagPicker;
class PhonePreview;
}  // namespace LoyaltyDesk::Widgets

namespace LoyaltyDesk::Ui {

// One template of the message library: name, folder and tags, the parts of its
// channel with counters (SMS length and segments in GSM-7 or UCS-2, typical push and
// in-app limits), a merge-tag picker, and a phone-shaped preview rendered by the server
// for sample data or a chosen customer. Every edit is kept as a local draft; Ctrl+S
// saves a new version to the server; Ctrl+T sends a test.
class TemplateEditor final : public QWidget {
    Q_OBJECT
public:
    TemplateEditor(Models::Repository *repository, const Models::Session &session,
                   QWidget *parent = nullptr);
    ~TemplateEditor() override;

    // Loads a saved template (and offers its unsaved draft when there is one).
    void openTemplate(qint64 id);
    // An empty template of a channel (e-mail, sms, push, in_app, messenger).
    void newTemplate(const QString &channel, const QString &folder = {});
    // The library's folders, offered in the folder box.
    void setFolders(const QStringList &folders);

    qint64 templateId() const { return m_id; }
    qint64 version() const { return m_version; }
    QString channel() const { return m_channel; }
    bool isLoaded() const { return m_loaded; }
    bool isModified() const { return m_modified; }
    bool canWrite() const { return m_canWrite; }
    // {channel, name, folder, tags, content} as the fields hold it now.
    QJsonObject document() const;
    QJsonObject content() const;
    // "Subject", "Plain-text part", "Image URL", … for a part of a channel.
    static QString partTitle(const QString &channel, const QString &part);

    void save();
    bool isSaving() const { return m_saving; }
    // Writes the pending draft at once (on leaving the editor, on closing the app).
    void flushDraft();
    void undo();
    void redo();
    void openTestSend();

    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *folderBox() const { return m_folder; }
    QLineEdit *tagsEdit() const { return m_tags; }
    // The editor of one part ("text", "title", "html", …): a QLineEdit or a QPlainTextEdit.
    QWidget *field(const QString &part) const;
    QLabel *counter(const QString &part) const;
    QLabel *fieldError(const QString &part) const;
    QCheckBox *ownPlainTextBox() const { return m_ownText; }
    // E-mail only: the visual editor (GrapesJS) and the preview at three widths.
    Widgets::EmailEditor *emailEditor() const { return m_email; }
    Widgets::DevicePreview *devicePreview() const { return m_devices; }
    QTabWidget *emailTabs() const { return m_bodyTabs; }
    Widgets::MergeTagPicker *mergeTagPicker() const { return m_picker; }
    Widgets::PhonePreview *preview() const { return m_preview; }
    Widgets::CustomerPicker *sampleCustomer() const { return m_sample; }
    QFrame *draftBanner() const { return m_banner; }
    QLabel *draftBannerText() const { return m_bannerText; }
    QPushButton *restoreDraftButton() const { return m_restoreDraft; }
    QPushButton *discardDraftButton() const { return m_discardDraft; }
    QLabel *statusLabel() const { return m_status; }
    TestSendDialog *testSendDialog() const { return m_testSend; }
    // Renders are debounced; this many have come back so far.
    int renderCount() const { return m_renders; }
    Models::Drafts *drafts() const { return m_drafts; }

signals:
    void saved(const QJsonObject &templ);
    void backRequested();
    void titleChanged(const QString &title);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Part {
        QString name;
        QWidget *edit = nullptr;
        QLabel *label = nullptr;
        QLabel *counter = nullptr;
        QLabel *error = nullptr;
    };
    void build(const QString &channel);
    void clearParts();
    void fill(const QJsonObject &templ);
    void setFieldText(const QString &part, const QString &text);
    QString fieldText(const QString &part) const;
    void edited();
    void updateCounters();
    void updatePlainText();
    void buildEmailDesigner();
    void takeDesign();
    bool checkLiquid();
    void render();
    void offerDraft(const QJsonObject &document, const QDateTime &savedAt);
    void setStatus(const QString &text, bool bad = false);
    void showFieldErrors(const QList<QPair<QString, QString>> &errors);
    void updateVersionLabel(const QJsonObject &templ);
    void retranslate();
    QString draftKey() const;

    Models::Repository *m_repository;
    Models::Session m_session;
    bool m_canWrite;
    qint64 m_id = 0;
    qint64 m_version = 0;
    QString m_channel;
    bool m_loaded = false;
    bool m_filling = false;
    bool m_modified = false;
    bool m_saving = false;
    int m_renders = 0;
    int m_renderSerial = 0;
    QJsonObject m_serverDocument;
    QList<Part> m_parts;
    QPointer<QWidget> m_lastField;
    QTimer m_renderTimer;
    Models::Drafts *m_drafts = nullptr;

    QLabel *m_title;
    QLabel *m_versionLabel;
    QToolButton *m_back;
    QLineEdit *m_name;
    QLabel *m_nameCaption;
    QLabel *m_folderCaption;
    QLabel *m_tagsCaption;
    QComboBox *m_folder;
    QLineEdit *m_tags;
    QFrame *m_banner;
    QLabel *m_bannerText;
    QPushButton *m_restoreDraft;
    QPushButton *m_discardDraft;
    QJsonObject m_offeredDraft;
    QWidget *m_form;
    QTabWidget *m_bodyTabs = nullptr;
    QCheckBox *m_ownText = nullptr;
    Widgets::EmailEditor *m_email = nullptr;
    Widgets::DevicePreview *m_devices = nullptr;
    QString m_design;            // the visual editor's project, stored beside the HTML
    bool m_designStale = false;  // the HTML was edited as source after the design
    bool m_syncingDesign = false;
    Widgets::MergeTagPicker *m_picker;
    Widgets::CustomerPicker *m_sample;
    Widgets::PhonePreview *m_preview;
    QLabel *m_previewLabel;
    QLabel *m_sampleLabel;
    QLabel *m_status;
    QPushButton *m_save;
    QPushButton *m_test;
    QToolButton *m_undo;
    QToolButton *m_redo;
    QAction *m_saveAction;
    QAction *m_testAction;
    QAction *m_undoAction;
    QAction *m_redoAction;
    QPointer<TestSendDialog> m_testSend;
};

}  // namespace LoyaltyDesk::Ui
