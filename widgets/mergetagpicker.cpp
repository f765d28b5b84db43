#include "mergetagpicker.h"

#include "models/apiclient.h"
#include "models/format.h"

#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScreen>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace LoyaltyDesk::Widgets {

namespace {

enum Column { PathColumn, DescriptionColumn, ExampleColumn };
constexpr int PathRole = Qt::UserRole + 1;
constexpr int TypeRole = Qt::UserRole + 2;

// Group titles of the variables' first path segment.
const char *groupTitle(const QString &group) {
    static const QHash<QString, const char *> titles = {
        {QStringLiteral("customer"),
         QT_TRANSLATE_NOOP("LoyaltyDesk::Widgets::MergeTagPicker", "Customer")},
        {QStringLiteral("contacts"),
         QT_TRANSLATE_NOOP("LoyaltyDesk::Widgets::MergeTagPicker", "Contacts")},
        {QStringLiteral("balance"),
         QT_TRANSLATE_NOOP("LoyaltyDesk::Widgets::MergeTagPicker", "Bonus balance")},
        {QStringLiteral("tier"),
         QT_TRANSLATE_NOOP("LoyaltyDesk::Widgets::MergeTagPicker", "Status tier")},
        {QStringLiteral("rfm"), QT_TRANSLATE_NOOP("LoyaltyDesk::Widgets::MergeTagPicker", "RFM")},
        {QStringLiteral("last_receipt"),
         QT_TRANSLATE_NOOP("LoyaltyDesk::Widgets::MergeTagPicker", "Last purchase")},
        {QStringLiteral("campaign"),
         QT_TRANSLATE_NOOP("LoyaltyDesk::Widgets::MergeTagPicker", "Campaign")},
    };
    return titles.value(
        group, QT_TRANSLATE_NOOP("LoyaltyDesk::Widgets::MergeTagPicker", "Lists and links"));
}

// The filters offered, with the arguments they usually take.
QString filterSuffix(const QString &filter) {
    if (filter.isEmpty()) return {};
    if (filter == QLatin1String("default")) return QStringLiteral(" | default: \"\"");
    if (filter == QLatin1String("date")) return QStringLiteral(" | date: \"%d.%m.%Y\"");
    if (filter == QLatin1String("truncate")) return QStringLiteral(" | truncate: 40");
    if (filter == QLatin1String("plural"))
        return QStringLiteral(" | plural: \"балл\", \"балла\", \"баллов\"");
    return QStringLiteral(" | ") + filter;
}

QString filterForType(const QString &type) {
    if (type == QLatin1String("money")) return QStringLiteral("money");
    if (type == QLatin1String("date") || type == QLatin1String("datetime"))
        return QStringLiteral("date");
    return {};
}

}  // namespace

MergeTagPicker::MergeTagPicker(Models::ApiClient *api, QWidget *parent)
    : QToolButton(parent),
      m_api(api),
      m_popup(new QFrame(this, Qt::Popup)),
      m_search(new QLineEdit(m_popup)),
      m_tree(new QTreeWidget(m_popup)),
      m_filter(new QComboBox(m_popup)),
      m_hint(new QLabel(m_popup)) {
    setObjectName(QStringLiteral("mergeTagPicker"));
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setFocusPolicy(Qt::NoFocus);  // the field being edited keeps the keyboard
    m_popup->setObjectName(QStringLiteral("mergeTagPopup"));
    m_popup->setFrameShape(QFrame::StyledPanel);
    m_search->setObjectName(QStringLiteral("mergeTagSearch"));
    m_search->setClearButtonEnabled(true);
    m_tree->setObjectName(QStringLiteral("mergeTagTree"));
    m_tree->setColumnCount(3);
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setSectionResizeMode(PathColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);
    m_filter->setObjectName(QStringLiteral("mergeTagFilter"));
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_hint->setWordWrap(true);
    auto *layout = new QVBoxLayout(m_popup);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_search);
    layout->addWidget(m_tree, 1);
    auto *row = new QHBoxLayout;
    row->addWidget(m_hint, 1);
    row->addWidget(m_filter);
    layout->addLayout(row);
    m_popup->resize(620, 420);

    connect(this, &QToolButton::clicked, this, &MergeTagPicker::showPopup);
    connect(m_search, &QLineEdit::textChanged, this, &MergeTagPicker::applySearch);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this] { insertCurrent(); });
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (!item || item->data(0, PathRole).toString().isEmpty()) return;
        const int i = m_filter->findData(filterForType(item->data(0, TypeRole).toString()));
        m_filter->setCurrentIndex(std::max(i, 0));
    });
    m_search->installEventFilter(this);
    // The target follows the focus among the registered fields (and their insides).
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        for (QWidget *w = now; w; w = w->parentWidget())
            if (m_inserters.contains(w)) {
                m_target = w;
                return;
            }
    });
    retranslate();
}

void MergeTagPicker::load() {
    if (isLoaded() || m_loading) return;
    m_loading = true;
    m_api->get(QStringLiteral("/api/v1/templates/variables"), {}, this,
               [this](Core::Result<QJsonObject> r) {
                   m_loading = false;
                   if (!r) {
                       setToolTip(r.error().message);
                       return;
                   }
                   m_variables = r->value(QStringLiteral("items")).toArray();
                   m_filters.clear();
                   for (const auto &f : r->value(QStringLiteral("filters")).toArray())
                       m_filters << f.toString();
                   fill();
                   emit loaded();
               });
}

void MergeTagPicker::addTarget(QWidget *field, std::function<void(const QString &)> insert) {
    m_inserters.insert(field, std::move(insert));
    connect(field, &QObject::destroyed, this, [this, field] { m_inserters.remove(field); });
}

bool MergeTagPicker::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down) {
            m_tree->setFocus();
            return true;
        }
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            insertCurrent();
            return true;
        }
    }
    return QToolButton::eventFilter(watched, event);
}

void MergeTagPicker::fill() {
    m_tree->clear();
    QHash<QString, QTreeWidgetItem *> groups;
    for (const auto &v : std::as_const(m_variables)) {
        const QJsonObject o = v.toObject();
        const QString path = o.value(QStringLiteral("path")).toString();
        const QString group =
            path.contains(QLatin1Char('.')) ? path.section(QLatin1Char('.'), 0, 0) : QString();
        const QString title = tr(groupTitle(group));
        QTreeWidgetItem *parent = groups.value(title);
        if (!parent) {
            parent = new QTreeWidgetItem(m_tree, {title});
            QFont bold = parent->font(0);
            bold.setBold(true);
            parent->setFont(0, bold);
            parent->setFlags(Qt::ItemIsEnabled);
            groups.insert(title, parent);
        }
        const QJsonValue example = o.value(QStringLiteral("example"));
        auto *item = new QTreeWidgetItem(
            parent,
            {path, o.value(QStringLiteral("description")).toString(),
             example.isObject() || example.isArray() ? QString() : Models::Format::value(example)});
        item->setData(0, PathRole, path);
        item->setData(0, TypeRole, o.value(QStringLiteral("type")).toString());
        item->setToolTip(0, expression(path, {}));
    }
    m_tree->expandAll();
    const QString current = m_filter->currentData().toString();
    m_filter->clear();
    m_filter->addItem(tr("No filter"), QString());
    for (const QString &f : std::as_const(m_filters)) m_filter->addItem(filterSuffix(f).mid(3), f);
    m_filter->setCurrentIndex(std::max(0, m_filter->findData(current)));
    applySearch(m_search->text());
}

void MergeTagPicker::applySearch(const QString &text) {
    const QString t = text.trimmed();
    QTreeWidgetItem *first = nullptr;
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_tree->topLevelItem(g);
        bool any = false;
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem *item = group->child(i);
            const bool match = t.isEmpty() ||
                               item->text(PathColumn).contains(t, Qt::CaseInsensitive) ||
                               item->text(DescriptionColumn).contains(t, Qt::CaseInsensitive) ||
                               group->text(0).contains(t, Qt::CaseInsensitive);
            item->setHidden(!match);
            if (match && !first) first = item;
            any = any || match;
        }
        group->setHidden(!any);
    }
    if (first) m_tree->setCurrentItem(first);
}

void MergeTagPicker::showPopup() {
    load();
    QPoint at = mapToGlobal(QPoint(0, height()));
    if (const QScreen *s = screen()) {
        const QRect r = s->availableGeometry();
        at.setX(std::clamp(at.x(), r.left(), std::max(r.left(), r.right() - m_popup->width())));
        if (at.y() + m_popup->height() > r.bottom())
            at.setY(mapToGlobal(QPoint(0, 0)).y() - m_popup->height());
    }
    m_popup->move(at);
    m_popup->show();
    m_search->setFocus(Qt::PopupFocusReason);
    m_search->selectAll();
}

QString MergeTagPicker::expression(const QString &path, const QString &filter) {
    return QStringLiteral("{{ ") + path + filterSuffix(filter) + QStringLiteral(" }}");
}

bool MergeTagPicker::insert(const QString &path, const QString &filter) {
    if (!m_target) return false;
    const QString text = expression(path, filter);
    if (const auto custom = m_inserters.value(m_target.data()))
        custom(text);
    else if (auto *line = qobject_cast<QLineEdit *>(m_target.data()))
        line->insert(text);
    else if (auto *plain = qobject_cast<QPlainTextEdit *>(m_target.data()))
        plain->insertPlainText(text);
    else
        return false;
    m_target->setFocus(Qt::OtherFocusReason);
    emit inserted(text);
    return true;
}

void MergeTagPicker::insertCurrent() {
    const QTreeWidgetItem *item = m_tree->currentItem();
    if (!item || item->isHidden() || item->data(0, PathRole).toString().isEmpty()) return;
    m_popup->hide();
    insert(item->data(0, PathRole).toString(), m_filter->currentData().toString());
}

void MergeTagPicker::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QToolButton::changeEvent(event);
}

void MergeTagPicker::retranslate() {
    setText(tr("{{ }} Merge tag"));
    setToolTip(tr("Insert a customer's data at the cursor"));
    m_search->setPlaceholderText(tr("Find a variable: name, balance, receipt…"));
    m_tree->setHeaderLabels({tr("Variable"), tr("Description"), tr("Example")});
    m_hint->setText(tr("Enter inserts at the cursor. Filter:"));
    if (isLoaded()) fill();
}

}  // namespace LoyaltyDesk::Widgets
