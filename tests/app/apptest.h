#pragma once

#include "support/testserver.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonObject>
#include <QTest>

class QWidget;

#include <functional>
#include <memory>

namespace LoyaltyDesk::Test {

// Runs the event loop until `done` holds or the time is up; returns whether it held.
bool waitUntil(const std::function<bool()> &done, int timeoutMs = 20000);

// One server with demo data for the whole test program (seeding takes a while).
TestServer &demoServer();
constexpr int DemoCustomers = 300;

// A demo customer that has receipts, a phone and an e-mail (read with the admin token).
struct DemoCustomer {
    qint64 id = 0;
    QString phoneE164;  // "+79161234567"
    QString email;
    QString name;
};
DemoCustomer demoCustomer();
// The administrator's token.
QString adminToken(TestServer &server);
// The password of a demo user on a seeded test server.
QString passwordOf(const QString &user);
// Lets layouts and charts settle, then writes what `widget` shows to `dir`/`name`.png.
bool saveScreenshot(QWidget *widget, const QString &dir, const QString &name);
// "8 (916) 123-45-67": the same number as people type it.
QString localPhoneFormat(const QString &e164);

}  // namespace LoyaltyDesk::Test
