#include "drafts.h"

namespace LoyaltyDesk::Models {

namespace {
const QString DocumentKey = QStringLiteral("document");
const QString BaseVersionKey = QStringLiteral("base_version");
}  // namespace

Drafts::Drafts(LocalCache *cache, QString key, QObject *parent)
    : QObject(parent), m_cache(cache), m_key(std::move(key)) {
    m_timer.setSingleShot(true);
    m_timer.setInterval(500);
    connect(&m_timer, &QTimer::timeout, this, &Drafts::flush);
}

Drafts::~Drafts() = default;

QString Drafts::keyFor(const QString &user, const QString &server, const QString &kind,
                       const QString &id) {
    return kind + QLatin1Char('|') + user + QLatin1Char('@') + server + QLatin1Char('|') + id;
}

void Drafts::rekey(const QString &key) {
    if (key == m_key) return;
    m_cache->removeDraft(m_key);
    m_key = key;
    if (!m_document.isEmpty()) m_pending = true;
    flush();
}

void Drafts::update(const QJsonObject &document, qint64 baseVersion) {
    m_document = document;
    m_baseVersion = baseVersion;
    m_pending = true;
    m_timer.start();
}

void Drafts::flush() {
    m_timer.stop();
    if (!m_pending) return;
    m_pending = false;
    m_cache->putDraft(m_key,
                      QJsonObject{{DocumentKey, m_document}, {BaseVersionKey, m_baseVersion}});
}

void Drafts::discard() {
    m_timer.stop();
    m_pending = false;
    m_document = {};
    m_cache->removeDraft(m_key);
}

void Drafts::load(const QObject *context,
                  std::function<void(std::optional<Draft>)> callback) const {
    m_cache->draft(m_key, context, [callback](std::optional<LocalCache::Entry> e) {
        if (!e || !e->json.value(DocumentKey).isObject()) return callback(std::nullopt);
        callback(Draft{e->json.value(DocumentKey).toObject(),
                       e->json.value(BaseVersionKey).toInteger(), e->storedAt});
    });
}

}  // namespace LoyaltyDesk::Models
