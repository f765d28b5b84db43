#include "phonepreview.h"

#include <QEvent>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QTime>
#include <QVBoxLayout>

namespace LoyaltyDesk::Widgets {

namespace {
constexpr int Bezel = 12;
constexpr int PhoneWidth = 300;
constexpr int PhoneHeight = 560;

QString part(const QJsonObject &parts, const char *name) {
    return parts.value(QLatin1String(name)).toString();
}
}  // namespace

PhonePreview::PhonePreview(QWidget *parent)
    : QWidget(parent),
      m_screen(new QWidget(this)),
      m_layout(new QVBoxLayout(m_screen)),
      m_clock(new QLabel(m_screen)),
      m_header(new QLabel(m_screen)),
      m_title(new QLabel),
      m_body(new QLabel),
      m_extra(new QLabel),
      m_button(new QLabel),
      m_errorLabel(new QLabel(m_screen)),
      m_status(new QLabel(m_screen)),
      m_card(new QWidget(m_screen)) {
    setObjectName(QStringLiteral("phonePreview"));
    m_body->setObjectName(QStringLiteral("previewBody"));
    m_errorLabel->setObjectName(QStringLiteral("previewErrors"));
    m_card->setObjectName(QStringLiteral("previewCard"));
    m_clock->setAlignment(Qt::AlignCenter);
    m_header->setAlignment(Qt::AlignCenter);
    m_header->setWordWrap(true);
    for (QLabel *l : {m_title, m_body, m_extra, m_button}) {
        l->setWordWrap(true);
        l->setTextFormat(Qt::PlainText);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_button->setAlignment(Qt::AlignCenter);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_status->setAlignment(Qt::AlignCenter);
    auto *cardLayout = new QVBoxLayout(m_card);
    cardLayout->setContentsMargins(12, 10, 12, 10);
    cardLayout->setSpacing(4);
    cardLayout->addWidget(m_title);
    cardLayout->addWidget(m_body);
    cardLayout->addWidget(m_extra);
    cardLayout->addWidget(m_button);
    m_layout->setContentsMargins(14, 10, 14, 14);
    m_layout->setSpacing(8);
    m_layout->addWidget(m_clock);
    m_layout->addWidget(m_header);
    m_layout->addWidget(m_card);
    m_layout->addStretch(1);
    m_layout->addWidget(m_status);
    m_layout->addWidget(m_errorLabel);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Preferred);
    rebuild();
}

QSize PhonePreview::sizeHint() const {
    return {PhoneWidth + 16, PhoneHeight + 16};
}
QSize PhonePreview::minimumSizeHint() const {
    return {PhoneWidth + 16, 420};
}

QRect PhonePreview::screenRect() const {
    const int h = std::min(height() - 16, PhoneHeight);
    const QRect phone((width() - PhoneWidth) / 2, 8, PhoneWidth, h);
    return phone.adjusted(Bezel, Bezel + 18, -Bezel, -Bezel - 10);
}

void PhonePreview::setChannel(const QString &channel) {
    m_channel = channel;
    rebuild();
}

void PhonePreview::setParts(const QJsonObject &parts) {
    m_parts = parts;
    rebuild();
}

void PhonePreview::setSender(const QString &sender) {
    m_sender = sender;
    rebuild();
}

void PhonePreview::setErrors(const QStringList &errors) {
    m_errors = errors;
    rebuild();
}

void PhonePreview::setBusy(bool busy) {
    m_busy = busy;
    m_status->setText(busy ? tr("Rendering…") : QString());
}

QString PhonePreview::shownText() const {
    QStringList out;
    for (const QLabel *l : {m_header, m_title, m_body, m_extra, m_button, m_errorLabel})
        if (l->isVisibleTo(this) && !l->text().isEmpty()) out << l->text();
    return out.join(QLatin1Char('\n'));
}

void PhonePreview::rebuild() {
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    const QString text = dark ? QStringLiteral("#f1f5f9") : QStringLiteral("#0f172a");
    const QString muted = dark ? QStringLiteral("#94a3b8") : QStringLiteral("#64748b");
    m_clock->setText(QTime(9, 41).toString(QStringLiteral("HH:mm")));
    m_clock->setStyleSheet(QStringLiteral("color: %1; font-weight: 600;").arg(text));
    m_header->setStyleSheet(QStringLiteral("color: %1; font-size: 11px;").arg(muted));
    m_errorLabel->setStyleSheet(QStringLiteral(
        "color: #dc2626; background: rgba(220,38,38,0.08); border-radius: 6px; padding: 6px;"));
    m_status->setStyleSheet(QStringLiteral("color: %1; font-size: 11px;").arg(muted));
    m_title->setStyleSheet(QStringLiteral("font-weight: 600; color: %1;").arg(text));
    m_body->setStyleSheet(QStringLiteral("color: %1;").arg(text));
    m_extra->setStyleSheet(QStringLiteral("color: %1; font-size: 11px;").arg(muted));
    m_button->setStyleSheet(QStringLiteral(
        "background: #2563eb; color: white; border-radius: 8px; padding: 7px; font-weight: 600;"));

    QString card, title, body, extra, button, header;
    const QString sender = m_sender.isEmpty() ? tr("LoyaltyDesk") : m_sender;
    if (m_channel == QLatin1String("sms") || m_channel == QLatin1String("messenger")) {
        header = sender + QLatin1Char('\n') +
                 tr("Today %1").arg(QTime(9, 41).toString(QStringLiteral("HH:mm")));
        body = part(m_parts, "text");
        card = m_channel == QLatin1String("sms")
                   ? (dark ? QStringLiteral("#334155") : QStringLiteral("#e9e9eb"))
                   : (dark ? QStringLiteral("#14532d") : QStringLiteral("#dcf8c6"));
        m_card->setStyleSheet(
            QStringLiteral("#previewCard { background: %1; border-radius: 16px; }").arg(card));
    } else if (m_channel == QLatin1String("push")) {
        header = tr("Lock screen");
        title = part(m_parts, "title");
        body = part(m_parts, "body");
        const QString image = part(m_parts, "image"), link = part(m_parts, "deep_link");
        QStringList more;
        if (!image.isEmpty()) more << tr("Image: %1").arg(image);
        if (!link.isEmpty()) more << tr("Opens: %1").arg(link);
        extra = more.join(QLatin1Char('\n'));
        m_card->setStyleSheet(
            QStringLiteral("#previewCard { background: %1; border-radius: 14px; }")
                .arg(dark ? QStringLiteral("rgba(51,65,85,0.95)")
                          : QStringLiteral("rgba(255,255,255,0.92)")));
        title = title.isEmpty() ? sender : sender + QStringLiteral(" · ") + title;
    } else if (m_channel == QLatin1String("in_app")) {
        header = sender;
        title = part(m_parts, "title");
        body = part(m_parts, "body");
        button = part(m_parts, "button");
        extra = part(m_parts, "link");
        m_card->setStyleSheet(
            QStringLiteral(
                "#previewCard { background: %1; border-radius: 14px; border: 1px solid %2; }")
                .arg(dark ? QStringLiteral("#1e293b") : QStringLiteral("#ffffff"),
                     dark ? QStringLiteral("#475569") : QStringLiteral("#cbd5e1")));
    } else {  // email: the inbox line
        header = tr("Inbox");
        const QString from = part(m_parts, "sender_name");
        title = (from.isEmpty() ? sender : from) + QLatin1Char('\n') + part(m_parts, "subject");
        body = part(m_parts, "preheader");
        extra = part(m_parts, "text").left(400);
        m_card->setStyleSheet(
            QStringLiteral("#previewCard { background: %1; border-radius: 10px; }")
                .arg(dark ? QStringLiteral("#1e293b") : QStringLiteral("#ffffff")));
    }
    m_header->setText(header);
    m_title->setText(title);
    m_title->setVisible(!title.isEmpty());
    m_body->setText(body);
    m_body->setVisible(!body.isEmpty() || title.isEmpty());
    m_extra->setText(extra);
    m_extra->setVisible(!extra.isEmpty());
    m_button->setText(button);
    m_button->setVisible(!button.isEmpty());
    m_errorLabel->setText(m_errors.join(QLatin1Char('\n')));
    m_errorLabel->setVisible(!m_errors.isEmpty());
    m_screen->setGeometry(screenRect());
    update();
}

void PhonePreview::paintEvent(QPaintEvent *) {
    m_screen->setGeometry(screenRect());
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    const QRect screen = screenRect();
    const QRectF phone = QRectF(screen).adjusted(-Bezel, -Bezel - 18, Bezel, Bezel + 10);
    p.setPen(QPen(QColor(dark ? 0x64748b : 0x94a3b8), 1.5));
    p.setBrush(QColor(dark ? 0x0b1220 : 0x1e293b));
    p.drawRoundedRect(phone, 40, 40);
    // The screen: a soft gradient like a wallpaper.
    QLinearGradient wallpaper(screen.topLeft(), screen.bottomRight());
    wallpaper.setColorAt(0, QColor(dark ? 0x1e293b : 0xeef2ff));
    wallpaper.setColorAt(1, QColor(dark ? 0x0f172a : 0xf8fafc));
    QPainterPath path;
    path.addRoundedRect(QRectF(screen).adjusted(0, -16, 0, 8), 30, 30);
    p.fillPath(path, wallpaper);
    // The camera notch.
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(dark ? 0x0b1220 : 0x1e293b));
    p.drawRoundedRect(QRectF(phone.center().x() - 45, phone.top() + 12, 90, 22), 11, 11);
}

void PhonePreview::changeEvent(QEvent *event) {
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::LanguageChange)
        rebuild();
    QWidget::changeEvent(event);
}

}  // namespace LoyaltyDesk::Widgets
