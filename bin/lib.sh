# Shared by the bin/ tools (POSIX sh; sourced, not run):
#   . "$(dirname -- "$0")/lib.sh"
# Sets $root (the instructor edition's folder) and offers the few things every tool needs: the module
# list, the kit's classes and an installed kit. One home for each, so that a new module or a moved kit
# class is changed here once.

root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)

# The kit's three parts, in build order: the process library, the test support and the grader.
kit_projects="process-kit/process-library,process-kit/test-support,process-kit/grader"

# workbook_modules: the exercise modules (module-*), sorted, one a line.
workbook_modules() {
  (cd "$root" && ls -d module-* 2>/dev/null)
}

# kit_classes: compiles the kit's classes when they are missing or older than their sources, and prints
# their class path (grader, test support, process library).
kit_classes() {
  _stamp="$root/process-kit/grader/target/classes/workbook/grading/Grade.class"
  if [ ! -f "$_stamp" ] || [ ! -d "$root/process-kit/test-support/target/classes" ] \
     || [ ! -d "$root/process-kit/process-library/target/classes" ] \
     || [ -n "$(find "$root/process-kit" -name '*.java' -path '*/src/main/*' -newer "$_stamp" 2>/dev/null | head -1)" ]; then
    echo "bin: building the kit's classes (./mvnw compile -pl $kit_projects -am)" >&2
    (cd "$root" && ./mvnw -q -B ${GRADE_MAVEN_ARGS:-} compile -pl "$kit_projects" -am -Dworkbook.scoreboard.skip=true) >&2
  fi
  printf '%s:%s:%s\n' "$root/process-kit/grader/target/classes" "$root/process-kit/test-support/target/classes" \
    "$root/process-kit/process-library/target/classes"
}

# kit_snapshot DIR: copies the kit's classes (built when stale) into DIR and prints their class path, so
# that a long run keeps working while a 'mvn clean' of the instructor edition pulls the originals away.
kit_snapshot() {
  _classpath=$(kit_classes)
  _copied=""
  for _part in $(echo "$_classpath" | tr ':' ' '); do
    _name=$(basename "$(dirname "$(dirname "$_part")")")
    mkdir -p "$1/$_name"
    cp -R "$_part/." "$1/$_name/"
    _copied="${_copied:+$_copied:}$1/$_name"
  done
  printf '%s\n' "$_copied"
}

# install_kit: installs the parent POM and the kit into the local Maven repository, for tools that build one
# module at a time (-pl MODULE without -am).
install_kit() {
  (cd "$root" && ./mvnw -q -B ${GRADE_MAVEN_ARGS:-} install -DskipTests -Dworkbook.scoreboard.skip=true -pl ".,$kit_projects")
}

# java_command: the JDK's java (JAVA_HOME first, as Maven does).
java_command() {
  if [ -n "${JAVA_HOME:-}" ]; then printf '%s\n' "$JAVA_HOME/bin/java"; else printf 'java\n'; fi
}
