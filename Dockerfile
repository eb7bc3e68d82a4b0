# CollectFlow application image: built from source, run as a layered Spring Boot application.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY forms forms
RUN mvn -B -q -DskipTests package \
 && java -Djarmode=tools -jar target/collectflow-*.jar extract --layers --launcher --destination /extracted

FROM eclipse-temurin:17-jre
RUN useradd --system --create-home collectflow
WORKDIR /app
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
USER collectflow
ENV TZ=Europe/Berlin
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "org.springframework.boot.loader.launch.JarLauncher"]
