# PeakMonitor web app for users' machines (docker compose up). Not used by tests or CI.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN cd src/PeakMonitor.Web && npm ci --no-audit --no-fund
RUN dotnet publish src/PeakMonitor.Web -c Release -o /app
# The command line (users, tokens, ingest) beside the app:
#   docker compose run --rm --entrypoint dotnet peakmonitor cli/peakmonitor.dll users add NAME --role admin
RUN dotnet publish src/PeakMonitor.Cli -c Release -o /app/cli

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# Chromium and CJK fonts print the assessment reports to PDF; ScottPlot draws chart images with the same CJK font.
RUN apt-get update && apt-get install -y --no-install-recommends chromium fonts-noto-cjk && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://0.0.0.0:8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "PeakMonitor.Web.dll"]
