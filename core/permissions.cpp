#include "permissions.h"

namespace LoyaltyDesk::Core {

namespace Permissions {

const QList<Info> &all()
{
    static const QList<Info> list = {
        {CustomersRead, QStringLiteral("View customers and their 360° profile")},
        {CustomersWrite, QStringLiteral("Create and edit customers")},
        {CustomersExport, QStringLiteral("Import and export customers and receipts")},
        {DataIngest, QStringLiteral("Send receipts and events (integrations)")},
        {SegmentsRead, QStringLiteral("View segments and audiences")},
        {SegmentsWrite, QStringLiteral("Create and change segments and audiences")},
        {CampaignsRead, QStringLiteral("View campaigns")},
        {CampaignsWrite, QStringLiteral("Create, change and launch campaigns")},
        {TemplatesRead, QStringLiteral("View message templates")},
        {TemplatesWrite, QStringLiteral("Create and change message templates")},
        {ReportsRead, QStringLiteral("View dashboards and reports")},
        {UsersManage, QStringLiteral("Manage users")},
        {RolesManage, QStringLiteral("Manage roles and permissions")},
        {AuditRead, QStringLiteral("Read the audit log")},
        {SettingsManage, QStringLiteral("Change system and channel settings")},
        {PartnersView, QStringLiteral("View partners")},
        {ApiAccess, QStringLiteral("API access")},
    };
    return list;
}

bool isKnown(const QString &code)
{
    for (const auto &p : all())
        if (p.code == code) return true;
    return false;
}

}  // namespace Permissions

const QList<BuiltinRole> &builtinRoles()
{
    using namespace Permissions;
    static const QList<BuiltinRole> roles = [] {
        QStringList everything;
        for (const auto &p : all()) everything << p.code;
        return QList<BuiltinRole>{
            {QStringLiteral("operator"), QStringLiteral("Contact-center operator"),
             QStringLiteral("Finds customers and keeps their profiles up to date."),
             {CustomersRead, CustomersWrite, PartnersView}},
            {QStringLiteral("marketer"), QStringLiteral("Marketer"),
             QStringLiteral("Builds segments, messages and campaigns and reads their results."),
             {CustomersRead, CustomersExport, SegmentsRead, SegmentsWrite, CampaignsRead,
              CampaignsWrite, TemplatesRead, TemplatesWrite, ReportsRead, PartnersView}},
            {QStringLiteral("analyst"), QStringLiteral("Analyst"),
             QStringLiteral("Reads dashboards, reports and segments."),
             {CustomersRead, SegmentsRead, CampaignsRead, ReportsRead, PartnersView}},
            {QStringLiteral("designer"), QStringLiteral("Designer"),
             QStringLiteral("Designs message templates."),
             {TemplatesRead, TemplatesWrite, PartnersView}},
            {QStringLiteral("campaign_editor"), QStringLiteral("Campaign editor"),
             QStringLiteral("Views and edits campaigns."),
             {CampaignsRead, CampaignsWrite, SegmentsRead, TemplatesRead, PartnersView}},
            {QStringLiteral("administrator"), QStringLiteral("Administrator"),
             QStringLiteral("Everything, including users, roles and settings."), everything},
            {QStringLiteral("integration"), QStringLiteral("Integration (API)"),
             QStringLiteral("Machine clients: cash registers and the website sending data."),
             {ApiAccess, DataIngest, CustomersRead, PartnersView}},
        };
    }();
    return roles;
}

}  // namespace LoyaltyDesk::Core
