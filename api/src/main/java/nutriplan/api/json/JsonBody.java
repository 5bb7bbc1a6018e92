package nutriplan.api.json;

import java.nio.charset.CharacterCodingException;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;

import nutriplan.catalog.CatalogFiles;
import nutriplan.catalog.json.InvalidInputException;
import nutriplan.catalog.json.Json;

/**
 * Turns a request body into a JSON tree, or into one 400 fault about the body as a whole: not UTF-8,
 * empty, or not JSON. Every endpoint that reads JSON starts here, so all say the same thing.
 */
public final class JsonBody {

    /** Jackson's "(start marker at [Source: (String)"…"; line: 1, column: 24])": it echoes the body. */
    private static final Pattern START_MARKER =
            Pattern.compile("\\s*\\(start marker at \\[Source: .*; line: (\\d+), column: (\\d+)]\\)", Pattern.DOTALL);
    /** Jackson's advice to callers of its API ("enable `JsonReadFeature.X` to allow"), which a JSON client cannot take. */
    private static final Pattern FEATURE_ADVICE = Pattern.compile(": enable `[^`]+` to allow");

    private JsonBody() {
    }

    /**
     * Parses a body with nutriplan's strict reader (no duplicate keys, nothing after the value).
     *
     * @throws InvalidInputException with one fault whose field is "" (the body)
     */
    public static JsonNode parse(byte[] body) {
        String text;
        try {
            text = CatalogFiles.decodeUtf8(body);
        } catch (CharacterCodingException e) {
            throw InvalidInputException.of("", "the body is not valid UTF-8");
        }
        if (text.isBlank()) {
            throw InvalidInputException.of("", "the body is empty; expected a JSON object");
        }
        try {
            return Json.MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw InvalidInputException.of("", "the body is not valid JSON: " + describe(e) + CatalogFiles.locationOf(e));
        }
    }

    /** Jackson's message without its internals: no echo of the body, no class or feature names. */
    static String describe(JacksonException e) {
        var message = e.getOriginalMessage();
        if (message.startsWith("Trailing token")) {
            return "more content after the end of the JSON value";
        }
        message = START_MARKER.matcher(message).replaceAll(" (opened at line $1, column $2)");
        return FEATURE_ADVICE.matcher(message).replaceAll(": not allowed in JSON");
    }
}
