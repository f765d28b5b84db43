#pragma once

#include <QHash>
#include <QJsonArray>
#include <QPointer>
#include <QToolButton>

#include <functional>

class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace LoyaltyDesk::Models {
class ApiClient;
}

namespace LoyaltyDesk::Widgets {

// "{{ }} Merge tag": a button with a searchable popup of what templates can use
// (`GET /api/v1/templates/variables`), grouped (customer, balance, last receipt, …)
// with descriptions and examples, and a filter to add (`| money`, `| default: "…"`).
// Enter or a double click inserts `{{ expression }}` at the cursor of the text field
// that had the focus last among the registered targets.
class MergeTagPicker final : public QToolButton {
    Q_OBJECT
public:
    explicit MergeTagPicker(Models::ApiClient *api, QWidget *parent = nullptr);

    // Loads the variables (once; later calls do nothing when they are there).
    void load();
    bool isLoaded() const { return !m_variables.isEmpty(); }
    QJsonArray variables() const { return m_variables; }

    // Fields the tags go into: a QLineEdit or QPlainTextEdit, or any widget with its own
    // way to insert (the e-mail editor). The one holding the focus last is the target.
    void addTarget(QWidget *field, std::function<void(const QString &expression)> insert = {});
    QWidget *target() const { return m_target; }
    void setTarget(QWidget *field) { m_target = field; }

    void showPopup();
    QFrame *popup() const { return m_popup; }
    QLineEdit *searchField() const { return m_search; }
    QTreeWidget *tree() const { return m_tree; }
    QComboBox *filterBox() const { return m_filter; }

    // "{{ customer.first_name | default: \"\" }}" for a path and a filter code.
    static QString expression(const QString &path, const QString &filter);
    // Inserts the expression into the target; false when there is none.
    bool insert(const QString &path, const QString &filter = {});

signals:
    void loaded();
    void inserted(const QString &text);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fill();
    void applySearch(const QString &text);
    void insertCurrent();
    void retranslate();

    Models::ApiClient *m_api;
    QJsonArray m_variables;
    QStringList m_filters;
    QPointer<QWidget> m_target;
    QHash<QWidget *, std::function<void(const QString &)>> m_inserters;
    QFrame *m_popup;
    QLineEdit *m_search;
    QTreeWidget *m_tree;
    QComboBox *m_filter;
    QLabel *m_hint;
    bool m_loading = false;
};

}  // namespace LoyaltyDesk::Widgets
