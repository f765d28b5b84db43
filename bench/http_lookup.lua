-- wrk script: customer lookups through GET /api/v1/customers?q=, rotating through a
-- file of queries (phones typed differently than stored, e-mails, card numbers),
-- with the bearer token from LD_TOKEN. Used by bench/http_lookup.sh.
local queries = {}
local token = os.getenv("LD_TOKEN")
local file = os.getenv("LD_QUERIES")
local counter = 0

function init(args)
  for line in io.lines(file) do
    queries[#queries + 1] = "/api/v1/customers?limit=20&q=" .. line
  end
  -- Threads start at different places in the list.
  counter = math.random(#queries)
end

function request()
  counter = counter % #queries + 1
  return wrk.format("GET", queries[counter], { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" })
end

function done(summary, latency, requests)
  io.write(string.format("lookups/s %.0f  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms  errors %d (non-2xx %d)\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
