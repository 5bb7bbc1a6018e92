package nutriplan.api.access;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.http.Context;

import nutriplan.api.metrics.Metrics;

/**
 * The security log: every key and user event and every refusal, as one JSON line in the log
 * ({@code nutriplan.security}), one count in {@code nutriplan_security_events_total{event}}, and one entry in this
 * replica's recent events, which admins read at {@code GET /api/v1/security-events}:
 *
 * <pre>{"event":"key_revoked","requestId":"c0ffee-42","caller":"key:np7f3a9c2e1b04","address":"127.0.0.1","key":"np1a2b3c4d5e6f"}</pre>
 *
 * Details name things (a key's public id, a user's name, a route, a scope), never a secret: callers must not pass a
 * key, a password, a hash or a session id, and the tests capture every line to prove they do not.
 */
public final class SecurityLog {

    private static final Logger LOG = LoggerFactory.getLogger("nutriplan.security");
    /** How many recent events a replica keeps for admins (the log keeps them all). */
    static final int RECENT = 500;

    private final Metrics metrics;
    private final Clock clock;
    private final Deque<Entry> recent = new ArrayDeque<>();

    /** What happened. */
    public enum Event {
        KEY_CREATED, KEY_ROTATED, KEY_REVOKED,
        USER_CREATED, USER_DISABLED, SETUP_LINK_CREATED, SETUP_DONE,
        SIGNED_IN, SIGNED_OUT, SIGN_IN_FAILED,
        /** A credential that proved nothing: malformed, unknown, revoked or expired (401). */
        AUTHENTICATION_FAILED,
        /** No credential where one is needed (401). */
        UNAUTHENTICATED,
        /** A caller whose role or catalogs do not cover the route, or a session change without its CSRF token (403). */
        FORBIDDEN,
        /** Too many failures from one address or for one account (429). */
        RATE_LIMITED;

        /** "key_created": as the log line, the metric's label and the route name it. */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One event as a replica remembers it.
     *
     * @param caller  who did it ("key:…", "user:…", "anonymous")
     * @param address the remote address it came from; null for the command line
     * @param details what it concerned: ids and names only
     */
    public record Entry(Instant time, Event event, String requestId, String caller, String address,
                        Map<String, String> details) {

        public Entry {
            details = Map.copyOf(details);
        }

        ObjectNode json() {
            var node = JsonNodeFactory.instance.objectNode()
                    .put("time", time.toString())
                    .put("event", event.jsonName())
                    .put("requestId", requestId)
                    .put("caller", caller)
                    .put("address", address);
            new java.util.TreeMap<>(details).forEach(node::put);
            return node;
        }
    }

    public SecurityLog(Metrics metrics, Clock clock) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Records an event of this request, by this caller (its id, or "anonymous"). */
    public void record(Event event, Context ctx, String caller, Map<String, String> details) {
        record(event, requestId(ctx), caller, ctx.ip(), details);
    }

    /** Records an event outside a request (the command line, the start-up): no request id, no address. */
    public void record(Event event, String requestId, String caller, String address, Map<String, String> details) {
        var entry = new Entry(clock.instant(), event, requestId, caller, address, new LinkedHashMap<>(details));
        metrics.recordSecurityEvent(event.jsonName());
        synchronized (recent) {
            recent.addFirst(entry);
            if (recent.size() > RECENT) {
                recent.removeLast();
            }
        }
        if (LOG.isInfoEnabled()) {
            LOG.info(entry.json().toString());
        }
    }

    /** This replica's recent events, newest first, at most {@code limit}. */
    public List<Entry> recent(int limit) {
        synchronized (recent) {
            return new ArrayList<>(recent).subList(0, Math.min(limit, recent.size()));
        }
    }

    /** The request's id, as {@code X-Request-Id} on its answer says it ("-" before one was given). */
    private static String requestId(Context ctx) {
        var id = ctx.res().getHeader("X-Request-Id");
        return id == null ? "-" : id;
    }
}
