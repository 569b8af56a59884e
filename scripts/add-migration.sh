#!/usr/bin/env bash
# Adds a migration under the same name to both providers' migration projects.
# Usage: scripts/add-migration.sh <Name>
# The migration projects do not reference Agora.Web (Agora.Web references them), so the
# [DbContext] attribute EF writes is removed; ProviderMigrationsAssembly finds them without it.
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh <Name>}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  project=src/Agora.Migrations.$provider
  dotnet ef migrations add "$name" --project "$project" --startup-project src/Agora.Web \
    --context AgoraDbContext --output-dir Migrations -- "$provider"
  for f in $(find "$project" -name "*.cs" -not -path "*/obj/*" -not -path "*/bin/*"); do
    sed -i -e '/^\s*\[DbContext(typeof(.*AgoraDbContext))\]\s*$/d' -e '/^using Agora\.Web\.Platform\.Data;\s*$/d' "$f"
  done
done
dotnet build src/Agora.Web -v q -nologo
