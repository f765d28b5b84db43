#include "theme.h"

#include "badge.h"

#include <QApplication>
#include <QWidget>

#include <array>
#include <iterator>
#include <QStyle>
#include <QStyleFactory>

namespace LoyaltyDesk::Widgets::Theme {

namespace {

QPalette &systemPalette()
{
    static QPalette p = QApplication::palette();  // as the platform gave it, before we change it
    return p;
}

}  // namespace

bool isDark(const QPalette &palette) { return palette.color(QPalette::Window).lightness() < 128; }

bool systemPrefersDark()
{
    if (qEnvironmentVariable("GTK_THEME").contains(QLatin1String("dark"), Qt::CaseInsensitive)) return true;
    return isDark(systemPalette());
}

namespace {

// The roles both palettes set, in this order.
constexpr QPalette::ColorRole Roles[] = {
    QPalette::Window, QPalette::WindowText, QPalette::Base, QPalette::AlternateBase, QPalette::ToolTipBase,
    QPalette::ToolTipText, QPalette::PlaceholderText, QPalette::Text, QPalette::Button, QPalette::ButtonText,
    QPalette::BrightText, QPalette::Highlight, QPalette::HighlightedText, QPalette::Link, QPalette::Mid, QPalette::Dark};

QPalette makePalette(const std::array<QRgb, std::size(Roles)> &colors, QRgb disabledText)
{
    QPalette p;
    for (size_t i = 0; i < std::size(Roles); ++i) p.setColor(Roles[i], QColor(colors[i]));
    for (auto role : {QPalette::Text, QPalette::WindowText, QPalette::ButtonText}) p.setColor(QPalette::Disabled, role, QColor(disabledText));
    return p;
}

}  // namespace

QPalette lightPalette()
{
    return makePalette({0xf4f5f7, 0x1f2328, 0xffffff, 0xf7f8fa, 0xffffe8, 0x1f2328, 0x8a939e, 0x1f2328, 0xfbfbfc, 0x1f2328,
                        0xffffff, 0x2563eb, 0xffffff, 0x1d4ed8, 0xd5d9de, 0xb8bec6},
                       0x9aa1aa);
}

QPalette darkPalette()
{
    return makePalette({0x23262b, 0xe6e8eb, 0x1a1c20, 0x26292f, 0x30343a, 0xe6e8eb, 0x8b929b, 0xe6e8eb, 0x2e3238, 0xe6e8eb,
                        0xffffff, 0x3b82f6, 0xffffff, 0x7cb0ff, 0x3a3f47, 0x15171a},
                       0x6d747d);
}

void setTitleFont(QWidget *widget, qreal scale)
{
    QFont f = widget->font();
    f.setPointSizeF(f.pointSizeF() * scale);
    f.setBold(true);
    widget->setFont(f);
}

void apply(Models::AppSettings::Theme theme)
{
    systemPalette();  // remember the platform's palette before the first change
    if (QApplication::style()->name() != QLatin1String("fusion")) QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    using T = Models::AppSettings::Theme;
    const bool dark = theme == T::Dark || (theme == T::System && systemPrefersDark());
    QApplication::setPalette(dark ? darkPalette() : lightPalette());
    for (QWidget *w : QApplication::allWidgets())
        if (auto *badge = qobject_cast<Badge *>(w)) badge->restyle();
}

}  // namespace LoyaltyDesk::Widgets::Theme
