#!/usr/bin/env bash
# Performance table for BENCHMARKS.md: one command, one table.
#
#   bash bench/run.sh            # full run: 10k/100k libraries, 1M titles (~15 min)
#   QUICK=1 bash bench/run.sh    # smaller sizes, for a smoke test of the script
#
# Everything is measured whole-process or through the library's public API, on
# deterministic corpora made by examples/gen-corpus.rs. Medians over repeated
# runs; comparisons (parallax against fzf) run side by side in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

work=${BENCH_DIR:-${TMPDIR:-/tmp}/parallax-bench}
if [ -n "${QUICK:-}" ]; then
  import_n=1000 big_n=5000 titles_sizes="10000 100000" runs=3
else
  import_n=10000 big_n=100000 titles_sizes="10000 100000 1000000" runs=5
fi
mkdir -p "$work"

need() { command -v "$1" >/dev/null 2>&1; }
install() {
  if need apt-get; then
    [ -n "${apt_updated:-}" ] || { apt-get update -qq >/dev/null; apt_updated=1; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    echo "bench: please install $*" >&2
    exit 1
  fi
}
need fzf || install fzf
need hyperfine || install hyperfine
need bc || install bc
[ -x /usr/bin/time ] || install time

echo "building..." >&2
cargo build --release --quiet --bin parallax --examples
bin=$root/target/release/parallax
ex=$root/target/release/examples

corpus() { # N -> directory with articles/ and titles.txt
  local n=$1 dir=$work/corpus-$1
  [ -f "$dir/titles.txt" ] || "$ex/gen-corpus" --articles "$n" --out "$dir" >&2
  echo "$dir"
}
titles() { # N -> titles file
  local n=$1 dir=$work/titles-$1
  [ -f "$dir/titles.txt" ] || "$ex/gen-corpus" --articles "$n" --titles-only --out "$dir" >&2
  echo "$dir/titles.txt"
}
library() { # N -> library file holding N generated articles
  local n=$1 lib=$work/library-$1.db
  if [ ! -f "$lib" ]; then
    local dir; dir=$(corpus "$n")
    "$bin" --library "$lib.tmp" import "$dir/articles" >/dev/null 2>&1
    mv "$lib.tmp" "$lib"
  fi
  echo "$lib"
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

rows=()
row() { rows+=("| $1 | $2 | $3 |"); }

# --- import throughput, analysis included -----------------------------------
dir=$(corpus "$import_n")
mb=$(du -sb "$dir/articles" | awk '{printf "%.1f", $1/1e6}')
times=()
for _ in $(seq "$runs"); do
  rm -f "$work/import.db"*
  s=$(date +%s.%N)
  "$bin" --library "$work/import.db" import "$dir/articles" >/dev/null 2>&1
  e=$(date +%s.%N)
  times+=("$(echo "$e - $s" | bc -l)")
done
t=$(printf '%s\n' "${times[@]}" | median)
row "import $import_n articles ($mb MB), analysis included" \
  "$(echo "$import_n / $t" | bc -l | xargs printf '%.0f') articles/s, $(echo "$mb / $t" | bc -l | xargs printf '%.1f') MB/s" \
  "median of $runs, whole process"

# --- first frame and peak memory --------------------------------------------
for n in "$import_n" "$big_n"; do
  lib=$(library "$n")
  out=$("$ex/first-frame" --bin "$bin" --library "$lib" --runs "$runs")
  ff=$(sed -n 's/.*first_frame_ms_median=\([0-9.]*\).*/\1/p' <<<"$out")
  rss=$(sed -n 's/.*peak_rss_mib=\([0-9.]*\).*/\1/p' <<<"$out")
  # What the list holds, as stored: titles and metadata, and the analysis
  # (the call reports the list reads; all of it, bodies' analyses included).
  read -r meta reports whole <<<"$(python3 - "$lib" <<'PY'
import sqlite3, sys
c = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
q = lambda s: c.execute(s).fetchone()[0] or 0
meta = q("""SELECT sum(length(id) + length(hash) + length(title) + ifnull(length(source), 0)
  + ifnull(length(url), 0) + ifnull(length(published), 0) + ifnull(length(byline), 0)
  + ifnull(length(language), 0) + length(format) + ifnull(length(origin), 0)
  + length(imported_at) + ifnull(length(fetched_at), 0)) FROM articles""")
reports = q("SELECT sum(ifnull(length(call), 0)) FROM analyses")
whole = q("SELECT sum(length(body) + ifnull(length(call), 0) + length(accounts)) FROM analyses")
print(f"{meta / 2**20:.1f} {reports / 2**20:.1f} {whole / 2**20:.1f}")
PY
)"
  ratio=$(echo "$rss / ($meta + $reports)" | bc -l | xargs printf '%.2f')
  row "reader: start to first frame, $n articles" "$ff ms" "median of $runs, 120x40 pty"
  row "reader: peak memory, $n articles open" \
    "$rss MiB (${ratio}x the $(printf '%.1f' "$(echo "$meta + $reports" | bc -l)") MiB of titles, metadata and call reports; whole analyses $whole MiB)" \
    "VmHWM after the first frame; sizes as stored"
done

# --- filter per keystroke -----------------------------------------------------
if [ -x "$ex/keystrokes" ]; then
  for n in $titles_sizes; do
    f=$(titles "$n")
    "$ex/keystrokes" --titles "$f" --runs "$runs" | while IFS='|' read -r what value how; do
      echo "| $what ($n titles) | $value | $how |"
    done >>"$work/keystroke-rows"
  done
fi

# --- frame render and analysis throughput (divan) -----------------------------
if [ -f benches/render.rs ]; then
  cargo bench --quiet --bench render 2>/dev/null | grep -E "^[│├╰ ]" >"$work/render.txt" || true
fi
if [ -f benches/analysis.rs ]; then
  cargo bench --quiet --bench analysis 2>/dev/null | grep -E "^[│├╰ ]" >"$work/analysis.txt" || true
fi

# --- parallax list --filter against fzf --filter, side by side ------------------
lib=$(library "$big_n")
"$bin" --library "$lib" list --json | python3 -c 'import json,sys; [print(a["title"]) for a in json.load(sys.stdin)]' >"$work/titles-of-library.txt"
for q in "macron putin" "zzqx"; do
  # Through the shell (for the redirection; hyperfine subtracts the shell's
  # own time). fzf exits 1 when nothing matches: that is its answer, not a
  # failure, hence -i.
  hyperfine -i --warmup 2 --runs $((runs * 2)) --export-json "$work/hf.json" \
    "fzf --filter '$q' < '$work/titles-of-library.txt'" \
    "$bin --library $lib list --filter '$q'" >/dev/null 2>&1
  read -r f p <<<"$(python3 -c 'import json; r=json.load(open("'"$work"'/hf.json"))["results"]; print(r[0]["median"]*1000, r[1]["median"]*1000)')"
  row "\`list --filter '$q'\` vs \`fzf --filter\`, $big_n titles" \
    "$(printf '%.0f ms vs %.0f ms (%.2fx)' "$p" "$f" "$(echo "$p / $f" | bc -l)")" \
    "median of $((runs * 2)), whole process, same run"
done

# --- the table -------------------------------------------------------------------
echo
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr); $(date -u +%Y-%m-%d)"
echo
echo "| measure | result | how |"
echo "|---|---|---|"
printf '%s\n' "${rows[@]}"
[ -f "$work/keystroke-rows" ] && cat "$work/keystroke-rows" && rm -f "$work/keystroke-rows"
if [ -s "$work/analysis.txt" ]; then
  echo
  echo "Analysis throughput, one core (divan, benches/analysis.rs):"
  echo
  echo '```'
  cat "$work/analysis.txt"
  echo '```'
fi
if [ -s "$work/render.txt" ]; then
  echo
  echo "Frame render (divan, benches/render.rs):"
  echo
  echo '```'
  cat "$work/render.txt"
  echo '```'
fi
