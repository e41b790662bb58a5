#!/usr/bin/env bash
# Adds a migration to both migration sets (SQLite and PostgreSQL) after a model change:
#   bash scripts/add-migration.sh AddParticipants
# Both sets must change together; the tests fail while either has pending model changes.
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
cd src/Nolb.Web
dotnet dotnet-ef migrations add "$name" --context SqliteNolbDbContext --output-dir Data/Migrations/Sqlite
dotnet dotnet-ef migrations add "$name" --context PostgresNolbDbContext --output-dir Data/Migrations/Postgres --no-build
