# Sourced by the HTTP benchmarks (bench/http_*.sh) after they set $here (bench/). Takes
# the script's arguments [DB] [CUSTOMERS] into $db (default /tmp/ld-bench-1m.db) and
# $customers (default 1000000), and LD_SERVER (default build/server/loyaltydesk-server)
# into $server. Checks the tools, then:
#   serve_signed_in DB CUSTOMERS THREADS USER PASSWORD
# seeds DB with CUSTOMERS demo customers when it is missing, starts the server on a free
# loopback port with THREADS threads and signs in: sets $port, $token and $work (a
# temporary folder, removed on exit). stop_server stops the server.

root=$(dirname "$here")
db=${1:-/tmp/ld-bench-1m.db}
customers=${2:-1000000}
server=${LD_SERVER:-$root/build/server/loyaltydesk-server}

for tool in wrk sqlite3 curl; do
  command -v "$tool" >/dev/null || { echo "needs $tool (scripts/setup installs it)" >&2; exit 1; }
done
[ -x "$server" ] || { echo "no server binary at $server: build first, or set LD_SERVER" >&2; exit 1; }

serve_signed_in() {
  seed_if_missing "$1" "$2" "$5"
  start_server "$1" "$3"
  sign_in "$4" "$5"
}

seed_if_missing() {
  local db=$1 customers=$2 password=$3
  [ -f "$db" ] && return 0
  echo "Seeding $customers customers into $db"
  /usr/bin/time -f "seed-demo: %e s, max RSS %M KiB" "$server" seed-demo --customers "$customers" --db "sqlite:$db" --chunk 20000 \
    --demo-password "$password" | tail -25
}

start_server() {
  local db=$1 threads=$2
  work=$(mktemp -d)
  local log="$work/server.log"
  "$server" serve --listen 127.0.0.1:0 --db "sqlite:$db" --threads "$threads" >"$log" 2>&1 &
  server_pid=$!
  trap 'stop_server; rm -rf "$work"' EXIT
  port=""
  for _ in $(seq 1 600); do
    port=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$log" | grep -o '[0-9]*$' || true)
    [ -n "$port" ] && return 0
    kill -0 "$server_pid" 2>/dev/null || { cat "$log"; exit 1; }
    sleep 0.1
  done
  echo "the server did not start"; cat "$log"; exit 1
}

stop_server() {
  [ -n "${server_pid:-}" ] || return 0
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

sign_in() {
  local user=$1 password=$2
  token=$(curl -sf -H 'Content-Type: application/json' -d "{\"username\":\"$user\",\"password\":\"$password\"}" \
    "http://127.0.0.1:$port/api/v1/auth/login" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
  [ -n "$token" ] || { echo "cannot sign in as $user"; exit 1; }
}
