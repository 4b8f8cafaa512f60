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

# Builds crosscheck, the project generator and the pair scorer (release);
# sets BIN, GEN and SCORE.
build_bench_tools() {
    log "building (release)"
    cargo build --release --quiet --bin crosscheck --example generate_project --example score_report
    BIN="$ROOT/target/release/crosscheck"
    GEN="$ROOT/target/release/examples/generate_project"
    SCORE="$ROOT/target/release/examples/score_report"
}

# Prints the sources and subjects of a generated project of $1 claims:
# $1/500 sources (at least 5) and $1/20 subjects, so a subject has about 20
# claims over 3 attributes.
project_shape() {
    local s=$(( $1 / 500 ))
    [ "$s" -lt 5 ] && s=5
    echo "$s $(( $1 / 20 ))"
}

# Prints the directory of the generated project of $1 claims with seed $2
# (project_shape). Generated with $GEN (build_bench_tools) unless cached
# under bench/out/, with the generator's time and peak memory in its
# gen-time file (GNU time: ensure_gnu_time).
generated_project() {
    local n=$1 seed=$2 s k dir
    read -r s k < <(project_shape "$n")
    dir="$ROOT/bench/out/n$n-s$s-k$k-seed$seed"
    if [ ! -f "$dir/truth.json" ]; then
        log "generating N=$n S=$s K=$k into $dir"
        rm -rf "$dir"; mkdir -p "$ROOT/bench/out"
        /usr/bin/time -f '%e %M' -o "$dir.gen-time" \
            "$GEN" --claims "$n" --sources "$s" --subjects "$k" --seed "$seed" --out "$dir" >&2
        mv "$dir.gen-time" "$dir/gen-time"
    fi
    echo "$dir"
}
