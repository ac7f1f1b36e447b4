# The dashboard in a container, framework-dependent on the official .NET 10 images.
# (On the build machines of this project no Docker engine runs, so this file is not exercised by CI.)
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/AgentDashboard.Web/AgentDashboard.Web.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
USER app
ENTRYPOINT ["dotnet", "AgentDashboard.Web.dll"]
