#pragma once

#include <QStringList>

namespace LoyaltyDesk::Server::Cli {

// `loyaltydesk-server COMMAND [options]`; returns the process exit code.
int run(const QStringList &arguments);

}  // namespace LoyaltyDesk::Server::Cli
