#include "searchbox.h"

#include <QAbstractItemView>
#include <QAction>
#include <QCompleter>
#include <QEvent>
#include <QIcon>
#include <QKeyEvent>
#include <QStringListModel>

namespace LoyaltyDesk::Widgets {

SearchBox::SearchBox(QWidget *parent)
    : QLineEdit(parent), m_completer(new QCompleter(this)), m_recent(new QStringListModel(this))
{
    setClearButtonEnabled(true);
    addAction(QIcon(QStringLiteral(":/icons/search.svg")), QLineEdit::LeadingPosition);
    m_timer.setSingleShot(true);
    m_timer.setInterval(250);
    m_completer->setModel(m_recent);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    setCompleter(m_completer);
    connect(&m_timer, &QTimer::timeout, this, &SearchBox::searchNow);
    connect(this, &QLineEdit::textEdited, this, [this] { m_timer.start(); });
    connect(this, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty()) searchNow();  // the clear button
    });
    setMinimumHeight(34);
    retranslate();
}

void SearchBox::setRecentSearches(const QStringList &recent) { m_recent->setStringList(recent); }

void SearchBox::searchNow()
{
    m_timer.stop();
    const QString text = this->text().trimmed();
    if (text == m_lastSearched) return;
    m_lastSearched = text;
    emit searchRequested(text);
}

void SearchBox::keyPressEvent(QKeyEvent *event)
{
    const bool popup = m_completer->popup() && m_completer->popup()->isVisible();
    if (!popup) {
        if (event->key() == Qt::Key_Down) {
            searchNow();
            emit downPressed();
            return;
        }
        if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
            searchNow();
            emit enterPressed();
            return;
        }
        if (event->key() == Qt::Key_Escape && !text().isEmpty()) {
            clear();
            return;
        }
    }
    QLineEdit::keyPressEvent(event);
}

void SearchBox::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) retranslate();
    QLineEdit::changeEvent(event);
}

void SearchBox::retranslate()
{
    setPlaceholderText(tr("Phone, e-mail, card, cheque number or name  (Ctrl+F)"));
    setAccessibleName(tr("Search customers"));
}

}  // namespace LoyaltyDesk::Widgets
