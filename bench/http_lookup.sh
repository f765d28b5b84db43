#!/bin/bash
# Customer lookups over HTTP on loopback with wrk, against a seeded SQLite database.
#
#   bench/http_lookup.sh [DB] [CUSTOMERS]
#
# DB (default /tmp/ld-bench-1m.db) is seeded with CUSTOMERS (default 1000000) demo
# customers when it does not exist yet. The server runs on a free port; a demo user
# signs in; wrk rotates through phones (typed "8 (9xx) xxx-xx-xx"), e-mails (upper
# case) and card numbers of customers spread over the whole database.
# Environment: LD_SERVER (the server binary; default build/server/loyaltydesk-server),
# DURATION (30s), CONNECTIONS (16), THREADS (2), SERVER_THREADS (64),
# LD_USER/LD_PASSWORD (operator/demo).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
db=${1:-/tmp/ld-bench-1m.db}
customers=${2:-1000000}
server=${LD_SERVER:-$root/build/server/loyaltydesk-server}
duration=${DURATION:-30s}
connections=${CONNECTIONS:-16}
threads=${THREADS:-2}
server_threads=${SERVER_THREADS:-64}
user=${LD_USER:-operator}
password=${LD_PASSWORD:-demo}
for tool in wrk sqlite3 curl; do
  command -v "$tool" >/dev/null || { echo "needs $tool (scripts/setup installs it)" >&2; exit 1; }
done
[ -x "$server" ] || { echo "no server binary at $server: build first, or set LD_SERVER" >&2; exit 1; }

if [ ! -f "$db" ]; then
  echo "Seeding $customers customers into $db"
  /usr/bin/time -f "seed-demo: %e s, max RSS %M KiB" "$server" seed-demo --customers "$customers" --db "sqlite:$db" --chunk 20000 \
    --demo-password "$password" | tail -25
fi

work=$(mktemp -d)
log="$work/server.log"
"$server" serve --listen 127.0.0.1:0 --db "sqlite:$db" --threads "$server_threads" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
port=""
for _ in $(seq 1 600); do
  port=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$log" | grep -o '[0-9]*$' || true)
  [ -n "$port" ] && break
  kill -0 $pid 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.1
done
[ -n "$port" ] || { echo "the server did not start"; cat "$log"; exit 1; }

token=$(curl -sf -H 'Content-Type: application/json' -d "{\"username\":\"$user\",\"password\":\"$password\"}" \
  "http://127.0.0.1:$port/api/v1/auth/login" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
[ -n "$token" ] || { echo "cannot sign in as $user"; exit 1; }

# Queries from customers spread over the table, URL-encoded.
max=$(sqlite3 "$db" "SELECT MAX(id) FROM customers")
step=$(( max / 3000 > 0 ? max / 3000 : 1 ))
sqlite3 "$db" "SELECT '8%20(' || substr(value, 3, 3) || ')%20' || substr(value, 6, 3) || '-' || substr(value, 9, 2) || '-' || substr(value, 11, 2)
               FROM contacts WHERE kind = 'phone' AND valid = 1 AND value LIKE '+79%' AND customer_id % $step = 0 LIMIT 3000;
               SELECT replace(upper(value), '@', '%40') FROM contacts WHERE kind = 'email' AND valid = 1 AND customer_id % $step = 0 LIMIT 3000;
               SELECT number FROM cards WHERE id % $step = 0 LIMIT 3000;" | shuf --random-source=<(yes) >"$work/queries"
echo "$(wc -l <"$work/queries") queries over $max customers; server on port $port with $server_threads threads"

# Warm up, then measure.
LD_TOKEN=$token LD_QUERIES=$work/queries wrk -t"$threads" -c"$connections" -d5s -s "$here/http_lookup.lua" "http://127.0.0.1:$port" >/dev/null
LD_TOKEN=$token LD_QUERIES=$work/queries wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$here/http_lookup.lua" "http://127.0.0.1:$port"
