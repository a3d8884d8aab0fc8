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
app_against_nginx "$AREA" area.html
html_raw=$(wc -c < "$work/www/area.html")

printf '\nArea page %s, %s connections, %s per run, 2 wrk threads, 2 cores shared by all\n' "$AREA" "$CONNECTIONS" "$DURATION"
printf '%-8s %12s %10s %10s\n' "server" "requests/s" "p50 ms" "p99 ms"
printf '%-8s %12s %10s %10s\n' "app" "$app_rps" "$app_p50" "$app_p99"
printf '%-8s %12s %10s %10s\n' "nginx" "$nginx_rps" "$nginx_p50" "$nginx_p99"
printf 'app throughput = %s%% of nginx; page %s B of HTML\n' "$ratio" "$html_raw"
if [ -n "$app_errors" ]; then printf 'app errors: %s\n' "$app_errors"; fi
