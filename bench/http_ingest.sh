#!/bin/bash
# Batched receipt ingest over HTTP on loopback with wrk: POST /api/v1/receipts with
# batches of BATCH receipts, each with three lines, a card to resolve and a bonus
# accrual, as bench/ingest_bench does in the service, but through the server's HTTP
# stack (body parsing, auth, the JSON answer).
#
#   bench/http_ingest.sh [DB] [CUSTOMERS]
#
# DB (default /tmp/ld-bench-1m.db) is seeded with CUSTOMERS (default 1000000) demo
# customers when it does not exist yet. Cards are spread over the whole database. The
# receipts' external ids start with "bench-http-"; ingest_bench removes them afterwards
# (it removes receipts left by earlier benchmark runs before it starts).
# Environment: LD_SERVER (default build/server/loyaltydesk-server), LD_INGEST_BENCH
# (default build/bench/ingest_bench), DURATION (30s), CONNECTIONS (2: clients posting
# at once), BATCH (1000), SERVER_THREADS (8), LD_USER/LD_PASSWORD (integration/demo).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/http_server.sh"  # sets root, db, customers, server; checks the tools
cleaner=${LD_INGEST_BENCH:-$root/build/bench/ingest_bench}
duration=${DURATION:-30s}
connections=${CONNECTIONS:-2}
batch=${BATCH:-1000}
server_threads=${SERVER_THREADS:-8}
user=${LD_USER:-integration}
password=${LD_PASSWORD:-demo}
[ -x "$cleaner" ] || { echo "no ingest_bench at $cleaner: build first, or set LD_INGEST_BENCH" >&2; exit 1; }
serve_signed_in "$db" "$customers" "$server_threads" "$user" "$password"

# 20 000 active cards spread over the database, and 200 products as JSON lines.
max=$(sqlite3 "$db" "SELECT MAX(id) FROM cards")
step=$(( max / 20000 > 0 ? max / 20000 : 1 ))
sqlite3 "$db" "SELECT number FROM cards WHERE state = 'active' AND id % $step = 0 LIMIT 20000" >"$work/cards"
sqlite3 "$db" "SELECT json_object('sku', sku, 'name', name, 'category', category, 'price', price) FROM products ORDER BY id LIMIT 200" >"$work/products"
echo "$(wc -l <"$work/cards") cards, $(wc -l <"$work/products") products; batches of $batch; $connections clients; server on port $port with $server_threads threads"

export LD_TOKEN=$token LD_CARDS=$work/cards LD_PRODUCTS=$work/products LD_BATCH=$batch LD_RUN=$(date +%s)
wrk -t"$connections" -c"$connections" -d"$duration" --timeout 30s --latency -s "$here/http_ingest.lua" "http://127.0.0.1:$port"
stop_server
"$cleaner" --db "sqlite:$db" --benchmark_filter='^$' 2>/dev/null | grep -i removed || true
