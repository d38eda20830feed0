# Sourced by bench/burst-again and bench/delegation-requests: a copy of the registry a full run left
# (bench_application) as bench_again, and the application started on it at port 18183.
psql=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -Atq)

# The copy, made anew. BENCH_AGAIN_SQL: statements to run on it first (an index to try, say).
copy_registry() {
  "${psql[@]}" -c "DROP DATABASE IF EXISTS bench_again WITH (FORCE)" -c "CREATE DATABASE bench_again TEMPLATE bench_application"
  [ -z "${BENCH_AGAIN_SQL:-}" ] || "${psql[@]}" -d bench_again -c "$BENCH_AGAIN_SQL"
  # As the benchmark settles a database before it measures: the planner's statistics, the visibility map.
  "${psql[@]}" -d bench_again -c "VACUUM (ANALYZE)"
}

# start_on_copy JAR LOG MAIL_PORT [APPLICATION OPTION ...]: starts the jar on the copy (its pid in $app, stopped on
# exit with the SMTP server's in $sink, if any) and returns once it is up. BENCH_AGAIN_JAVA_OPTIONS: JVM options
# besides -Xmx384m (a flight recording, say).
start_on_copy() {
  local jar=$1 log=$2 mail_port=$3
  shift 3
  mkdir -p "$(dirname "$log")"
  SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/bench_again SPRING_DATASOURCE_USERNAME=postgres \
    CAMUNDA_BPM_ADMINUSER_ID=bench CAMUNDA_BPM_ADMINUSER_PASSWORD=bench-secret \
    java -Xmx384m ${BENCH_AGAIN_JAVA_OPTIONS:-} -jar "$jar" --server.port=18183 --spring.profiles.active=postgres \
    --spring.mail.host=127.0.0.1 --spring.mail.port="$mail_port" "$@" > "$log" 2>&1 &
  app=$!
  trap 'kill $app ${sink:-} 2>/dev/null; wait $app ${sink:-} 2>/dev/null || true' EXIT
  until curl -s -o /dev/null http://127.0.0.1:18183/actuator/health; do
    kill -0 $app 2>/dev/null || { echo "The application did not start: $log" >&2; exit 1; }
    sleep 0.5
  done
}
