#!/bin/sh
# Entry point of the Safehouse image: no core dumps (they would hold keys and plaintext), secrets
# read from files, then the service in the foreground as PID 1's replacement.
#
# For each NAME in the list below, NAME_FILE (e.g. SAFEHOUSE_DB_PASSWORD_FILE=/run/secrets/db_password)
# is read into NAME, so secrets come from mounted files rather than the compose file or the command
# line. The enclave child never sees them: the service starts it with an environment reduced to
# LANG, LC_ALL and TZ (EnclaveCommand.INHERITED_ENVIRONMENT).
set -eu
ulimit -c 0

for name in SAFEHOUSE_DB_PASSWORD QUARKUS_DATASOURCE_PASSWORD; do
  eval "file=\${${name}_FILE:-}"
  if [ -n "$file" ]; then
    eval "already=\${${name}:-}"
    if [ -n "$already" ]; then
      echo "safehouse-entrypoint: both $name and ${name}_FILE are set; use one" >&2
      exit 2
    fi
    if [ ! -r "$file" ]; then
      echo "safehouse-entrypoint: ${name}_FILE names an unreadable file" >&2
      exit 2
    fi
    # Strip one trailing newline, as most secret files end with one.
    value=$(cat "$file"; printf x)
    value=${value%x}
    value=${value%
}
    export "$name=$value"
    unset "${name}_FILE"
  fi
done

# JAVA_OPTS is split on spaces on purpose (several options); it must not hold secrets.
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -jar /app/quarkus-run.jar "$@"
