package nutriplan.api.access.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordsTest {

    private final Passwords passwords = new Passwords(4);

    @Test
    void a_hash_matches_its_password_and_no_other() {
        var hash = passwords.hash("correct horse battery");

        assertThat(hash).startsWith("$2a$04$").doesNotContain("correct horse battery");
        assertThat(passwords.matches("correct horse battery", hash)).isTrue();
        assertThat(passwords.matches("correct horse batterY", hash)).isFalse();
        assertThat(passwords.hash("correct horse battery")).as("a fresh salt each time").isNotEqualTo(hash);
    }

    @Test
    void the_default_cost_is_12() {
        assertThat(Passwords.DEFAULT_COST).isEqualTo(12);
        assertThat(new Passwords().hash("correct horse battery")).startsWith("$2a$12$");
    }

    @Test
    void a_password_is_12_to_72_bytes_of_utf8() {
        assertThat(Passwords.fault("a".repeat(11))).startsWith("is too short (11 bytes)");
        assertThat(Passwords.fault("a".repeat(12))).isNull();
        assertThat(Passwords.fault("a".repeat(72))).isNull();
        assertThat(Passwords.fault("a".repeat(73))).startsWith("is too long (73 bytes)");
        // Bytes, not characters: é is two.
        assertThat(Passwords.fault("é".repeat(6))).isNull();
        assertThat(Passwords.fault("é".repeat(37))).startsWith("is too long (74 bytes)");
    }

    @Test
    void a_fault_never_repeats_the_password() {
        assertThat(Passwords.fault("hunter2")).doesNotContain("hunter2");
        assertThatThrownBy(() -> passwords.hash("hunter2")).hasMessageNotContaining("hunter2");
    }

    @Test
    void a_password_longer_than_bcrypt_reads_never_matches_a_hash_of_its_first_72_bytes() {
        var hash = passwords.hash("a".repeat(72));

        assertThat(passwords.matches("a".repeat(72) + "b", hash)).isFalse();
    }

    @Test
    void an_unreadable_hash_matches_nothing() {
        assertThat(passwords.matches("correct horse battery", "not a bcrypt hash")).isFalse();
    }

    @Test
    void a_check_for_nobody_takes_as_long_as_a_real_one() {
        var slow = new Passwords(10);
        var hash = slow.hash("correct horse battery");
        slow.spendCheck(); // the dummy hash is made on first need

        long real = time(() -> slow.matches("wrong horse battery", hash));
        long dummy = time(slow::spendCheck);

        // Cost 10 takes tens of milliseconds; a check that skipped bcrypt would take microseconds.
        assertThat(dummy).isGreaterThan(real / 4);
    }

    private static long time(Runnable action) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            action.run();
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }
}
