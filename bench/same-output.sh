#!/usr/bin/env bash
# Runs every read-only command of two builds on the same projects and says,
# per command, whether their output is byte-identical: the check behind a
# refactoring that must change no output.
#
#   bench/same-output.sh BASE_REV [PROJECT_DIR ...]   # default: the project itself
#
# BASE_REV is built in a detached worktree under bench/out/ (as
# bench/compare.sh does); the work tree is built in release.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
BASE_REV=${1:?usage: bench/same-output.sh BASE_REV [PROJECT_DIR ...]}
shift
PROJECTS=("${@:-.}")

BASE_SHORT=$(git rev-parse --short "$BASE_REV")
BASE_DIR=${BASE_DIR:-"$ROOT/bench/out/base-$BASE_SHORT"}
if [ ! -d "$BASE_DIR" ]; then
    mkdir -p "$ROOT/bench/out"
    git worktree add --detach "$BASE_DIR" "$BASE_REV" >/dev/null
fi
(cd "$BASE_DIR" && cargo build --release --quiet --bin crosscheck)
cargo build --release --quiet --bin crosscheck
A="$BASE_DIR/target/release/crosscheck"
B="$ROOT/target/release/crosscheck"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

status=0
for dir in "${PROJECTS[@]}"; do
    for args in "check --format json" "check --format md" "check --format html" \
                "check --format text" "validate" "subjects" "coverage" \
                "graph --format dot" "graph --format json"; do
        # shellcheck disable=SC2086 # the arguments are words on purpose
        "$A" $args "$dir" >"$OUT/a" 2>&1 || true
        # shellcheck disable=SC2086
        "$B" $args "$dir" >"$OUT/b" 2>&1 || true
        if cmp -s "$OUT/a" "$OUT/b"; then
            echo "same       $dir: crosscheck $args"
        else
            echo "DIFFERENT  $dir: crosscheck $args ($(diff "$OUT/a" "$OUT/b" | grep -c '^[<>]') lines differ)"
            status=1
        fi
    done
done
exit "$status"
