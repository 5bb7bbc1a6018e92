package nutriplan.api.access.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import nutriplan.api.access.FailureLimiter;
import nutriplan.api.access.MovableClock;
import nutriplan.api.errors.NotFoundException;
import nutriplan.catalog.json.Finding;
import nutriplan.catalog.json.InvalidInputException;
import nutriplan.store.StoreConflictException;

class UserServiceTest {

    private final MemoryUserStore store = new MemoryUserStore();
    private final MovableClock clock = new MovableClock();
    private final Passwords passwords = new Passwords(4);
    private final UserService users = new UserService(store, passwords, clock);

    @Test
    void creates_an_editor_limited_to_catalogs_keeping_only_the_passwords_hash() {
        var user = users.create(body("""
                {"name": "ana", "role": "editor", "catalogs": ["trial"], "password": "correct horse battery"}"""));

        assertThat(user.name()).isEqualTo("ana");
        assertThat(user.role()).isEqualTo("editor");
        assertThat(user.catalogs()).containsExactly("trial");
        assertThat(user.created()).isEqualTo(clock.instant());
        var stored = store.user("ana").orElseThrow();
        assertThat(stored.passwordHash()).startsWith("$2a$04$");
        assertThat(passwords.matches("correct horse battery", stored.passwordHash())).isTrue();
        assertThat(stored.toString()).doesNotContain(stored.passwordHash());
    }

    @Test
    void reports_every_fault_at_its_field_and_never_the_password() {
        var invalid = catchInvalid("""
                {"name": "Ana Maria", "role": "owner", "password": "hunter2", "email": "ana@example.org"}""");

        assertThat(invalid.errors()).extracting(Finding::path).containsExactlyInAnyOrder("name", "role", "password", "email");
        assertThat(message(invalid, "password")).startsWith("is too short (7 bytes)");
        assertThat(message(invalid, "email")).startsWith("unknown field \"email\"");
        assertThat(invalid.errors()).allSatisfy(finding -> assertThat(finding.message()).doesNotContain("hunter2"));
        assertThat(store.users()).isEmpty();
    }

    @Test
    void a_name_is_lower_case_letters_digits_dots_underscores_and_dashes_up_to_64() {
        assertThat(users.create(body(user("a.b_c-9", "planner"))).name()).isEqualTo("a.b_c-9");
        assertThat(users.create(body(user("x".repeat(64), "planner"))).name()).hasSize(64);
        assertThat(message(catchInvalid(user("x".repeat(65), "planner")), "name")).contains("is not a user name");
        assertThat(message(catchInvalid(user("Ana", "planner")), "name")).contains("is not a user name");
        assertThat(message(catchInvalid(user("", "planner")), "name")).isEqualTo("must not be blank");
    }

    @Test
    void only_an_editor_is_limited_to_catalogs() {
        var invalid = catchInvalid("""
                {"name": "pat", "role": "planner", "catalogs": ["trial"], "password": "correct horse battery"}""");

        assertThat(message(invalid, "catalogs")).isEqualTo("only an editor is limited to catalogs; a planner is not");
    }

    @Test
    void a_name_is_never_given_twice_not_even_after_its_user_was_disabled() {
        users.create(body(user("ana", "editor")));
        users.disable("ana");

        assertThatThrownBy(() -> users.create(body(user("ana", "planner")))).isInstanceOf(StoreConflictException.class);
    }

    @Test
    void disabling_a_user_ends_its_sessions_at_once_and_keeps_it_listed() {
        var ana = users.create(body(user("ana", "editor")));
        var sessions = new Sessions(store, passwords, FailureLimiter.perMinute(clock), FailureLimiter.perMinute(clock), clock);
        var session = sessions.start(ana);
        clock.advance(java.time.Duration.ofSeconds(5));

        var disabled = users.disable("ana");

        assertThat(disabled.disabled()).isEqualTo(clock.instant());
        assertThat(store.sessionUsers()).doesNotContain("ana");
        assertThatThrownBy(() -> sessions.find(session.id())).isInstanceOf(nutriplan.api.access.UnauthenticatedException.class);
        assertThat(users.list()).extracting(nutriplan.store.users.StoredUser::name).containsExactly("ana");
        assertThatThrownBy(() -> users.disable("ana")).isInstanceOf(NotFoundException.class).hasMessage("no enabled user named \"ana\"");
        assertThatThrownBy(() -> users.disable("bob")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_listed_user_shows_no_hash() {
        var ana = users.create(body(user("ana", "editor")));

        var json = UserService.json(ana).toString();

        assertThat(json).contains("\"name\":\"ana\"", "\"role\":\"editor\"", "\"disabled\":null").doesNotContain("$2a$", "password");
        assertThat(UserService.json(store.user("ana").orElseThrow()).path("created").asText())
                .isEqualTo(Instant.parse("2026-05-04T09:00:00Z").toString());
    }

    private static String user(String name, String role) {
        return "{\"name\": \"" + name + "\", \"role\": \"" + role + "\", \"password\": \"correct horse battery\"}";
    }

    private InvalidInputException catchInvalid(String json) {
        try {
            users.create(body(json));
        } catch (InvalidInputException invalid) {
            return invalid;
        }
        throw new AssertionError("no fault found in " + json);
    }

    private static String message(InvalidInputException invalid, String field) {
        return invalid.errors().stream().filter(finding -> finding.path().equals(field)).findFirst()
                .orElseThrow(() -> new AssertionError("no fault at " + field + ": " + invalid.errors())).message();
    }

    static byte[] body(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
