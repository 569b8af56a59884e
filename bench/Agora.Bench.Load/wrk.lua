-- wrk script of the load harness (bench/Agora.Bench.Load). BENCH_MODE selects what each request is:
--   get      the URL given to wrk
--   vote     PUT /api/v1/ideas/{id}/vote as a different person each time (BENCH_ITEMS: lines "token ideaId")
--   publish  POST /api/v1/hubs/{hub}/campaigns/{campaign}/ideas with publish: true (BENCH_ITEMS: lines "token",
--            BENCH_PATH: the path)
-- done() prints one JSON line with the counts and latency percentiles (microseconds).
local mode = os.getenv("BENCH_MODE") or "get"
local threads = {}
local count = 0

function setup(thread)
  count = count + 1
  thread:set("id", count)
  table.insert(threads, thread)
end

function init(args)
  ok = 0
  failed = 0
  statuses = ""
  items = {}
  nextItem = 0
  sent = 0
  if mode ~= "get" then
    local n = tonumber(os.getenv("BENCH_THREADS"))
    local k = 0
    for line in io.lines(os.getenv("BENCH_ITEMS")) do
      if k % n == id - 1 then items[#items + 1] = line end
      k = k + 1
    end
  end
  itemCount = #items
end

function request()
  if mode == "get" then return wrk.request() end
  nextItem = nextItem % #items + 1
  sent = sent + 1
  if mode == "vote" then
    local token, idea = items[nextItem]:match("(%S+) (%S+)")
    return wrk.format("PUT", "/api/v1/ideas/" .. idea .. "/vote", { ["Authorization"] = "Bearer " .. token }, nil)
  end
  local body = string.format(
    '{"title":"Load test idea %d-%d: shorter waiting lists","language":"en","problem":"Patients wait too long for a first appointment in thread %d.","solution":"Offer cancelled slots to people on the waiting list by text message.","benefits":"Shorter waits.","publish":true}',
    id, sent, id)
  return wrk.format("POST", os.getenv("BENCH_PATH"),
    { ["Authorization"] = "Bearer " .. items[nextItem], ["Content-Type"] = "application/json" }, body)
end

if mode ~= "get" then
  function response(status, headers, body)
    if status >= 200 and status < 300 then ok = ok + 1
    else
      failed = failed + 1
      statuses = statuses .. " " .. status
    end
  end
end

function done(summary, latency, requests)
  local okTotal, failedTotal, sentTotal, wrapped = 0, 0, 0, 0
  local refused = {}
  for _, t in ipairs(threads) do
    okTotal = okTotal + (t:get("ok") or 0)
    failedTotal = failedTotal + (t:get("failed") or 0)
    local n, s = t:get("itemCount") or 0, t:get("sent") or 0
    sentTotal = sentTotal + s
    for code in string.gmatch(t:get("statuses") or "", "%d+") do refused[code] = (refused[code] or 0) + 1 end
    -- Votes must each be new: a thread that ran out of pairs and started again would repeat votes.
    if mode == "vote" and s > n then wrapped = 1 end
  end
  local codes = {}
  for code, n in pairs(refused) do codes[#codes + 1] = string.format('"%s":%d', code, n) end
  io.write(string.format(
    'BENCH {"requests":%d,"duration_us":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"p50":%d,"p90":%d,"p95":%d,"p99":%d,"max":%d,"ok":%d,"failed":%d,"sent":%d,"wrapped":%d,"refused":{%s}}\n',
    summary.requests, summary.duration, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout, latency:percentile(50), latency:percentile(90),
    latency:percentile(95), latency:percentile(99), latency.max, okTotal, failedTotal, sentTotal, wrapped, table.concat(codes, ",")))
end
