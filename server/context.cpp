#include "context.h"

#include "services/auth.h"
#include "services/channels.h"
#include "services/customers.h"
#include "services/fold.h"
#include "services/ingest.h"
#include "services/points.h"
#include "services/segments.h"
#include "services/templates.h"
#include "services/users.h"

namespace LoyaltyDesk::Server {

ServerContext::ServerContext(const ServerOptions &options, const DbConfig &dbConfig)
    : db(dbConfig),
      phones(options.phoneRegion),
      auth(std::make_unique<AuthService>(db, options.tokenTtlSeconds)),
      fold(std::make_unique<MetricsFold>(db, options.foldIntervalMs)),
      customers(std::make_unique<CustomerService>(db, phones)),
      ingest(std::make_unique<IngestService>(db, phones, *fold)),
      points(std::make_unique<PointsService>(db, *fold)),
      users(std::make_unique<UserService>(db, *auth)),
      segments(std::make_unique<SegmentService>(db, *fold, options.segmentTimeLimitMs)),
      templates(std::make_unique<TemplateService>(db)),
      channels(std::make_unique<ChannelService>(db, *templates, phones))
{
}

ServerContext::~ServerContext() = default;

}  // namespace LoyaltyDesk::Server
