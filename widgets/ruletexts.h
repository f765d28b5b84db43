#pragma once

#include "core/segments/rule.h"

#include <QCoreApplication>

namespace LoyaltyDesk::Widgets {

// The words of rules in the user's language: built-in fields by id, categories,
// operators, parameters and coded values. Fields the server adds (custom attributes)
// keep the server's label.
class RuleTexts final {
    Q_DECLARE_TR_FUNCTIONS(LoyaltyDesk::Widgets::RuleTexts)
public:
    static QString field(const Core::Segments::FieldDef &field);
    static QString category(const QString &id);
    static QString op(const QString &op);
    static QString param(const Core::Segments::ParamDef &param);
    static QString value(const QString &code);
    // One of core's validation messages in the user's language; the names it quotes
    // (a parameter of `field`, an operator) translated too. Unknown messages stay as is.
    static QString message(const QString &english, const Core::Segments::FieldDef *field);
    // A parameter's or an operator's English label (as core's messages quote them) translated.
    static QString name(const QString &english, const Core::Segments::FieldDef *field);
    // The order categories appear in the field picker.
    static QStringList categoryOrder();
};

}  // namespace LoyaltyDesk::Widgets
