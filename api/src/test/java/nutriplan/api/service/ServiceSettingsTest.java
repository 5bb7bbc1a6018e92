package nutriplan.api.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import nutriplan.api.access.AccessSettings;
import nutriplan.store.Retention;
import org.junit.jupiter.api.Test;

class ServiceSettingsTest {

    @Test
    void without_variables_every_setting_is_its_default() {
        var settings = ServiceSettings.fromEnvironment(Map.of());
        int cores = Runtime.getRuntime().availableProcessors();

        assertThat(settings).isEqualTo(ServiceSettings.defaults());
        assertThat(settings.port()).isEqualTo(7070);
        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.catalogDirectory()).isEqualTo(Path.of("data", "catalogs"));
        assertThat(settings.maxBodyBytes()).isEqualTo(2 * 1024 * 1024);
        assertThat(settings.maxInlineProducts()).isEqualTo(5000);
        assertThat(settings.solverPoolSize()).isEqualTo(cores);
        assertThat(settings.solverQueueSize()).isEqualTo(4 * cores);
        assertThat(settings.corsOrigins()).isEmpty();
        assertThat(settings.maxBatchRequests()).isEqualTo(100);
        assertThat(settings.warmUpRounds()).isEqualTo(3);
    }

    @Test
    void every_variable_is_read() {
        var settings = ServiceSettings.fromEnvironment(Map.ofEntries(
                Map.entry("HOST", "127.0.0.1"), Map.entry("PORT", "8080"), Map.entry("CATALOG_DIR", "/srv/catalogs"),
                Map.entry("MAX_BODY_BYTES", "1_048_576"), Map.entry("MAX_INLINE_PRODUCTS", "100"),
                Map.entry("SOLVER_POOL_SIZE", "3"), Map.entry("SOLVER_QUEUE_SIZE", "0"), Map.entry("QUEUE_TIMEOUT_MS", "250"),
                Map.entry("REQUEST_TIMEOUT_MS", "5000"), Map.entry("SHUTDOWN_TIMEOUT_MS", "7000"),
                Map.entry("RETRY_AFTER_SECONDS", "2"), Map.entry("CORS_ORIGINS", "https://plan.example.com, http://localhost:3000"),
                Map.entry("MONGODB_URI", "mongodb://db.example.net:27017/nutriplan?replicaSet=rs0"),
                Map.entry("NUTRIPLAN_DATA_DIR", "/var/lib/nutriplan"), Map.entry("CATALOG_POLL_MS", "500"),
                Map.entry("STORE_TIMEOUT_MS", "3000"), Map.entry("CATALOG_RETENTION_DAYS", "400"), Map.entry("MAX_BATCH_REQUESTS", "20"), Map.entry("WARM_UP_ROUNDS", "0")));

        assertThat(settings).isEqualTo(new ServiceSettings("127.0.0.1", 8080, Path.of("/srv/catalogs"), 1_048_576, 100, 3, 0,
                250, 5000, 7000, 2, List.of("https://plan.example.com", "http://localhost:3000"),
                new StoreSettings("mongodb://db.example.net:27017/nutriplan?replicaSet=rs0", Path.of("/var/lib/nutriplan"), 500, 3000,
                        Retention.days(400)), 20, 0,
                AccessSettings.defaultsFor("127.0.0.1")));
        // One variable per setting: the store's five, access's two, and one for each other component.
        assertThat(ServiceSettings.VARIABLES).hasSize(ServiceSettings.class.getRecordComponents().length - 2
                + StoreSettings.class.getRecordComponents().length + AccessSettings.class.getRecordComponents().length);
    }

    @Test
    void catalog_retention_keeps_every_version_unless_given_1_to_36500_days() {
        assertThat(ServiceSettings.fromEnvironment(Map.of()).store().retention()).isEqualTo(Retention.KEEP_ALL);
        assertThat(ServiceSettings.fromEnvironment(Map.of("CATALOG_RETENTION_DAYS", "")).store().retention())
                .isEqualTo(Retention.KEEP_ALL);
        assertThat(ServiceSettings.fromEnvironment(Map.of("CATALOG_RETENTION_DAYS", "1")).store().retention())
                .isEqualTo(Retention.days(1));
        assertThat(ServiceSettings.fromEnvironment(Map.of("CATALOG_RETENTION_DAYS", "36500")).store().retention())
                .isEqualTo(Retention.days(36_500));

        var thrown = catchThrowableOfType(InvalidSettingsException.class, () -> ServiceSettings.fromEnvironment(Map.of(
                "CATALOG_RETENTION_DAYS", "0")));
        var words = catchThrowableOfType(InvalidSettingsException.class, () -> ServiceSettings.fromEnvironment(Map.of(
                "CATALOG_RETENTION_DAYS", "90d")));
        var tooLong = catchThrowableOfType(InvalidSettingsException.class, () -> ServiceSettings.fromEnvironment(Map.of(
                "CATALOG_RETENTION_DAYS", "36501")));

        assertThat(thrown.faults()).containsExactly(
                "CATALOG_RETENTION_DAYS=\"0\" is out of range; expected 1 to 36500 days (empty: keep every version)");
        assertThat(words.faults()).containsExactly("CATALOG_RETENTION_DAYS=\"90d\" is not a whole number of days;"
                + " expected 1 to 36500 (empty: keep every version)");
        assertThat(tooLong.faults()).singleElement().asString().contains("out of range");
    }

    @Test
    void the_queue_follows_the_pool_size_unless_set() {
        assertThat(ServiceSettings.fromEnvironment(Map.of("SOLVER_POOL_SIZE", "3")).solverQueueSize()).isEqualTo(12);
    }

    @Test
    void every_bad_value_is_named_at_once_with_what_it_takes() {
        var thrown = catchThrowableOfType(InvalidSettingsException.class, () -> ServiceSettings.fromEnvironment(Map.of(
                "PORT", "seventy", "MAX_BODY_BYTES", "12", "SOLVER_POOL_SIZE", "0", "CORS_ORIGINS", "*",
                "REQUEST_TIMEOUT_MS", "1.5", "MONGODB_URI", "localhost:27017")));

        assertThat(thrown.faults()).containsExactlyInAnyOrder(
                "PORT=\"seventy\" is not a whole number; expected 0 to 65535",
                "MAX_BODY_BYTES=\"12\" is out of range; expected 1024 to 1073741824",
                "SOLVER_POOL_SIZE=\"0\" is out of range; expected 1 to 1024",
                "REQUEST_TIMEOUT_MS=\"1.5\" is not a whole number; expected 1 to 3600000",
                "CORS_ORIGINS=\"*\" may not be \"*\": list the origins allowed, such as https://plan.example.com",
                "MONGODB_URI=\"localhost:27017\" is not a MongoDB connection string; expected mongodb://host:27017/db"
                        + " or mongodb+srv://cluster.example.net/db (leave it unset for the embedded store)");
        assertThat(thrown.getMessage()).startsWith("the service cannot start with these settings:\n  ");
    }

    @Test
    void an_origin_with_a_path_is_refused() {
        var thrown = catchThrowableOfType(InvalidSettingsException.class,
                () -> ServiceSettings.fromEnvironment(Map.of("CORS_ORIGINS", "https://plan.example.com/form")));

        assertThat(thrown.faults().get(0)).contains("is not an origin");
    }
}
