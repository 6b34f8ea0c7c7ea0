#!/usr/bin/env bash
# HTTP load on the hub with wrk (200 connections, 2 threads) against a seeded
# demo, and the same load on nginx serving a static file of the same size as
# the ceiling. Prints p50, p99 and requests/s for each, and the ratio.
# A kiosk's signed GET of its changes is measured too: wrk replays requests
# signed beforehand (bench/signed_requests, bench/signed.lua), each once.
# Usage: bench/http_load.sh [SECONDS]   (needs: apt-get install wrk nginx-light)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
hub=build/release/bin/veche-hub
[[ -x $hub ]] || { echo "build the release preset first" >&2; exit 1; }

work=$(mktemp -d) && chmod 755 "$work"  # nginx workers run as nobody
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

printf 'listen.port = 0\nstore.sqlite_path = %s/hub.sqlite\n' "$work" > "$work/hub.properties"
token=$("$hub" token create --role auditor --config "$work/hub.properties")
"$hub" serve --config "$work/hub.properties" --demo docs/samples/oss-mkd-sadovaya-12 2> "$work/hub.log" &
until grep -q 'event=listening' "$work/hub.log"; do sleep 0.1; done
port=$(grep -o 'address=127.0.0.1:[0-9]*' "$work/hub.log" | cut -d: -f2)
assembly=$(curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/assemblies" |
           python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
territory=$(curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/territories" |
            python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
paths=("/api/v1/assemblies/$assembly" "/api/v1/notices?territory_id=$territory")

mkdir -p "$work/www"
for i in "${!paths[@]}"; do
    curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port${paths[$i]}" > "$work/www/body$i.json"
done
chmod -R a+rX "$work/www"
nginx_port=$(free_port)
cat > "$work/nginx.conf" <<CONF
worker_processes 1;
error_log $work/nginx.err;
pid $work/nginx.pid;
events { worker_connections 1024; }
http {
    access_log off;
    server { listen 127.0.0.1:$nginx_port; root $work/www; }
}
CONF
nginx -c "$work/nginx.conf" -g 'daemon off;' &
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$nginx_port/body0.json" > /dev/null && break; sleep 0.1; done

run() {  # name url [header] [lua script]
    local out
    out=$(wrk -t2 -c200 -d"${seconds}s" --latency ${3:+-H "$3"} ${4:+-s "$4"} "$2")
    local p50 p99 rps
    p50=$(awk '$1=="50%"{print $2}' <<<"$out")
    p99=$(awk '$1=="99%"{print $2}' <<<"$out")
    rps=$(awk '/Requests\/sec/{print $2}' <<<"$out")
    local failed
    failed=$(awk '/Non-2xx/{print $5}' <<<"$out")
    printf '%-28s p50 %-9s p99 %-9s %10s req/s, %s not 2xx\n' "$1" "$p50" "$p99" "$rps" \
        "${failed:-0}" >&2
    echo "$rps"
}
echo "$seconds s per run, 200 connections" >&2
for i in "${!paths[@]}"; do
    size=$(wc -c < "$work/www/body$i.json")
    hub_rps=$(run "hub ${paths[$i]%%\?*} ($size B)" "http://127.0.0.1:$port${paths[$i]}" "Authorization: Bearer $token")
    nginx_rps=$(run "nginx, same size" "http://127.0.0.1:$nginx_port/body$i.json")
    python3 -c "print(f'  hub / nginx requests/s: {$hub_rps / $nginx_rps:.3f}')" >&2
done

# A kiosk's changes: every request signed, with a nonce used once.
operator=$("$hub" token create --role operator --config "$work/hub.properties")
building=$(curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/territories/$territory/buildings" |
           python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
code=$(curl -sf -H "Authorization: Bearer $operator" -d "{\"building_id\": \"$building\"}" \
       "http://127.0.0.1:$port/api/v1/enrolments" | python3 -c 'import json,sys; print(json.load(sys.stdin)["code"])')
changes="/api/v1/kiosk/changes?cursor=0"
build/release/bin/signed_requests "$port" "$code" "$changes" $((seconds * 20000 + 1)) > "$work/all.txt"
tail -1 "$work/all.txt" | { read -r kiosk ts nonce sig
    curl -sf -H "X-Veche-Kiosk: $kiosk" -H "X-Veche-Timestamp: $ts" -H "X-Veche-Nonce: $nonce" \
         -H "X-Veche-Signature: $sig" "http://127.0.0.1:$port$changes" > "$work/www/changes.json"; }
head -n -1 "$work/all.txt" > "$work/signed.txt"
chmod a+r "$work/www/changes.json"
size=$(wc -c < "$work/www/changes.json")
hub_rps=$(SIGNED_REQUESTS="$work/signed.txt" SIGNED_THREADS=2 run "hub kiosk changes ($size B, signed)" \
          "http://127.0.0.1:$port$changes" "" bench/signed.lua)
nginx_rps=$(run "nginx, same size" "http://127.0.0.1:$nginx_port/changes.json")
python3 -c "print(f'  hub / nginx requests/s: {$hub_rps / $nginx_rps:.3f}')" >&2
