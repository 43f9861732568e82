-- wrk script: rotate over the paths given after "--" (if any) and print one JSON line of results.
-- A first argument "pause=N" makes every connection wait N ms after each answer (a steady load
-- below saturation, for latency), instead of asking again at once.
local paths = {}
local counter = 0
local pause = 0

function init(args)
  for _, arg in ipairs(args) do
    local ms = string.match(arg, "^pause=(%d+)$")
    if ms then
      pause = tonumber(ms)
    else
      paths[#paths + 1] = arg
    end
  end
end

function delay()
  return pause
end

function request()
  if #paths == 0 then
    return wrk.format(nil)
  end
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "bytes": %d, "connect_errors": %d, "read_errors": %d, '
      .. '"write_errors": %d, "status_errors": %d, "timeouts": %d, '
      .. '"p50_us": %d, "p95_us": %d, "p99_us": %d, "max_us": %d}\n',
    summary.requests, summary.duration, summary.bytes, errors.connect, errors.read, errors.write,
    errors.status, errors.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max
  ))
end
