#include "badge.h"

#include "theme.h"

#include <QApplication>

namespace LoyaltyDesk::Widgets {

Badge::Badge(QWidget *parent) : QLabel(parent)
{
    setAlignment(Qt::AlignCenter);
    restyle();
}

void Badge::setTone(Tone tone)
{
    m_tone = tone;
    restyle();
}

void Badge::restyle()
{
    // The application's palette: a style sheet changes the widget's own.
    const bool dark = Theme::isDark(QApplication::palette());
    QColor bg, fg;
    switch (m_tone) {
    case Tone::Neutral: bg = dark ? QColor(0x3a, 0x3f, 0x47) : QColor(0xe8, 0xeb, 0xef); fg = dark ? QColor(0xe6, 0xe6, 0xe6) : QColor(0x33, 0x3b, 0x45); break;
    case Tone::Accent: bg = dark ? QColor(0x1f, 0x4e, 0x8c) : QColor(0xdc, 0xe9, 0xfb); fg = dark ? QColor(0xe3, 0xee, 0xff) : QColor(0x1a, 0x4f, 0x9c); break;
    case Tone::Good: bg = dark ? QColor(0x1d, 0x5c, 0x3a) : QColor(0xdc, 0xf3, 0xe5); fg = dark ? QColor(0xd5, 0xf5, 0xe2) : QColor(0x17, 0x6b, 0x3d); break;
    case Tone::Warning: bg = dark ? QColor(0x6b, 0x50, 0x12) : QColor(0xfd, 0xf0, 0xcf); fg = dark ? QColor(0xff, 0xec, 0xc0) : QColor(0x7a, 0x55, 0x00); break;
    case Tone::Bad: bg = dark ? QColor(0x70, 0x24, 0x24) : QColor(0xfb, 0xe0, 0xe0); fg = dark ? QColor(0xff, 0xdc, 0xdc) : QColor(0xa1, 0x1d, 0x1d); break;
    }
    const QString sheet = QStringLiteral("QLabel { background: %1; color: %2; border-radius: 9px; padding: 2px 9px; font-weight: 600; }")
                              .arg(bg.name(), fg.name());
    if (sheet != styleSheet()) setStyleSheet(sheet);  // setting it changes the palette: no loop
}

}  // namespace LoyaltyDesk::Widgets
