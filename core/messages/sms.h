#pragma once

#include <QString>

namespace LoyaltyDesk::Core::Messages {

// How an SMS text travels: GSM 03.38 7-bit when every character is in the default
// alphabet or its extension table (extension characters take two septets), UCS-2
// otherwise. A single message holds 160 septets or 70 UCS-2 units; concatenated
// parts hold 153 and 67 (the rest is the user data header).
struct SmsCount {
    QString encoding;  // "gsm7" or "ucs2"
    int units = 0;     // septets for GSM-7, UTF-16 code units for UCS-2
    int segments = 0;
    int perSegment = 0;
    int remaining = 0;  // units left in the last segment
};

SmsCount countSms(const QString &text);

}  // namespace LoyaltyDesk::Core::Messages
