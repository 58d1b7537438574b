-- POST /api/v1/sessions with Adobe's sample sessionStart (the spec's example), one new session per request.
local report = dofile(os.getenv("BENCH_DIR") .. "/wrk/report.lua")

wrk.method = "POST"
wrk.path = "/api/v1/sessions"
wrk.headers["Content-Type"] = "application/json"
local file = assert(io.open(os.getenv("SESSION_START_FILE")))
wrk.body = file:read("*a")
file:close()

done = report
