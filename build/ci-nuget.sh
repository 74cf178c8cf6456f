#!/usr/bin/env bash
# Packs the library (package Sales) and the tool (package Sales.Tool), then proves them from the
# outside: samples/Consumer restored from the local feed into an empty package cache and run, and
# the tool installed from the same feed into a temporary folder and run on the sample sheets.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v unzip >/dev/null || bash build/apt-install.sh unzip

feed=artifacts/packages
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "ci-nuget: $*" >&2; exit 1; }

version=$(dotnet msbuild src/Infrastructure/Sales.Infrastructure.csproj -getProperty:Version)
echo "== pack Sales $version and Sales.Tool $version into $feed"
rm -rf "$feed"
dotnet pack Sales.sln -c Release -o "$feed" -p:ContinuousIntegrationBuild=true

echo "== package contents"
library=$(unzip -Z1 "$feed/Sales.$version.nupkg")
for file in README.md lib/net10.0/Sales.Domain.dll lib/net10.0/Sales.Domain.xml lib/net10.0/Sales.Application.dll \
    lib/net10.0/Sales.Application.xml lib/net10.0/Sales.Infrastructure.dll lib/net10.0/Sales.Infrastructure.xml; do
    grep -qx "$file" <<<"$library" || fail "Sales.$version.nupkg lacks $file"
done
symbols=$(unzip -Z1 "$feed/Sales.$version.snupkg")
for file in Sales.Domain Sales.Application Sales.Infrastructure; do
    grep -qx "lib/net10.0/$file.pdb" <<<"$symbols" || fail "Sales.$version.snupkg lacks $file.pdb"
done
nuspec=$(unzip -p "$feed/Sales.$version.nupkg" Sales.nuspec)
for element in '<license type="expression">MIT</license>' '<readme>README.md</readme>' '<dependency id="MediatR"'; do
    grep -qF "$element" <<<"$nuspec" || fail "Sales.nuspec lacks $element"
done
# Listings go through here-strings, never `unzip | grep -q`: grep -q quits at the first match, unzip
# then dies of SIGPIPE, and pipefail turns a package that has the file into a failure.
tool=$(unzip -Z1 "$feed/Sales.Tool.$version.nupkg")
grep -qx "tools/net10.0/any/appsettings.json" <<<"$tool" || fail "the tool package lacks appsettings.json"

echo "== samples/Consumer restored from $feed into an empty package cache"
NUGET_PACKAGES="$work/packages" dotnet run --project samples/Consumer -c Release -p:SalesVersion="$version" \
    -- samples "$work/consumer.db" | tee "$work/consumer.out"
test -d "$work/packages/sales/$version" || fail "the consumer did not restore Sales $version into the clean cache"
grep -qx "import #1: 30 new sales lines, 0 already stored, 0 rejected" "$work/consumer.out" || fail "consumer: first import"
grep -qx "import #2: 0 new sales lines, 30 already stored, 0 rejected" "$work/consumer.out" || fail "consumer: second import"
grep -qx "analysis run #[0-9]* over 30 sales lines:" "$work/consumer.out" || fail "consumer: analysis run"
grep -qx "total revenue: 5268.78" "$work/consumer.out" || fail "consumer: total revenue"

echo "== dotnet tool install Sales.Tool from $feed"
cat >"$work/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$PWD/$feed" />
  </packageSources>
</configuration>
CONFIG
NUGET_PACKAGES="$work/packages" dotnet tool install Sales.Tool --version "$version" --tool-path "$work/tools" --configfile "$work/nuget.config"
sales="$work/tools/sales"
"$sales" --help

sheets=(--products samples/produits.csv --stores samples/magasins.csv --sales samples/ventes.csv)
for expected in "30 30 0" "30 0 30"; do
    "$sales" run --db "$work/tool.db" "${sheets[@]}" | tee "$work/tool.out"
    # sales row of the import table: read, new, duplicate.
    counts=$(awk '$1 == "sales" && $NF ~ /ventes\.csv$/ { print $2, $3, $4 }' "$work/tool.out")
    [ "$counts" = "$expected" ] || fail "sales run: sales sheet read/new/duplicate are '$counts', expected '$expected'"
done
"$sales" report --db "$work/tool.db" | tee "$work/report.out"
grep -q "5268\.78" "$work/report.out" || fail "sales report: total revenue 5268.78 not shown"
echo "ci-nuget: packages, consumer and tool OK"
