#include "rulebuilder.h"

#include "models/apiclient.h"
#include "ruletexts.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDrag>
#include <QDragEnterEvent>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QPainter>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QStyle>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace LoyaltyDesk::Widgets {

namespace Seg = Core::Segments;
namespace Op = Core::Segments::Op;

namespace {

const QString NodeMime = QStringLiteral("application/x-loyaltydesk-rule-node");
const QString Rules = QStringLiteral("rules");

QJsonObject emptyRule() {
    return QJsonObject{
        {QStringLiteral("version"), Seg::Rule::kVersion},
        {QStringLiteral("root"),
         QJsonObject{{QStringLiteral("group"), QStringLiteral("and")}, {Rules, QJsonArray()}}}};
}

bool isGroup(const QJsonObject &node) {
    return node.contains(QStringLiteral("group"));
}

QJsonObject updated(const QJsonObject &node, const RulePath &path, int depth,
                    const std::function<void(QJsonObject &)> &change) {
    QJsonObject out = node;
    if (depth == path.size()) {
        change(out);
        return out;
    }
    QJsonArray rules = out.value(Rules).toArray();
    const int i = path.at(depth);
    if (i < 0 || i >= rules.size()) return out;
    rules[i] = updated(rules.at(i).toObject(), path, depth + 1, change);
    out.insert(Rules, rules);
    return out;
}

// One edit on the undo stack: the rule before and after, as JSON snapshots.
class RuleCommand final : public QUndoCommand {
public:
    RuleCommand(RuleBuilder *builder, QJsonObject before, QJsonObject after, const QString &text,
                QString mergeKey, bool typing)
        : m_builder(builder),
          m_before(std::move(before)),
          m_after(std::move(after)),
          m_mergeKey(std::move(mergeKey)),
          m_typing(typing) {
        setText(text);
    }
    void undo() override { m_builder->applyRule(m_before, true); }
    void redo() override {
        // Typing already shows its value: rebuilding the cards would take the focus away.
        m_builder->applyRule(m_after, !m_first || !m_typing);
        m_first = false;
    }
    int id() const override { return m_mergeKey.isEmpty() ? -1 : 1; }
    bool mergeWith(const QUndoCommand *other) override {
        const auto *o = static_cast<const RuleCommand *>(other);
        if (o->m_mergeKey != m_mergeKey) return false;
        m_after = o->m_after;
        setObsolete(m_after == m_before);
        return true;
    }

private:
    RuleBuilder *m_builder;
    QJsonObject m_before, m_after;
    QString m_mergeKey;  // consecutive edits of one control merge
    bool m_typing;
    bool m_first = true;
};

}  // namespace

// ---- Cards ------------------------------------------------------------------

// The grip a card is dragged by.
class DragHandle final : public QLabel {
public:
    DragHandle(const RulePath &path, QWidget *parent)
        : QLabel(QStringLiteral("⠿"), parent), m_path(path) {
        setObjectName(QStringLiteral("dragHandle"));
        setCursor(Qt::OpenHandCursor);
        setToolTip(RuleTexts::tr("Drag to move into another place or group"));
    }

protected:
    void mousePressEvent(QMouseEvent *e) override { m_start = e->position().toPoint(); }
    void mouseMoveEvent(QMouseEvent *e) override {
        if (!(e->buttons() & Qt::LeftButton) ||
            (e->position().toPoint() - m_start).manhattanLength() <
                QApplication::startDragDistance())
            return;
        auto *drag = new QDrag(this);
        auto *mime = new QMimeData;
        QStringList parts;
        for (int i : m_path) parts << QString::number(i);
        mime->setData(NodeMime, parts.join(QLatin1Char(',')).toLatin1());
        drag->setMimeData(mime);
        if (QWidget *card = parentWidget())
            drag->setPixmap(
                card->grab().scaledToWidth(std::min(360, card->width()), Qt::SmoothTransformation));
        drag->exec(Qt::MoveAction);
    }

private:
    RulePath m_path;
    QPoint m_start;
};

class RuleCard final : public QFrame {
public:
    RuleCard(RuleBuilder *builder, const RulePath &path, const QJsonObject &node, QWidget *parent)
        : QFrame(parent), m_builder(builder), m_path(path), m_group(isGroup(node)) {
        setObjectName(m_group ? QStringLiteral("groupCard") : QStringLiteral("conditionCard"));
        setProperty("rulePath", RuleBuilder::pathKey(path));
        auto *outer = new QVBoxLayout(this);
        outer->setContentsMargins(10, 8, 10, 8);
        outer->setSpacing(6);
        if (m_group)
            buildGroup(node, outer);
        else
            buildCondition(node, outer);
        m_message = new QLabel(this);
        m_message->setObjectName(QStringLiteral("validationMessage"));
        m_message->setWordWrap(true);
        m_message->hide();
        outer->addWidget(m_message);
        setProperty("root", path.isEmpty());
        setAcceptDrops(m_group);
    }

    const RulePath &path() const { return m_path; }
    // The cards of a group's nodes.
    const QList<RuleCard *> &childCards() const { return m_children; }

    // Shows core's message under the card and marks it red (the builder's style sheet
    // reads the "invalid" property); cards whose state did not change are left alone.
    void setError(const QString &message) {
        if (m_message->text() == message) return;
        m_message->setText(message);
        m_message->setVisible(!message.isEmpty());
        setProperty("invalid", !message.isEmpty());
        style()->unpolish(this);
        style()->polish(this);
    }

protected:
    void dragEnterEvent(QDragEnterEvent *e) override {
        if (m_group && e->mimeData()->hasFormat(NodeMime)) e->acceptProposedAction();
    }
    void dragMoveEvent(QDragMoveEvent *e) override {
        if (!m_group || !e->mimeData()->hasFormat(NodeMime)) return;
        e->acceptProposedAction();
        m_dropIndex = dropIndex(e->position().toPoint().y(), &m_dropY);
        update();
    }
    void dragLeaveEvent(QDragLeaveEvent *) override {
        m_dropIndex = -1;
        update();
    }
    void dropEvent(QDropEvent *e) override {
        RulePath from;
        for (const auto &part : QString::fromLatin1(e->mimeData()->data(NodeMime))
                                    .split(QLatin1Char(','), Qt::SkipEmptyParts))
            from << part.toInt();
        const int index = dropIndex(e->position().toPoint().y(), nullptr);
        m_dropIndex = -1;
        update();
        e->acceptProposedAction();
        QPointer<RuleBuilder> builder(m_builder);
        const RulePath group = m_path;
        // The cards are rebuilt by the move: finish the drop first.
        QTimer::singleShot(0, builder, [builder, from, group, index] {
            if (builder) builder->moveNode(from, group, index);
        });
    }
    void paintEvent(QPaintEvent *e) override {
        QFrame::paintEvent(e);
        if (m_dropIndex < 0) return;
        QPainter p(this);
        p.setPen(Qt::NoPen);
        p.setBrush(palette().color(QPalette::Highlight));
        p.drawRoundedRect(QRect(12, m_dropY - 2, width() - 24, 4), 2, 2);
    }

private:
    int dropIndex(int y, int *lineY) const {
        int index = 0;
        int line = m_body ? m_body->geometry().top() : 0;
        for (const RuleCard *child : m_children) {
            const QRect g = child->geometry();
            if (y < g.center().y()) {
                line = g.top() - 4;
                break;
            }
            ++index;
            line = g.bottom() + 4;
        }
        if (lineY) *lineY = line;
        return index;
    }

    QToolButton *toolButton(const QString &name, const QString &text, const QString &tip) {
        auto *b = new QToolButton(this);
        b->setObjectName(name);
        b->setText(text);
        b->setToolTip(tip);
        b->setAutoRaise(true);
        return b;
    }

    void buildGroup(const QJsonObject &node, QVBoxLayout *outer) {
        m_combinator = node.value(QStringLiteral("group")).toString();
        m_negate = node.value(QStringLiteral("not")).toBool();
        setProperty("combinator", m_combinator);
        setProperty("negate", m_negate);
        auto *header = new QHBoxLayout;
        header->setSpacing(8);
        if (!m_path.isEmpty()) header->addWidget(new DragHandle(m_path, this));
        auto *negate = new QComboBox(this);
        negate->setObjectName(QStringLiteral("negate"));
        negate->addItem(RuleTexts::tr("Include customers matching"), false);
        negate->addItem(RuleTexts::tr("Exclude customers matching"), true);
        negate->setCurrentIndex(m_negate ? 1 : 0);
        auto *combinator = new QComboBox(this);
        combinator->setObjectName(QStringLiteral("combinator"));
        combinator->addItem(RuleTexts::tr("all (AND)"), QStringLiteral("and"));
        combinator->addItem(RuleTexts::tr("any (OR)"), QStringLiteral("or"));
        combinator->setCurrentIndex(m_combinator == QLatin1String("or") ? 1 : 0);
        header->addWidget(negate);
        header->addWidget(combinator);
        header->addWidget(new QLabel(RuleTexts::tr("of these conditions"), this));
        header->addStretch();
        auto *addCondition = new QPushButton(RuleTexts::tr("+ Condition"), this);
        addCondition->setObjectName(QStringLiteral("addCondition"));
        auto *addGroup = new QPushButton(RuleTexts::tr("+ Group"), this);
        addGroup->setObjectName(QStringLiteral("addGroup"));
        header->addWidget(addCondition);
        header->addWidget(addGroup);
        if (!m_path.isEmpty()) {
            auto *remove = toolButton(QStringLiteral("removeNode"), QStringLiteral("✕"),
                                      RuleTexts::tr("Remove this group"));
            header->addWidget(remove);
            connect(remove, &QToolButton::clicked, this,
                    [this] { later([](RuleBuilder *b, const RulePath &p) { b->removeNode(p); }); });
        }
        outer->addLayout(header);
        connect(negate, &QComboBox::activated, this, [this, negate] {
            const bool v = negate->currentData().toBool();
            later([v](RuleBuilder *b, const RulePath &p) { b->setNegate(p, v); });
        });
        connect(combinator, &QComboBox::activated, this, [this, combinator] {
            const QString v = combinator->currentData().toString();
            later([v](RuleBuilder *b, const RulePath &p) { b->setCombinator(p, v); });
        });
        connect(addCondition, &QPushButton::clicked, this, [this] {
            later(
                [](RuleBuilder *b, const RulePath &p) { b->openFieldPicker(b->addCondition(p)); });
        });
        connect(addGroup, &QPushButton::clicked, this,
                [this] { later([](RuleBuilder *b, const RulePath &p) { b->addGroup(p); }); });

        m_body = new QWidget(this);
        auto *body = new QVBoxLayout(m_body);
        body->setContentsMargins(m_path.isEmpty() ? 0 : 8, 2, 0, 2);
        body->setSpacing(4);
        const QJsonArray rules = node.value(Rules).toArray();
        for (int i = 0; i < rules.size(); ++i) {
            if (i > 0) {
                auto *joint = new QLabel(m_combinator == QLatin1String("or") ? RuleTexts::tr("OR")
                                                                             : RuleTexts::tr("AND"),
                                         m_body);
                joint->setObjectName(QStringLiteral("joint"));
                joint->setProperty("combinator", m_combinator);
                body->addWidget(joint);
            }
            RulePath child = m_path;
            child << i;
            auto *card = new RuleCard(m_builder, child, rules.at(i).toObject(), m_body);
            m_children << card;
            body->addWidget(card);
        }
        if (rules.isEmpty()) {
            auto *hint =
                new QLabel(m_path.isEmpty()
                               ? RuleTexts::tr("No conditions yet: every customer matches. Add a "
                                               "condition to narrow the segment.")
                               : RuleTexts::tr("An empty group. Add a condition or drag one here."),
                           m_body);
            hint->setObjectName(QStringLiteral("emptyHint"));
            hint->setMinimumHeight(36);
            body->addWidget(hint);
        }
        outer->addWidget(m_body);
    }

    void buildCondition(const QJsonObject &node, QVBoxLayout *outer) {
        const QString fieldId = node.value(QStringLiteral("field")).toString();
        const QString op = node.value(QStringLiteral("op")).toString();
        const Seg::FieldDef *def = m_builder->catalog().find(fieldId);
        auto *row = new QHBoxLayout;
        row->setSpacing(8);
        row->addWidget(new DragHandle(m_path, this));
        auto *field = new QPushButton(this);
        field->setObjectName(QStringLiteral("fieldButton"));
        field->setText((def                 ? m_builder->fieldLabel(fieldId)
                        : fieldId.isEmpty() ? RuleTexts::tr("Choose a field…")
                                            : fieldId) +
                       QStringLiteral("  ▾"));
        field->setToolTip(def && !def->description.isEmpty()
                              ? def->description
                              : RuleTexts::tr("Choose what to test"));
        field->setMinimumWidth(170);
        row->addWidget(field);
        connect(field, &QPushButton::clicked, this, [this] { m_builder->openFieldPicker(m_path); });
        if (def) {
            auto *ops = new QComboBox(this);
            ops->setObjectName(QStringLiteral("operator"));
            for (const auto &o : def->operators) ops->addItem(RuleTexts::op(o), o);
            ops->setCurrentIndex(std::max(0, ops->findData(op)));
            row->addWidget(ops);
            connect(ops, &QComboBox::activated, this, [this, ops] {
                const QString v = ops->currentData().toString();
                later([v](RuleBuilder *b, const RulePath &p) { b->setOperator(p, v); });
            });
            const RulePath path = m_path;
            QPointer<RuleBuilder> builder(m_builder);
            if (QWidget *value = m_builder->editors().forOperator(
                    *def, op, node.value(QStringLiteral("value")), this,
                    [builder, path](const QJsonValue &v, bool typing) {
                        if (builder) builder->setValue(path, v, typing);
                    })) {
                value->setProperty("valueEditor", true);
                // Lists and text take the room; numbers and dates keep their size.
                const bool wide = value->sizePolicy().horizontalPolicy() & QSizePolicy::ExpandFlag;
                row->addWidget(value, wide ? 1 : 0);
                if (!wide) row->addStretch(1);
            } else {
                row->addStretch(1);
            }
        } else {
            row->addStretch(1);
        }
        auto *remove = toolButton(QStringLiteral("removeNode"), QStringLiteral("✕"),
                                  RuleTexts::tr("Remove this condition"));
        row->addWidget(remove, 0, Qt::AlignTop);
        connect(remove, &QToolButton::clicked, this,
                [this] { later([](RuleBuilder *b, const RulePath &p) { b->removeNode(p); }); });
        outer->addLayout(row);
        if (def && !def->params.isEmpty())
            buildParams(*def, node.value(QStringLiteral("params")).toObject(), outer);
    }

    // The filters a field has (the time window and receipt filters of purchases, say):
    // the required and the set ones show; the rest are one click away.
    void buildParams(const Seg::FieldDef &def, const QJsonObject &params, QVBoxLayout *outer) {
        auto *box = new QWidget(this);
        box->setObjectName(QStringLiteral("params"));
        auto *flow = new FlowLayout(box, 8);
        flow->setContentsMargins(26, 0, 0, 0);
        QPointer<RuleBuilder> builder(m_builder);
        const RulePath path = m_path;
        QList<const Seg::ParamDef *> hidden;
        for (const auto &p : def.params) {
            if (!p.required && !params.contains(p.name)) {
                hidden << &p;
                continue;
            }
            auto *item = new QWidget(box);
            item->setObjectName(QStringLiteral("param_") + p.name);
            auto *h = new QHBoxLayout(item);
            h->setContentsMargins(0, 0, 0, 0);
            h->setSpacing(4);
            auto *label = new QLabel(RuleTexts::param(p) + QLatin1Char(':'), item);
            label->setObjectName(QStringLiteral("paramLabel"));
            h->addWidget(label);
            const QString name = p.name;
            QWidget *editor = m_builder->editors().create(
                ValueEditors::specFor(p), params.value(p.name), item,
                [builder, path, name](const QJsonValue &v, bool typing) {
                    if (builder) builder->setParam(path, name, v, typing);
                });
            if (editor) h->addWidget(editor);
            if (!p.required) {
                auto *drop = toolButton(QStringLiteral("removeParam"), QStringLiteral("✕"),
                                        RuleTexts::tr("Remove this filter"));
                h->addWidget(drop);
                connect(drop, &QToolButton::clicked, this, [this, name] {
                    later([name](RuleBuilder *b, const RulePath &p) {
                        b->setParam(p, name, QJsonValue());
                    });
                });
            }
            flow->addWidget(item);
        }
        if (!hidden.isEmpty()) {
            auto *add = new QToolButton(box);
            add->setObjectName(QStringLiteral("addParam"));
            add->setText(RuleTexts::tr("+ Filter"));
            add->setPopupMode(QToolButton::InstantPopup);
            auto *menu = new QMenu(add);
            for (const Seg::ParamDef *p : hidden) {
                QAction *a = menu->addAction(RuleTexts::param(*p));
                a->setObjectName(p->name);
                const QString name = p->name;
                const QJsonValue start = ValueEditors::defaultValue(ValueEditors::specFor(*p));
                connect(a, &QAction::triggered, this, [this, name, start] {
                    later([name, start](RuleBuilder *b, const RulePath &p) {
                        b->setParam(p, name, start);
                    });
                });
            }
            add->setMenu(menu);
            flow->addWidget(add);
        }
        outer->addWidget(box);
    }

    // Edits rebuild the cards, this one included: run them after the click returns.
    void later(std::function<void(RuleBuilder *, const RulePath &)> edit) {
        QPointer<RuleBuilder> builder(m_builder);
        const RulePath path = m_path;
        QTimer::singleShot(0, builder, [builder, path, edit] {
            if (builder) edit(builder, path);
        });
    }

    RuleBuilder *m_builder;
    RulePath m_path;
    bool m_group;
    QString m_combinator;
    bool m_negate = false;
    QLabel *m_message = nullptr;
    QWidget *m_body = nullptr;
    QList<RuleCard *> m_children;
    int m_dropIndex = -1;
    int m_dropY = 0;
};

// ---- Field picker -----------------------------------------------------------

namespace {

// A popup listing the catalog's fields by category, filtered as the user types.
class FieldPopup final : public QFrame {
public:
    FieldPopup(RuleBuilder *builder, const RulePath &path, QWidget *anchor)
        : QFrame(anchor, Qt::Popup), m_search(new QLineEdit(this)), m_list(new QTreeWidget(this)) {
        setObjectName(QStringLiteral("fieldPopup"));
        setAttribute(Qt::WA_DeleteOnClose);
        setFrameShape(QFrame::StyledPanel);
        m_search->setObjectName(QStringLiteral("fieldSearch"));
        m_search->setPlaceholderText(RuleTexts::tr("Search fields…"));
        m_search->setClearButtonEnabled(true);
        m_list->setObjectName(QStringLiteral("fieldList"));
        m_list->setHeaderHidden(true);
        m_list->setRootIsDecorated(false);
        m_list->setIndentation(12);
        auto *layout = new QVBoxLayout(this);
        layout->setContentsMargins(6, 6, 6, 6);
        layout->addWidget(m_search);
        layout->addWidget(m_list);
        QHash<QString, QTreeWidgetItem *> categories;
        QStringList order = RuleTexts::categoryOrder();
        for (const auto &f : builder->catalog().fields())
            if (!order.contains(f.category)) order << f.category;
        for (const QString &c : order) {
            auto *item = new QTreeWidgetItem(m_list, {RuleTexts::category(c)});
            item->setFlags(Qt::ItemIsEnabled);
            QFont bold = item->font(0);
            bold.setBold(true);
            item->setFont(0, bold);
            item->setForeground(0, palette().color(QPalette::PlaceholderText));
            categories.insert(c, item);
        }
        for (const auto &f : builder->catalog().fields()) {
            auto *item =
                new QTreeWidgetItem(categories.value(f.category), {builder->fieldLabel(f.id)});
            item->setData(0, Qt::UserRole, f.id);
            item->setToolTip(0, f.description.isEmpty() ? f.id : f.description);
        }
        for (auto *c : std::as_const(categories))
            if (c->childCount() == 0) delete c;
        m_list->expandAll();
        connect(m_search, &QLineEdit::textChanged, this, &FieldPopup::filter);
        QPointer<RuleBuilder> guard(builder);
        const auto pick = [this, guard, path](QTreeWidgetItem *item) {
            if (!item || item->data(0, Qt::UserRole).toString().isEmpty()) return;
            const QString id = item->data(0, Qt::UserRole).toString();
            close();
            QTimer::singleShot(0, guard, [guard, path, id] {
                if (guard) guard->setField(path, id);
            });
        };
        connect(m_list, &QTreeWidget::itemActivated, this,
                [pick](QTreeWidgetItem *item) { pick(item); });
        connect(m_list, &QTreeWidget::itemClicked, this,
                [pick](QTreeWidgetItem *item) { pick(item); });
        connect(m_search, &QLineEdit::returnPressed, this,
                [this, pick] { pick(m_list->currentItem()); });
        m_search->installEventFilter(this);
        resize(320, 380);
        filter({});
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (watched == m_search && event->type() == QEvent::KeyPress) {
            const int key = static_cast<QKeyEvent *>(event)->key();
            if (key == Qt::Key_Down || key == Qt::Key_Up) {
                step(key == Qt::Key_Down ? 1 : -1);
                return true;
            }
        }
        return QFrame::eventFilter(watched, event);
    }

private:
    QList<QTreeWidgetItem *> visibleFields() const {
        QList<QTreeWidgetItem *> out;
        for (int c = 0; c < m_list->topLevelItemCount(); ++c)
            for (int i = 0; i < m_list->topLevelItem(c)->childCount(); ++i)
                if (!m_list->topLevelItem(c)->child(i)->isHidden())
                    out << m_list->topLevelItem(c)->child(i);
        return out;
    }
    void step(int by) {
        const auto items = visibleFields();
        if (items.isEmpty()) return;
        const int at = int(items.indexOf(m_list->currentItem()));
        m_list->setCurrentItem(items.at(std::clamp(at + by, 0, int(items.size()) - 1)));
    }
    void filter(const QString &text) {
        for (int c = 0; c < m_list->topLevelItemCount(); ++c) {
            QTreeWidgetItem *cat = m_list->topLevelItem(c);
            const bool catMatches = cat->text(0).contains(text, Qt::CaseInsensitive);
            bool any = false;
            for (int i = 0; i < cat->childCount(); ++i) {
                QTreeWidgetItem *f = cat->child(i);
                const bool match =
                    text.isEmpty() || catMatches ||
                    f->text(0).contains(text, Qt::CaseInsensitive) ||
                    f->data(0, Qt::UserRole).toString().contains(text, Qt::CaseInsensitive);
                f->setHidden(!match);
                any = any || match;
            }
            cat->setHidden(!any);
        }
        const auto items = visibleFields();
        m_list->setCurrentItem(items.isEmpty() ? nullptr : items.first());
    }

    QLineEdit *m_search;
    QTreeWidget *m_list;
};

}  // namespace

// ---- RuleBuilder ------------------------------------------------------------

RuleBuilder::RuleBuilder(QWidget *parent)
    : QWidget(parent), m_undo(new QUndoStack(this)), m_layout(new QVBoxLayout(this)) {
    setObjectName(QStringLiteral("ruleBuilder"));
    setFocusPolicy(Qt::ClickFocus);
    // One style sheet for every card (a sheet per widget would cost a style each).
    setStyleSheet(QStringLiteral(
        "QFrame#groupCard { border: 1px solid palette(mid); border-left: 4px solid #2563eb;"
        " border-radius: 8px; background: palette(alternate-base); }"
        "QFrame#groupCard[combinator=\"or\"] { border-left-color: #d97706; }"
        "QFrame#groupCard[negate=\"true\"] { border-left-color: #7c3aed; }"
        "QFrame#groupCard[root=\"true\"] { background: palette(window); }"
        "QFrame#conditionCard { border: 1px solid palette(mid); border-radius: 6px;"
        " background: palette(base); }"
        "QFrame#conditionCard[invalid=\"true\"] { border-color: #d32f2f; }"
        "QFrame#groupCard[invalid=\"true\"] { border-top-color: #d32f2f;"
        " border-right-color: #d32f2f; border-bottom-color: #d32f2f; }"
        "QLabel#validationMessage { color: #c62828; }"
        "QLabel#dragHandle { color: palette(mid); font-size: 16px; padding: 0 2px; }"
        "QLabel#joint { color: #2563eb; font-weight: 600; font-size: 11px; padding-left: 14px; }"
        "QLabel#joint[combinator=\"or\"] { color: #d97706; }"
        "QLabel#emptyHint { color: palette(placeholder-text); padding: 10px; }"
        "QLabel#paramLabel { color: palette(placeholder-text); }"
        "QPushButton#fieldButton { text-align: left; padding: 4px 10px; font-weight: 600; }"));
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_rule = emptyRule();
    auto shortcut = [this](const QKeySequence &keys, void (QUndoStack::*slot)()) {
        auto *s = new QShortcut(keys, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, m_undo, slot);
    };
    shortcut(QKeySequence::Undo, &QUndoStack::undo);
    shortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), &QUndoStack::redo);
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Y), &QUndoStack::redo);

    // A picker's suggestions: the items of a catalog search, each as (value, shown text).
    const auto catalogSearch =
        [this](const QString &path,
               std::function<std::pair<QString, QString>(const QJsonObject &)> item) -> Suggester {
        return [this, path, item](const QString &text, const QObject *context, auto done) {
            if (!m_api) return done({});
            QUrlQuery q{{QStringLiteral("q"), text},
                        {QStringLiteral("limit"), QStringLiteral("20")}};
            m_api->get(path, q, context, [done, item](Core::Result<QJsonObject> r) {
                QList<std::pair<QString, QString>> out;
                if (r)
                    for (const auto &v : r->value(QStringLiteral("items")).toArray())
                        out.append(item(v.toObject()));
                done(out);
            });
        };
    };
    m_editors.products =
        catalogSearch(QStringLiteral("/api/v1/products"), [](const QJsonObject &p) {
            const QString sku = p.value(QStringLiteral("sku")).toString();
            return std::pair{
                sku, sku + QStringLiteral(" — ") + p.value(QStringLiteral("name")).toString()};
        });
    m_editors.categories =
        catalogSearch(QStringLiteral("/api/v1/products/categories"), [](const QJsonObject &c) {
            const QString name = c.value(QStringLiteral("name")).toString();
            return std::pair{name,
                             RuleTexts::tr("%1 (%n products)", "",
                                           int(c.value(QStringLiteral("products")).toInteger()))
                                 .arg(name)};
        });
    m_editors.segments = [this](const QObject *context, auto done) {
        if (!m_api) return done({});
        m_api->get(QStringLiteral("/api/v1/segments"),
                   QUrlQuery{{QStringLiteral("limit"), QStringLiteral("200")}}, context,
                   [done](Core::Result<QJsonObject> r) {
                       QList<std::pair<QJsonValue, QString>> out;
                       if (r)
                           for (const auto &v : r->value(QStringLiteral("items")).toArray())
                               out.append({v.toObject().value(QStringLiteral("id")).toInteger(),
                                           v.toObject().value(QStringLiteral("name")).toString()});
                       done(out);
                   });
    };
    rebuild();
    validate();
}

RuleBuilder::~RuleBuilder() {
    m_undo->disconnect();
}

void RuleBuilder::setApiClient(Models::ApiClient *api) {
    m_api = api;
}

void RuleBuilder::setCatalog(const QJsonObject &fields) {
    m_catalog = Seg::Catalog::fromJson(fields);
    rebuild();
    validate();
}

void RuleBuilder::setRule(const QJsonObject &rule) {
    m_undo->clear();
    applyRule(rule.isEmpty() ? emptyRule() : rule, true);
}

void RuleBuilder::applyRule(const QJsonObject &rule, bool rebuildCards) {
    m_rule = rule;
    if (rebuildCards) rebuild();
    validate();
    emit ruleChanged();
}

QString RuleBuilder::pathKey(const RulePath &path) {
    QString key = QStringLiteral("root");
    for (int i : path) key += QStringLiteral(".rules[%1]").arg(i);
    return key;
}

QWidget *RuleBuilder::card(const RulePath &path) const {
    return m_cards.value(pathKey(path));
}

QString RuleBuilder::fieldLabel(const QString &id) const {
    const Seg::FieldDef *def = m_catalog.find(id);
    return def ? RuleTexts::field(*def) : id;
}

QJsonObject RuleBuilder::node(const RulePath &path) const {
    QJsonObject n = m_rule.value(QStringLiteral("root")).toObject();
    for (int i : path) n = n.value(Rules).toArray().at(i).toObject();
    return n;
}

QJsonObject RuleBuilder::withNode(const RulePath &path,
                                  const std::function<void(QJsonObject &)> &change) const {
    QJsonObject rule = m_rule;
    rule.insert(QStringLiteral("root"),
                updated(m_rule.value(QStringLiteral("root")).toObject(), path, 0, change));
    return rule;
}

void RuleBuilder::push(const QJsonObject &after, const QString &text, const QString &mergeKey,
                       bool typing) {
    if (after == m_rule) return;
    m_undo->push(new RuleCommand(this, m_rule, after, text, mergeKey, typing));
}

namespace {

// A condition on a field as it starts: the first operator, a default value, the
// required parameters filled in.
QJsonObject newCondition(const Seg::FieldDef *def, const QString &field) {
    QJsonObject condition{{QStringLiteral("field"), field},
                          {QStringLiteral("op"), def ? def->operators.value(0) : QString()}};
    if (!def) return condition;
    const QJsonValue value = ValueEditors::defaultFor(*def, def->operators.value(0));
    if (!value.isNull() && !value.isUndefined()) condition.insert(QStringLiteral("value"), value);
    QJsonObject params;
    for (const auto &p : def->params)
        if (p.required) params.insert(p.name, ValueEditors::defaultValue(ValueEditors::specFor(p)));
    if (!params.isEmpty()) condition.insert(QStringLiteral("params"), params);
    return condition;
}

}  // namespace

RulePath RuleBuilder::addCondition(const RulePath &group, const QString &field) {
    const QJsonObject condition = newCondition(m_catalog.find(field), field);
    push(withNode(group,
                  [&](QJsonObject &g) {
                      QJsonArray rules = g.value(Rules).toArray();
                      rules.append(condition);
                      g.insert(Rules, rules);
                  }),
         tr("Add a condition"));
    return group + RulePath{int(node(group).value(Rules).toArray().size()) - 1};
}

RulePath RuleBuilder::addGroup(const RulePath &group, const QString &combinator) {
    push(withNode(group,
                  [&](QJsonObject &g) {
                      QJsonArray rules = g.value(Rules).toArray();
                      rules.append(QJsonObject{{QStringLiteral("group"), combinator},
                                               {Rules, QJsonArray()}});
                      g.insert(Rules, rules);
                  }),
         tr("Add a group"));
    return group + RulePath{int(node(group).value(Rules).toArray().size()) - 1};
}

void RuleBuilder::removeNode(const RulePath &path) {
    if (path.isEmpty()) return;
    const RulePath parent = path.mid(0, path.size() - 1);
    push(withNode(parent,
                  [&](QJsonObject &g) {
                      QJsonArray rules = g.value(Rules).toArray();
                      if (path.last() < rules.size()) rules.removeAt(path.last());
                      g.insert(Rules, rules);
                  }),
         isGroup(node(path)) ? tr("Remove a group") : tr("Remove a condition"));
}

bool RuleBuilder::moveNode(const RulePath &from, const RulePath &group, int index) {
    if (from.isEmpty() || group.mid(0, from.size()) == from)
        return false;  // the root, or into itself
    const RulePath fromParent = from.mid(0, from.size() - 1);
    const QJsonObject moving = node(from);
    if (moving.isEmpty() || !isGroup(node(group))) return false;
    // Taking the node out shifts the target when it sits after it in the same group.
    RulePath target = group;
    if (target.size() > fromParent.size() && target.mid(0, fromParent.size()) == fromParent &&
        target.at(fromParent.size()) > from.last())
        --target[fromParent.size()];
    if (target == fromParent && index > from.last()) --index;
    if (target == fromParent && index == from.last()) return true;  // dropped where it was
    QJsonObject rule = m_rule;
    const auto take = [&](QJsonObject &g) {
        QJsonArray rules = g.value(Rules).toArray();
        rules.removeAt(from.last());
        g.insert(Rules, rules);
    };
    rule.insert(QStringLiteral("root"),
                updated(rule.value(QStringLiteral("root")).toObject(), fromParent, 0, take));
    const auto put = [&](QJsonObject &g) {
        QJsonArray rules = g.value(Rules).toArray();
        rules.insert(std::clamp(index, 0, int(rules.size())), moving);
        g.insert(Rules, rules);
    };
    rule.insert(QStringLiteral("root"),
                updated(rule.value(QStringLiteral("root")).toObject(), target, 0, put));
    push(rule, isGroup(moving) ? tr("Move a group") : tr("Move a condition"));
    return true;
}

void RuleBuilder::setField(const RulePath &path, const QString &field) {
    const Seg::FieldDef *def = m_catalog.find(field);
    if (!def || path.isEmpty()) return;
    const QJsonObject condition = newCondition(def, field);
    push(withNode(path, [&](QJsonObject &n) { n = condition; }),
         tr("Choose the field %1").arg(RuleTexts::field(*def)));
}

void RuleBuilder::setOperator(const RulePath &path, const QString &op) {
    const QJsonObject current = node(path);
    const Seg::FieldDef *def = m_catalog.find(current.value(QStringLiteral("field")).toString());
    if (!def || !def->operators.contains(op)) return;
    const QString before = current.value(QStringLiteral("op")).toString();
    // Keep the value when the new operator takes the same kind of value.
    const auto kind = [](const QString &o) {
        if (o == Op::InLastDays || o == Op::MoreThanDaysAgo || o == Op::AnniversaryInNextDays)
            return 3;
        return Op::arity(o);
    };
    push(withNode(path,
                  [&](QJsonObject &n) {
                      n.insert(QStringLiteral("op"), op);
                      const QJsonValue old = n.value(QStringLiteral("value"));
                      if (kind(op) == kind(before) && n.contains(QStringLiteral("value"))) return;
                      // "is" Moscow becomes "is one of" [Moscow] and back.
                      if (kind(before) == 1 && kind(op) == -1 && !old.isUndefined() &&
                          old != QJsonValue(QString())) {
                          n.insert(QStringLiteral("value"), QJsonArray{old});
                          return;
                      }
                      if (kind(before) == -1 && kind(op) == 1 && !old.toArray().isEmpty()) {
                          n.insert(QStringLiteral("value"), old.toArray().first());
                          return;
                      }
                      const QJsonValue value = ValueEditors::defaultFor(*def, op);
                      if (value.isNull() || value.isUndefined())
                          n.remove(QStringLiteral("value"));
                      else
                          n.insert(QStringLiteral("value"), value);
                  }),
         tr("Change the operator to “%1”").arg(RuleTexts::op(op)),
         pathKey(path) + QStringLiteral("/op"));
}

void RuleBuilder::setValue(const RulePath &path, const QJsonValue &value, bool typing) {
    push(withNode(path,
                  [&](QJsonObject &n) {
                      if (value.isNull() || value.isUndefined())
                          n.remove(QStringLiteral("value"));
                      else
                          n.insert(QStringLiteral("value"), value);
                  }),
         tr("Change a value"), typing ? pathKey(path) + QStringLiteral("/value") : QString(),
         typing);
}

void RuleBuilder::setParam(const RulePath &path, const QString &name, const QJsonValue &value,
                           bool typing) {
    push(withNode(path,
                  [&](QJsonObject &n) {
                      QJsonObject params = n.value(QStringLiteral("params")).toObject();
                      if (value.isNull() || value.isUndefined())
                          params.remove(name);
                      else
                          params.insert(name, value);
                      if (params.isEmpty())
                          n.remove(QStringLiteral("params"));
                      else
                          n.insert(QStringLiteral("params"), params);
                  }),
         tr("Change a filter"),
         typing ? pathKey(path) + QStringLiteral("/param/") + name : QString(), typing);
}

void RuleBuilder::setCombinator(const RulePath &path, const QString &combinator) {
    push(
        withNode(path, [&](QJsonObject &n) { n.insert(QStringLiteral("group"), combinator); }),
        combinator == QLatin1String("or") ? tr("Match any condition") : tr("Match all conditions"));
}

void RuleBuilder::setNegate(const RulePath &path, bool negate) {
    push(withNode(path,
                  [&](QJsonObject &n) {
                      if (negate)
                          n.insert(QStringLiteral("not"), true);
                      else
                          n.remove(QStringLiteral("not"));
                  }),
         negate ? tr("Exclude the group's customers") : tr("Include the group's customers"));
}

QWidget *RuleBuilder::openFieldPicker(const RulePath &path) {
    auto *anchor = card(path);
    if (!anchor) return nullptr;
    QWidget *button = anchor->findChild<QPushButton *>(QStringLiteral("fieldButton"));
    auto *popup = new FieldPopup(this, path, button ? button : anchor);
    popup->move(
        (button ? button : anchor)->mapToGlobal(QPoint(0, (button ? button : anchor)->height())));
    popup->show();
    popup->findChild<QLineEdit *>(QStringLiteral("fieldSearch"))->setFocus();
    return popup;
}

void RuleBuilder::rebuild() {
    // Keep the keyboard in the builder (for Ctrl+Z) and, where it still exists, on the
    // same editor of the same card.
    QString focusCard, focusName;
    QWidget *focus = QApplication::focusWidget();
    const bool hadFocus = focus && isAncestorOf(focus);
    for (QWidget *w = focus; hadFocus && w && w != this; w = w->parentWidget()) {
        if (focusName.isEmpty() && !w->objectName().isEmpty()) focusName = w->objectName();
        if (w->property("rulePath").isValid()) {
            focusCard = w->property("rulePath").toString();
            break;
        }
    }
    if (hadFocus) setFocus();
    m_cards.clear();
    if (m_root) {
        m_root->hide();
        m_root->deleteLater();
    }
    m_root = new RuleCard(this, {}, m_rule.value(QStringLiteral("root")).toObject(), this);
    m_layout->addWidget(m_root);
    std::function<void(RuleCard *)> index = [&](RuleCard *c) {
        m_cards.insert(c->property("rulePath").toString(), c);
        for (auto *child : c->childCards()) index(child);
    };
    index(m_root);
    if (!hadFocus) return;
    if (QWidget *card = m_cards.value(focusCard))
        if (QWidget *same = card->findChild<QWidget *>(focusName);
            same && same->focusPolicy() != Qt::NoFocus)
            same->setFocus();
}

void RuleBuilder::validate() {
    m_errors.clear();
    QHash<QString, QStringList> messages;
    // A condition without a field says so in words, not as "no field \"\"".
    std::function<void(const QJsonObject &, const RulePath &)> unchosen =
        [&](const QJsonObject &n, const RulePath &path) {
            if (!isGroup(n)) {
                if (n.value(QStringLiteral("field")).toString().isEmpty()) {
                    messages[pathKey(path)] << tr("Choose a field.");
                    m_errors.append({pathKey(path), tr("Choose a field.")});
                }
                return;
            }
            const QJsonArray rules = n.value(Rules).toArray();
            for (int i = 0; i < rules.size(); ++i)
                unchosen(rules.at(i).toObject(), path + RulePath{i});
        };
    unchosen(m_rule.value(QStringLiteral("root")).toObject(), {});
    if (m_errors.isEmpty() && !m_catalog.fields().isEmpty()) {
        auto checked = Seg::Rule::fromJson(m_rule, m_catalog);
        if (!checked) {
            m_errors = checked.error().fields;
            if (m_errors.isEmpty())
                m_errors.append({QStringLiteral("root"), checked.error().message});
            static const QRegularExpression where(QStringLiteral("^(root(?:\\.rules\\[\\d+\\])*)"));
            for (const auto &e : std::as_const(m_errors)) {
                QString key = where.match(e.field).captured(1);
                if (key.isEmpty()) key = QStringLiteral("root");
                const RuleCard *card = m_cards.value(key);
                const Seg::FieldDef *def =
                    card ? m_catalog.find(
                               node(card->path()).value(QStringLiteral("field")).toString())
                         : nullptr;
                const QString text = RuleTexts::message(e.message, def);
                // "root.rules[0] (Purchases), Measure": the filter's name leads the message.
                const int comma = e.field.indexOf(QStringLiteral(", "));
                messages[key] << (comma > 0 ? RuleTexts::name(e.field.mid(comma + 2), def) +
                                                  QStringLiteral(": ") + text
                                            : text);
            }
        }
    }
    for (auto it = m_cards.begin(); it != m_cards.end(); ++it)
        if (*it) (*it)->setError(messages.value(it.key()).join(QLatin1Char('\n')));
}

void RuleBuilder::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) rebuild(), validate();
    QWidget::changeEvent(event);
}

}  // namespace LoyaltyDesk::Widgets
