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
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
