package nutriplan.api.access.keys;

import java.util.List;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiExample;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiRequired;

/** API keys as the OpenAPI document shows them; {@link KeyJson} writes them. */
public final class KeySchemas {

    private KeySchemas() {
    }

    @OpenApiDescription("A key to make: what it is for, its role, and optionally the catalogs an editor's key may change"
            + " and when it expires.")
    public record KeyCreate(
            @OpenApiRequired @OpenApiDescription("what the key is for, 1 to 80 printable characters")
            @OpenApiExample("recommendation-api") String name,
            @OpenApiRequired @OpenApiDescription("planner, editor, admin or monitor") @OpenApiExample("planner") String role,
            @OpenApiDescription("an editor's key only: the catalogs it may change (left out: all)") List<String> catalogs,
            @OpenApiDescription("a period from now (90d, 12h, 30m) or a date or instant in UTC; left out: never")
            @OpenApiExample("90d") String expires) {
    }

    @OpenApiDescription("How long the old key keeps working after its replacement is made.")
    public record KeyRotate(
            @OpenApiDescription("a period from 0s to 30d; left out: 24h") @OpenApiExample("24h") String grace) {
    }

    @OpenApiDescription("A key as it is stored: never its secret or digest.")
    public record Key(
            @OpenApiRequired @OpenApiDescription("the public id, also part of the key") @OpenApiExample("k7vq2mzr4xpa") String id,
            @OpenApiRequired @OpenApiExample("recommendation-api") String name,
            @OpenApiRequired @OpenApiExample("planner") String role,
            @OpenApiRequired @OpenApiDescription("active, expired or revoked") @OpenApiExample("active") String status,
            @OpenApiRequired @OpenApiDescription("an editor's key's catalogs; empty: all") List<String> catalogs,
            @OpenApiRequired @OpenApiExample("2026-12-07T10:00:00Z") String created,
            @OpenApiRequired @OpenApiDescription("who made it: key:…, user:…, cli or NUTRIPLAN_ADMIN_KEY") String createdBy,
            @OpenApiRequired @OpenApiNullable String expires,
            @OpenApiRequired @OpenApiNullable String revoked,
            @OpenApiRequired @OpenApiNullable @OpenApiDescription("to within a minute") String lastUsed,
            @OpenApiRequired @OpenApiNullable @OpenApiDescription("the key a rotation made in its place") String replacedBy) {
    }

    @OpenApiDescription("A key just made: the whole key is shown here once and never again; store it as a secret.")
    public record IssuedKey(
            @OpenApiRequired @OpenApiDescription("the whole key, npk_<id>_<secret><checksum>: send it as Authorization: Bearer")
            String key,
            @OpenApiRequired String id,
            @OpenApiRequired String name,
            @OpenApiRequired String role,
            @OpenApiRequired String status,
            @OpenApiRequired List<String> catalogs,
            @OpenApiRequired String created,
            @OpenApiRequired String createdBy,
            @OpenApiRequired @OpenApiNullable String expires,
            @OpenApiRequired @OpenApiNullable String revoked,
            @OpenApiRequired @OpenApiNullable String lastUsed,
            @OpenApiRequired @OpenApiNullable String replacedBy) {
    }

    public record KeyList(@OpenApiRequired List<Key> keys) {
    }
}
