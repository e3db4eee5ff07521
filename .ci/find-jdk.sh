#!/usr/bin/env bash
# Finds a JDK new enough for Kith (>= 21, or KITH_MIN_JAVA) and exports JAVA_HOME.
#
#   source .ci/find-jdk.sh     # exports JAVA_HOME (returns 1 with a message if there is none)
#   .ci/find-jdk.sh            # prints the JAVA_HOME it would pick
#
# Order: $JAVA_HOME if it is new enough; else the newest JDK under /usr/lib/jvm (or KITH_JVM_DIR) that is;
# else the `java` on PATH if it is. Versions are read from `java -version`, never guessed from directory names.

kith_java_major() {
  # Prints the feature version of the java binary $1 (8 for "1.8.0_292", 21 for "21.0.2", 25 for "25-ea").
  local java_bin="$1" line version
  [ -x "$java_bin" ] || return 1
  line="$("$java_bin" -version 2>&1 | grep -m1 -E 'version "[^"]+"')" || return 1
  version="${line#*version \"}"
  version="${version%%\"*}"
  case "$version" in
    1.*) version="${version#1.}" ;;
  esac
  version="${version%%[.+-]*}"
  case "$version" in
    ''|*[!0-9]*) return 1 ;;
  esac
  printf '%s\n' "$version"
}

kith_find_jdk() {
  local min="${KITH_MIN_JAVA:-21}" major best="" best_major=0 dir java_on_path
  if [ -n "${JAVA_HOME:-}" ]; then
    major="$(kith_java_major "$JAVA_HOME/bin/java")" || major=0
    if [ "$major" -ge "$min" ]; then
      printf '%s\n' "$JAVA_HOME"
      return 0
    fi
  fi
  for dir in "${KITH_JVM_DIR:-/usr/lib/jvm}"/*/; do
    dir="${dir%/}"
    major="$(kith_java_major "$dir/bin/java")" || continue
    if [ "$major" -ge "$min" ] && [ "$major" -gt "$best_major" ]; then
      best="$dir"
      best_major="$major"
    fi
  done
  if [ -n "$best" ]; then
    printf '%s\n' "$best"
    return 0
  fi
  java_on_path="$(command -v java 2>/dev/null)" || java_on_path=""
  if [ -n "$java_on_path" ]; then
    java_on_path="$(readlink -f "$java_on_path")"
    major="$(kith_java_major "$java_on_path")" || major=0
    if [ "$major" -ge "$min" ]; then
      printf '%s\n' "$(dirname "$(dirname "$java_on_path")")"
      return 0
    fi
  fi
  echo "kith: no JDK ${min} or newer found (checked JAVA_HOME=${JAVA_HOME:-<unset>}," \
    "${KITH_JVM_DIR:-/usr/lib/jvm}/*, and java on PATH). Install one, or set JAVA_HOME to it." >&2
  return 1
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
  # Sourced: export for the caller.
  KITH_FOUND_JAVA_HOME="$(kith_find_jdk)" || return 1
  export JAVA_HOME="$KITH_FOUND_JAVA_HOME"
  unset KITH_FOUND_JAVA_HOME
else
  kith_find_jdk
fi
