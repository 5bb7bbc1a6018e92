package nutriplan.api.access.users;

import static nutriplan.api.access.users.UserServiceTest.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import nutriplan.api.access.FailureLimiter;
import nutriplan.api.access.MovableClock;
import nutriplan.api.access.Role;
import nutriplan.api.access.Secrets;
import nutriplan.api.access.SecurityLog;
import nutriplan.api.access.UnauthenticatedException;
import nutriplan.api.metrics.Metrics;
import nutriplan.catalog.json.InvalidInputException;
import nutriplan.store.StoreConflictException;

class SetupTest {

    private static final Pattern LINK = Pattern.compile(
            "nutriplan: no users yet — set the admin's password within 15 minutes at http://127\\.0\\.0\\.1:7070/#setup=([A-Za-z0-9_-]{43})");

    private final MemoryUserStore store = new MemoryUserStore();
    private final MovableClock clock = new MovableClock();
    private final Passwords passwords = new Passwords(4);
    private final UserService users = new UserService(store, passwords, clock);
    private final Sessions sessions = new Sessions(store, passwords, FailureLimiter.perMinute(clock), FailureLimiter.perMinute(clock), clock);
    private final SecurityLog log = new SecurityLog(new Metrics(), clock);
    private final Setup setup = new Setup(store, users, sessions, log, clock);
    private final List<String> printed = new ArrayList<>();

    @Test
    void an_empty_store_gets_one_printed_link_whose_token_is_stored_only_as_its_digest() {
        assertThat(setup.offer("http://127.0.0.1:7070", printed::add)).isTrue();

        assertThat(printed).hasSize(1);
        var token = token(printed.get(0));
        assertThat(store.setupTokens).containsOnlyKeys(Secrets.digest(token));
        assertThat(store.setupTokens.get(Secrets.digest(token))).isEqualTo(clock.instant().plus(Setup.VALID));
        assertThat(log.recent(10)).singleElement().satisfies(entry -> {
            assertThat(entry.event()).isEqualTo(SecurityLog.Event.SETUP_LINK_CREATED);
            assertThat(entry.details().toString()).doesNotContain(token);
        });
    }

    @Test
    void a_store_with_a_user_gets_no_link() {
        users.create("ana", Role.ADMIN, Set.of(), "correct horse battery");

        assertThat(setup.offer("http://127.0.0.1:7070", printed::add)).isFalse();
        assertThat(printed).isEmpty();
        assertThat(store.setupTokens).isEmpty();
    }

    @Test
    void the_token_creates_the_first_admin_signed_in_once_and_every_other_link_dies() {
        setup.offer("http://127.0.0.1:7070", printed::add);
        setup.offer("http://127.0.0.1:7070", printed::add); // a restart while still empty: a new link
        var token = token(printed.get(1));

        var session = setup.complete(body(setupBody(token, "admin", "correct horse battery")));

        assertThat(session.user().name()).isEqualTo("admin");
        assertThat(session.caller().role()).isEqualTo(Role.ADMIN);
        assertThat(sessions.find(session.id()).user().name()).isEqualTo("admin");
        assertThat(store.setupTokens).isEmpty();
        assertThatThrownBy(() -> setup.complete(body(setupBody(token(printed.get(0)), "eve", "correct horse battery"))))
                .as("the other link died with the first admin").isInstanceOf(UnauthenticatedException.class);
        assertThat(users.list()).hasSize(1);
    }

    @Test
    void a_bad_password_is_a_400_and_leaves_the_token_for_another_try() {
        setup.offer("http://127.0.0.1:7070", printed::add);
        var token = token(printed.get(0));

        assertThatThrownBy(() -> setup.complete(body(setupBody(token, "admin", "short")))).isInstanceOf(InvalidInputException.class);

        assertThat(setup.complete(body(setupBody(token, "admin", "correct horse battery"))).user().name()).isEqualTo("admin");
    }

    @Test
    void a_token_is_refused_once_15_minutes_have_passed_and_when_unknown_or_malformed() {
        setup.offer("http://127.0.0.1:7070", printed::add);
        var token = token(printed.get(0));

        assertThatThrownBy(() -> setup.complete(body(setupBody(Secrets.random(), "admin", "correct horse battery"))))
                .isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> setup.complete(body(setupBody("abc", "admin", "correct horse battery"))))
                .isInstanceOf(UnauthenticatedException.class).extracting("reason").isEqualTo("malformed setup token");
        clock.advance(Setup.VALID);
        assertThatThrownBy(() -> setup.complete(body(setupBody(token, "admin", "correct horse battery"))))
                .isInstanceOf(UnauthenticatedException.class);
        assertThat(users.list()).isEmpty();
    }

    private static String setupBody(String token, String name, String password) {
        return "{\"token\": \"" + token + "\", \"name\": \"" + name + "\", \"password\": \"" + password + "\"}";
    }

    private static String token(String line) {
        var matcher = LINK.matcher(line);
        assertThat(matcher.matches()).as(line).isTrue();
        return matcher.group(1);
    }

    @Test
    void two_links_used_at_once_make_one_admin_and_a_claim_left_by_a_crash_is_released_at_the_next_start() {
        setup.offer("http://127.0.0.1:7070", printed::add);
        setup.offer("http://127.0.0.1:7071", printed::add); // another replica's link
        assertThat(store.claimFirstRun()).as("the other link, mid-way").isTrue();

        assertThatThrownBy(() -> setup.complete(body(setupBody(token(printed.get(0)), "admin", "correct horse battery"))))
                .isInstanceOf(StoreConflictException.class);
        assertThat(users.list()).isEmpty();

        setup.offer("http://127.0.0.1:7070", printed::add); // a restart: no setup can be under way
        var session = setup.complete(body(setupBody(token(printed.get(2)), "admin", "correct horse battery")));
        assertThat(session.user().name()).isEqualTo("admin");
    }
}
