package nutriplan.api.access;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

import nutriplan.api.access.AccessFilter.AnonymousAccess;

/**
 * Who may call without a credential, and the admin key a container or CI seeds the store with.
 *
 * @param anonymous what a request without a credential may do: plan on a loopback-only service by default, nothing
 *                  anywhere else
 * @param adminKey  {@code NUTRIPLAN_ADMIN_KEY}: an API key to store as an admin's when the store lacks it; null for
 *                  none. A secret: never printed, logged or answered
 */
public record AccessSettings(AnonymousAccess anonymous, String adminKey) {

    public AccessSettings {
        Objects.requireNonNull(anonymous, "anonymous");
    }

    /** The default for a service listening on {@code host}: anonymous planning on loopback only. */
    public static AccessSettings defaultsFor(String host) {
        return new AccessSettings(isLoopback(host) ? AnonymousAccess.PLAN : AnonymousAccess.NONE, null);
    }

    /** True for 127.0.0.1, ::1, localhost: an address no other machine reaches. */
    public static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public AccessSettings withAdminKey(String newAdminKey) {
        return new AccessSettings(anonymous, newAdminKey);
    }

    public AccessSettings withAnonymous(AnonymousAccess newAnonymous) {
        return new AccessSettings(newAnonymous, adminKey);
    }

    /** The admin key never shows: settings get logged. */
    @Override
    public String toString() {
        return "AccessSettings[anonymous=" + anonymous + ", adminKey=" + (adminKey == null ? "none" : "<hidden>") + "]";
    }
}
