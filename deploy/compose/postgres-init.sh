#!/usr/bin/env bash
# First start of the compose PostgreSQL: a role and a database per service, each role owning only its database
# (the same split as the CloudNativePG clusters on Kubernetes). Passwords come from the environment (.env).
set -euo pipefail
for service in registry bazaar sponsorship notification gateway; do
    var="$(echo "$service" | tr '[:lower:]' '[:upper:]')_DB_PASSWORD"
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" \
        -v role="$service" -v password="${!var}" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"role" OWNER :"role";
REVOKE ALL ON DATABASE :"role" FROM PUBLIC;
SQL
done
