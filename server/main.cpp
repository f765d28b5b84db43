#include "cli/cli.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("loyaltydesk-server"));
    QCoreApplication::setOrganizationName(QStringLiteral("LoyaltyDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LD_VERSION));
    return LoyaltyDesk::Server::Cli::run(QCoreApplication::arguments());
}
