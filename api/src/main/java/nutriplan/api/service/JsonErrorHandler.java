package nutriplan.api.service;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import com.fasterxml.jackson.core.JsonProcessingException;

import jakarta.servlet.http.HttpServletResponse;

import nutriplan.api.errors.ErrorJson;
import nutriplan.api.errors.ErrorResponse;
import nutriplan.catalog.json.Json;

/**
 * Jetty's own error answers, given before any route runs (a request line or headers that are not valid HTTP, headers
 * too large, a request during shutdown), as the same JSON error body as everything else: never an HTML page, never a
 * stack trace.
 */
final class JsonErrorHandler extends ErrorHandler {

    /**
     * Every method gets the JSON body: Jetty writes error bodies only for GET, POST and HEAD by default, so a PUT or
     * DELETE with an invalid path got an empty 400 (found by HttpFuzzTest).
     */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(bytes(code)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(bytes(status));
    }

    /** For errors ({@link Error}s) that escape Javalin: a 500 that says nothing more. */
    static void write(HttpServletResponse response, ErrorResponse error) {
        try {
            response.setStatus(error.status());
            response.setContentType("application/json");
            response.getOutputStream().write(Json.MAPPER.writeValueAsBytes(error.body()));
        } catch (IOException | IllegalStateException e) {
            // the response is already committed or the client is gone: nothing more can be said
        }
    }

    private static byte[] bytes(int status) {
        var body = ErrorJson.body(code(status), message(status), List.of());
        try {
            return Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            return "{\"error\":\"internal_error\",\"message\":\"\",\"details\":[]}".getBytes(StandardCharsets.UTF_8);
        }
    }

    private static String code(int status) {
        return switch (status) {
            case 400 -> ErrorJson.INVALID_REQUEST;
            case 404 -> ErrorJson.NOT_FOUND;
            case 405 -> ErrorJson.METHOD_NOT_ALLOWED;
            case 413, 414, 431 -> ErrorJson.TOO_LARGE;
            case 415 -> ErrorJson.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ErrorJson.BUSY;
            default -> status >= 500 ? ErrorJson.INTERNAL_ERROR : ErrorJson.INVALID_REQUEST;
        };
    }

    private static String message(int status) {
        return switch (status) {
            case 400 -> "the request is not valid HTTP";
            case 414 -> "the request URI is too long";
            case 431 -> "the request headers are too large";
            case 503 -> "the service is shutting down or unavailable; retry shortly";
            default -> HttpStatus.getMessage(status);
        };
    }
}
