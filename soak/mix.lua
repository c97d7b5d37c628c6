-- wrk script for the soak: requests the paths in the file given after `--` in random order
-- and prints one JSON line at the end with the count of every status code seen.
local threads = {}

function setup(thread)
  thread:set("seed", #threads * 7919 + 1)
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  for line in io.lines(args[1]) do
    if line ~= "" then paths[#paths + 1] = line end
  end
  math.randomseed(seed)
  statuses = {}
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local totals = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      totals[status] = (totals[status] or 0) + count
    end
  end
  local parts = {}
  for status, count in pairs(totals) do
    parts[#parts + 1] = string.format('"%d": %d', status, count)
  end
  local errors = summary.errors
  io.write(string.format(
    'SOAK_RESULT {"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, ' ..
    '"max_us": %d, "socket_errors": %d, "timeouts": %d, "statuses": {%s}}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    latency.max, errors.connect + errors.read + errors.write, errors.timeout,
    table.concat(parts, ", ")))
end
