# Shared by the bench/ scripts: build what a benchmark needs, find a Java 21+ whatever the default `java` is
# (JAVA_HOME may be unset), and run a benchmark class. Source it, then: run_benchmark CLASS [ARGS...]
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

java_major() { # prints the major version of the java at $1, or 0
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1 || echo 0
}

find_java() { # the newest Java 21+ among JAVA_HOME, PATH and the usual install places (as ./nutriplan does)
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  for dir in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -x "$dir/bin/java" ] && candidates+=("$dir/bin/java")
  done
  local best="" best_major=0 major
  for candidate in "${candidates[@]}"; do
    major="$(java_major "$candidate")"
    if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"; best_major="$major"
    fi
  done
  [ -n "$best" ] || { echo "the benchmarks need Java 21 or newer; none found (looked at JAVA_HOME, PATH, /usr/lib/jvm). Install one, e.g. apt-get install openjdk-21-jdk." >&2; exit 1; }
  echo "$best"
}

run_benchmark() { # CLASS [ARGS...]: builds bench and what it depends on, then runs CLASS from the repository root
  # -DskipTests still builds the planner's test-jar (the reference planner and the instance generator).
  (cd "$root" && ./mvnw -q -B -pl bench -am package -DskipTests) >&2
  local java
  java="$(find_java)"
  cd "$root"
  exec "$java" -XX:+EnableDynamicAgentLoading --enable-native-access=ALL-UNNAMED \
    -Dorg.slf4j.simpleLogger.log.ai.timefold=warn ${BENCH_JAVA_OPTS:-} \
    -cp "$root/bench/target/classes:$(cat "$root/bench/target/classpath.txt")" "$@"
}
