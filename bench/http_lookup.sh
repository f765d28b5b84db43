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
. "$here/http_server.sh"  # sets root, db, customers, server; checks the tools
duration=${DURATION:-30s}
connections=${CONNECTIONS:-16}
threads=${THREADS:-2}
server_threads=${SERVER_THREADS:-64}
user=${LD_USER:-operator}
password=${LD_PASSWORD:-demo}

serve_signed_in "$db" "$customers" "$server_threads" "$user" "$password"

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
