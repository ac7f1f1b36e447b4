# The dashboard in a container, framework-dependent on the official .NET 9 images.
# (On the build machines of this project no Docker engine runs, so this file is not exercised by CI.)
FROM mcr.microsoft.com/dotnet/sdk:9.0 AS build
WORKDIR /src
COPY . .
# The solution builds self-contained for the build machine (see Directory.Build.props); the image has the
# runtime, so publish framework-dependent and portable.
RUN dotnet publish src/AgentDashboard.Web/AgentDashboard.Web.csproj -c Release -o /app \
      -p:UseCurrentRuntimeIdentifier=false -p:SelfContained=false

FROM mcr.microsoft.com/dotnet/aspnet:9.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
USER app
ENTRYPOINT ["dotnet", "AgentDashboard.Web.dll"]
