#pragma once

#include <QLabel>

namespace LoyaltyDesk::Widgets {

// A small rounded label: tier, RFM segment, online/offline, data age.
class Badge final : public QLabel {
    Q_OBJECT
public:
    enum class Tone { Neutral, Accent, Good, Warning, Bad };
    explicit Badge(QWidget *parent = nullptr);
    void setTone(Tone tone);
    Tone tone() const { return m_tone; }
    // Colours for the current application palette (Theme::apply calls this: a widget
    // with a style sheet gets no ApplicationPaletteChange).
    void restyle();

private:
    Tone m_tone = Tone::Neutral;
};

}  // namespace LoyaltyDesk::Widgets
