-- POST /api/v1/sessions/{id}/events with a ping, spread over the sessions listed in $SESSIONS_FILE.
local report = dofile(os.getenv("BENCH_DIR") .. "/wrk/report.lua")

local paths = {}
local counter = 0

function init(args)
  for line in io.lines(os.getenv("SESSIONS_FILE")) do
    paths[#paths + 1] = line .. "/events"
  end
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
end

function request()
  counter = counter + 1
  local body = string.format('{"playerTime":{"playhead":%d.5,"ts":%d},"eventType":"ping"}',
    counter % 3600, 1509045324153 + counter)
  return wrk.format("POST", paths[math.random(#paths)], { ["Content-Type"] = "application/json" }, body)
end

done = report
