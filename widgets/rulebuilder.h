#pragma once

#include "core/result.h"
#include "core/segments/rule.h"
#include "ruleeditors.h"

#include <QHash>
#include <QJsonObject>
#include <QPointer>
#include <QWidget>

class QUndoStack;
class QVBoxLayout;

namespace LoyaltyDesk::Models {
class ApiClient;
}

namespace LoyaltyDesk::Widgets {

class RuleCard;

// Where a node sits in the rule: child indexes from the root group ({} is the root).
using RulePath = QList<int>;

// The visual segment rule builder: groups (all / any, optionally negated) and
// conditions as nested cards. The field picker, the operators and the value editors
// come from the server's catalog (GET /api/v1/segments/fields), so custom fields need
// no code. Every edit is one step on the undo stack (keystrokes in one editor merge);
// cards move by dragging their handle; core's validation marks the card at fault as
// the user types.
class RuleBuilder final : public QWidget {
    Q_OBJECT
public:
    explicit RuleBuilder(QWidget *parent = nullptr);
    ~RuleBuilder() override;

    // The catalog as GET /api/v1/segments/fields serves it.
    void setCatalog(const QJsonObject &fields);
    const Core::Segments::Catalog &catalog() const { return m_catalog; }
    // Enables the product, category and segment pickers (searched on the server).
    void setApiClient(Models::ApiClient *api);

    QJsonObject rule() const { return m_rule; }
    // Shows a rule and starts a fresh undo history.
    void setRule(const QJsonObject &rule);
    QUndoStack *undoStack() const { return m_undo; }

    // Core's verdict on the rule as it is now.
    bool isValid() const { return m_errors.isEmpty(); }
    QList<Core::FieldError> errors() const { return m_errors; }

    // Edits, each one undo step (the cards call these too).
    // Adding answers the new node's path.
    RulePath addCondition(const RulePath &group, const QString &field = {});
    RulePath addGroup(const RulePath &group, const QString &combinator = QStringLiteral("or"));
    void removeNode(const RulePath &path);
    // Moves a node into `group` before `index` (as a drop does). False when the move
    // is impossible (into itself, say).
    bool moveNode(const RulePath &from, const RulePath &group, int index);
    void setField(const RulePath &path, const QString &field);
    void setOperator(const RulePath &path, const QString &op);
    void setValue(const RulePath &path, const QJsonValue &value, bool typing = false);
    void setParam(const RulePath &path, const QString &name, const QJsonValue &value,
                  bool typing = false);
    void setCombinator(const RulePath &path, const QString &combinator);
    void setNegate(const RulePath &path, bool negate);

    // The card showing a node: "root", "root.rules[1].rules[0]" (core's path names).
    QWidget *card(const RulePath &path) const;
    static QString pathKey(const RulePath &path);
    // Opens the searchable field picker of a condition; returns the popup.
    QWidget *openFieldPicker(const RulePath &path);

    // Applies a whole rule (the undo commands call this).
    void applyRule(const QJsonObject &rule, bool rebuild);
    const ValueEditors &editors() const { return m_editors; }
    QString fieldLabel(const QString &id) const;

signals:
    void ruleChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    // `typing`: the editor already shows the change, so the cards stay as they are.
    void push(const QJsonObject &after, const QString &text, const QString &mergeKey = {},
              bool typing = false);
    void rebuild();
    void validate();
    QJsonObject node(const RulePath &path) const;
    QJsonObject withNode(const RulePath &path,
                         const std::function<void(QJsonObject &)> &change) const;

    Core::Segments::Catalog m_catalog;
    QJsonObject m_rule;
    QList<Core::FieldError> m_errors;
    QUndoStack *m_undo;
    QVBoxLayout *m_layout;
    QPointer<RuleCard> m_root;
    QHash<QString, QPointer<RuleCard>> m_cards;
    ValueEditors m_editors;
    QPointer<Models::ApiClient> m_api;
};

}  // namespace LoyaltyDesk::Widgets
