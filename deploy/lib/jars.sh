# Sourced by deploy/local/stack and deploy/images/build: when a service's fast-jar must be rebuilt.

# jar_is_stale REPO SERVICE: true when SERVICE's quarkus-run.jar is missing, or older than its
# module's sources and pom, the platform's, or the root pom.
jar_is_stale() {
  local repo=$1 s=$2
  local jar=$repo/$s/target/quarkus-app/quarkus-run.jar
  [[ -f $jar ]] || return 0
  [[ -n $(find "$repo/$s/src/main" "$repo/$s/pom.xml" "$repo/platform/src/main" "$repo/platform/pom.xml" \
              "$repo/pom.xml" -newer "$jar" -print -quit 2>/dev/null) ]]
}
