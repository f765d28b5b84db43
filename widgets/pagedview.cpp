#include "pagedview.h"

#include "badge.h"
#include "models/format.h"
#include "models/pagedmodel.h"

#include <QEvent>
#include <QAbstractItemDelegate>
#include <QFontMetrics>
#include <QStyleOptionViewItem>

#include <algorithm>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace LoyaltyDesk::Widgets {

PagedView::PagedView(Models::PagedModel *model, QWidget *parent)
    : QWidget(parent),
      m_model(model),
      m_view(new QTreeView(this)),
      m_stack(new QStackedWidget(this)),
      m_empty(new QLabel(this)),
      m_progressRow(new QWidget(this)),
      m_progress(new QProgressBar(this)),
      m_progressLabel(new QLabel(this)),
      m_cancel(new QPushButton(this)),
      m_bannerRow(new QWidget(this)),
      m_banner(new Badge(this)),
      m_retry(new QPushButton(this)),
      m_footer(new QLabel(this))
{
    m_view->setModel(model);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setRootIsDecorated(!model->spec().childKey.isEmpty());
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAllColumnsShowFocus(true);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);

    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setMargin(24);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);

    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setFixedHeight(6);
    m_progress->setMaximumWidth(180);
    auto *progressLayout = new QHBoxLayout(m_progressRow);
    progressLayout->setContentsMargins(0, 0, 0, 0);
    progressLayout->addWidget(m_progress);
    progressLayout->addWidget(m_progressLabel);
    progressLayout->addStretch();
    progressLayout->addWidget(m_cancel);
    m_cancel->setFlat(true);

    m_banner->setWordWrap(true);
    m_banner->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    auto *bannerLayout = new QHBoxLayout(m_bannerRow);
    bannerLayout->setContentsMargins(0, 0, 0, 0);
    bannerLayout->addWidget(m_banner, 1);
    bannerLayout->addWidget(m_retry);

    m_footer->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_bannerRow);
    layout->addWidget(m_progressRow);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_footer);
    setFocusProxy(m_view);

    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (index.isValid() && !index.parent().isValid()) emit activated(index.siblingAtColumn(0));
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] { m_model->cancel(); });
    connect(m_retry, &QPushButton::clicked, this, [this] { m_model->reload(); });
    connect(model, &Models::PagedModel::loadingChanged, this, &PagedView::update);
    connect(model, &Models::PagedModel::pageLoaded, this, &PagedView::update);
    connect(model, &Models::PagedModel::loadFailed, this, &PagedView::update);
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_sized = false;
        spanChildren(0, m_model->rowCount() - 1);
        update();
    });
    connect(model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &parent, int first, int last) {
        if (!parent.isValid()) spanChildren(first, last);
    });
    retranslate();
}

void PagedView::spanChildren(int first, int last)
{
    for (int r = first; r <= last; ++r) {
        const QModelIndex parent = m_model->index(r, 0);
        for (int c = 0; c < m_model->rowCount(parent); ++c) m_view->setFirstColumnSpanned(c, parent, true);
        if (m_expandAll && m_model->rowCount(parent) > 0) m_view->expand(parent);
    }
}

void PagedView::setIdleText(const QString &text)
{
    m_idleText = text;
    update();
}

QString PagedView::bannerText() const { return m_banner->text(); }

bool PagedView::isBannerVisible() const { return !m_bannerRow->isHidden(); }

void PagedView::update()
{
    const bool loading = m_model->isLoading();
    m_progressRow->setVisible(loading);
    const int rows = m_model->itemCount();
    if (!m_model->errorMessage().isEmpty()) {
        m_banner->setTone(Badge::Tone::Bad);
        m_banner->setText(m_model->errorMessage());
        m_retry->setVisible(true);
        m_bannerRow->setVisible(true);
    } else if (const auto at = m_model->cachedAt()) {
        m_banner->setTone(Badge::Tone::Warning);
        m_banner->setText(tr("Offline: showing the copy saved %1. It is read-only and refreshes when the server is back.")
                              .arg(Models::Format::age(*at)));
        m_retry->setVisible(true);
        m_bannerRow->setVisible(true);
    } else {
        m_bannerRow->setVisible(false);
    }
    if (rows == 0 && !loading) {
        m_empty->setText(m_model->hasLoaded() ? m_model->spec().emptyMessage() : m_idleText);
        m_stack->setCurrentIndex(m_model->hasLoaded() || !m_idleText.isEmpty() ? 1 : 0);
    } else {
        m_stack->setCurrentWidget(m_view);
    }
    if (rows > 0 && !m_sized) {
        m_sized = true;
        // Measured from the texts: resizeColumnToContents() sees only the rows on screen,
        // none while the view has just been shown and not laid out yet.
        QStyleOptionViewItem option;
        option.initFrom(m_view->viewport());
        option.font = m_view->font();
        option.fontMetrics = QFontMetrics(option.font);
        option.features = QStyleOptionViewItem::HasDisplay;
        const int sample = std::min(rows, 60);
        for (int c = 0; c < m_model->columnCount(); ++c) {
            int width = m_view->header()->sectionSizeHint(c);
            for (int r = 0; r < sample; ++r) {
                const QModelIndex index = m_model->index(r, c);
                width = std::max(width, m_view->itemDelegateForIndex(index)->sizeHint(option, index).width() + 8);
            }
            if (c == 0 && m_view->rootIsDecorated()) width += m_view->indentation();
            m_view->setColumnWidth(c, std::clamp(width, 40, 320));
        }
    }
    m_footer->setVisible(rows > 0);
    m_footer->setText(m_model->hasMore() ? tr("%n row(s) shown; scroll down for more", nullptr, rows)
                                         : tr("%n row(s)", nullptr, rows));
}

void PagedView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void PagedView::retranslate()
{
    m_progressLabel->setText(tr("Loading…"));
    m_cancel->setText(tr("Cancel"));
    m_retry->setText(tr("Retry"));
    m_model->retranslate();
    update();
}

}  // namespace LoyaltyDesk::Widgets
