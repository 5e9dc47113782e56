#!/bin/bash
# Every INTERVAL seconds (default 60), one line per running Claimline part: heap used and committed, old generation
# used (jstat, MB) and resident set size (MB). Used beside `./claimline bench --seconds 1800` to see whether each
# service's memory stays flat (docs/benchmarks.md). Needs the JDK's jstat on the PATH; stop it with Ctrl-C.
# The parts are those of the stack in $CLAIMLINE_HOME (default ./.claimline), found by the launcher's pid files, so
# that a second stack on the same machine is not mistaken for this one.
set -euo pipefail
INTERVAL="${1:-60}"
RUN_DIR="${CLAIMLINE_HOME:-.claimline}/run"
echo "time part heap_used_mb heap_committed_mb old_used_mb rss_mb"
while true; do
    for part in ingest claims web kafka; do
        pid="$(cat "$RUN_DIR/$part.pid" 2>/dev/null || true)"
        [[ -z "$pid" || ! -d "/proc/$pid" ]] && continue
        # jstat -gc columns: S0C S1C S0U S1U EC EU OC OU ... (KB)
        jstat -gc "$pid" | tail -1 | awk -v t="$(date +%T)" -v p="$part" -v rss="$(awk '/VmRSS/{print int($2/1024)}' "/proc/$pid/status")" \
            '{printf "%s %s %d %d %d %d\n", t, p, ($3+$4+$6+$8)/1024, ($1+$2+$5+$7)/1024, $8/1024, rss}'
    done
    sleep "$INTERVAL"
done
