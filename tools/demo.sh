#!/usr/bin/env bash
# The demo on embedded defaults: recounts the sample owners' meeting, then
# starts the hub (SQLite in ./veche-state, http://127.0.0.1:8080) filled with
# that meeting as an open assembly, and prints what to try. Ctrl-C stops it.
# Installs and builds what it needs.
set -euo pipefail
cd "$(dirname "$0")/.."

tools/install-deps.sh
cmake --preset default >/dev/null
cmake --build --preset default --target veche-hub veche-modem-sim veche-modem-worker \
    veche-ussd-phone >/dev/null

hub=build/default/bin/veche-hub
sim=build/default/bin/veche-modem-sim
bundle=docs/samples/oss-mkd-sadovaya-12
state=veche-state

# Two simulated GSM modems on pseudo-terminals; libGammu drives them as real
# ones. What a phone would show goes to $state/modemN.log; a line written to
# $state/modemN.in is a command ("deliver +7… text" sends the hub an SMS).
mkdir -p "$state"
for n in 1 2; do
    rm -f "$state/modem$n.in" && mkfifo "$state/modem$n.in"
    "$sim" --link "$state/modem$n" --parts-per-minute 20 --log "$state/modem$n.log" \
        < "$state/modem$n.in" > /dev/null &
    exec {fd}> "$state/modem$n.in"  # held open by the hub: the simulators live as long as it
done
cat > "$state/demo.properties" <<CONF
sms.modems = $state/modem1, $state/modem2
sms.parts_per_minute = 20
CONF

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

== SMS через два имитатора GSM-модема (что «видит телефон» — в $state/modem1.log и modem2.log):
  Экстренное объявление уйдёт жителю кв. 1 (+79161234567, дал согласие на SMS):
  curl -s -H 'Authorization: Bearer $operator' -d '{"territory_id": "T", "category": "emergency",
       "title": "Отключение газа", "body": "Сегодня с 12 до 15", "author": "ТОС",
       "valid_from": "2026-01-01T00:00:00Z", "valid_until": "2030-01-01T00:00:00Z"}' http://127.0.0.1:8080/api/v1/notices
  Житель отвечает на опрос и отписывается:
  echo 'deliver +79161234567 2' > $state/modem1.in
  echo 'deliver +79161234567 СТОП' > $state/modem1.in
  curl -s -H 'Authorization: Bearer $auditor' http://127.0.0.1:8080/api/v1/sms

== USSD (*123#) с кнопочного телефона — в терминале, как на экране телефона:
  build/default/bin/veche-ussd-phone --hub http://127.0.0.1:8080 --msisdn +79161234567
  (номер жителя кв. 1: объявления, голосование, опросы; любой другой номер
   видит только общие объявления и может дать согласие на SMS)
Остановка: Ctrl-C.

HINTS
exec "$hub" serve --config "$state/demo.properties" --demo "$bundle"
