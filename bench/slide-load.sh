#!/usr/bin/env bash
# Load benchmark of a slide page: the app (embedded H2, sample course) against nginx serving a saved copy of the
# very same HTML, both measured with wrk on this machine. Prints throughput, latency percentiles, the ratio, and
# the bytes a phone downloads for the page (HTML + CSS + JS, gzip). Targets from issues 2 and 13 are checked at the end.
#
#   bash bench/slide-load.sh                      # 200 connections, 20 s per run
#   CONNECTIONS=100 DURATION=10s bash bench/slide-load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

CONNECTIONS=${CONNECTIONS:-200}
DURATION=${DURATION:-20s}
SLIDE=${SLIDE:-/courses/imr-intro/modules/overview/slides/common-elements}
app_against_nginx "$SLIDE" slide.html
# A visitor with a cookie (as signed-in learners have) skips the visitors' page cache: the page is rendered. That
# path is warmed on its own first, so the JIT has compiled the rendering before it is timed.
wrk -t2 -c50 -d10s -H "Cookie: XSRF-TOKEN=bench" "http://127.0.0.1:$APP_PORT$SLIDE" > /dev/null
run_wrk "$work/wrk.out" -t2 -c"$CONNECTIONS" -d"$DURATION" -H "Cookie: XSRF-TOKEN=bench" "http://127.0.0.1:$APP_PORT$SLIDE"
rendered_rps=$rps; rendered_p50=$p50; rendered_p99=$p99

html_bytes=$(curl -s -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "http://127.0.0.1:$APP_PORT$SLIDE")
html_raw=$(wc -c < "$work/www/slide.html")
asset_bytes=0
for asset in $(grep -oE '(href|src)="/static/[^"]+"' "$work/www/slide.html" | sed -E 's/.*="([^"]+)"/\1/'); do
  asset_bytes=$((asset_bytes + $(curl -s -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "http://127.0.0.1:$APP_PORT$asset")))
done
total_bytes=$((html_bytes + asset_bytes))

printf '\nSlide page %s, %s connections, %s per run, 2 wrk threads, 2 cores shared by all\n' "$SLIDE" "$CONNECTIONS" "$DURATION"
printf '%-8s %12s %10s %10s\n' "server" "requests/s" "p50 ms" "p99 ms"
printf '%-8s %12s %10s %10s\n' "app" "$app_rps" "$app_p50" "$app_p99"
printf '%-8s %12s %10s %10s\n' "nginx" "$nginx_rps" "$nginx_p50" "$nginx_p99"
printf '%-8s %12s %10s %10s   (page rendered for every request, not from the page cache)\n' "rendered" "$rendered_rps" "$rendered_p50" "$rendered_p99"
rendered_ratio=$(awk -v a="$rendered_rps" -v n="$nginx_rps" 'BEGIN { printf "%.1f", 100 * a / n }')
printf 'app throughput = %s%% of nginx (cached); rendered = %s%% of nginx\n' "$ratio" "$rendered_ratio"
printf 'page weight: HTML %s B raw, %s B gzip; with CSS+JS %s B transferred\n' "$html_raw" "$html_bytes" "$total_bytes"
[ -n "$app_errors" ] && printf 'app errors: %s\n' "$app_errors"

verdict() { if [ "$2" = 1 ]; then echo "PASS  $1"; else echo "FAIL  $1"; fi; }
verdict "throughput >= 50% of nginx ($ratio%)" "$(awk -v r="$ratio" 'BEGIN { print (r >= 50) }')"
verdict "p99 < 50 ms at $CONNECTIONS connections (${app_p99} ms)" "$(awk -v p="$app_p99" 'BEGIN { print (p < 50) }')"
verdict "rendered >= 5,000 requests/s ($rendered_rps)" "$(awk -v r="$rendered_rps" 'BEGIN { print (r >= 5000) }')"
verdict "rendered p99 < 50 ms ($rendered_p99 ms)" "$(awk -v p="$rendered_p99" 'BEGIN { print (p < 50) }')"
verdict "page < 60 KB transferred ($total_bytes B)" "$(awk -v b="$total_bytes" 'BEGIN { print (b < 61440) }')"
