package nutriplan.api.access.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;

import org.junit.jupiter.api.Test;

/** The key format: prefix, id, 256-bit secret, checksum; a typo is caught by the checksum; only the digest matches. */
class ApiKeyTest {

    @Test
    void a_generated_key_has_the_format_and_parses_back_to_its_id() {
        var key = ApiKey.generate();
        assertThat(key.text()).matches("npk_[a-z2-7]{12}_[A-Za-z0-9_-]{43}[0-9A-Za-z]{6}").hasSize(66);
        assertThat(ApiKey.parse(key.text())).contains(key);
        assertThat(key.toString()).doesNotContain(key.text().substring(17));
    }

    @Test
    void every_single_character_typo_is_refused_by_the_checksum() {
        var text = ApiKey.generate().text();
        for (int i = 4; i < text.length(); i++) {
            if (i == 16) {
                continue; // the separator: the format refuses it
            }
            var typo = text.substring(0, i) + (text.charAt(i) == 'a' ? 'b' : 'a') + text.substring(i + 1);
            assertThat(ApiKey.parse(typo)).as("typo at %d", i).isEmpty();
        }
        assertThat(ApiKey.parse(text.substring(0, text.length() - 1))).isEmpty();
        assertThat(ApiKey.parse(" " + text)).isEmpty();
        assertThat(ApiKey.parse("npk_")).isEmpty();
    }

    @Test
    void a_key_matches_its_own_digest_only() {
        var key = ApiKey.generate();
        var other = ApiKey.generate();
        assertThat(key.digest()).hasSize(64).doesNotContain(key.text());
        assertThat(key.matches(key.digest())).isTrue();
        assertThat(key.matches(other.digest())).isFalse();
    }

    @Test
    void ids_and_secrets_do_not_repeat() {
        var ids = new HashSet<String>();
        var texts = new HashSet<String>();
        for (int i = 0; i < 10_000; i++) {
            var key = ApiKey.generate();
            ids.add(key.id());
            texts.add(key.text());
        }
        assertThat(ids).hasSize(10_000);
        assertThat(texts).hasSize(10_000);
    }
}
