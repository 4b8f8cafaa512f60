# Shared by the bench scripts (sourced, with ROOT set to the repository):
# GNU time for wall time and peak memory, DuckDB at the pinned version in
# bench/.venv, and the median of a column of numbers.

# Installs GNU time when /usr/bin/time is missing.
ensure_gnu_time() {
    if [ ! -x /usr/bin/time ]; then
        log "installing GNU time"
        apt-get install -y time >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y time >/dev/null; }
    fi
}

# Sets PY to a Python with bench/requirements.txt (DuckDB) installed.
ensure_duckdb() {
    VENV="$ROOT/bench/.venv"
    PY="$VENV/bin/python"
    if [ ! -x "$PY" ]; then
        log "creating $VENV"
        python3 -m venv "$VENV"
    fi
    if ! "$PY" -m pip freeze 2>/dev/null | grep -qxF -f <(grep -v '^#' "$ROOT/bench/requirements.txt"); then
        log "installing bench/requirements.txt"
        "$PY" -m pip install -q -r "$ROOT/bench/requirements.txt"
    fi
}

# The median of the numbers on stdin, one a line ("n/a" for none).
median() { sort -g | awk '{a[NR]=$1} END {if (NR==0) print "n/a"; else if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }
