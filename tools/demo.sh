#!/usr/bin/env bash
# The demo on embedded defaults: recounts the sample owners' meeting, then
# starts the hub (SQLite in ./veche-state, http://127.0.0.1:8080) filled with
# that meeting as an open assembly, and prints what to try. Ctrl-C stops it.
# Installs and builds what it needs.
set -euo pipefail
cd "$(dirname "$0")/.."

tools/install-deps.sh
cmake --preset default >/dev/null
cmake --build --preset default --target veche-hub >/dev/null

hub=build/default/hub/veche-hub
bundle=docs/samples/oss-mkd-sadovaya-12

echo "== Пересчёт собрания по файлам пакета ($bundle):"
"$hub" recount "$bundle"

operator=$("$hub" token create --role operator --label demo)
auditor=$("$hub" token create --role auditor --label demo)
cat <<HINTS

== Хаб запускается на http://127.0.0.1:8080 (данные: ./veche-state). Попробуйте в другом окне:
  curl -s http://127.0.0.1:8080/healthz
  curl -s -H 'Authorization: Bearer $auditor' http://127.0.0.1:8080/api/v1/assemblies
  curl -s -H 'Authorization: Bearer $auditor' 'http://127.0.0.1:8080/api/v1/notices?territory_id=T'
      (T и ID — из строки «demo: territory …, assembly …» ниже)
  curl -s -H 'Authorization: Bearer $auditor' http://127.0.0.1:8080/api/v1/assemblies/ID/results
  curl -s -H 'Authorization: Bearer $auditor' http://127.0.0.1:8080/api/v1/assemblies/ID/notice
  curl -s -H 'Authorization: Bearer $auditor' -o bundle.zip http://127.0.0.1:8080/api/v1/assemblies/ID/bundle
      (unzip -d bundle bundle.zip && $hub recount bundle — тот же результат, что у хаба)
  Токен оператора (создание территорий, зданий, собраний): $operator
  curl -s http://127.0.0.1:8080/metrics
Остановка: Ctrl-C.

HINTS
exec "$hub" serve --demo "$bundle"
