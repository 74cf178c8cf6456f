# The host service: restores and publishes the .NET solution on the official SDK image,
# runs it on the official runtime image as a non-root user.
#   docker compose build host          (or: docker build -t sales-host .)
#   docker compose run --rm host       (default command: run = import then analyze)
# No secrets and no data are baked in: sources and database path come from the environment.

ARG DOTNET_VERSION=10.0

# ---------------------------------------------------------------- build
FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
WORKDIR /src

# 1. Only what restore needs, so that this layer stays cached until a project file or a
#    package version changes (the optional files are matched by wildcards).
COPY Directory.Build.props Directory.Packages.props global.json* nuget.config* NuGet.Config* ./
COPY src/Directory.Build.props                     src/
COPY src/Domain/Sales.Domain.csproj                 src/Domain/
COPY src/Application/Sales.Application.csproj       src/Application/
COPY src/Infrastructure/Sales.Infrastructure.csproj src/Infrastructure/
COPY src/Host/Sales.Host.csproj                     src/Host/
#    The host ships self-contained, compiled ahead of time with the runtime's libraries into one
#    composite ReadyToRun image for the image's architecture (docs/decisions/0042-ready-to-run.md,
#    0048-self-contained-composite-host.md): restore names the same runtime identifier, ReadyToRun
#    and self-contained settings as the publish below.
RUN echo "linux-$(dpkg --print-architecture | sed 's/^amd64$/x64/')" > /tmp/rid \
 && dotnet restore src/Host/Sales.Host.csproj -r "$(cat /tmp/rid)" -p:PublishReadyToRun=true -p:SelfContained=true

# 2. The sources (tests/ and samples/ are not in the build context: see .dockerignore).
COPY . .
RUN dotnet publish src/Host/Sales.Host.csproj --no-restore -c Release -r "$(cat /tmp/rid)" --self-contained true \
        -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -o /app

# ---------------------------------------------------------------- runtime
FROM mcr.microsoft.com/dotnet/runtime:${DOTNET_VERSION} AS final

# A fixed, non-root UID/GID, shared with the db service so both agree on who owns /data.
ARG APP_UID=10001
ARG APP_GID=10001
# The report's charts measure their text with a real font: ScottPlot's bundled Skia reads /usr/share/fonts.
# libgssapi-krb5-2: Npgsql probes GSSAPI when it connects to PostgreSQL (docs/postgresql.md); without
# the library .NET prints "Cannot load library libgssapi_krb5.so.2" on every connection.
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-dejavu-core libgssapi-krb5-2 \
 && rm -rf /var/lib/apt/lists/*

RUN groupadd --gid "${APP_GID}" sales \
 && useradd --uid "${APP_UID}" --gid "${APP_GID}" --no-create-home --home-dir /nonexistent \
            --shell /usr/sbin/nologin sales \
 && mkdir -p /data \
 && chown "${APP_UID}:${APP_GID}" /data

WORKDIR /app
COPY --from=build /app ./

ENV Sales__DatabasePath=/data/sales.db
VOLUME /data
USER ${APP_UID}:${APP_GID}

ENTRYPOINT ["dotnet", "/app/Sales.Host.dll"]
CMD ["run"]
