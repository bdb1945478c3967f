#!/usr/bin/env bash
# Every benchmark on SQLite and, given a PostgreSQL URL, on PostgreSQL too; one JSON summary a file.
#
#   bench/run_all.sh [--out DIR] [--postgres URL] [--quick]
#
# --out       folder for the summaries (default bench-results/<UTC date and time>)
# --postgres  a PostgreSQL server URL, e.g. postgresql+psycopg://postgres@127.0.0.1:5432/postgres
#             (each benchmark creates and drops its own throwaway database there)
# --quick     tiny sizes: checks that everything runs, the figures mean nothing
set -uo pipefail
cd "$(dirname "$0")/.."

out="bench-results/$(date -u +%Y%m%dT%H%M%SZ)"
postgres=""
quick=0
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --postgres) postgres="$2"; shift 2 ;;
    --quick) quick=1; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$out"
python=.venv/bin/python

if [ "$quick" = 1 ]; then
  parse_args="--repeat 20"
  documents_args="--repeat 1"
  dashboard_args="--small 20 --large 200 --repeat 3"
  pages_args="--few 10 --many 40 --repeat 2"
  pdf_args="--items 30 --repeat 1"
  export_args="--learners 2 --runs 1"
  backup_args="--learners 5 --files 5"
  authoring_args="--repeat 1 --sizes 20 --import-files 3"
else
  parse_args="" documents_args="" dashboard_args="" pages_args="" pdf_args="" export_args="" backup_args="" authoring_args=""
fi

failed=0
run() {  # run NAME OUTPUT_FILE ARGS...
  local name="$1" file="$2"
  shift 2
  echo "== $name -> $file" >&2
  local start=$SECONDS
  if "$python" "bench/$name.py" "$@" > "$file.tmp"; then
    mv "$file.tmp" "$file"
    echo "   done in $((SECONDS - start)) s" >&2
  else
    echo "   FAILED (exit $?), output kept in $file.tmp" >&2
    failed=1
  fi
}

{
  echo "{\"started\": \"$(date -u +%FT%TZ)\", \"cpus\": $(nproc), \"load_average\": \"$(cut -d' ' -f1-3 /proc/loadavg)\","
  echo " \"python\": \"$("$python" -c 'import platform; print(platform.python_version())')\", \"commit\": \"$(git rev-parse --short HEAD 2>/dev/null)\"}"
} > "$out/machine.json"

# shellcheck disable=SC2086  # the argument strings are meant to split
run parse "$out/parse.json" $parse_args
# shellcheck disable=SC2086
run parse_documents "$out/parse_documents.json" $documents_args
# shellcheck disable=SC2086
run scenario_authoring "$out/scenario_authoring.json" $authoring_args
databases=("sqlite")
[ -n "$postgres" ] && databases+=("postgresql")
for database in "${databases[@]}"; do
  if [ "$database" = sqlite ]; then url=(--database ""); else url=(--database "$postgres"); fi
  # shellcheck disable=SC2086
  {
    run dashboard "$out/dashboard-$database.json" "${url[@]}" $dashboard_args
    run pages "$out/pages-$database.json" "${url[@]}" $pages_args
    run pdf "$out/pdf-$database.json" "${url[@]}" $pdf_args
    run cohort_export "$out/cohort_export-$database.json" "${url[@]}" $export_args
    run backup "$out/backup-$database.json" "${url[@]}" $backup_args
  }
done
echo "summaries in $out" >&2
exit $failed
