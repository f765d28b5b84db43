#include "sms.h"

#include <QSet>

namespace LoyaltyDesk::Core::Messages {

namespace {

// GSM 03.38 default alphabet and the extension table (escape + char = 2 septets).
const QString &basic()
{
    static const QString chars = QString::fromUtf8(
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà");
    return chars;
}

const QString &extension()
{
    static const QString chars = QString::fromUtf8("\f^{}\\[~]|€");
    return chars;
}

}  // namespace

SmsCount countSms(const QString &text)
{
    SmsCount c;
    int septets = 0;
    bool gsm = true;
    for (QChar ch : text) {
        if (basic().contains(ch)) septets += 1;
        else if (extension().contains(ch)) septets += 2;
        else {
            gsm = false;
            break;
        }
    }
    int single, multi;
    if (gsm) {
        c.encoding = QStringLiteral("gsm7");
        c.units = septets;
        single = 160;
        multi = 153;
    } else {
        c.encoding = QStringLiteral("ucs2");
        c.units = int(text.size());
        single = 70;
        multi = 67;
    }
    if (c.units == 0) {
        c.segments = 0;
        c.perSegment = single;
        c.remaining = single;
    } else if (c.units <= single) {
        c.segments = 1;
        c.perSegment = single;
        c.remaining = single - c.units;
    } else {
        c.segments = (c.units + multi - 1) / multi;
        c.perSegment = multi;
        c.remaining = c.segments * multi - c.units;
    }
    return c;
}

}  // namespace LoyaltyDesk::Core::Messages
