#!/usr/bin/env bash
# End-to-end purchase load (issue 6): builds what is missing, starts the distribution from
# karaf-assembly/target on fresh MariaDB databases (store and ledger bank) on its own ports,
# runs bench/load-bench (setup through the operator shell, load over the merchant API), stops it.
#
#   bench/load-bench/run.sh                         # C = 8,32 for 30 s each
#   CONCURRENCY=8,32,64 DURATION=60 JFR_ROUND=32 bench/load-bench/run.sh
#
# Environment: CONCURRENCY (8,32), DURATION (30 s), WARMUP (5 s), CEILING_SECONDS (10), SHOPPERS (max C),
# WAIT (webhook | poll: also poll GET /v1/purchases/{id} every POLL_MS), JFR_ROUND (a C value: record JFR of
# that round's window in the Karaf JVM), WEBHOOK_POLL_MS (Accord's webhook poll interval, default the shipped
# 500), STORE_POOL_SIZE (the store's connection pool, default the shipped 8), PORT_BASE (18180: rest +1, ssh +2, console +3, RMI +4/+5), MARIADB_HOST/PORT/USER/PASSWORD
# (127.0.0.1/3306/root/empty), MAVEN_OPTS_LOCAL (extra mvn options, e.g. -o -Dmaven.repo.local=...),
# KEEP=1 keeps the unpacked distribution and the databases.
set -euo pipefail
BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$BENCH/../.." && pwd)
MVN=(mvn -B -ntp -q ${MAVEN_OPTS_LOCAL:-})
CONCURRENCY=${CONCURRENCY:-8,32}
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-5}
CEILING_SECONDS=${CEILING_SECONDS:-10}
WAIT=${WAIT:-webhook}
PORT_BASE=${PORT_BASE:-18180}
DB_HOST=${MARIADB_HOST:-127.0.0.1}
DB_PORT=${MARIADB_PORT:-3306}
DB_USER=${MARIADB_USER:-root}
DB_PASSWORD=${MARIADB_PASSWORD:-}
OUT=${OUT:-$BENCH/target/results}

archive() { ls -1 "$ROOT"/karaf-assembly/target/accord-distribution-*.tar.gz 2>/dev/null | head -1; }
if [ -z "$(archive)" ]; then
  echo "load-bench: building the distribution (mvn install -DskipTests)"
  "${MVN[@]}" install -DskipTests -f "$ROOT/pom.xml"
fi
if [ ! -f "$BENCH/target/load-bench.jar" ] || [ -n "$(find "$BENCH/src" "$BENCH/pom.xml" -newer "$BENCH/target/load-bench.jar" 2>/dev/null)" ]; then
  "${MVN[@]}" package -f "$BENCH/pom.xml"
fi

mysql_() { mysql -h "$DB_HOST" -P "$DB_PORT" -u "$DB_USER" ${DB_PASSWORD:+-p"$DB_PASSWORD"} "$@"; }
stamp=$(date +%Y%m%d%H%M%S)
DB_STORE="accord_load_$stamp"
DB_BANK="accord_load_bank_$stamp"
DB_SCRATCH="accord_load_scratch_$stamp"
for db in "$DB_STORE" "$DB_BANK" "$DB_SCRATCH"; do
  mysql_ -e "CREATE DATABASE $db CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
done

WORK=$(mktemp -d /tmp/accord-load.XXXXXX)
tar xzf "$(archive)" -C "$WORK"
HOME_DIR=$(ls -1d "$WORK"/accord-distribution-* | head -1)
# The distribution does not carry the conditional feature accord-shell's bundle in system/: Karaf then
# resolves mvn:org.accordpay/accord-shell from ~/.m2/repository at boot, i.e. whatever branch was built
# there last (seen: a newer build needing org.accordpay.api.purchase 1.1 -> feature left Uninstalled,
# no accord: commands). Put this tree's bundle where Karaf looks first.
SHELL_JAR=$(ls -1 "$ROOT"/bundles/accord-shell/target/accord-shell-*.jar 2>/dev/null | grep -v sources | head -1 || true)
if [ -n "$SHELL_JAR" ]; then
  mkdir -p "$HOME_DIR/system/org/accordpay/accord-shell/1.0.0-SNAPSHOT"
  cp "$SHELL_JAR" "$HOME_DIR/system/org/accordpay/accord-shell/1.0.0-SNAPSHOT/accord-shell-1.0.0-SNAPSHOT.jar"
fi
mkdir -p "$OUT"

# set KEY = VALUE in etc/FILE (added when absent)
cfg() {
  local file="$HOME_DIR/etc/$1" key=$2 value=$3
  touch "$file"
  if grep -qE "^[[:space:]]*${key//./\\.}[[:space:]]*=" "$file"; then
    sed -i -E "s|^[[:space:]]*${key//./\\.}[[:space:]]*=.*|$key = $value|" "$file"
  else
    printf '%s = %s\n' "$key" "$value" >> "$file"
  fi
}
REST_PORT=$((PORT_BASE + 1)); SSH_PORT=$((PORT_BASE + 2)); CONSOLE_PORT=$((PORT_BASE + 3))
for port in $REST_PORT $SSH_PORT $CONSOLE_PORT $((PORT_BASE + 4)) $((PORT_BASE + 5)); do
  if ss -ltn "sport = :$port" | grep -q LISTEN; then echo "load-bench: port $port is taken; set PORT_BASE" >&2; exit 1; fi
done
cfg org.accordpay.rest.cfg port "$REST_PORT"
cfg org.apache.karaf.shell.cfg sshPort "$SSH_PORT"
cfg org.accordpay.console.cfg port "$CONSOLE_PORT"
export ORG_APACHE_KARAF_SHELL_SSHPORT=$SSH_PORT
export ORG_APACHE_KARAF_MANAGEMENT_RMIREGISTRYPORT=$((PORT_BASE + 4))
export ORG_APACHE_KARAF_MANAGEMENT_RMISERVERPORT=$((PORT_BASE + 5))
export ORG_ACCORDPAY_REST_PORT=$REST_PORT
# MariaDB for the store and for the ledger bank (docs/operations.md), no demo data
cfg org.accordpay.store.cfg url "jdbc:mariadb://$DB_HOST:$DB_PORT/$DB_STORE"
cfg org.accordpay.store.cfg user "$DB_USER"
cfg org.accordpay.store.cfg password "$DB_PASSWORD"
cfg org.accordpay.store.cfg pool.size "${STORE_POOL_SIZE:-8}"
cfg org.accordpay.bank.ledger.cfg url "jdbc:mariadb://$DB_HOST:$DB_PORT/$DB_BANK"
cfg org.accordpay.bank.ledger.cfg user "$DB_USER"
cfg org.accordpay.bank.ledger.cfg .password "$DB_PASSWORD"
cfg org.accordpay.demo.cfg enabled false
# the bench's own limits: one merchant sends everything, each shopper buys many times a minute
cfg org.accordpay.payments.cfg merchant.rate.per.second 1000000
cfg org.accordpay.challenge.cfg cap.per.hour 1000000
cfg org.accordpay.challenge.cfg cap.per.day 1000000
cfg org.accordpay.routing.cfg cap.number.per.hour 1000000
cfg org.accordpay.routing.cfg cap.number.per.day 1000000
cfg org.accordpay.routing.cfg cap.subscriber.per.hour 1000000
# the handset's PIN unlock (Argon2id) is the phone's work, simulated in Accord's JVM: test-only cost
cfg org.accordpay.challenge.cfg argon2.memory.kib 64
cfg org.accordpay.challenge.cfg argon2.iterations 1
# the loopback courier reports delivery as soon as Accord asks it to watch the shipment
cfg org.accordpay.courier.loopback.cfg auto.deliver true
cfg org.accordpay.webhooks.cfg poll.ms "${WEBHOOK_POLL_MS:-100}"

echo "load-bench: $HOME_DIR, API https://127.0.0.1:$REST_PORT, ssh $SSH_PORT, databases $DB_STORE, $DB_BANK"
(cd "$HOME_DIR" && exec setsid bin/karaf daemon > "$HOME_DIR/console.log" 2>&1 < /dev/null) &
KARAF_PID=""
stop() {
  "$HOME_DIR/bin/stop" >/dev/null 2>&1 || true
  for _ in $(seq 1 30); do
    [ -n "$KARAF_PID" ] && kill -0 "$KARAF_PID" 2>/dev/null || break
    sleep 1
  done
  if [ -n "$KARAF_PID" ] && kill -0 "$KARAF_PID" 2>/dev/null; then kill -9 "$KARAF_PID"; fi
  cp "$HOME_DIR/data/log/karaf.log" "$OUT/karaf-$stamp.log" 2>/dev/null || true
  if [ -z "${KEEP:-}" ]; then
    for db in "$DB_STORE" "$DB_BANK" "$DB_SCRATCH"; do mysql_ -e "DROP DATABASE IF EXISTS $db" || true; done
    rm -rf "$WORK"
  else
    echo "load-bench: kept $HOME_DIR and databases $DB_STORE $DB_BANK $DB_SCRATCH"
  fi
}
trap stop EXIT
ready=""
shell_installed=""
for _ in $(seq 1 180); do
  status=$("$HOME_DIR/bin/accord-shell" "accord:status" 2>&1 | sed 's/\x1b\[[0-9;]*m//g' || true)
  if printf '%s\n' "$status" | grep -q '^READY'; then ready=yes; break; fi
  # should the accord-shell feature still be missing (see above), try to install it once and say so
  if [ -z "$shell_installed" ] && printf '%s' "$status" | grep -q 'Command not found: accord:status' \
      && grep -q 'Accord store ready' "$HOME_DIR/data/log/karaf.log" 2>/dev/null; then
    sleep 5
    if "$HOME_DIR/bin/accord-shell" "feature:list -i" 2>/dev/null | grep -q '^accord-shell '; then continue; fi
    echo "load-bench: feature accord-shell not installed at boot (conditional on the shell); feature:install accord-shell" \
      | tee -a "$OUT/boot-$stamp.txt"
    "$HOME_DIR/bin/accord-shell" "feature:install accord-shell" || true
    shell_installed=yes
  fi
  sleep 1
done
[ -n "$ready" ] || { echo "load-bench: not READY after 180 s; see $HOME_DIR/data/log/karaf.log" >&2; exit 1; }
KARAF_PID=$(pgrep -f "karaf.home=$HOME_DIR" | head -1 || true)
# the bank and the flow come up after the store: wait until the ledger bank answers
for _ in $(seq 1 60); do
  if "$HOME_DIR/bin/accord-shell" "accord:bank-accounts" 2>/dev/null | grep -q 'FR76'; then break; fi
  sleep 1
done
echo "load-bench: READY (pid $KARAF_PID); load average $(cut -d' ' -f1-3 /proc/loadavg)"

RESULT="$OUT/load-$stamp.txt"
JFR_FILE="$OUT/load-$stamp-c${JFR_ROUND:-0}.jfr"
java -Daccord.home="$HOME_DIR" -Dapi.url="https://127.0.0.1:$REST_PORT/" \
  -Ddb.url="jdbc:mariadb://$DB_HOST:$DB_PORT/$DB_SCRATCH" -Ddb.user="$DB_USER" -Ddb.password="$DB_PASSWORD" \
  -Dconcurrency="$CONCURRENCY" -Dduration="$DURATION" -Dwarmup="$WARMUP" -Dceiling.seconds="$CEILING_SECONDS" \
  ${SHOPPERS:+-Dshoppers=$SHOPPERS} -Dwait="$WAIT" ${POLL_MS:+-Dpoll.ms=$POLL_MS} \
  -Djfr.round="${JFR_ROUND:-}" -Djfr.file="$JFR_FILE" -Daccord.pid="$KARAF_PID" \
  -jar "$BENCH/target/load-bench.jar" 2>&1 | tee "$RESULT"
if [ -n "${JFR_ROUND:-}" ] && [ -f "$JFR_FILE" ]; then
  java -cp "$BENCH/target/load-bench.jar" org.accordpay.bench.load.JfrSummary "$JFR_FILE" 25 | tee "$OUT/load-$stamp-jfr.txt"
fi
"$HOME_DIR/bin/accord-shell" "accord:outbox --limit 5" 2>/dev/null | tail -3 | tee -a "$RESULT" || true
echo "load-bench: results in $RESULT"
