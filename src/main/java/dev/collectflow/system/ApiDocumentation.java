package dev.collectflow.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's OpenAPI document ({@code /api/openapi}) says for every operation how it refuses: each 4xx answer is an
 * {@code application/problem+json} body of the schema {@code Problem}, with the statuses the operation can give.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    @Bean
    OpenAPI collectFlowApi() {
        return new OpenAPI().info(new Info().title("CollectFlow API").version("1")
                .description("Clients, invoices and payments of CollectFlow. HTTP Basic with a CollectFlow user."
                        + " Every refusal is application/problem+json naming the fields at fault; bad input changes"
                        + " nothing. Fields take their declared JSON type only, dates are \"yyyy-MM-dd\" strings,"
                        + " texts are plain (no control, direction or invisible characters)."));
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.setComponents(components.addSchemas(PROBLEM, problemSchema()));
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
                if (path.startsWith("/api/")) {
                    document(operation);
                }
            }));
        };
    }

    private static void document(Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean hasBody = operation.getRequestBody() != null;
        boolean hasPathVariable = parameters.stream().anyMatch(parameter -> "path".equals(parameter.getIn()));
        if (hasBody || !parameters.isEmpty()) {
            refusal(responses, "400", "Malformed request or invalid fields (errors name each field and why)");
        }
        refusal(responses, "401", "No or wrong login (HTTP Basic)");
        refusal(responses, "403", "The user may not do this");
        if (hasPathVariable) {
            refusal(responses, "404", "Nothing is recorded under this id");
        }
        refusal(responses, "406", "The caller does not accept application/json");
        if (hasBody) {
            refusal(responses, "409", "Conflicts with what is recorded under the same id, or with a change made"
                    + " at the same moment");
            refusal(responses, "413", "The body is larger than collectflow.api.max-body-size");
            refusal(responses, "415", "The body is not application/json");
            refusal(responses, "422", "Against a business rule, e.g. an unknown client or another currency");
        }
        responses.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                response.setContent(problemContent());
            }
        });
    }

    private static void refusal(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description));
        }
    }

    private static Content problemContent() {
        return new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new MediaType().schema(new Schema<>().$ref(PROBLEM_REF)));
    }

    private static Schema<?> problemSchema() {
        Schema<?> violation = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the field or path variable at fault"))
                .addProperty("message", new StringSchema().description("what is wrong with it"))
                .required(List.of("field", "message"));
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Invalid request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("dueDate must not be before issueDate 2026-12-01"))
                .addProperty("instance", new StringSchema().example("/api/invoices"))
                .addProperty("errors", new ArraySchema().items(violation)
                        .description("the fields at fault, when fields are at fault"))
                .required(List.of("title", "status", "detail"));
    }
}
