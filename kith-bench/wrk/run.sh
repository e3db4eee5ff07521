#!/usr/bin/env bash
# Drives `./kith serve` with wrk, an independent load generator, as a team's load test would: a SNAP graph imported
# with `./kith import`, many viewers with their own tokens who follow some of its users, and GET /health on the
# same server beside each API workload for the transport's own ceiling. See docs/performance.md.
#
#   kith-bench/wrk/run.sh [GRAPH] [--viewers N] [--duration 20s] [--connections 32] [--threads 2]
#
# GRAPH: a SNAP edge list (.txt or .txt.gz; default: the wiki-Vote copy under kith-bench's test resources).
# Needs wrk (Debian: apt-get install wrk), curl and python3. Writes wrk-results/ (one file per workload).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/kith-bench/wrk"
GRAPH="$ROOT/kith-bench/src/test/resources/datasets/wiki-Vote/Wiki-Vote.txt.gz"
VIEWERS=500
DURATION=20s
CONNECTIONS=32
THREADS=2
FOLLOWS_PER_VIEWER=20
OUT="$ROOT/wrk-results"

while [ $# -gt 0 ]; do
  case "$1" in
    --viewers) VIEWERS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    -h|--help) sed -n 2,9p "$0"; exit 0 ;;
    -*) echo "unknown option: $1 (expected: --viewers, --duration, --connections, --threads, --out)" >&2; exit 2 ;;
    *) GRAPH="$1"; shift ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is not installed (expected: apt-get install wrk)" >&2; exit 1; }
[ -f "$GRAPH" ] || { echo "graph: $GRAPH does not exist (expected: a SNAP edge list)" >&2; exit 1; }

WORK="$(mktemp -d -t kith-wrk-XXXXXX)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== importing $(basename "$GRAPH")"
"$ROOT/kith" import "$GRAPH" --data "$WORK/data" | tail -n 2
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
BASE="http://127.0.0.1:$PORT"

# As `./kith serve` runs by default, except for limits a load test would trip: sign-ups and follows per address.
"$ROOT/kith" serve --port "$PORT" --data "$WORK/data" --signup-limit-per-ip-hour 1000000 \
  --follow-limit-per-day 1000000 --follow-limit-per-minute 1000000 > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do
  curl -fsS "$BASE/health" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
  sleep 0.5
done

# The graph's user ids: node n of the file is user n+1.
python3 - "$GRAPH" > "$WORK/ids.txt" <<'PY'
import gzip, sys
path = sys.argv[1]
opener = gzip.open if path.endswith(".gz") else open
nodes = set()
with opener(path, "rt") as f:
    for line in f:
        if line.startswith("#") or not line.strip():
            continue
        a, b = line.split()[:2]
        if a == b:
            continue  # self-loops are skipped by the import: a node only in one is no user
        nodes.add(int(a) + 1)
        nodes.add(int(b) + 1)
for n in sorted(nodes):
    print(n)
PY
echo "== $(wc -l < "$WORK/ids.txt") graph users; signing up $VIEWERS viewers, each following $FOLLOWS_PER_VIEWER of them"
export BASE WORK FOLLOWS_PER_VIEWER
seq 1 "$VIEWERS" | xargs -P 4 -I{} sh -c '
  token=$(curl -fsS -X POST "$BASE/v1/accounts" -H "Content-Type: application/json" \
    -d "{\"handle\": \"viewer{}\", \"password\": \"load-test-password\"}" \
    | python3 -c "import json,sys; print(json.load(sys.stdin)[\"token\"])")
  for id in $(shuf -n "$FOLLOWS_PER_VIEWER" "$WORK/ids.txt"); do
    curl -fsS -o /dev/null -X PUT "$BASE/v1/me/following/$id" -H "Authorization: Bearer $token"
  done
  echo "$token"' > "$WORK/tokens.txt"

mkdir -p "$OUT"
run() {
  local name="$1" script="$2"
  echo "== $name"
  KITH_IDS="$WORK/ids.txt" KITH_TOKENS="$WORK/tokens.txt" \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$HERE/$script" "$BASE" | tee "$OUT/$name.txt"
}
# Warm the server's JIT and caches on the mix first (not reported), then each workload beside /health.
KITH_IDS="$WORK/ids.txt" KITH_TOKENS="$WORK/tokens.txt" \
  wrk -t"$THREADS" -c"$CONNECTIONS" -d20s -s "$HERE/checks.lua" "$BASE" > /dev/null
KITH_IDS="$WORK/ids.txt" wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -s "$HERE/first-page.lua" "$BASE" > /dev/null
run health health.lua
run checks checks.lua
run first-page first-page.lua
run card card.lua
echo "wrote $OUT"
