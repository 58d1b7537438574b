-- Requests drawn from a weighted workload file ($WORKLOAD, one of bench/workload/): POST /api/v1/sessions, or
-- POST .../events on a session listed in $SESSIONS_FILE, with bodies from $BODIES_DIR. bench/h2load/fixed-rate
-- reads the same files, so that peak and fixed-rate runs send the same requests.
local report = dofile(os.getenv("BENCH_DIR") .. "/wrk/report.lua")

local kinds = {}
local total = 0
local events_paths = {}
local headers = { ["Content-Type"] = "application/json" }

local function read(path)
  local file = assert(io.open(path))
  local content = file:read("*a")
  file:close()
  return content
end

function init(args)
  for line in io.lines(os.getenv("WORKLOAD")) do
    local weight, endpoint, body = line:match("^%s*(%d+)%s+(%S+)%s+(%S+)")
    if weight then
      total = total + tonumber(weight)
      kinds[#kinds + 1] = { upto = total, to_session = endpoint == "events",
                            body = read(os.getenv("BODIES_DIR") .. "/" .. body) }
    end
  end
  local sessions = os.getenv("SESSIONS_FILE")
  if sessions and io.open(sessions) then
    for line in io.lines(sessions) do
      if line ~= "" then events_paths[#events_paths + 1] = line .. "/events" end
    end
  end
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
end

function request()
  local draw = math.random(total)
  for _, kind in ipairs(kinds) do
    if draw <= kind.upto then
      local path = kind.to_session and events_paths[math.random(#events_paths)] or "/api/v1/sessions"
      return wrk.format("POST", path, headers, kind.body)
    end
  end
end

done = report
