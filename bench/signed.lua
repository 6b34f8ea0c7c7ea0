-- wrk script: sends each pre-signed kiosk request once (bench/signed_requests).
-- Thread i of n takes lines i, i+n, i+2n… of the file named by SIGNED_REQUESTS;
-- n is SIGNED_THREADS, which must equal wrk's -t (setup runs in wrk's main Lua
-- state and each thread's init in its own, so the threads cannot count
-- themselves).
local started = 0

function setup(thread)
    thread:set("index", started)
    started = started + 1
end

function init(args)
    local all = {}
    for line in io.lines(os.getenv("SIGNED_REQUESTS")) do
        table.insert(all, line)
    end
    lines, position, step = all, index + 1, tonumber(os.getenv("SIGNED_THREADS"))
end

function request()
    local line = lines[position]
    if line == nil then
        wrk.thread:stop()
        return wrk.format("GET", wrk.path)
    end
    position = position + step
    local kiosk, ts, nonce, signature = line:match("(%S+) (%S+) (%S+) (%S+)")
    return wrk.format("GET", wrk.path, {
        ["X-Veche-Kiosk"] = kiosk, ["X-Veche-Timestamp"] = ts,
        ["X-Veche-Nonce"] = nonce, ["X-Veche-Signature"] = signature})
end
