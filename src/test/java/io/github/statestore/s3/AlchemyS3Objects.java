package io.github.statestore.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Puts the objects Alchemy 0.94's S3StateStore wrote (alchemy-0.94/s3-objects.json) into a bucket. */
final class AlchemyS3Objects {
    private AlchemyS3Objects() {
    }

    /**
     * Puts every object of the fixture into a bucket.
     *
     * @param raw a client for the server
     * @param bucket an existing bucket
     * @return object key → the fixture's {@code contentType} and {@code body}, in the fixture's order
     */
    static Map<String, JsonNode> load(S3Client raw, String bucket) throws IOException {
        Map<String, JsonNode> objects = new LinkedHashMap<>();
        try (InputStream in = AlchemyS3Objects.class.getResourceAsStream("/alchemy-0.94/s3-objects.json")) {
            assertNotNull(in, "the Alchemy S3 fixture is on the test classpath");
            JsonNode fixture = new ObjectMapper().readTree(in);
            assertEquals("alchemy-state", fixture.get("bucket").asText());
            fixture.get("objects").properties().forEach(e -> objects.put(e.getKey(), e.getValue()));
        }
        objects.forEach((objectKey, object) -> raw.putObject(
                b -> b.bucket(bucket).key(objectKey).contentType(object.get("contentType").asText()),
                RequestBody.fromBytes(body(object))));
        return objects;
    }

    /**
     * An object's body.
     *
     * @param object one object of the fixture
     * @return its bytes, as Alchemy wrote them
     */
    static byte[] body(JsonNode object) {
        return object.get("body").asText().getBytes(StandardCharsets.UTF_8);
    }
}
