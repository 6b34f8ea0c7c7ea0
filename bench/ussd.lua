-- wrk script: many USSD sessions on POST /ussd (Africa's Talking convention:
-- each step posts sessionId, serviceCode, phoneNumber and text, every input
-- of the session so far joined by '*'). Used by bench/ussd_load.sh.
--
-- wrk's request() is not told which connection asks, so each thread keeps a
-- ring of USSD_RING sessions (the script makes it 4 per connection) and takes
-- them in turn: a session's next step goes out only after all the ring's
-- other sessions have sent one, in practice after its previous reply. A
-- session that has sent its last step gives way to a new one, whose id is
-- unique: "wrk<thread>-<counter>".
--
-- With USSD_RATE (steps/s over all USSD_THREADS threads) each thread sends
-- its steps on a fixed schedule, one every threads/rate seconds, on whichever
-- connection is free (wrk's delay()); steps overdue after a stall go out at
-- once, as long as connections are free. wrk times a step from its sending,
-- not from its slot. Without USSD_RATE steps go out as fast as replies come.
-- Only a paced run is judged against the goal: the rate of 2xx replies
-- starting with CON or END, p99, and no socket errors.
--
-- Env: USSD_TARGET (name in the result line), USSD_RING, USSD_CODE (*123#),
-- USSD_RATE, USSD_THREADS.

local resident = "+79161234567"
-- What callers do after dialling, in the order sessions take them.
local scenarios = {
    notices = {"1", "1", "0", "99", "2", "00"},  -- list, a notice, back, next page, another, main menu
    polls = {"3", "1", "0", "00"},               -- polls, the first one, back, main menu
    number = {"99", "5"},                        -- main menu's next page, my number
    stranger = {"1", "0", "2"},                  -- an unknown number: notices, back, my number
}
local mix = {"notices", "polls", "notices", "number", "stranger",
             "notices", "polls", "number", "notices", "stranger"}
local goalStepsPerSecond, goalP99Ms = 2000, 20

local threads, started = {}, 0

local rate = tonumber(os.getenv("USSD_RATE") or "")  -- nil when unset or empty
if rate then
    local ffi = require("ffi")  -- wrk runs LuaJIT; Lua itself has no millisecond clock
    ffi.cdef("struct ussd_timespec { long sec; long nsec; };" ..
             "int clock_gettime(int clock, struct ussd_timespec* t);")
    local now = ffi.new("struct ussd_timespec")
    local function milliseconds()
        ffi.C.clock_gettime(1, now)  -- CLOCK_MONOTONIC
        return tonumber(now.sec) * 1000 + tonumber(now.nsec) / 1e6
    end
    local interval = 1000 * tonumber(os.getenv("USSD_THREADS") or "1") / rate
    local nextSlot

    -- Milliseconds until this step's slot on the schedule.
    function delay()
        local t = milliseconds()
        local slot = nextSlot or t
        nextSlot = slot + interval
        return math.max(0, math.floor(slot - t))
    end
end

function setup(thread)
    started = started + 1
    thread:set("id", started)
    table.insert(threads, thread)
end

local function encode(s)
    return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", c:byte()) end))
end

function init(args)
    code = os.getenv("USSD_CODE") or "*123#"
    ring, turn, counter = {}, 0, 0
    con, ended, bad, non2xx, ok = 0, 0, 0, 0, 0
    for i = 1, tonumber(os.getenv("USSD_RING") or "100") do
        ring[i] = newSession()
    end
end

function newSession()
    counter = counter + 1
    local name = mix[(counter - 1) % #mix + 1]
    local phone = resident
    if name == "stranger" then
        phone = string.format("+7900%07d", (id * 7919 + counter) % 10000000)
    end
    local texts, text = {""}, ""
    for i, input in ipairs(scenarios[name]) do
        text = (i == 1) and input or (text .. "*" .. input)
        table.insert(texts, text)
    end
    return {prefix = "sessionId=" .. encode(string.format("wrk%d-%d", id, counter)) ..
                     "&serviceCode=" .. encode(code) .. "&phoneNumber=" .. encode(phone) .. "&text=",
            texts = texts, step = 1}
end

function request()
    turn = turn % #ring + 1
    local s = ring[turn]
    if s.step > #s.texts then
        s = newSession()
        ring[turn] = s
    end
    local body = s.prefix .. encode(s.texts[s.step])
    s.step = s.step + 1
    return wrk.format("POST", wrk.path,
                      {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end

function response(status, headers, body)
    local success = status >= 200 and status <= 299
    if not success then
        non2xx = non2xx + 1
    end
    local head = body and body:sub(1, 4) or ""
    if head == "CON " then
        con = con + 1
    elseif head == "END " then
        ended = ended + 1
    else
        bad = bad + 1
        success = false
    end
    if success then
        ok = ok + 1
    end
end

function done(summary, latency, requests)
    local c, e, b, n, good, sessions = 0, 0, 0, 0, 0, 0
    for _, t in ipairs(threads) do
        c, e, b, n = c + t:get("con"), e + t:get("ended"), b + t:get("bad"), n + t:get("non2xx")
        good, sessions = good + t:get("ok"), sessions + t:get("counter")
    end
    local steps = summary.requests
    local seconds = summary.duration / 1e6
    local errors = summary.errors
    local socketErrors = errors.connect + errors.read + errors.write + errors.timeout
    local p50, p99 = latency:percentile(50) / 1000, latency:percentile(99) / 1000
    local share = function(k) return steps > 0 and 100 * k / steps or 0 end
    local verdict = ""
    if rate then
        local pass = good / seconds >= goalStepsPerSecond and p99 < goalP99Ms and socketErrors == 0
        verdict = string.format("  goal >= %d steps/s, p99 < %d ms: %s", goalStepsPerSecond,
                                goalP99Ms, pass and "PASS" or "FAIL")
    end
    io.write(string.format(
        "result: %-22s %6.0f steps/s  p50 %6.2f ms  p99 %6.2f ms  non-2xx %.2f%%  " ..
        "not CON/END %.2f%%  (%d steps, %d CON, %d END, %d sessions begun, %d socket errors)%s\n",
        (os.getenv("USSD_TARGET") or "target") .. (rate and string.format(", paced %d/s", rate) or ", flat out"),
        steps / seconds, p50, p99, share(n), share(b), steps, c, e, sessions, socketErrors, verdict))
end
