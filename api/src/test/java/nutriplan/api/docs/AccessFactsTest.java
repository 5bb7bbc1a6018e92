package nutriplan.api.docs;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import nutriplan.api.access.RouteScopes;
import nutriplan.catalog.json.Json;

/** The document's security comes from RouteScopes: an operation whose route has no scope there cannot be written. */
class AccessFactsTest {

    @Test
    void an_operation_without_a_scope_stops_the_document() throws Exception {
        var document = (ObjectNode) Json.MAPPER.readTree("""
                {"paths": {"/api/v1/debug": {"get": {"responses": {"200": {"description": "ok"}}}}},
                 "components": {"schemas": {"SecurityEvent": {"properties": {"event": {"type": "string"}}}}}}""");

        assertThatThrownBy(() -> AccessFacts.add(document, RouteScopes.service())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GET /api/v1/debug");
    }
}
