#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace LoyaltyDesk::Core {

// Permission codes. The server enforces them per endpoint; the app uses them to decide
// which sections to show. Shared here so both sides spell them the same way.
namespace Permissions {
inline const QString Public = QStringLiteral("public");  // declared for open endpoints only
inline const QString Authenticated = QStringLiteral("authenticated");  // any signed-in user
inline const QString CustomersRead = QStringLiteral("customers.read");
inline const QString CustomersWrite = QStringLiteral("customers.write");
inline const QString CustomersExport = QStringLiteral("customers.export");
inline const QString DataIngest = QStringLiteral("data.ingest");
inline const QString SegmentsRead = QStringLiteral("segments.read");
inline const QString SegmentsWrite = QStringLiteral("segments.write");
inline const QString CampaignsRead = QStringLiteral("campaigns.read");
inline const QString CampaignsWrite = QStringLiteral("campaigns.write");
inline const QString TemplatesRead = QStringLiteral("templates.read");
inline const QString TemplatesWrite = QStringLiteral("templates.write");
inline const QString ReportsRead = QStringLiteral("reports.read");
inline const QString UsersManage = QStringLiteral("users.manage");
inline const QString RolesManage = QStringLiteral("roles.manage");
inline const QString AuditRead = QStringLiteral("audit.read");
inline const QString SettingsManage = QStringLiteral("settings.manage");
inline const QString PartnersView = QStringLiteral("partners.view");
inline const QString ApiAccess = QStringLiteral("api.access");

struct Info {
    QString code;
    QString description;  // English; the app translates it
};
// Every grantable permission (not Public/Authenticated), in a stable order.
const QList<Info> &all();
bool isKnown(const QString &code);
}  // namespace Permissions

struct BuiltinRole {
    QString code;
    QString name;
    QString description;
    QStringList permissions;
};

// The roles of the seeds (Smart Communications: contact-center operator, marketer,
// analyst, designer, campaign editor, administrator) plus an integration role that
// carries "API access" for machine clients (POS, website) that ingest data.
const QList<BuiltinRole> &builtinRoles();

}  // namespace LoyaltyDesk::Core
