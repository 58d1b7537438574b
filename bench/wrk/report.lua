-- One machine-readable line per run: requests, requests/s, p50, p99, p99.9 (ms), non-2xx answers, socket errors.
return function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %d %.0f %.2f %.2f %.2f %d %d\n", summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    summary.errors.status, errors))
end
