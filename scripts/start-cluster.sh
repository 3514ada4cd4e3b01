#!/usr/bin/env bash
# Starts a Governance.Actors cluster on this machine, on loopback: N silos and M standalone gateways (Orleans clients)
# on one PostgreSQL database, one after the other, and waits; Ctrl+C or SIGTERM stops them all (gateways first), and
# the PostgreSQL server if this script started it. README.md ("Cluster mode") shows the same across machines.
#
#   scripts/start-cluster.sh [--silos N] [--gateways M] [--postgres CONNECTION_STRING] [--port-base P]
#                            [--run-dir DIR] [--no-build] [--dll PATH] [-- SETTING…]
#
# --silos N (2)            silo processes: silo-1 … silo-N, each with the gateway co-hosted
# --gateways M (1)         standalone gateway processes: gateway-1 … gateway-M
# --postgres CONNECTION    an existing PostgreSQL database (Npgsql connection string); without it, a throwaway server is
#                          started from the installed binaries (initdb, pg_ctl) in the run folder and stopped at the end
# --port-base P (5100)     silo k: gRPC P+k, JSON P+100+k, silo port P+200+k, Orleans gateway port P+300+k;
#                          gateway j: gRPC P+400+j, JSON P+500+j; the throwaway PostgreSQL: P+600
# --run-dir DIR            logs (<name>.log), pids and the PostgreSQL data; default: a new folder under /tmp
# --no-build, --dll PATH   use the build at PATH (default src/Silo/bin/Release/net10.0/Governance.Silo.dll)
# -- SETTING…              passed to every process, e.g. -- --Orleans:Liveness:ProbeTimeout=00:00:02
#
# Without Auth:SigningKey in the environment (Auth__SigningKey) one is made for the run, shared by every process,
# and an admin token signed with it is printed. The line "cluster ready" follows once every process is serving.
set -euo pipefail

silos=2 gateways=1 postgres="" port_base=5100 run_dir="" build=1 extra=()
repo="$(cd "$(dirname "$0")/.." && pwd)"
dll="$repo/src/Silo/bin/Release/net10.0/Governance.Silo.dll"

usage() { sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
fail() { echo "start-cluster: $*" >&2; exit 2; }
positive() { [[ "$2" =~ ^[0-9]+$ && "$2" -ge "$3" ]] || fail "$1 must be a whole number of at least $3, not '$2'"; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --silos) silos="${2-}"; shift 2 ;;
    --gateways) gateways="${2-}"; shift 2 ;;
    --postgres) postgres="${2-}"; shift 2 ;;
    --port-base) port_base="${2-}"; shift 2 ;;
    --run-dir) run_dir="${2-}"; shift 2 ;;
    --no-build) build=0; shift ;;
    --dll) dll="${2-}"; build=0; shift 2 ;;
    --help|-h) usage 0 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "start-cluster: unknown option '$1'" >&2; usage 2 ;;
  esac
done
positive --silos "$silos" 1
positive --gateways "$gateways" 0
positive --port-base "$port_base" 1024
[[ $((port_base + 600)) -le 65535 ]] || fail "--port-base $port_base leaves no room for the ports above it (at most 64935)"

run_dir="${run_dir:-$(mktemp -d /tmp/governance-cluster-XXXXXX)}"
mkdir -p "$run_dir"
run_dir="$(cd "$run_dir" && pwd)"
pids=()          # every process started, in start order
pg_bin="" pg_data=""

stop_all() {
  trap - INT TERM EXIT
  echo "stopping…"
  # Gateways first, then silos, each in reverse start order, so nothing is left calling a silo that went.
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill -TERM "${pids[i]}" 2>/dev/null || true
    for _ in $(seq 1 600); do kill -0 "${pids[i]}" 2>/dev/null || break; sleep 0.1; done
  done
  if [[ -n "$pg_data" ]]; then
    as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  echo "stopped; logs in $run_dir"
}
trap 'stop_all; exit 0' INT TERM
trap 'stop_all' EXIT

as_postgres() {
  # initdb and the server refuse to run as root.
  if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  [[ -x "$pg_bin/initdb" ]] || fail "no PostgreSQL binaries under /usr/lib/postgresql/*/bin: install postgresql-15, or pass --postgres"
  pg_data="$run_dir/pgdata"
  local port=$((port_base + 600))
  if [[ "$(id -u)" == 0 ]]; then chown postgres "$run_dir"; fi
  as_postgres "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust --locale=C >"$run_dir/postgres-init.log" 2>&1 \
    || fail "initdb failed; see $run_dir/postgres-init.log"
  as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -l "$run_dir/postgres.log" -w \
    -o "-p $port -k $pg_data -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null \
    || fail "PostgreSQL did not start; see $run_dir/postgres.log"
  postgres="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "PostgreSQL (throwaway, in $pg_data) on 127.0.0.1:$port"
}

# Starts one process in the background, logging to <name>.log, and waits for its ready line.
start_process() {
  local name="$1"; shift
  local log="$run_dir/$name.log"
  dotnet "$dll" "$@" --Orleans:Membership=adonet --Storage:Provider=PostgreSql "--Storage:PostgresConnectionString=$postgres" \
    "${extra[@]}" >"$log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  echo "$pid" >"$run_dir/$name.pid"
  for _ in $(seq 1 1200); do
    if grep -q "Governance.Actors ready" "$log"; then
      local address
      address="$(grep -o 'gRPC gateway (HTTP/2 [a-zA-Z ]*) on [^;]*' "$log" | head -1 | sed 's/.* on //')"
      printf '%-10s pid %-7s gRPC %s\n' "$name" "$pid" "$address"
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -30 "$log" >&2
      fail "$name exited before it was ready; its log: $log"
    fi
    sleep 0.1
  done
  tail -30 "$log" >&2
  fail "$name was not ready within 120 s; its log: $log"
}

if [[ "$build" == 1 ]]; then
  echo "building: dotnet build -c Release src/Silo"
  dotnet build -c Release "$repo/src/Silo" -nologo -v q >"$run_dir/build.log" 2>&1 || { tail -30 "$run_dir/build.log" >&2; fail "the build failed"; }
fi
[[ -f "$dll" ]] || fail "$dll does not exist: build it, or drop --no-build"
[[ -n "$postgres" ]] || start_postgres

if [[ -z "${Auth__SigningKey:-}" ]]; then
  Auth__SigningKey="$(head -c 32 /dev/urandom | base64)"
  export Auth__SigningKey
  echo "Auth:SigningKey made for this run (shared by every process)"
fi
export DOTNET_ENVIRONMENT="${DOTNET_ENVIRONMENT:-Production}"

# One after the other: the first silo applies the schema and creates the city.
for k in $(seq 1 "$silos"); do
  start_process "silo-$k" --Intake:JournalName="silo-$k" \
    --Gateway:Url="http://127.0.0.1:$((port_base + k))" --Gateway:WebUrl="http://127.0.0.1:$((port_base + 100 + k))" \
    --Orleans:SiloPort=$((port_base + 200 + k)) --Orleans:GatewayPort=$((port_base + 300 + k))
done
for j in $(seq 1 "$gateways"); do
  start_process "gateway-$j" gateway --Intake:JournalName="gateway-$j" \
    --Gateway:Url="http://127.0.0.1:$((port_base + 400 + j))" --Gateway:WebUrl="http://127.0.0.1:$((port_base + 500 + j))"
done

token="$(dotnet "$dll" token --subject cluster-admin --name "Cluster admin" --role admin --hours 12)"
echo "admin token (12 h): $token"
echo "cluster ready: $silos silo(s), $gateways gateway(s); logs in $run_dir; Ctrl+C stops them"
wait -n "${pids[@]}" || true
echo "a process of the cluster exited; see the logs in $run_dir" >&2
stop_all
exit 1
