#pragma once

#include "models/session.h"

#include <QJsonArray>
#include <QPointer>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QListWidget;
class QMenu;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QStandardItemModel;
class QToolButton;
class QTreeView;
class QTreeWidget;
class QUrlQuery;

namespace LoyaltyDesk::Models {
class Repository;
}

namespace LoyaltyDesk::Widgets {
class SearchBox;
}

namespace LoyaltyDesk::Ui {

class TemplateEditor;

// The Messages section: the message library (folders, tags, channel filter and search;
// new, open, duplicate, delete, HTML import and export; the version history of the
// selected template with a view of each version and restore) and the template editor.
// Keyboard: Ctrl+N new, Enter opens, Ctrl+D duplicates, Delete deletes, Alt+Left back.
class TemplatesPage final : public QWidget {
    Q_OBJECT
public:
    TemplatesPage(Models::Repository *repository, const Models::Session &session,
                  QWidget *parent = nullptr);

    void setSession(const Models::Session &session);
    // Reads the library again (the folders and tags, then the filtered list).
    void reload();
    bool isLoading() const { return m_loading > 0; }
    // How many loads have completed (tests wait on it).
    int loadCount() const { return m_loads; }

    void setChannelFilter(const QString &channel);
    void setFolderFilter(const QString &folder);
    void setTagFilter(const QString &tag);
    void setSearch(const QString &text);

    QStandardItemModel *model() const { return m_model; }
    QTreeView *list() const { return m_list; }
    QTreeWidget *folderTree() const { return m_folders; }
    QComboBox *channelBox() const { return m_channel; }
    QComboBox *tagBox() const { return m_tag; }
    Widgets::SearchBox *searchBox() const { return m_search; }
    QListWidget *versionList() const { return m_versions; }
    QPlainTextEdit *versionView() const { return m_versionView; }
    QPushButton *restoreButton() const { return m_restore; }
    QToolButton *newButton() const { return m_new; }
    QStringList folders() const { return m_allFolders; }
    QStringList tags() const { return m_allTags; }
    // The rows' templates, as the server sent them.
    QJsonArray templates() const { return m_items; }
    qint64 selectedId() const;
    QJsonObject selectedTemplate() const;
    bool selectTemplate(qint64 id);

    void newTemplate(const QString &channel);
    void openTemplate(qint64 id);
    void openSelected();
    void duplicateSelected();
    // Asks first.
    void deleteSelected();
    void importHtmlFile(const QString &path);
    void exportSelected(const QString &path);
    // Asks for the file with a dialog.
    void importHtml();
    void exportTemplate();
    void loadHistory(qint64 id);
    bool isHistoryLoading() const { return m_historyLoading; }
    // Asks first; the old version becomes the newest.
    void restoreSelectedVersion();
    // Back from the editor to the library (the draft is kept).
    void closeEditor();

    TemplateEditor *editor() const { return m_editor; }
    bool isEditorShown() const;
    QLabel *messageLabel() const { return m_message; }

    // Asks a yes/no question (a message box); tests replace it to answer themselves.
    std::function<bool(const QString &title, const QString &text)> confirm;

signals:
    // The library changed on the server (created, saved, deleted, restored, imported).
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void load();
    void fetchAll(const QUrlQuery &query, std::function<void(Core::Result<QJsonArray>)> done,
                  QJsonArray sofar = {}, const QString &cursor = {});
    void fillFolders();
    void fillRows();
    void showMessage(const QString &text, bool bad = false);
    void updateActions();
    void retranslate();

    Models::Repository *m_repository;
    Models::Session m_session;
    QStackedWidget *m_stack;
    QWidget *m_library;
    QLabel *m_title;
    Widgets::SearchBox *m_search;
    QComboBox *m_channel;
    QComboBox *m_tag;
    QTreeWidget *m_folders;
    QTreeView *m_list;
    QStandardItemModel *m_model;
    QToolButton *m_new;
    QMenu *m_newMenu;
    QPushButton *m_open;
    QPushButton *m_duplicate;
    QPushButton *m_delete;
    QPushButton *m_import;
    QPushButton *m_export;
    QLabel *m_message;
    QLabel *m_historyTitle;
    QListWidget *m_versions;
    QPlainTextEdit *m_versionView;
    QPushButton *m_restore;
    QSplitter *m_split;
    QPointer<TemplateEditor> m_editor;
    QJsonArray m_items;
    QJsonArray m_history;
    QStringList m_allFolders;
    QStringList m_allTags;
    QString m_folder;
    int m_loading = 0;
    int m_loads = 0;
    int m_serial = 0;
    int m_historySerial = 0;
    qint64 m_select = 0;  // the row to select after the next load
    bool m_historyLoading = false;
};

}  // namespace LoyaltyDesk::Ui
