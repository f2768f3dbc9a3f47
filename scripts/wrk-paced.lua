-- wrk-paced.lua: each connection waits WRK_DELAY_MS (default 4) before
-- each of its requests (wrk's delay()), so 32 connections offer at most
-- 32 * 1000 / 4 = 8,000 requests a second, less their own latency: reads
-- at a set pace, the load a latency goal is stated at, instead of as many
-- as the processors allow (scripts/bench-national.sh).
local pause = tonumber(os.getenv("WRK_DELAY_MS") or "4")
function delay()
	return pause
end
