#!/usr/bin/env bash
# Load benchmark of an area's public page (/areas/imr): the app (embedded H2, the shipped IMR page, served to
# visitors without cookies from the visitors' page cache) against nginx serving a saved copy of the very same HTML,
# both measured with wrk on this machine in the same run. Prints throughput, latency percentiles and the ratio.
#
#   bash bench/area-page.sh                      # 200 connections, 20 s per run
#   CONNECTIONS=100 DURATION=10s AREA=/areas/imr?lang=es bash bench/area-page.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

CONNECTIONS=${CONNECTIONS:-200}
DURATION=${DURATION:-20s}
AREA=${AREA:-/areas/imr}
APP_PORT=18080
NGINX_PORT=18081

install_tools wrk wrk
install_tools nginx nginx-light
jar=$(packaged_jar)
work=$(mktemp -d)
cleanup() {
  stop_app
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

start_app "$APP_PORT" "$work/app.log" --spring.datasource.url="jdbc:h2:file:$work/db"
mkdir -p "$work/www" "$work/tmp"
curl -sf "http://127.0.0.1:$APP_PORT$AREA" > "$work/www/area.html"
cat > "$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  default_type text/html;
  client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp;
  uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
  server { listen 127.0.0.1:$NGINX_PORT; root $work/www; }
}
CONF
nginx -c "$work/nginx.conf"

echo "Warming up the app (JIT) ..."
wrk -t2 -c50 -d10s "http://127.0.0.1:$APP_PORT$AREA" > /dev/null

run_wrk "$work/wrk.out" -t2 -c"$CONNECTIONS" -d"$DURATION" "http://127.0.0.1:$APP_PORT$AREA"
app_rps=$rps; app_p50=$p50; app_p99=$p99; app_errors=$errors
run_wrk "$work/wrk.out" -t2 -c"$CONNECTIONS" -d"$DURATION" "http://127.0.0.1:$NGINX_PORT/area.html"
nginx_rps=$rps; nginx_p50=$p50; nginx_p99=$p99
ratio=$(awk -v a="$app_rps" -v n="$nginx_rps" 'BEGIN { printf "%.1f", 100 * a / n }')
html_raw=$(wc -c < "$work/www/area.html")

printf '\nArea page %s, %s connections, %s per run, 2 wrk threads, 2 cores shared by all\n' "$AREA" "$CONNECTIONS" "$DURATION"
printf '%-8s %12s %10s %10s\n' "server" "requests/s" "p50 ms" "p99 ms"
printf '%-8s %12s %10s %10s\n' "app" "$app_rps" "$app_p50" "$app_p99"
printf '%-8s %12s %10s %10s\n' "nginx" "$nginx_rps" "$nginx_p50" "$nginx_p99"
printf 'app throughput = %s%% of nginx; page %s B of HTML\n' "$ratio" "$html_raw"
if [ -n "$app_errors" ]; then printf 'app errors: %s\n' "$app_errors"; fi
