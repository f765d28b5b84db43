#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QStringList>

namespace LoyaltyDesk::Core::Messages {

// Message channels and the parts a template has on each.
const QStringList &channels();
// The template parts of a channel, in display order: email -> subject, preheader,
// sender_name, sender_email, html, text; sms -> text; push -> title, body, deep_link,
// image; in_app -> title, body, button, link; messenger -> text.
QStringList partsOf(const QString &channel);
// Parts stored with a template but never rendered: email -> design (the e-mail
// editor's project as JSON text of at most MaxDesignLength characters, kept as
// written so that the editor restores the e-mail exactly as it was built).
QStringList storedPartsOf(const QString &channel);
constexpr int MaxDesignLength = 3 * 1024 * 1024;
// Parts rendered as HTML (escaped output); the others are plain text.
bool isHtmlPart(const QString &channel, const QString &part);

// Checks a template's content for its channel: known parts only, required ones
// present, stored parts of the right type, sizes bounded. Errors name "content.<part>".
Result<QJsonObject> validateContent(const QString &channel, const QJsonObject &content);

// A readable plain-text version of an HTML e-mail: block elements become line
// breaks, links keep their address, entities are decoded, whitespace is tidied.
QString htmlToText(const QString &html);

}  // namespace LoyaltyDesk::Core::Messages
