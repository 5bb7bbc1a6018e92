package nutriplan.api.access.users;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import nutriplan.api.access.Role;
import nutriplan.api.errors.NotFoundException;
import nutriplan.api.json.JsonBody;
import nutriplan.catalog.json.Findings;
import nutriplan.catalog.json.InvalidInputException;
import nutriplan.catalog.json.JsonFields;
import nutriplan.catalog.product.ProductJson;
import nutriplan.store.users.StoredUser;
import nutriplan.store.users.UserStore;

/**
 * The web form's users: create one (its password hashed at once), list them (never a hash), disable one (it keeps its
 * name, and its sessions end at once). Admins call this through {@link UserRoutes}; the first run's setup creates the
 * first admin through it too.
 */
public final class UserService {

    /** A user's name: lower case, 1 to 64 of a-z, 0-9, '.', '_' and '-'. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9._-]{1,64}");
    static final String NAME_RULE = "1 to 64 lower-case letters, digits, '.', '_' or '-'";
    private static final Set<String> FIELDS = Set.of("name", "role", "catalogs", "password");
    private static final int MOST_CATALOGS = 100;

    private final UserStore store;
    private final Passwords passwords;
    private final Clock clock;

    public UserService(UserStore store, Passwords passwords, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A new user, as an admin asks for one: {@code {"name", "role", "catalogs"?, "password"}}.
     *
     * @throws InvalidInputException every fault at once, each at its field; the password is never repeated
     * @throws nutriplan.store.StoreConflictException the name is taken (by a disabled user too)
     */
    public StoredUser create(byte[] body) {
        var findings = Findings.create();
        var fields = JsonFields.of(JsonBody.parse(body), "", findings, FIELDS);
        if (fields == null) {
            throw new InvalidInputException("the user was not created", findings.all());
        }
        var name = name(fields);
        var role = fields.choice("role", true, Role.class);
        var catalogs = catalogs(fields, role);
        var password = password(fields);
        if (findings.hasErrors()) {
            throw new InvalidInputException("the user was not created", findings.all());
        }
        return create(name, role, catalogs, password);
    }

    /** A new user whose fields were checked already ({@link #name}, {@link #password}). */
    StoredUser create(String name, Role role, Set<String> catalogs, String password) {
        var user = new StoredUser(name, role.jsonName(), catalogs, passwords.hash(password), clock.instant(), null);
        store.create(user);
        return user;
    }

    /** Every user, disabled ones included, by name. */
    public List<StoredUser> list() {
        return store.users();
    }

    /**
     * Disables the user and ends its sessions at once; it keeps its name, which is never given to anyone else.
     *
     * @throws NotFoundException when there is no enabled user of this name
     */
    public StoredUser disable(String name) {
        if (!store.disable(name, clock.instant())) {
            throw new NotFoundException("name", "no enabled user named " + quoted(name));
        }
        return store.user(name).orElseThrow();
    }

    /** The name field, checked against {@link #NAME}; null (reported) when wrong. */
    static String name(JsonFields fields) {
        var name = fields.text("name", true, 200);
        if (name != null && !NAME.matcher(name).matches()) {
            fields.findings().error("name", quoted(name) + " is not a user name: " + NAME_RULE);
            return null;
        }
        return name;
    }

    /** The password field: a string of 12 to 72 bytes; null (reported, never repeated) when wrong. */
    static String password(JsonFields fields) {
        var node = fields.node("password");
        if (node == null || node.isNull()) {
            fields.findings().error("password", "is required");
            return null;
        }
        if (!node.isTextual()) {
            fields.findings().error("password", "must be a string");
            return null;
        }
        var fault = Passwords.fault(node.textValue());
        if (fault != null) {
            fields.findings().error("password", fault);
            return null;
        }
        return node.textValue();
    }

    private static Set<String> catalogs(JsonFields fields, Role role) {
        if (!fields.has("catalogs")) {
            return Set.of();
        }
        var names = fields.texts("catalogs", MOST_CATALOGS);
        var catalogs = new LinkedHashSet<String>();
        for (int i = 0; i < names.size(); i++) {
            var catalog = names.get(i);
            if (!ProductJson.ID.matcher(catalog).matches()) {
                fields.findings().error("catalogs[" + i + "]", quoted(catalog) + " is not a catalog name");
            } else if (!catalogs.add(catalog)) {
                fields.findings().error("catalogs", "lists " + quoted(catalog) + " twice");
            }
        }
        if (role != null && role != Role.EDITOR && !catalogs.isEmpty()) {
            fields.findings().error("catalogs", "only an editor is limited to catalogs; a " + role + " is not");
        }
        return catalogs;
    }

    /** A name as the caller sent it, in quotes and cut short: a hostile value is not echoed whole. */
    static String quoted(String text) {
        return "\"" + (text.length() <= 64 ? text : text.substring(0, 64) + "…") + "\"";
    }

    /** The user as a listing shows it: never its hash. */
    static JsonNode json(StoredUser user) {
        var node = nutriplan.catalog.json.Json.MAPPER.createObjectNode()
                .put("name", user.name())
                .put("role", user.role());
        var catalogs = node.putArray("catalogs");
        user.catalogs().stream().sorted().forEach(catalogs::add);
        node.put("created", user.created().toString());
        if (user.disabled() == null) {
            node.putNull("disabled");
        } else {
            node.put("disabled", user.disabled().toString());
        }
        return node;
    }
}
