-- wrk script: every request posts one valid decision, as the banner would, and every answer is checked.
-- The site comes from the environment (BENCH_SITE_ID, BENCH_BANNER_VERSION, BENCH_ORIGIN), set by run.sh.

local site = os.getenv("BENCH_SITE_ID")
local version = os.getenv("BENCH_BANNER_VERSION")
local origin = os.getenv("BENCH_ORIGIN")

local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

wrk.method = "POST"
wrk.path = "/api/v1/consents"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Origin"] = origin
wrk.headers["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
wrk.body = '{"siteId":"' .. site .. '","bannerVersion":"' .. version .. '","action":"custom",'
   .. '"categories":{"analytical":true,"marketing":false},"language":"nl",'
   .. '"pageUrl":"https://www.example.test/products/42?utm_source=mail","gpc":false}'

-- Paced mode (BENCH_RATE requests/s over all BENCH_THREADS threads): each thread hands out send times on a fixed
-- schedule and a connection waits for its slot, so the offered rate no longer follows the service's own speed
-- and latency is measured at that rate (from the moment a request is sent: wrk cannot count a slot's wait). Without BENCH_RATE every connection sends as soon as it has its answer.
local rate = tonumber(os.getenv("BENCH_RATE") or "")
local ffi = require("ffi")
ffi.cdef[[
   typedef struct { long tv_sec; long tv_nsec; } akkoord_timespec;
   int clock_gettime(int clock, akkoord_timespec *time);
]]
local now_ts = ffi.new("akkoord_timespec")
local function now_ms()
   ffi.C.clock_gettime(1, now_ts) -- CLOCK_MONOTONIC
   return tonumber(now_ts.tv_sec) * 1000 + tonumber(now_ts.tv_nsec) / 1e6
end

function init(args)
   created = 0
   refused = 0
   last_refusal = 0
   if rate then
      interval_ms = 1000 / (rate / tonumber(os.getenv("BENCH_THREADS") or "1"))
   end
end

if rate then
   -- Slots that passed while the service was slow are still owed: they go out at once, as an open load would.
   function delay()
      local current = now_ms()
      local slot = next_slot or current
      next_slot = slot + interval_ms
      return math.max(0, math.floor(slot - current))
   end
end

function response(status, headers, body)
   if status == 201 then
      created = created + 1
   else
      refused = refused + 1
      last_refusal = status
   end
end

function done(summary, latency, requests)
   local total_created, total_refused, status = 0, 0, 0
   for _, thread in ipairs(threads) do
      total_created = total_created + thread:get("created")
      total_refused = total_refused + thread:get("refused")
      if thread:get("last_refusal") ~= 0 then
         status = thread:get("last_refusal")
      end
   end
   io.write(string.format("BENCH created=%d non201=%d last_non201_status=%d errors=%d\n",
      total_created, total_refused, status,
      summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
   io.write(string.format("BENCH rate=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
      total_created / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(90) / 1000,
      latency:percentile(99) / 1000, latency.max / 1000))
end
