# Sourced by ./run-local and .ci/run: makes sure JAVA_HOME and PATH point at a JDK 21 or newer.
# Keeps the current java when it is new enough; otherwise picks the newest JDK installed under /usr/lib/jvm.

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1
}

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ]; then
  :
elif command -v java >/dev/null 2>&1 && [ "$(java_major "$(command -v java)")" -ge 21 ]; then
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
else
  best="" best_major=0
  for candidate in /usr/lib/jvm/*/bin/java; do
    [ -x "$candidate" ] || continue
    major="$(java_major "$candidate")"
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate" best_major="$major"
    fi
  done
  if [ -z "$best" ]; then
    echo "No JDK 21 or newer found: install one (e.g. Temurin 21+) or set JAVA_HOME." >&2
    return 1 2>/dev/null || exit 1
  fi
  JAVA_HOME="$(dirname "$(dirname "$best")")"
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
