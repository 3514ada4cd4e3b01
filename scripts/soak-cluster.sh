#!/usr/bin/env bash
# The long fault test (issue 9): three silos and two standalone gateways on a throwaway PostgreSQL, on loopback, under
# load for MINUTES (default 30), one of them killed with SIGKILL and restarted every 20 s in turn; then every
# acknowledged report must have its case, once. It is tests/Gateway.Tests/Cluster/SoakTests.cs, which `dotnet test`
# skips unless GOVERNANCE_SOAK_MINUTES is set; this sets it. It stops by itself: after MINUTES, or at most 15 minutes
# later if something hangs.
#
#   scripts/soak-cluster.sh [MINUTES]
set -euo pipefail
minutes="${1:-30}"
[[ "$minutes" =~ ^[0-9]+$ && "$minutes" -ge 1 ]] || { echo "soak-cluster: MINUTES must be a whole number of at least 1, not '$minutes'" >&2; exit 2; }
cd "$(dirname "$0")/.."
dotnet build tests/Gateway.Tests -nologo -v q
GOVERNANCE_SOAK_MINUTES="$minutes" GOVERNANCE_REQUIRE_POSTGRES=1 timeout $((minutes * 60 + 900)) \
  dotnet test tests/Gateway.Tests --no-build --filter "FullyQualifiedName~Cluster.SoakTests" --logger "console;verbosity=detailed"
