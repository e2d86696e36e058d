-- wrk script: cycles over the cockpit's main endpoints with the session cookie given in $POPULUS_COOKIE.
-- Non-2xx answers are counted by wrk ("Non-2xx or 3xx responses") and printed by done().
local paths = {
  "/api/v1/indicators/overview",
  "/api/v1/indicators",
  "/api/v1/population/comparison",
  "/api/v1/population/pyramid?region=330302",
  "/api/v1/indicators/resident_population/series",
  "/api/v1/evaluations?warnings=true",
  "/api/v1/regions?level=county",
  "/api/v1/auth/me",
}
local i = 0
local cookie = os.getenv("POPULUS_COOKIE")

request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1], { ["Cookie"] = cookie, ["Accept"] = "application/json" })
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors: connect %d, read %d, write %d, status %d, timeout %d\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout))
  io.write(string.format("latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
