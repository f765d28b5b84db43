// loyaltydesk: the desktop workstation. All logic lives in the libraries; this file
// only creates the application object and hands over to the Workstation.
#include "ui/workstation.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QIcon>
#include <QTextStream>
#include <QTimer>

int main(int argc, char **argv)
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    QApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("LoyaltyDesk"));
    QApplication::setApplicationName(QStringLiteral("LoyaltyDesk"));
    QApplication::setApplicationVersion(QStringLiteral(LD_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("loyaltydesk"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/loyaltydesk.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("LoyaltyDesk loyalty program workstation"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server({QStringLiteral("s"), QStringLiteral("server")},
                                    QStringLiteral("Server address, e.g. http://127.0.0.1:8080."), QStringLiteral("url"));
    parser.addOption(server);
    const QCommandLineOption startupTime(QStringLiteral("startup-time"),
                                         QStringLiteral("Print the milliseconds until the main window is usable, then quit (benchmarks)."));
    parser.addOption(startupTime);
    parser.process(app);

    LoyaltyDesk::Ui::Workstation::Options options;
    if (parser.isSet(server)) options.serverUrl = QUrl::fromUserInput(parser.value(server));
    LoyaltyDesk::Ui::Workstation workstation(options);
    QObject::connect(&workstation, &LoyaltyDesk::Ui::Workstation::quitRequested, &app, &QApplication::quit, Qt::QueuedConnection);
    if (parser.isSet(startupTime)) {
        QObject::connect(&workstation, &LoyaltyDesk::Ui::Workstation::ready, &app, [&] {
            // After the first paint of the main window.
            QTimer::singleShot(0, &app, [&] {
                QTextStream(stdout) << "ready-ms " << sinceStart.nsecsElapsed() / 1e6 << Qt::endl;
                QApplication::quit();
            });
        });
    }
    workstation.start();
    return app.exec();
}
