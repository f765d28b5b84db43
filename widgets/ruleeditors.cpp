#include "ruleeditors.h"

#include "ruletexts.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QToolButton>
#include <QWidgetItem>

#include <cmath>

namespace LoyaltyDesk::Widgets {

using Core::Segments::ValueType;
namespace Op = Core::Segments::Op;

// ---- FlowLayout -------------------------------------------------------------

FlowLayout::FlowLayout(QWidget *parent, int spacing) : QLayout(parent), m_spacing(spacing) {
    setContentsMargins(0, 0, 0, 0);
}

FlowLayout::~FlowLayout() {
    while (QLayoutItem *item = takeAt(0)) delete item;
}

void FlowLayout::addItem(QLayoutItem *item) {
    m_items.append(item);
}

QLayoutItem *FlowLayout::takeAt(int index) {
    return index >= 0 && index < m_items.size() ? m_items.takeAt(index) : nullptr;
}

QSize FlowLayout::minimumSize() const {
    QSize size;
    for (const QLayoutItem *item : m_items) size = size.expandedTo(item->minimumSize());
    const QMargins m = contentsMargins();
    return size + QSize(m.left() + m.right(), m.top() + m.bottom());
}

void FlowLayout::setGeometry(const QRect &rect) {
    QLayout::setGeometry(rect);
    arrange(rect, true);
}

int FlowLayout::arrange(const QRect &rect, bool apply) const {
    const QRect area = rect.marginsRemoved(contentsMargins());
    int x = area.x(), y = area.y(), lineHeight = 0;
    for (QLayoutItem *item : m_items) {
        if (item->isEmpty()) continue;
        const QSize hint = item->sizeHint();
        if (x + hint.width() > area.right() + 1 && lineHeight > 0) {
            x = area.x();
            y += lineHeight + m_spacing;
            lineHeight = 0;
        }
        if (apply) item->setGeometry(QRect(QPoint(x, y), hint));
        x += hint.width() + m_spacing;
        lineHeight = std::max(lineHeight, hint.height());
    }
    return y + lineHeight - rect.y() + contentsMargins().bottom();
}

// ---- TagEditor --------------------------------------------------------------

TagEditor::TagEditor(QWidget *parent)
    : QWidget(parent), m_flow(new FlowLayout(this, 4)), m_input(new QLineEdit(this)) {
    m_input->setObjectName(QStringLiteral("tagInput"));
    setStyleSheet(QStringLiteral(
        "QToolButton#tag { border: 1px solid palette(mid); border-radius: 10px; padding: 1px 8px;"
        " background: palette(alternate-base); }"));
    m_input->setMinimumWidth(140);
    m_input->installEventFilter(this);
    m_flow->addWidget(m_input);
    setMinimumWidth(180);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    connect(m_input, &QLineEdit::returnPressed, this, [this] {
        if (m_completer && m_completer->popup()->isVisible()) return;
        addValue(m_input->text());
    });
    m_suggestTimer.setSingleShot(true);
    m_suggestTimer.setInterval(250);
    connect(&m_suggestTimer, &QTimer::timeout, this, &TagEditor::suggest);
}

void TagEditor::setPlaceholder(const QString &text) {
    m_input->setPlaceholderText(text);
    m_input->setMinimumWidth(std::max(140, m_input->fontMetrics().horizontalAdvance(text) + 24));
}

void TagEditor::setSuggester(Suggester suggester) {
    m_suggester = std::move(suggester);
    if (m_completer) return;
    m_suggestions = new QStandardItemModel(this);
    m_completer = new QCompleter(m_suggestions, this);
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->popup()->setObjectName(QStringLiteral("suggestions"));
    m_input->setCompleter(m_completer);
    connect(m_input, &QLineEdit::textEdited, this, [this] { m_suggestTimer.start(); });
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this,
            [this](const QModelIndex &index) {
                const QString value = index.data(Qt::UserRole).toString();
                QTimer::singleShot(0, this, [this, value] { addValue(value); });
            });
}

void TagEditor::suggest() {
    if (!m_suggester) return;
    const QString text = m_input->text().trimmed();
    QPointer<TagEditor> self(this);
    m_suggester(text, this, [self, text](QList<std::pair<QString, QString>> items) {
        if (!self || self->m_input->text().trimmed() != text) return;  // typed on meanwhile
        self->m_suggestions->clear();
        for (const auto &[value, shown] : items) {
            auto *item = new QStandardItem(shown);
            item->setData(value, Qt::UserRole);
            self->m_suggestions->appendRow(item);
        }
        if (!items.isEmpty() && self->m_input->hasFocus()) self->m_completer->complete();
    });
}

void TagEditor::addValue(const QString &value) {
    const QString v = value.trimmed();
    m_input->clear();
    if (v.isEmpty() || m_values.contains(v)) return;
    m_values.append(v);
    rebuild();
    emit valuesChanged(m_values);
}

void TagEditor::setValues(const QStringList &values) {
    m_values = values;
    rebuild();
}

void TagEditor::rebuild() {
    while (m_flow->count() > 1) {
        QLayoutItem *item = m_flow->takeAt(0);
        if (item->widget()) item->widget()->deleteLater();
        delete item;
    }
    m_flow->takeAt(0);
    for (const QString &v : std::as_const(m_values)) {
        auto *chip = new QToolButton(this);
        chip->setObjectName(QStringLiteral("tag"));
        chip->setText(v + QStringLiteral("  ×"));
        chip->setToolTip(tr("Remove “%1”").arg(v));
        chip->setAutoRaise(false);
        connect(chip, &QToolButton::clicked, this, [this, v] {
            m_values.removeAll(v);
            QTimer::singleShot(0, this, [this] {
                rebuild();
                emit valuesChanged(m_values);
            });
        });
        m_flow->addWidget(chip);
    }
    m_flow->addWidget(m_input);
    updateGeometry();
}

bool TagEditor::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Backspace && m_input->text().isEmpty() && !m_values.isEmpty()) {
            m_values.removeLast();
            rebuild();
            emit valuesChanged(m_values);
            return true;
        }
        if (key->key() == Qt::Key_Comma || key->key() == Qt::Key_Semicolon) {
            addValue(m_input->text());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

// ---- CheckList --------------------------------------------------------------

CheckList::CheckList(QWidget *parent) : QWidget(parent), m_flow(new FlowLayout(this, 10)) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void CheckList::setOptions(const QList<std::pair<QJsonValue, QString>> &options) {
    const QJsonArray before = checked();
    while (QLayoutItem *item = m_flow->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const auto &[value, shown] : options) {
        auto *box = new QCheckBox(shown, this);
        box->setObjectName(value.isString() ? value.toString()
                                            : QString::number(value.toInteger()));
        box->setProperty("value", value.toVariant());
        connect(box, &QCheckBox::toggled, this, &CheckList::checkedChanged);
        m_flow->addWidget(box);
    }
    setChecked(before);
}

void CheckList::setChecked(const QJsonArray &values) {
    for (int i = 0; i < m_flow->count(); ++i) {
        auto *box = qobject_cast<QCheckBox *>(m_flow->itemAt(i)->widget());
        QSignalBlocker block(box);
        box->setChecked(values.contains(QJsonValue::fromVariant(box->property("value"))));
    }
}

QJsonArray CheckList::checked() const {
    QJsonArray out;
    for (int i = 0; i < m_flow->count(); ++i) {
        auto *box = qobject_cast<QCheckBox *>(m_flow->itemAt(i)->widget());
        if (box && box->isChecked()) out.append(QJsonValue::fromVariant(box->property("value")));
    }
    return out;
}

// ---- ValueEditors -----------------------------------------------------------

namespace {

QString today() {
    return QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
}

QList<std::pair<QJsonValue, QString>> enumOptions(const QStringList &values) {
    QList<std::pair<QJsonValue, QString>> out;
    for (const auto &v : values) out.append({v, RuleTexts::value(v)});
    return out;
}

}  // namespace

EditorSpec ValueEditors::specFor(const Core::Segments::FieldDef &field, const QString &op) {
    EditorSpec s;
    s.type = field.type;
    s.enumValues = field.enumValues;
    s.list = Op::arity(op) == -1;
    s.days = op == Op::InLastDays || op == Op::MoreThanDaysAgo || op == Op::AnniversaryInNextDays;
    if (s.days) {
        s.type = ValueType::Number;
        s.min = 0;
        s.max = op == Op::AnniversaryInNextDays ? 366 : 36500;
    }
    if (field.type == ValueType::Segment) s.picker = QStringLiteral("segment");
    return s;
}

EditorSpec ValueEditors::specFor(const Core::Segments::ParamDef &param) {
    EditorSpec s;
    s.type = param.type;
    s.list = param.list;
    s.enumValues = param.enumValues;
    s.min = param.min;
    s.max = param.max;
    s.days = param.name.endsWith(QLatin1String("days"));
    if (param.name == QLatin1String("sku") || param.name == QLatin1String("category") ||
        param.name == QLatin1String("product"))
        s.picker = param.name;
    return s;
}

QJsonValue ValueEditors::defaultValue(const EditorSpec &spec) {
    if (spec.list) return QJsonArray();
    switch (spec.type) {
        case ValueType::Number:
        case ValueType::Money:
            if (spec.days) return 30;
            return spec.min ? *spec.min : 0;
        case ValueType::Date:
        case ValueType::DateTime:
            return today();
        case ValueType::Enum:
            return spec.enumValues.isEmpty() ? QJsonValue(QString())
                                             : QJsonValue(spec.enumValues.first());
        case ValueType::Bool:
            return QJsonValue();
        case ValueType::Segment:
            return QJsonArray();
        case ValueType::String:
            return QString();
    }
    return {};
}

QJsonValue ValueEditors::defaultFor(const Core::Segments::FieldDef &field, const QString &op) {
    const int arity = Op::arity(op);
    if (arity == 0) return QJsonValue();
    const EditorSpec spec = specFor(field, op);
    if (arity == 2) {
        if (spec.type == ValueType::Date || spec.type == ValueType::DateTime)
            return QJsonArray{
                QDateTime::currentDateTimeUtc().date().addDays(-30).toString(Qt::ISODate), today()};
        return QJsonArray{0, spec.type == ValueType::Money ? 100000 : 10};
    }
    return defaultValue(spec);
}

QWidget *ValueEditors::create(const EditorSpec &spec, const QJsonValue &value, QWidget *parent,
                              Changed changed) const {
    if (spec.list && (spec.type == ValueType::Enum || spec.type == ValueType::Segment)) {
        auto *list = new CheckList(parent);
        list->setObjectName(QStringLiteral("checkList"));
        if (spec.type == ValueType::Segment) {
            QPointer<CheckList> guard(list);
            const QJsonArray chosen = value.toArray();
            if (segments)
                segments(list, [guard, chosen](QList<std::pair<QJsonValue, QString>> options) {
                    if (!guard) return;
                    guard->setOptions(options);
                    guard->setChecked(chosen);
                });
        } else {
            list->setOptions(enumOptions(spec.enumValues));
        }
        list->setChecked(value.toArray());
        QObject::connect(list, &CheckList::checkedChanged, list,
                         [list, changed] { changed(list->checked(), false); });
        return list;
    }
    if (spec.list) {
        auto *tags = new TagEditor(parent);
        tags->setObjectName(QStringLiteral("tagEditor"));
        QStringList values;
        for (const auto &v : value.toArray())
            values << (v.isString() ? v.toString() : QString::number(v.toDouble()));
        tags->setValues(values);
        if (spec.picker == QLatin1String("sku") && products) {
            tags->setSuggester(products);
            tags->setPlaceholder(RuleTexts::tr("Type a product or SKU…"));
        } else if (spec.picker == QLatin1String("category") && categories) {
            tags->setSuggester(categories);
            tags->setPlaceholder(RuleTexts::tr("Type a category…"));
        } else {
            tags->setPlaceholder(RuleTexts::tr("Type a value, press Enter"));
        }
        QObject::connect(tags, &TagEditor::valuesChanged, tags, [changed](const QStringList &v) {
            changed(QJsonArray::fromStringList(v), false);
        });
        return tags;
    }
    switch (spec.type) {
        case ValueType::Enum: {
            auto *combo = new QComboBox(parent);
            combo->setObjectName(QStringLiteral("enumValue"));
            for (const auto &[v, shown] : enumOptions(spec.enumValues))
                combo->addItem(shown, v.toString());
            if (!value.isString() || combo->findData(value.toString()) < 0)
                combo->insertItem(0, QString(), QString());
            combo->setCurrentIndex(std::max(0, combo->findData(value.toString())));
            QObject::connect(combo, &QComboBox::activated, combo, [combo, changed] {
                const QString v = combo->currentData().toString();
                changed(v.isEmpty() ? QJsonValue() : QJsonValue(v), false);
            });
            return combo;
        }
        case ValueType::Date:
        case ValueType::DateTime: {
            auto *date = new QDateEdit(parent);
            date->setObjectName(QStringLiteral("dateValue"));
            date->setCalendarPopup(true);
            date->setLocale(QLocale());
            date->setDisplayFormat(QStringLiteral("dd.MM.yyyy"));
            date->setDate(QDate::fromString(value.toString(), Qt::ISODate).isValid()
                              ? QDate::fromString(value.toString(), Qt::ISODate)
                              : QDateTime::currentDateTimeUtc().date());
            QObject::connect(date, &QDateEdit::dateChanged, date,
                             [changed](QDate d) { changed(d.toString(Qt::ISODate), true); });
            return date;
        }
        case ValueType::Money: {
            auto *spin = new QDoubleSpinBox(parent);
            spin->setObjectName(QStringLiteral("moneyValue"));
            spin->setLocale(QLocale());  // the language chosen now, not the parent's at its birth
            spin->setDecimals(2);
            spin->setRange(spec.min ? *spec.min / 100.0 : -1e9,
                           spec.max ? *spec.max / 100.0 : 1e12);
            spin->setGroupSeparatorShown(true);
            spin->setSuffix(QStringLiteral(" ₽"));
            spin->setValue(value.toDouble() / 100.0);
            spin->setMinimumWidth(120);
            QObject::connect(spin, &QDoubleSpinBox::valueChanged, spin,
                             [changed](double v) { changed(qint64(std::llround(v * 100)), true); });
            return spin;
        }
        case ValueType::Number: {
            auto *spin = new QSpinBox(parent);
            spin->setObjectName(QStringLiteral("numberValue"));
            spin->setLocale(QLocale());
            spin->setRange(spec.min ? int(*spec.min) : -1000000000,
                           spec.max ? int(*spec.max) : 1000000000);
            spin->setGroupSeparatorShown(true);
            if (spec.days) spin->setSuffix(RuleTexts::tr(" days"));
            spin->setValue(int(value.toDouble()));
            spin->setMinimumWidth(90);
            QObject::connect(spin, &QSpinBox::valueChanged, spin,
                             [changed](int v) { changed(v, true); });
            return spin;
        }
        case ValueType::Bool:
            return nullptr;
        case ValueType::Segment:
        case ValueType::String:
            break;
    }
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(QStringLiteral("textValue"));
    edit->setText(value.toString());
    edit->setMaxLength(500);
    edit->setMinimumWidth(160);
    if (spec.picker == QLatin1String("product") && products) {
        // The product name filter: suggest names from the catalog.
        auto *model = new QStandardItemModel(edit);
        auto *completer = new QCompleter(model, edit);
        completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
        edit->setCompleter(completer);
        auto *timer = new QTimer(edit);
        timer->setSingleShot(true);
        timer->setInterval(250);
        const Suggester search = products;
        QObject::connect(edit, &QLineEdit::textEdited, timer, qOverload<>(&QTimer::start));
        QObject::connect(timer, &QTimer::timeout, edit, [edit, model, completer, search] {
            const QString text = edit->text();
            search(text, edit,
                   [edit, model, completer, text](QList<std::pair<QString, QString>> items) {
                       if (edit->text() != text) return;
                       model->clear();
                       for (const auto &item : items)
                           model->appendRow(
                               new QStandardItem(item.second.section(QStringLiteral(" — "), 1)));
                       if (edit->hasFocus() && !items.isEmpty()) completer->complete();
                   });
        });
        QObject::connect(completer, qOverload<const QString &>(&QCompleter::activated), edit,
                         [changed](const QString &t) { changed(t, false); });
    }
    QObject::connect(edit, &QLineEdit::textEdited, edit,
                     [changed](const QString &t) { changed(t, true); });
    return edit;
}

QWidget *ValueEditors::forOperator(const Core::Segments::FieldDef &field, const QString &op,
                                   const QJsonValue &value, QWidget *parent,
                                   Changed changed) const {
    const int arity = Op::arity(op);
    if (arity == 0) return nullptr;
    const EditorSpec spec = specFor(field, op);
    if (arity != 2) return create(spec, value, parent, changed);
    // "between": two editors side by side; each keeps the other's half.
    auto *box = new QWidget(parent);
    box->setObjectName(QStringLiteral("betweenValue"));
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    auto current = std::make_shared<QJsonArray>(value.isArray() && value.toArray().size() == 2
                                                    ? value.toArray()
                                                    : defaultFor(field, op).toArray());
    for (int i = 0; i < 2; ++i) {
        if (i == 1) row->addWidget(new QLabel(RuleTexts::tr("and"), box));
        QWidget *w = create(spec, current->at(i), box,
                            [current, i, changed](const QJsonValue &v, bool typing) {
                                (*current)[i] = v;
                                changed(*current, typing);
                            });
        w->setObjectName(i == 0 ? QStringLiteral("fromValue") : QStringLiteral("toValue"));
        row->addWidget(w);
    }
    return box;
}

}  // namespace LoyaltyDesk::Widgets
