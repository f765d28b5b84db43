-- wrk script: batches of receipts through POST /api/v1/receipts, each receipt with three
-- lines and a card, with the bearer token from LD_TOKEN. Used by bench/http_ingest.sh.
-- Every answer must say that the whole batch was created; any other answer is counted
-- and reported.
local token = os.getenv("LD_TOKEN")
local batch = tonumber(os.getenv("LD_BATCH"))
local run = os.getenv("LD_RUN")
local cards, products = {}, {}
local counter = 0
local threads = {}
-- Globals, so that wrk's thread:set and thread:get reach them.
thread_id, refused = 0, 0

function setup(thread)
  thread:set("thread_id", #threads + 1)
  threads[#threads + 1] = thread
end

function init(args)
  for line in io.lines(os.getenv("LD_CARDS")) do cards[#cards + 1] = line end
  for line in io.lines(os.getenv("LD_PRODUCTS")) do products[#products + 1] = line:sub(1, -2) end  -- without the closing brace
end

local function iso(t)
  return os.date("!%Y-%m-%dT%H:%M:%SZ", t)
end

function request()
  local now = os.time()
  local parts = {}
  for i = 1, batch do
    counter = counter + 1
    local n = counter
    local lines = {}
    for l = 0, 2 do
      lines[#lines + 1] = products[(n * 7 + l * 13) % #products + 1] .. ',"quantity":' .. (1 + (n + l) % 3) .. '}'
    end
    parts[#parts + 1] = string.format(
      '{"external_id":"bench-http-%s-%d-%d","card_number":"%s","pos":"BENCH-HTTP","cheque_number":"H%d","purchased_at":"%s","bonus_accrued":10,"lines":[%s]}',
      run, thread_id, n, cards[(n * 7919 + thread_id) % #cards + 1], n, iso(now - n % 86400), table.concat(lines, ","))
  end
  local body = '{"receipts":[' .. table.concat(parts, ",") .. ']}'
  return wrk.format("POST", "/api/v1/receipts",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json", ["Accept"] = "application/json" }, body)
end

function response(status, headers, body)
  if status ~= 200 or not body:find('"created":' .. batch .. ',', 1, true) then refused = refused + 1 end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local refusedTotal = 0
  for _, t in ipairs(threads) do refusedTotal = refusedTotal + t:get("refused") end
  io.write(string.format("receipts/s %.0f  batches/s %.1f  per batch p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms  batches not fully created %d  errors %d (non-2xx %d)\n",
    summary.requests * batch / seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    refusedTotal, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
