#include "profileeditor.h"

#include "core/customer.h"
#include "models/apiclient.h"
#include "models/format.h"
#include "models/repository.h"

#include <QComboBox>
#include <QCompleter>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

namespace LoyaltyDesk::Ui {

namespace {

const QStringList TextFields = {QStringLiteral("last_name"), QStringLiteral("first_name"), QStringLiteral("middle_name"),
                                QStringLiteral("birth_date"), QStringLiteral("phone"), QStringLiteral("email"),
                                QStringLiteral("city"), QStringLiteral("address"), QStringLiteral("source"),
                                QStringLiteral("preferred_categories")};

QString primaryContact(const QJsonObject &profile, const QString &kind)
{
    QString any;
    for (const auto &v : profile.value(QStringLiteral("contacts")).toArray()) {
        const QJsonObject c = v.toObject();
        if (c.value(QStringLiteral("kind")).toString() != kind) continue;
        if (c.value(QStringLiteral("is_primary")).toBool()) return c.value(QStringLiteral("value")).toString();
        if (any.isEmpty()) any = c.value(QStringLiteral("value")).toString();
    }
    return any;
}

QString listText(const QJsonArray &items)
{
    QStringList out;
    for (const auto &v : items) out << Models::Format::value(v);
    return out.join(QLatin1Char('\n'));
}

}  // namespace

ProfileEditor::ProfileEditor(Models::Repository *repository, QWidget *parent)
    : QWidget(parent),
      m_repository(repository),
      m_form(new QFormLayout),
      m_gender(new QComboBox(this)),
      m_timeZone(new QComboBox(this)),
      m_custom(new QTableWidget(0, 2, this)),
      m_children(new QLabel(this)),
      m_pets(new QLabel(this)),
      m_customLabel(new QLabel(this)),
      m_addAttribute(new QPushButton(this)),
      m_removeAttribute(new QPushButton(this)),
      m_message(new QLabel(this)),
      m_save(new QPushButton(this)),
      m_revert(new QPushButton(this))
{
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_form->setHorizontalSpacing(12);
    m_form->setVerticalSpacing(8);
    addLine(QStringLiteral("last_name"), 100);
    addLine(QStringLiteral("first_name"), 100);
    addLine(QStringLiteral("middle_name"), 100);
    m_gender->setObjectName(QStringLiteral("gender"));
    m_fields.insert(QStringLiteral("gender"), m_gender);
    m_labels.insert(QStringLiteral("gender"), new QLabel(this));
    m_form->addRow(m_labels.value(QStringLiteral("gender")), m_gender);
    connect(m_gender, &QComboBox::currentIndexChanged, this, &ProfileEditor::updateButtons);
    addLine(QStringLiteral("birth_date"), 10)->setInputMask(QString());
    addLine(QStringLiteral("phone"), 64);
    addLine(QStringLiteral("email"), 254);
    addLine(QStringLiteral("city"), 100);
    addLine(QStringLiteral("address"), 500);
    m_timeZone->setEditable(true);
    m_timeZone->setObjectName(QStringLiteral("time_zone"));
    m_timeZone->addItem(QString());
    for (const auto &id : QTimeZone::availableTimeZoneIds()) {
        if (id.contains('/')) m_timeZone->addItem(QString::fromLatin1(id));
    }
    m_timeZone->completer()->setFilterMode(Qt::MatchContains);
    m_timeZone->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_fields.insert(QStringLiteral("time_zone"), m_timeZone);
    m_labels.insert(QStringLiteral("time_zone"), new QLabel(this));
    m_form->addRow(m_labels.value(QStringLiteral("time_zone")), m_timeZone);
    connect(m_timeZone, &QComboBox::currentTextChanged, this, &ProfileEditor::updateButtons);
    addLine(QStringLiteral("source"), 100);
    addLine(QStringLiteral("preferred_categories"), 2000);
    m_labels.insert(QStringLiteral("children"), new QLabel(this));
    m_form->addRow(m_labels.value(QStringLiteral("children")), m_children);
    m_labels.insert(QStringLiteral("pets"), new QLabel(this));
    m_form->addRow(m_labels.value(QStringLiteral("pets")), m_pets);

    m_custom->setObjectName(QStringLiteral("custom_attributes"));
    m_custom->horizontalHeader()->setStretchLastSection(true);
    m_custom->verticalHeader()->hide();
    m_custom->setMinimumHeight(120);
    m_custom->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_fields.insert(QStringLiteral("custom_attributes"), m_custom);
    connect(m_custom, &QTableWidget::itemChanged, this, &ProfileEditor::updateButtons);
    connect(m_addAttribute, &QPushButton::clicked, this, [this] {
        const int row = m_custom->rowCount();
        m_custom->insertRow(row);
        m_custom->setItem(row, 0, new QTableWidgetItem);
        m_custom->setItem(row, 1, new QTableWidgetItem);
        m_custom->setCurrentCell(row, 0);
        m_custom->editItem(m_custom->item(row, 0));
    });
    connect(m_removeAttribute, &QPushButton::clicked, this, [this] {
        if (m_custom->currentRow() >= 0) m_custom->removeRow(m_custom->currentRow());
        updateButtons();
    });
    auto *customButtons = new QHBoxLayout;
    customButtons->addWidget(m_customLabel);
    customButtons->addStretch();
    customButtons->addWidget(m_addAttribute);
    customButtons->addWidget(m_removeAttribute);

    m_message->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("editorMessage"));
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_save->setObjectName(QStringLiteral("saveProfile"));
    m_save->setDefault(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_message, 1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    connect(m_save, &QPushButton::clicked, this, &ProfileEditor::save);
    connect(m_revert, &QPushButton::clicked, this, &ProfileEditor::revert);
    auto *saveShortcut = new QShortcut(QKeySequence::Save, this, this, &ProfileEditor::save, Qt::WidgetWithChildrenShortcut);
    Q_UNUSED(saveShortcut)

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addLayout(m_form);
    layout->addLayout(customButtons);
    layout->addWidget(m_custom, 1);
    retranslate();
    setEditable(false);
}

QLineEdit *ProfileEditor::addLine(const QString &key, int maxLength)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(key);
    edit->setMaxLength(maxLength);
    auto *label = new QLabel(this);
    label->setBuddy(edit);
    m_fields.insert(key, edit);
    m_labels.insert(key, label);
    m_form->addRow(label, edit);
    connect(edit, &QLineEdit::textEdited, this, &ProfileEditor::updateButtons);
    return edit;
}

QString ProfileEditor::labelFor(const QString &field) const
{
    const QString base = field.section(QLatin1Char('.'), 0, 0);
    if (const QLabel *l = m_labels.value(base)) return l->text().remove(QLatin1Char('&')).remove(QLatin1Char(':'));
    if (base == QLatin1String("custom_attributes")) return m_customLabel->text().remove(QLatin1Char(':'));
    return field;
}

void ProfileEditor::retranslate()
{
    const QList<QPair<QString, QString>> labels = {
        {QStringLiteral("last_name"), tr("&Last name:")},
        {QStringLiteral("first_name"), tr("&First name:")},
        {QStringLiteral("middle_name"), tr("&Middle name:")},
        {QStringLiteral("gender"), tr("Gender:")},
        {QStringLiteral("birth_date"), tr("&Birth date:")},
        {QStringLiteral("phone"), tr("&Phone:")},
        {QStringLiteral("email"), tr("&E-mail:")},
        {QStringLiteral("city"), tr("C&ity:")},
        {QStringLiteral("address"), tr("A&ddress:")},
        {QStringLiteral("time_zone"), tr("&Time zone:")},
        {QStringLiteral("source"), tr("S&ource:")},
        {QStringLiteral("preferred_categories"), tr("Preferred &categories:")},
        {QStringLiteral("children"), tr("Children:")},
        {QStringLiteral("pets"), tr("Pets:")},
    };
    for (const auto &[key, text] : labels) m_labels.value(key)->setText(text);
    m_labels.value(QStringLiteral("gender"))->setBuddy(m_gender);
    m_labels.value(QStringLiteral("time_zone"))->setBuddy(m_timeZone);
    const int gender = m_gender->currentIndex();
    m_gender->blockSignals(true);
    m_gender->clear();
    m_gender->addItem(tr("Not specified"), QString());
    m_gender->addItem(tr("Female"), QStringLiteral("female"));
    m_gender->addItem(tr("Male"), QStringLiteral("male"));
    m_gender->setCurrentIndex(std::max(gender, 0));
    m_gender->blockSignals(false);
    static_cast<QLineEdit *>(m_fields.value(QStringLiteral("birth_date")))->setPlaceholderText(tr("YYYY-MM-DD"));
    static_cast<QLineEdit *>(m_fields.value(QStringLiteral("phone")))->setPlaceholderText(tr("+7 916 123-45-67"));
    static_cast<QLineEdit *>(m_fields.value(QStringLiteral("preferred_categories")))->setPlaceholderText(tr("Comma-separated, e.g. dairy, bakery"));
    m_timeZone->lineEdit()->setPlaceholderText(tr("e.g. Europe/Moscow"));
    m_custom->setHorizontalHeaderLabels({tr("Attribute"), tr("Value")});
    m_customLabel->setText(tr("Custom fields:"));
    m_addAttribute->setText(tr("&Add field"));
    m_removeAttribute->setText(tr("Remo&ve field"));
    m_save->setText(tr("&Save changes"));
    m_revert->setText(tr("&Revert"));
    m_save->setToolTip(tr("Save the changes (Ctrl+S). The change is recorded in the customer's audit log."));
    m_children->setText(m_children->property("empty").toBool() ? tr("none") : m_children->text());
    m_pets->setText(m_pets->property("empty").toBool() ? tr("none") : m_pets->text());
}

void ProfileEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

QJsonObject ProfileEditor::valuesOf(const QJsonObject &p)
{
    QJsonObject v;
    for (const char *key : {"last_name", "first_name", "middle_name", "birth_date", "city", "address", "source", "gender", "time_zone"})
        v.insert(QLatin1String(key), p.value(QLatin1String(key)).toString());
    v.insert(QStringLiteral("phone"), primaryContact(p, QStringLiteral("phone")));
    v.insert(QStringLiteral("email"), primaryContact(p, QStringLiteral("email")));
    QStringList categories;
    for (const auto &c : p.value(QStringLiteral("preferred_categories")).toArray()) categories << c.toString();
    v.insert(QStringLiteral("preferred_categories"), categories.join(QStringLiteral(", ")));
    v.insert(QStringLiteral("custom_attributes"), p.value(QStringLiteral("custom_attributes")).toObject());
    return v;
}

QJsonObject ProfileEditor::currentValues() const
{
    QJsonObject v;
    for (const auto &key : TextFields) v.insert(key, static_cast<QLineEdit *>(m_fields.value(key))->text().trimmed());
    v.insert(QStringLiteral("gender"), m_gender->currentData().toString());
    v.insert(QStringLiteral("time_zone"), m_timeZone->currentText().trimmed());
    QJsonObject custom;
    const QJsonObject original = m_original.value(QStringLiteral("custom_attributes")).toObject();
    for (int r = 0; r < m_custom->rowCount(); ++r) {
        const QString name = m_custom->item(r, 0) ? m_custom->item(r, 0)->text().trimmed() : QString();
        const QString text = m_custom->item(r, 1) ? m_custom->item(r, 1)->text() : QString();
        if (name.isEmpty() && text.isEmpty()) continue;
        // Keep numbers and true/false as they were when the text is unchanged.
        const QJsonValue before = original.value(name);
        custom.insert(name, Models::Format::value(before) == text && !before.isUndefined() ? before : QJsonValue(text));
    }
    v.insert(QStringLiteral("custom_attributes"), custom);
    return v;
}

void ProfileEditor::setProfile(const QJsonObject &profile)
{
    m_profile = profile;
    m_original = valuesOf(profile);
    for (const auto &key : TextFields) {
        auto *edit = static_cast<QLineEdit *>(m_fields.value(key));
        edit->setText(m_original.value(key).toString());
        edit->setCursorPosition(0);
        edit->setStyleSheet({});
        edit->setToolTip({});
    }
    m_gender->setCurrentIndex(std::max(0, m_gender->findData(m_original.value(QStringLiteral("gender")).toString())));
    m_timeZone->setCurrentText(m_original.value(QStringLiteral("time_zone")).toString());
    m_custom->blockSignals(true);
    m_custom->setRowCount(0);
    const QJsonObject custom = m_original.value(QStringLiteral("custom_attributes")).toObject();
    for (auto it = custom.begin(); it != custom.end(); ++it) {
        const int row = m_custom->rowCount();
        m_custom->insertRow(row);
        m_custom->setItem(row, 0, new QTableWidgetItem(it.key()));
        m_custom->setItem(row, 1, new QTableWidgetItem(Models::Format::value(*it)));
    }
    m_custom->blockSignals(false);
    const QJsonArray children = profile.value(QStringLiteral("children")).toArray();
    const QJsonArray pets = profile.value(QStringLiteral("pets")).toArray();
    m_children->setProperty("empty", children.isEmpty());
    m_pets->setProperty("empty", pets.isEmpty());
    m_children->setText(children.isEmpty() ? tr("none") : listText(children));
    m_pets->setText(pets.isEmpty() ? tr("none") : listText(pets));
    showMessage({}, false);
    updateButtons();
}

void ProfileEditor::setEditable(bool editable)
{
    m_editable = editable;
    for (auto *w : std::as_const(m_fields)) {
        if (auto *edit = qobject_cast<QLineEdit *>(w)) edit->setReadOnly(!editable);
    }
    m_gender->setEnabled(editable);
    m_timeZone->setEnabled(editable);
    m_custom->setEditTriggers(editable ? QAbstractItemView::AllEditTriggers : QAbstractItemView::NoEditTriggers);
    m_addAttribute->setVisible(editable);
    m_removeAttribute->setVisible(editable);
    m_save->setVisible(editable);
    m_revert->setVisible(editable);
    updateButtons();
}

QJsonObject ProfileEditor::changes() const
{
    QJsonObject out;
    const QJsonObject now = currentValues();
    for (auto it = now.begin(); it != now.end(); ++it) {
        if (m_original.value(it.key()) == *it) continue;
        if (it.key() == QLatin1String("preferred_categories")) {
            QJsonArray list;
            for (const auto &c : it->toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
                if (!c.trimmed().isEmpty()) list.append(c.trimmed());
            out.insert(it.key(), list);
        } else if (it->isString() && it->toString().isEmpty()) {
            out.insert(it.key(), QJsonValue::Null);  // erase
        } else {
            out.insert(it.key(), *it);
        }
    }
    return out;
}

bool ProfileEditor::isDirty() const { return !m_profile.isEmpty() && !changes().isEmpty(); }

void ProfileEditor::updateButtons()
{
    const bool dirty = isDirty();
    m_save->setEnabled(m_editable && dirty && !m_saving);
    m_revert->setEnabled(m_editable && dirty && !m_saving);
    emit dirtyChanged(dirty);
}

void ProfileEditor::revert() { setProfile(m_profile); }

QString ProfileEditor::message() const { return m_message->text(); }

void ProfileEditor::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
}

void ProfileEditor::showErrors(const QList<Core::FieldError> &errors, const QString &message)
{
    QStringList lines;
    for (const auto &e : errors) {
        lines << tr("%1: %2").arg(labelFor(e.field), e.message);
        if (QWidget *w = m_fields.value(e.field.section(QLatin1Char('.'), 0, 0))) {
            w->setStyleSheet(QStringLiteral("border: 1px solid #d32f2f; border-radius: 3px;"));
            w->setToolTip(e.message);
        }
    }
    if (!errors.isEmpty()) {
        if (QWidget *w = m_fields.value(errors.first().field.section(QLatin1Char('.'), 0, 0))) w->setFocus();
    }
    showMessage(lines.isEmpty() ? message : lines.join(QLatin1Char('\n')), true);
}

void ProfileEditor::save()
{
    if (!m_editable || m_saving || !isDirty()) return;
    for (auto *w : std::as_const(m_fields)) {
        w->setStyleSheet({});
        w->setToolTip({});
    }
    const QJsonObject body = changes();
    // The same validation the server runs, before anything goes over the wire.
    if (auto checked = Core::CustomerChanges::fromJson(body); !checked) {
        showErrors(checked.error().fields, checked.error().message);
        return;
    }
    m_saving = true;
    updateButtons();
    showMessage(tr("Saving…"), false);
    const qint64 id = m_profile.value(QStringLiteral("id")).toInteger();
    const QString path = QStringLiteral("/api/v1/customers/%1").arg(id);
    m_repository->api()->patch(path, body, this, [this, path](Core::Result<QJsonObject> r) {
        m_saving = false;
        if (!r) {
            showErrors(r.error().fields, r.error().message);
            updateButtons();
            return;
        }
        m_repository->store(path, *r);
        setProfile(*r);
        showMessage(tr("Saved. The change is recorded in the audit log."), false);
        emit saved(*r);
    });
}

}  // namespace LoyaltyDesk::Ui
