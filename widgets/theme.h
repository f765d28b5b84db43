#pragma once

#include "models/appsettings.h"

#include <QPalette>

class QWidget;

namespace LoyaltyDesk::Widgets::Theme {

// Fusion with a light or a dark palette; "System" follows the desktop's palette.
void apply(Models::AppSettings::Theme theme);
bool systemPrefersDark();
bool isDark(const QPalette &palette);
QPalette lightPalette();
QPalette darkPalette();
// Bold and `scale` times the widget's font size: page titles, names.
void setTitleFont(QWidget *widget, qreal scale);

}  // namespace LoyaltyDesk::Widgets::Theme
