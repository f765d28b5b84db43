#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>
#include <QWidget>

#include <functional>

class QAction;
class QWebEngineView;
class QWebChannel;

namespace LoyaltyDesk::Widgets {

class EmailEditorBridge;

// The WYSIWYG e-mail editor: GrapesJS with its newsletter preset (bundled from npm into
// qrc:/editor/, works offline) in a QWebEngineView, talking to C++ over QWebChannel.
// It edits the `html` and `design` parts of an e-mail template's content; the host
// edits subject, preheader and sender itself. Everything is asynchronous: calls made
// before ready() are queued and run once the page is up.
//
//   auto *editor = new EmailEditor(this);
//   editor->setVariables(catalog["items"].toArray());     // GET /api/v1/templates/variables
//   editor->load(templateJson["content"].toObject());
//   editor->requestContent([](QJsonObject parts) { ... parts["html"], parts["design"] ... });
class EmailEditor final : public QWidget {
    Q_OBJECT
public:
    explicit EmailEditor(QWidget *parent = nullptr);
    ~EmailEditor() override;

    // Shows an e-mail's content: the GrapesJS project in `design` (JSON text, stored
    // as written) when there is one, else the components parsed from `html`. Clears
    // the undo history.
    void load(const QJsonObject &content);
    // Asks the page for the content; `done` gets {html, design}: html is a whole
    // document with the CSS inlined (ready to send), design the GrapesJS project as
    // JSON text to store beside it (keep it a string: its key order matters). On failure `done`
    // gets an empty object. `done` runs on the GUI thread, only while this editor lives.
    void requestContent(std::function<void(QJsonObject)> done);
    // Inserts a merge tag at the caret of the text being edited, into the selected
    // text, or as a new row after the selected block. `expression` is a variable path
    // ("customer.first_name" becomes "{{ customer.first_name }}") or Liquid as is.
    void insertMergeTag(const QString &expression);
    // Inserts a block of the library after the selected block (or at the end).
    void insertBlock(const QString &blockId);
    // Puts an image (an http(s) or data: URL) into the selected image or as a new row.
    void insertImage(const QString &url);
    // Opens a file dialog and inserts the chosen image as a data: URL.
    void chooseImage();
    // The variables catalog's items ({path, type, description, example}) for the
    // editor's own merge-tag picker.
    void setVariables(const QJsonArray &items);
    // The ids of our block library: ld-header, ld-hero, ld-favorites, ld-viewed,
    // ld-coupon, ld-balance, ld-footer.
    static QStringList blockIds();

    bool isReady() const { return m_ready; }
    bool canUndo() const { return m_canUndo; }
    bool canRedo() const { return m_canRedo; }
    // Undo/redo of GrapesJS's UndoManager (Ctrl+Z, Ctrl+Shift+Z), for an Edit menu.
    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }
    QWebEngineView *view() const { return m_view; }

public slots:
    void undo();
    void redo();

signals:
    // The page is up; calls run at once from now on.
    void ready();
    // The last load() is on the canvas.
    void loaded();
    // The user changed the e-mail (debounced by 800 ms): a moment to save a draft.
    void changed();
    void undoStateChanged(bool canUndo, bool canRedo);

private:
    friend class EmailEditorBridge;
    void whenReady(std::function<void()> action);
    void command(const QString &name, const QString &argument);

    QWebEngineView *m_view;
    QWebChannel *m_channel;
    EmailEditorBridge *m_bridge;
    QAction *m_undo;
    QAction *m_redo;
    QTimer m_changedTimer;
    QList<std::function<void()>> m_queued;
    QHash<int, std::function<void(QJsonObject)>> m_requests;
    int m_nextRequest = 1;
    bool m_ready = false;
    bool m_canUndo = false;
    bool m_canRedo = false;
};

// The object the page sees as `bridge` (an implementation detail of EmailEditor; public
// only because QWebChannel needs its meta-object).
class EmailEditorBridge final : public QObject {
    Q_OBJECT
    Q_PROPERTY(QVariantMap texts READ texts CONSTANT)
    Q_PROPERTY(QString language READ language CONSTANT)
    Q_PROPERTY(QVariantMap messages READ messages CONSTANT)
public:
    explicit EmailEditorBridge(EmailEditor *editor);
    QVariantMap texts() const;
    // GrapesJS i18n messages (its `messagesAdd` for the app's language) for what
    // GrapesJS's own locale leaves out or the newsletter preset writes in English:
    // panel button tooltips, block labels, style properties and options, settings.
    QVariantMap messages() const;
    QString language() const;

    Q_INVOKABLE void pageReady();
    Q_INVOKABLE void pageLoaded();
    Q_INVOKABLE void pageChanged(bool canUndo, bool canRedo);
    Q_INVOKABLE void contentReady(int id, const QString &html, const QString &design);
    Q_INVOKABLE void contentFailed(int id, const QString &message);
    Q_INVOKABLE void pickImage();

signals:
    void loadRequested(const QString &html, const QString &design);
    void commandRequested(const QString &name, const QString &argument);
    void contentRequested(int id);
    void variablesChanged(const QString &json);

private:
    EmailEditor *m_editor;
};

}  // namespace LoyaltyDesk::Widgets
