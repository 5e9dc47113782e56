package org.claimline.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.claimline.infra.quarkus.KafkaTestResource;
import org.claimline.infra.quarkus.PostgresTestResource;
import org.junit.jupiter.api.Test;

/** {@code /q/openapi} describes every endpoint of docs/api.md with its documented error responses. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class OpenApiTest {

    @Test
    void everyEndpointAndItsErrorsAreInTheOpenApiDocument() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/posts"))
                .body("paths", hasKey("/api/v1/posts/batch"))
                .body("paths", hasKey("/api/v1/posts/{id}"))
                .body("paths", hasKey("/api/v1/media"))
                .body("paths", hasKey("/api/v1/media/{sha256}"))
                .body("paths", hasKey("/api/v1/media/{sha256}/thumbnail"))
                .body("paths", hasKey("/api/v1/media/{sha256}/original"))
                .body("paths.'/api/v1/posts'.post.responses", hasKey("202"))
                .body("paths.'/api/v1/posts'.post.responses", hasKey("409"))
                .body("paths.'/api/v1/posts'.post.responses", hasKey("422"))
                .body("paths.'/api/v1/posts'.post.responses", hasKey("503"))
                .body("paths.'/api/v1/posts'.post.responses", hasKey("401"))
                .body("paths.'/api/v1/posts'.post.responses", hasKey("413"))
                .body("paths.'/api/v1/posts'.post.requestBody.content.'application/json'.schema.type",
                        equalTo("object"))
                .body("paths.'/api/v1/posts/batch'.post.responses", hasKey("413"))
                .body("paths.'/api/v1/posts/batch'.post.responses", hasKey("503"))
                .body("paths.'/api/v1/posts/{id}'.get.responses", hasKey("503"))
                .body("paths.'/api/v1/media'.post.responses", hasKey("413"))
                .body("paths.'/api/v1/media'.post.responses", hasKey("503"))
                .body("paths.'/api/v1/media/{sha256}'.get.responses", hasKey("503"))
                .body("paths.'/api/v1/media/{sha256}/original'.get.responses", hasKey("403"))
                .body("components.securitySchemes.bearer", notNullValue());
    }
}
