# The dashboard in a container, framework-dependent on the official .NET 10 images.
# (On the build machines of this project no Docker engine runs, so this file is not exercised by CI.)
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/AgentDashboard.Web/AgentDashboard.Web.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# Production: a Zoho client registration is required (Zoho__ClientId, Zoho__ClientSecret), or Dashboard__Mode=Demo
# to run the embedded simulator. The data folder (token store, Data Protection keys) is a volume owned by the
# image's non-root `app` user and readable by it alone.
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS=http://+:8080 \
    Dashboard__DataPath=/data
RUN mkdir -p /data && chown app:app /data && chmod 700 /data
VOLUME /data
EXPOSE 8080
USER app
ENTRYPOINT ["dotnet", "AgentDashboard.Web.dll"]
