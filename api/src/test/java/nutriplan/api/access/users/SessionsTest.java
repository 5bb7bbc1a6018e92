package nutriplan.api.access.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nutriplan.api.access.Caller.Via;
import nutriplan.api.access.FailureLimiter;
import nutriplan.api.access.MovableClock;
import nutriplan.api.access.RateLimitedException;
import nutriplan.api.access.Role;
import nutriplan.api.access.Secrets;
import nutriplan.api.access.UnauthenticatedException;

class SessionsTest {

    private static final String PASSWORD = "correct horse battery";

    private final MemoryUserStore store = new MemoryUserStore();
    private final MovableClock clock = new MovableClock();
    private final Passwords passwords = new Passwords(4);
    private final FailureLimiter addresses = FailureLimiter.perMinute(clock);
    private final Sessions sessions = new Sessions(store, passwords, addresses, FailureLimiter.perMinute(clock), clock);
    private final UserService users = new UserService(store, passwords, clock);

    SessionsTest() {
        users.create("ana", Role.EDITOR, Set.of("trial"), PASSWORD);
        users.create("bob", Role.PLANNER, Set.of(), PASSWORD);
    }

    @Test
    void signing_in_gives_a_random_session_stored_only_as_its_digest() {
        var session = sessions.signIn("ana", PASSWORD, "10.0.0.1");

        assertThat(session.id()).matches("[A-Za-z0-9_-]{43}");
        assertThat(sessions.signIn("ana", PASSWORD, "10.0.0.1").id()).isNotEqualTo(session.id());
        assertThat(store.sessions).containsKey(Secrets.digest(session.id())).doesNotContainKey(session.id());
        assertThat(store.sessions.toString()).doesNotContain(session.id());
        assertThat(session.toString()).doesNotContain(session.id());
        var caller = sessions.find(session.id()).caller();
        assertThat(caller.id()).isEqualTo("user:ana");
        assertThat(caller.role()).isEqualTo(Role.EDITOR);
        assertThat(caller.via()).isEqualTo(Via.SESSION);
        assertThat(caller.mayWrite("trial")).isTrue();
        assertThat(caller.mayWrite("default")).isFalse();
    }

    @Test
    void a_wrong_password_and_an_unknown_name_fail_alike() {
        var wrong = catchUnauthenticated("ana", "wrong horse battery");
        var unknown = catchUnauthenticated("nobody", PASSWORD);

        assertThat(wrong.getMessage()).isEqualTo(unknown.getMessage()).doesNotContain("ana", "nobody", "password");
        assertThat(wrong.reason()).isEqualTo("wrong password");
        assertThat(unknown.reason()).isEqualTo("unknown user");
        assertThat(store.sessions).isEmpty();
    }

    @Test
    void a_disabled_user_cannot_sign_in_even_with_its_password() {
        users.disable("ana");

        assertThat(catchUnauthenticated("ana", PASSWORD).reason()).isEqualTo("disabled user");
    }

    @Test
    void a_session_unused_for_30_minutes_ends_and_is_deleted() {
        var session = sessions.signIn("ana", PASSWORD, "10.0.0.1");
        clock.advance(Sessions.IDLE.minusSeconds(1));
        assertThat(sessions.find(session.id()).user().name()).isEqualTo("ana");
        clock.advance(Sessions.IDLE.minusSeconds(1));
        assertThat(sessions.find(session.id()).expires()).isEqualTo(clock.instant().plus(Sessions.IDLE));

        clock.advance(Sessions.IDLE);

        assertThatThrownBy(() -> sessions.find(session.id())).isInstanceOf(UnauthenticatedException.class)
                .extracting("reason").isEqualTo("expired session");
        assertThat(store.sessions).isEmpty();
    }

    @Test
    void a_session_abandoned_without_signing_out_is_deleted_at_the_next_sign_in() {
        sessions.signIn("ana", PASSWORD, "10.0.0.1");
        clock.advance(Sessions.IDLE.plusSeconds(1));

        sessions.signIn("ana", PASSWORD, "10.0.0.1");

        assertThat(store.sessions).hasSize(1);
    }

    @Test
    void a_use_is_written_to_the_store_at_most_once_a_minute() {
        var session = sessions.signIn("ana", PASSWORD, "10.0.0.1");
        var digest = Secrets.digest(session.id());
        var signedIn = clock.instant();

        clock.advance(Duration.ofSeconds(59));
        sessions.find(session.id());
        assertThat(store.sessions.get(digest).lastSeen()).isEqualTo(signedIn);

        clock.advance(Duration.ofSeconds(1));
        sessions.find(session.id());
        assertThat(store.sessions.get(digest).lastSeen()).isEqualTo(signedIn.plusSeconds(60));
    }

    @Test
    void a_session_ends_12_hours_after_signing_in_however_much_it_is_used() {
        var session = sessions.signIn("ana", PASSWORD, "10.0.0.1");
        for (int minutes = 0; minutes < 12 * 60 - 10; minutes += 10) {
            clock.advance(Duration.ofMinutes(10));
            sessions.find(session.id());
        }
        assertThat(sessions.find(session.id()).expires()).isEqualTo(session.created().plus(Sessions.ABSOLUTE));

        clock.advance(Duration.ofMinutes(10));

        assertThatThrownBy(() -> sessions.find(session.id())).isInstanceOf(UnauthenticatedException.class);
        assertThat(store.sessions).isEmpty();
    }

    @Test
    void a_malformed_or_unknown_or_signed_out_session_proves_nothing() {
        var session = sessions.signIn("ana", PASSWORD, "10.0.0.1");
        sessions.signOut(session.id());

        assertThatThrownBy(() -> sessions.find(session.id())).extracting("reason").isEqualTo("unknown session");
        assertThatThrownBy(() -> sessions.find("abc")).extracting("reason").isEqualTo("malformed session cookie");
        assertThatThrownBy(() -> sessions.find(Secrets.random())).extracting("reason").isEqualTo("unknown session");
    }

    @Test
    void the_csrf_token_is_derived_from_the_session_and_only_its_own_is_accepted() {
        var session = sessions.signIn("ana", PASSWORD, "10.0.0.1");
        var other = sessions.signIn("bob", PASSWORD, "10.0.0.1");

        assertThat(session.csrfToken()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(session.id())
                .isEqualTo(sessions.find(session.id()).csrfToken());
        assertThat(Sessions.csrfMatches(session.id(), session.csrfToken())).isTrue();
        assertThat(Sessions.csrfMatches(session.id(), other.csrfToken())).isFalse();
        assertThat(Sessions.csrfMatches(session.id(), session.id())).isFalse();
        assertThat(Sessions.csrfMatches(session.id(), null)).isFalse();
        assertThat(Sessions.csrfMatches(session.id(), "")).isFalse();
    }

    @Test
    void the_11th_failed_sign_in_to_an_account_within_a_minute_is_refused_from_any_address_while_others_sign_in() {
        for (int i = 1; i <= 10; i++) {
            catchUnauthenticated("ana", "wrong horse battery", "10.0.0." + i);
        }

        assertThatThrownBy(() -> sessions.signIn("ana", PASSWORD, "10.0.1.1")).isInstanceOf(RateLimitedException.class)
                .hasMessageStartingWith("too many failed sign-ins to this account; try again in ");
        assertThat(sessions.signIn("bob", PASSWORD, "10.0.1.1").user().name()).isEqualTo("bob");

        clock.advance(Duration.ofMinutes(1));
        assertThat(sessions.signIn("ana", PASSWORD, "10.0.1.1").user().name()).isEqualTo("ana");
    }

    @Test
    void failed_sign_ins_count_against_the_shared_address_limit_too() {
        for (int i = 1; i <= 10; i++) {
            catchUnauthenticated("user" + i, "wrong horse battery", "10.0.0.9");
        }

        assertThatThrownBy(() -> sessions.signIn("ana", PASSWORD, "10.0.0.9")).isInstanceOf(RateLimitedException.class);
        assertThatThrownBy(() -> addresses.checkAllowed("10.0.0.9", "authentications")).isInstanceOf(RateLimitedException.class);
        assertThat(sessions.signIn("ana", PASSWORD, "10.0.0.8").user().name()).isEqualTo("ana");
    }

    private UnauthenticatedException catchUnauthenticated(String name, String password) {
        return catchUnauthenticated(name, password, "10.0.0.1");
    }

    private UnauthenticatedException catchUnauthenticated(String name, String password, String address) {
        try {
            sessions.signIn(name, password, address);
        } catch (UnauthenticatedException failed) {
            return failed;
        }
        throw new AssertionError(name + " signed in with a wrong password");
    }
}
