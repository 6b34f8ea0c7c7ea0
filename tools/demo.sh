#!/usr/bin/env bash
# The demo on embedded defaults: recounts the sample owners' meeting, then
# starts the hub (SQLite in ./veche-state, http://127.0.0.1:8080) filled with
# that meeting as an open assembly, two simulated GSM modems for the hub, and
# a lobby kiosk with its own simulated modem and a simulated cabinet of Modbus
# modules (a window when there is a display, otherwise offscreen, with
# screenshots of every screen), and prints what to try. Ctrl-C stops it all. Installs and builds what it needs.
set -euo pipefail
cd "$(dirname "$0")/.."

tools/install-deps.sh
cmake --preset default >/dev/null
cmake --build --preset default --target veche-hub veche-modem-sim veche-modem-worker \
    veche-ussd-phone veche-kiosk veche-modbus-sim veche-provision >/dev/null

hub=build/default/bin/veche-hub
sim=build/default/bin/veche-modem-sim
kiosk=build/default/bin/veche-kiosk
modbus_sim=build/default/bin/veche-modbus-sim
cabinet=hardware/cabinets/owen-lobby.json
bundle=docs/samples/oss-mkd-sadovaya-12
state=veche-state

# A fresh demo every time: the hub's and the kiosk's stores start empty.
rm -rf "$state"
trap 'kill $(jobs -p) 2>/dev/null || true' EXIT

# Two simulated GSM modems on pseudo-terminals; libGammu drives them as real
# ones. What a phone would show goes to $state/modemN.log; a line written to
# $state/modemN.in is a command ("deliver +7… text" sends the hub an SMS).
# A third one is the kiosk's own modem, which sends registration codes.
mkdir -p "$state"
for modem in modem1 modem2 kiosk-modem; do
    mkfifo "$state/$modem.in"
    "$sim" --link "$state/$modem" --parts-per-minute 20 --log "$state/$modem.log" \
        < "$state/$modem.in" > /dev/null &
    exec {fd}> "$state/$modem.in"  # held open here: the simulators live as long as the demo
done
# The kiosk's cabinet: ОВЕН МВ110 inputs, МУ110 relays, a temperature sensor
# and a UPS on one simulated RS-485 line (a pty). A line written to
# $state/cabinet.in is a command ("set door 1"); answers go to cabinet.log.
mkfifo "$state/cabinet.in"
"$modbus_sim" --cabinet "$cabinet" --rtu-link "$state/ttyModbus" --set temperature=3.5 \
    --set mains=1 --set battery_level=95 < "$state/cabinet.in" > "$state/cabinet.log" &
exec {fd}> "$state/cabinet.in"
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
"$hub" serve --config "$state/demo.properties" --demo "$bundle" 2> >(tee "$state/hub.log" >&2) &
hub_pid=$!
for _ in $(seq 100); do
    grep -q "demo: territory" "$state/hub.log" 2>/dev/null && break
    sleep 0.2
done
building=$(sed -n 's/.*demo: territory [^,]*, building \([^,]*\),.*/\1/p' "$state/hub.log")
code=$("$hub" enrolment create --building "$building" --config "$state/demo.properties" 2>/dev/null)
# The label staff would stick on the kiosk: its QR code carries the hub and the code.
build/default/bin/veche-provision label --hub http://127.0.0.1:8080 --code "$code" \
    --label "$state/enrolment-label.png" > "$state/enrolment-label.txt"

# The lobby kiosk of the sample building, with its own simulated modem.
kiosk_args=(--state "$state/kiosk" --hub http://127.0.0.1:8080 --modem "$state/kiosk-modem"
            --cabinet "$cabinet" --modbus-device "$state/ttyModbus"
            --enrol "$code" --name "Подъезд 1")
"$kiosk" --screenshots "$state/screenshots" 2>/dev/null
if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
    "$kiosk" "${kiosk_args[@]}" --windowed 2> "$state/kiosk.log" &
    where="в окне «veche-kiosk» (1080×1920). Зарегистрируйте телефон 916 123-45-67
  («Мой телефон»): код придёт на имитатор модема киоска, смотрите
  $state/kiosk-modem.log. Затем «Голосование»: голос уйдёт на хаб при следующей
  синхронизации (не позже чем через 30 с; видно в .../results)."
else
    QT_QPA_PLATFORM=offscreen "$kiosk" "${kiosk_args[@]}" 2> "$state/kiosk.log" &
    where="без экрана: дисплея нет. Он подключён к хабу и синхронизируется
  (журнал: $state/kiosk.log). Чтобы нажимать кнопки, запустите демо там, где есть
  дисплей (или через ssh -X)."
fi
cat <<KIOSK

== Киоск в подъезде дома 12 работает $where
  Снимки всех экранов (книжная и альбомная ориентация, обычная и контрастная тема):
  $state/screenshots/*.png

== Подключение терминалов (docs/provisioning.md): этикетка с QR-кодом, по которой подключён
  этот киоск, — $state/enrolment-label.png (и в терминале: cat $state/enrolment-label.txt).
  build/default/bin/veche-provision list --hub http://127.0.0.1:8080 --token $operator
  build/default/bin/veche-provision doctor --state $state/kiosk   (проверка киоска; модем и
      шкаф заняты работающим киоском — их проверяйте на остановленном)

== Шкаф киоска (имитатор Modbus RTU: ОВЕН МВ110 и МУ110, датчик температуры, ИБП).
  В шкафу 3,5 °C — обогрев включён:  echo 'get heater_relay' > $state/cabinet.in; cat $state/cabinet.log
  Кто-то подошёл — экран просыпается:   echo 'set presence 1' > $state/cabinet.in
  Открыта дверца — «Терминал временно недоступен» и тревога на хабе:
                                        echo 'set door 1' > $state/cabinet.in
  Датчик температуры не отвечает:      echo 'fault climate gone' > $state/cabinet.in
  Пропало питание (тревога на хабе):   echo 'set mains 0' > $state/cabinet.in
  При заряде 20 % и ниже киоск завершит работу: echo 'set battery_level 15' > $state/cabinet.in
  Состояние киосков на хабе:
  curl -s -H 'Authorization: Bearer $auditor' http://127.0.0.1:8080/api/v1/kiosks
KIOSK
wait "$hub_pid"
