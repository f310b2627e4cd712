#!/usr/bin/env bash
# HTTP throughput of `samspill serve` against nginx serving static files of the same sizes,
# measured in the same run with wrk (keep-alive on every connection):
#   - GET /api/health and GET /anbud (a logged-in page rendered from the database) at 50
#     connections: requests/s, p50 and p99 latency, and samspill's share of nginx's rate;
#   - the same at 200 connections: timeouts and socket errors.
# Installs wrk and nginx-light from Debian if missing; builds the release binary if missing.
# Loopback only; every run is bounded by DURATION seconds per measurement.
#
#   bash bench/http/run.sh            # 10 s per measurement
#   DURATION=30 THREADS=2 bash bench/http/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
duration=${DURATION:-10}
wrk_threads=${THREADS:-2}

need=()
command -v wrk >/dev/null || need+=(wrk)
[[ -x /usr/sbin/nginx ]] || need+=(nginx-light)
command -v curl >/dev/null || need+=(curl)
if ((${#need[@]})); then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
binary=build/release/src/cli/samspill
if [[ ! -x $binary ]]; then
  cmake --preset release -DSAMSPILL_BUILD_TESTS=OFF -DSAMSPILL_BUILD_BENCH=OFF >/dev/null
  cmake --build build/release --target samspill -j"$(nproc)"
fi

work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null ||
    echo $((20000 + RANDOM % 20000))
}

# samspill with the demo data.
sport=$(free_port)
"$binary" serve --demo --quiet --db "$work/bench.db" --port "$sport" >"$work/samspill.out" 2>&1 &
pids+=($!)
for _ in $(seq 1 200); do
  curl -fs "http://127.0.0.1:$sport/api/health" >/dev/null 2>&1 && break
  sleep 0.1
done
cookie=$(curl -fs -D - -o /dev/null -H 'Content-Type: application/json' \
  -d '{"username":"innkjoper","password":"demo-passord"}' "http://127.0.0.1:$sport/api/session" |
  tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' | head -1)
[[ -n $cookie ]] || { echo "could not log in to samspill"; cat "$work/samspill.out"; exit 1; }

# nginx serving files of the same sizes as samspill's answers.
chmod 755 "$work"  # nginx workers do not run as root
mkdir -p "$work/www"
curl -fs "http://127.0.0.1:$sport/api/health" >"$work/www/health"
curl -fs -H "Cookie: $cookie" "http://127.0.0.1:$sport/anbud" >"$work/www/anbud"
nport=$(free_port)
cat >"$work/nginx.conf" <<EOF
worker_processes auto;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx.err;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp;
  uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
  server {
    listen 127.0.0.1:$nport;
    root $work/www;
    location / { default_type text/html; }
  }
}
EOF
mkdir -p "$work/tmp"
/usr/sbin/nginx -c "$work/nginx.conf" -p "$work" &
pids+=($!)
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$nport/health" >/dev/null 2>&1 && break
  sleep 0.1
done

# One wrk run: prints "requests/s p50 p99 timeouts errors non2xx".
measure() {
  local url=$1 connections=$2
  shift 2
  local out
  out=$(wrk -t"$wrk_threads" -c"$connections" -d"${duration}s" --timeout 10s --latency "$@" "$url")
  local rps p50 p99 timeouts errors non2xx
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  timeouts=$(sed -n 's/.*timeout \([0-9]*\).*/\1/p' <<<"$out")
  errors=$(sed -n 's/.*Socket errors: connect \([0-9]*\), read \([0-9]*\), write \([0-9]*\).*/\1+\2+\3/p' <<<"$out")
  non2xx=$(sed -n 's/.*Non-2xx or 3xx responses: \([0-9]*\).*/\1/p' <<<"$out")
  echo "$rps ${p50:--} ${p99:--} ${timeouts:-0} ${errors:-0} ${non2xx:-0}"
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)," \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "commit: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)," \
  "wrk $wrk_threads threads, ${duration} s per row, keep-alive"
printf '%-34s %6s %12s %9s %9s %9s %7s %8s\n' case conns 'requests/s' p50 p99 timeouts errors vs-nginx
row() {
  local name=$1 connections=$2 base=$3
  shift 3
  read -r rps p50 p99 timeouts errors non2xx < <(measure "$@")
  local ratio=-
  [[ $base != - ]] && ratio=$(awk -v a="$rps" -v b="$base" 'BEGIN {printf "%.2f", a / b}')
  printf '%-34s %6s %12s %9s %9s %9s %7s %8s\n' "$name" "$connections" "$rps" "$p50" "$p99" \
    "$timeouts" "$errors" "$ratio"
  if [[ $non2xx != 0 ]]; then echo "  ($non2xx answers were not 2xx/3xx)"; fi
  last_rps=$rps
}
for c in 50 200; do
  row "nginx static (health size)" "$c" - "http://127.0.0.1:$nport/health" "$c"
  base=$last_rps
  row "samspill GET /api/health" "$c" "$base" "http://127.0.0.1:$sport/api/health" "$c"
  row "nginx static (/anbud size)" "$c" - "http://127.0.0.1:$nport/anbud" "$c"
  base=$last_rps
  row "samspill GET /anbud (logged in)" "$c" "$base" "http://127.0.0.1:$sport/anbud" "$c" \
    -H "Cookie: $cookie"
done
