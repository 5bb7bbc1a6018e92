package nutriplan.api.service;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Security headers on every response, set at the Jetty level so that error pages written before routing get
 * them too. The Content-Security-Policy fits a same-origin web form: scripts, styles, images and calls from this
 * origin only, no plugins, no framing ({@code frame-ancestors 'none'}). Swagger UI's page sets inline styles,
 * so {@code /swagger} alone also allows {@code style-src 'unsafe-inline'} (never inline scripts).
 */
final class SecurityHeaders extends Handler.Wrapper {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";
    static final String SWAGGER_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'";

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        var headers = response.getHeaders();
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Cross-Origin-Opener-Policy", "same-origin");
        headers.put("Content-Security-Policy", isSwagger(Request.getPathInContext(request)) ? SWAGGER_CSP : CSP);
        return super.handle(request, response, callback);
    }

    private static boolean isSwagger(String path) {
        return path.equals("/swagger") || path.startsWith("/swagger/");
    }
}
