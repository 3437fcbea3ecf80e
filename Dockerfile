# Builds the application with the project's Maven wrapper and runs it on a JRE.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline
COPY bpmn bpmn
COPY forms forms
COPY src src
RUN ./mvnw -B -ntp package -DskipTests && cp target/action-plan-reporting-*.jar /app.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --home-dir /app reporting
WORKDIR /app
COPY --from=build /app.jar /app/app.jar
USER reporting
EXPOSE 8080
# healthy once ready: the plan, the groups and the users exist (bash alone, the image has no curl)
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=3 CMD ["bash", "-c", \
  "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
