#!/usr/bin/env bash
# gammu-smsd (Debian package, FILES backend) as the peer of bench/sms_pool_bench:
# K veche-modem-sim processes limited to R parts per minute, one gammu-smsd per
# simulated modem with its own config file, the same single-part Latin and
# Cyrillic messages (K·R·D/60 of them, dealt round-robin into each daemon's
# outbox folder), and the same figures: parts per minute against K·R, and
# whether the simulators decoded exactly the texts queued.
# See docs/modem-benchmarks.md.
#
# usage: bench/smsd_peer.sh [-k K] [-r R] [-d SECONDS] [-f auto|unicode|default]
#                           [-e utf8|utf16] [-l LOOPSLEEP] [-K]
#   -f  TransmitFormat: auto (TELECOM.md §8), unicode, or default (option left
#       out: the code falls back to 7bit and Cyrillic arrives as ???)
#   -e  how the outbox files are written: UTF-8, or UTF-16LE with a BOM
#   -K  keep the temporary directory
set -euo pipefail

K=4 R=40 D=180 FORMAT=auto ENCODING=utf8 LOOPSLEEP=0 KEEP=0
while getopts "k:r:d:f:e:l:K" opt; do
    case $opt in
        k) K=$OPTARG ;;
        r) R=$OPTARG ;;
        d) D=$OPTARG ;;
        f) FORMAT=$OPTARG ;;
        e) ENCODING=$OPTARG ;;
        l) LOOPSLEEP=$OPTARG ;;
        K) KEEP=1 ;;
        *) sed -n '10,15p' "$0" >&2; exit 2 ;;
    esac
done

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SIM=${SIM:-$ROOT/build/release/bin/veche-modem-sim}
N=$((K * R * D / 60))
WORK=$(mktemp -d /tmp/veche-smsd-XXXXXX)
export LANG=C.UTF-8 LC_ALL=C.UTF-8 # gammu reads UTF-8 outbox files through the locale
PIDS=()

cleanup() {
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    wait 2>/dev/null || true
    if [[ $KEEP == 1 ]]; then
        echo "kept $WORK"
    else
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT

# The same texts as textOf() in bench/sms_pool_bench.cpp, one "to<TAB>text" a line.
messages() {
    python3 - "$N" <<'EOF'
import sys
for i in range(int(sys.argv[1])):
    n = str(i)
    text = [f"Meeting #{n}: Thursday 19:00, yard of house 12.",
            f"Собрание №{n}: четверг, 19:00, двор дома 12.",
            f"Water off #{n} on Monday 9-17 (pipes).",
            f"Отключение воды №{n} в понедельник с 9 до 17 ч."][i % 4]
    print(f"+7900{i % 10_000_000:07d}\t{text}")
EOF
}

# gammu-smsd's configuration for modem $1.
write_config() {
    local m=$WORK/m$1
    cat >"$m/smsdrc" <<EOF
[gammu]
device = $m/tty
connection = at
model = at

[smsd]
service = files
PhoneID = m$1
inboxpath = $m/inbox/
outboxpath = $m/outbox/
sentsmspath = $m/sent/
errorsmspath = $m/error/
logfile = $m/smsd.log
debuglevel = 0
CheckSecurity = 0
CheckBattery = 0
CheckSignal = 0
CheckNetwork = 0
LoopSleep = $LOOPSLEEP
CommTimeout = 1
SendTimeout = 30
ReceiveFrequency = 15
StatusFrequency = 60
DeliveryReport = log
EOF
    if [[ $FORMAT != default ]]; then
        echo "TransmitFormat = $FORMAT" >>"$m/smsdrc"
    fi
}

# A simulator and its gammu-smsd for modem $1.
start_modem() {
    local m=$WORK/m$1
    mkdir -p "$m"/{inbox,outbox,sent,error,stage}
    mkfifo "$m/ctl" # opened read-write: the simulator never sees EOF
    "$SIM" --link "$m/tty" --parts-per-minute "$R" --log "$m/sent.jsonl" <>"$m/ctl" \
        >"$m/sim.out" 2>&1 &
    PIDS+=($!)
    for _ in $(seq 100); do
        [[ -e $m/tty ]] && break
        sleep 0.1
    done
    write_config "$1"
    gammu-smsd -c "$m/smsdrc" >"$m/smsd.out" 2>&1 &
    PIDS+=($!)
}

# Waits until every daemon has connected to its modem.
wait_connected() {
    for k in $(seq 0 $((K - 1))); do
        for _ in $(seq 300); do
            grep -q "Starting phone communication\|Connected" "$WORK/m$k/smsd.log" 2>/dev/null && break
            sleep 0.1
        done
    done
    sleep 3 # the first outbox check (found empty) and the init commands after it
}

# Writes each message's file into its modem's stage folder.
stage_messages() {
    local i=0 to text file
    while IFS=$'\t' read -r to text; do
        file=$WORK/m$((i % K))/stage/$(printf 'OUTB20250101_000000_%07d_%s_bench.txt' "$i" "$to")
        if [[ $ENCODING == utf16 ]]; then
            { printf '\xff\xfe'; printf '%s' "$text" | iconv -f UTF-8 -t UTF-16LE; } >"$file"
        else
            printf '%s' "$text" >"$file"
        fi
        i=$((i + 1))
    done < <(messages)
}

decoded() {
    cat "$WORK"/m*/sent.jsonl 2>/dev/null | wc -l
}

# Prints "<mismatches> <cyrillic intact> <cyrillic sent>" comparing the logs with what was queued.
compare_texts() {
    messages >"$WORK/expected.tsv"
    python3 - "$WORK" <<'EOF'
import collections, glob, json, sys
work = sys.argv[1]
expected = collections.Counter(open(f"{work}/expected.tsv", encoding="utf-8").read().splitlines())
got = collections.Counter()
for path in glob.glob(f"{work}/m*/sent.jsonl"):
    for line in open(path, encoding="utf-8"):
        m = json.loads(line)
        got[f"{m['to']}\t{m['text']}"] += 1
mismatches = sum((got - expected).values()) + sum((expected - got).values())
cyr = [k for k in expected if any("\u0400" <= c <= "\u04ff" for c in k)]
intact = sum(min(got[k], expected[k]) for k in cyr)
print(mismatches, intact, len(cyr))
bad = [k.split("\t")[1] for k in (got - expected)][:2]
for b in bad:
    print("  e.g. decoded:", b, file=sys.stderr)
EOF
}

main() {
    echo "gammu-smsd peer: K=$K r=$R messages=$N TransmitFormat=$FORMAT files=$ENCODING LoopSleep=$LOOPSLEEP"
    for k in $(seq 0 $((K - 1))); do
        start_modem "$k"
    done
    wait_connected
    stage_messages
    local start end done_count
    start=$(date +%s.%N)
    for k in $(seq 0 $((K - 1))); do
        mv "$WORK/m$k/stage/"* "$WORK/m$k/outbox/"
    done
    local deadline=$((SECONDS + 3 * D + 120)) next=$((SECONDS + 10))
    while (($(decoded) < N && SECONDS < deadline)); do
        sleep 0.05
        if ((SECONDS >= next)); then
            next=$((SECONDS + 10))
            echo "  $(decoded) decoded"
        fi
    done
    end=$(date +%s.%N)
    done_count=$(decoded)
    read -r mismatches intact cyrillic < <(compare_texts)
    python3 -c "
import sys
n, done, k, r, s, e = int('$N'), int('$done_count'), int('$K'), int('$R'), float('$start'), float('$end')
rate = done / (e - s) * 60
print(f'result: gammu-smsd K={k} r={r} messages={n} decoded={done} wall={e - s:.1f}s '
      f'rate={rate:.1f} parts/min limit={k * r} ratio={100 * rate / (k * r):.1f}% '
      f'text_mismatches=$mismatches cyrillic_intact=$intact/$cyrillic '
      f'TransmitFormat=$FORMAT files=$ENCODING')"
    echo "  files in error/: $(ls "$WORK"/m*/error | grep -c OUT || true)"
}

main
