#!/usr/bin/env bash
# Measures how long the Accord distribution takes to become READY: first start (fresh unpack,
# boot features resolved, operator key created, schema migrated) and restart after kill -9.
# READY = the store logged "Accord store ready" and the operator shell port accepts connections.
#   bench/boot-time.sh [runs]      (default 3; build the distribution first: mvn -B install -DskipTests)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${1:-3}
ARCHIVE=$(ls "${ROOT}"/karaf-assembly/target/accord-distribution-*.tar.gz)
WORK=$(mktemp -d)
PORT=$(( 20000 + RANDOM % 20000 ))
export ORG_APACHE_KARAF_SHELL_SSHPORT=${PORT}
export ORG_APACHE_KARAF_MANAGEMENT_RMIREGISTRYPORT=$(( PORT + 1 ))
export ORG_APACHE_KARAF_MANAGEMENT_RMISERVERPORT=$(( PORT + 2 ))
export JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
trap 'pkill -9 -f "karaf.home=${WORK}" || true; rm -rf "${WORK}"' EXIT

now() { date +%s.%N; }

# starts Accord, waits for READY, leaves the seconds in ${SECONDS_READY}
# (no command substitution: the daemon would inherit its pipe and keep it open)
boot() {
  local home=$1 before start
  before=$(grep -c "Accord store ready" "${home}/data/log/karaf.log" 2>/dev/null || true)
  start=$(now)
  (cd "${home}" && setsid bin/karaf daemon > /dev/null 2>&1 < /dev/null &)
  for _ in $(seq 1 1200); do
    local count
    count=$(grep -c "Accord store ready" "${home}/data/log/karaf.log" 2>/dev/null || true)
    if [ "${count:-0}" -gt "${before:-0}" ] && (exec 3<>"/dev/tcp/127.0.0.1/${PORT}") 2>/dev/null; then
      SECONDS_READY=$(echo "$(now) - ${start}" | bc)
      return
    fi
    sleep 0.05
  done
  echo "not ready after 60 s" >&2; exit 1
}

for run in $(seq 1 "${RUNS}"); do
  rm -rf "${WORK:?}"/* && tar xzf "${ARCHIVE}" -C "${WORK}"
  home=$(ls -d "${WORK}"/accord-distribution-*)
  boot "${home}"; first=${SECONDS_READY}
  pkill -9 -f "karaf.home=${home}"; sleep 1
  boot "${home}"; again=${SECONDS_READY}
  pkill -9 -f "karaf.home=${home}"; sleep 1
  printf 'run %d: first start %.2f s, restart after kill -9 %.2f s\n' "${run}" "${first}" "${again}"
done
