package nutriplan.api.service;

import java.util.UUID;
import java.util.regex.Pattern;

import io.javalin.http.Context;

/**
 * {@code X-Request-Id}: a caller's id is kept when it is 1 to 64 of {@code A-Z a-z 0-9 . _ : -} (anything else could
 * forge log lines or carry markup), otherwise one is generated. It is echoed on the response and written in the
 * access log, so a caller and an operator can find the same request.
 */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "nutriplan.requestId";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {
    }

    /** Before every request: picks the id and echoes it. */
    static void assign(Context ctx) {
        var sent = ctx.header(HEADER);
        var id = sent != null && VALID.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
    }

    /** The request's id; "-" when none was assigned (the request failed before). */
    static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "-" : id;
    }

    static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }
}
