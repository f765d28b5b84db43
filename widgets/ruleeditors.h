#pragma once

#include "core/segments/rule.h"

#include <QFrame>
#include <QJsonValue>
#include <QLayout>
#include <QTimer>

#include <functional>

class QCompleter;
class QLineEdit;
class QStandardItemModel;

namespace LoyaltyDesk::Widgets {

// Lays its items out left to right and wraps them like words: chips, checkboxes.
class FlowLayout final : public QLayout {
public:
    explicit FlowLayout(QWidget *parent = nullptr, int spacing = 6);
    ~FlowLayout() override;

    void addItem(QLayoutItem *item) override;
    int count() const override { return int(m_items.size()); }
    QLayoutItem *itemAt(int index) const override { return m_items.value(index); }
    QLayoutItem *takeAt(int index) override;
    Qt::Orientations expandingDirections() const override { return {}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return arrange(QRect(0, 0, width, 0), false); }
    QSize sizeHint() const override { return minimumSize(); }
    QSize minimumSize() const override;
    void setGeometry(const QRect &rect) override;

private:
    int arrange(const QRect &rect, bool apply) const;
    QList<QLayoutItem *> m_items;
    int m_spacing;
};

// Asks for suggestions matching the text; answers through `done` (value, shown text).
using Suggester = std::function<void(const QString &text, const QObject *context,
                                     std::function<void(QList<std::pair<QString, QString>>)> done)>;

// Values typed (or picked from suggestions) shown as removable chips.
class TagEditor final : public QWidget {
    Q_OBJECT
public:
    explicit TagEditor(QWidget *parent = nullptr);
    void setValues(const QStringList &values);
    QStringList values() const { return m_values; }
    void setSuggester(Suggester suggester);
    void setPlaceholder(const QString &text);
    // Adds the text as a value, as Enter does.
    void addValue(const QString &value);
    QLineEdit *input() const { return m_input; }

signals:
    void valuesChanged(const QStringList &values);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rebuild();
    void suggest();

    QStringList m_values;
    FlowLayout *m_flow;
    QLineEdit *m_input;
    QCompleter *m_completer = nullptr;
    QStandardItemModel *m_suggestions = nullptr;
    Suggester m_suggester;
    QTimer m_suggestTimer;
};

// A set of checkboxes, one per allowed value, wrapping like words.
class CheckList final : public QWidget {
    Q_OBJECT
public:
    explicit CheckList(QWidget *parent = nullptr);
    // (value, shown text) pairs.
    void setOptions(const QList<std::pair<QJsonValue, QString>> &options);
    void setChecked(const QJsonArray &values);
    QJsonArray checked() const;

signals:
    void checkedChanged();

private:
    FlowLayout *m_flow;
};

// What one value editor edits: the type, the allowed values, which picker helps.
struct EditorSpec {
    Core::Segments::ValueType type = Core::Segments::ValueType::String;
    bool list = false;
    QStringList enumValues;
    std::optional<double> min, max;
    bool days = false;  // "in the last N days": a whole number of days
    QString picker;     // "sku", "category", "product", "segment" or empty
};

// Editors for rule values; each reports a change with `typing` true when it comes from
// keystrokes (the builder merges those into one undo step).
class ValueEditors final {
public:
    using Changed = std::function<void(const QJsonValue &value, bool typing)>;
    // The catalog searches behind the pickers, and the saved segments for "segment".
    Suggester products, categories;
    std::function<void(const QObject *context,
                       std::function<void(QList<std::pair<QJsonValue, QString>>)>)>
        segments;

    QWidget *create(const EditorSpec &spec, const QJsonValue &value, QWidget *parent,
                    Changed changed) const;
    // An editor for `op` of a field: none, one, two ("between") or a list.
    QWidget *forOperator(const Core::Segments::FieldDef &field, const QString &op,
                         const QJsonValue &value, QWidget *parent, Changed changed) const;
    // A sensible starting value for a new condition or parameter.
    static QJsonValue defaultValue(const EditorSpec &spec);
    static QJsonValue defaultFor(const Core::Segments::FieldDef &field, const QString &op);
    static EditorSpec specFor(const Core::Segments::FieldDef &field, const QString &op);
    static EditorSpec specFor(const Core::Segments::ParamDef &param);
};

}  // namespace LoyaltyDesk::Widgets
