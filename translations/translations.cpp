// The compiled translations live in this library's resources (:/i18n/*.qm).
namespace LoyaltyDesk::Translations {
int anchor() { return 0; }
}  // namespace LoyaltyDesk::Translations
