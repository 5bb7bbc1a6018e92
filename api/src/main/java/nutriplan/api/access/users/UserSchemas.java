package nutriplan.api.access.users;

import java.util.List;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiExample;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiRequired;

/**
 * Users and sessions as the OpenAPI document shows them. Nothing reads or writes these records ({@link UserService},
 * {@link SessionRoutes} and {@link UserRoutes} do); the annotation processor turns them into schemas.
 */
public final class UserSchemas {

    private UserSchemas() {
    }

    @OpenApiDescription("A new user of the web form; its password is hashed at once and never shown again.")
    public record UserCreate(
            @OpenApiRequired @OpenApiDescription("1 to 64 lower-case letters, digits, '.', '_' or '-'; never reused")
            @OpenApiExample("ana") String name,
            @OpenApiRequired @OpenApiDescription("planner, editor, admin or monitor") @OpenApiExample("editor") String role,
            @OpenApiDescription("an editor only: the catalogs it may change; left out, every catalog") List<String> catalogs,
            @OpenApiRequired @OpenApiDescription("12 to 72 bytes of UTF-8") @OpenApiExample("correct horse battery") String password) {
    }

    @OpenApiDescription("A user as admins see it: never its password or hash.")
    public record User(
            @OpenApiRequired @OpenApiExample("ana") String name,
            @OpenApiRequired @OpenApiExample("editor") String role,
            @OpenApiRequired @OpenApiDescription("the catalogs an editor may change; empty: every catalog") List<String> catalogs,
            @OpenApiRequired @OpenApiExample("2026-05-04T09:30:00Z") String created,
            @OpenApiRequired @OpenApiNullable @OpenApiDescription("when the user was disabled; null while enabled") String disabled) {
    }

    public record UserList(@OpenApiRequired List<User> users) {
    }

    @OpenApiDescription("A user's name and password, to sign in to the web form.")
    public record SignIn(
            @OpenApiRequired @OpenApiExample("ana") String name,
            @OpenApiRequired @OpenApiExample("correct horse battery") String password) {
    }

    @OpenApiDescription("The first admin, from the setup link printed at the first start.")
    public record Setup(
            @OpenApiRequired @OpenApiDescription("the token after #setup= in the printed link")
            @OpenApiExample("q3Xo9sJt0m6yQ1vC4bH8nW2eR7kL5pZaD0fG3hJ6kLm") String token,
            @OpenApiRequired @OpenApiExample("admin") String name,
            @OpenApiRequired @OpenApiDescription("12 to 72 bytes of UTF-8") @OpenApiExample("correct horse battery") String password) {
    }

    @OpenApiDescription("Who a signed-in session is.")
    public record SessionUser(
            @OpenApiRequired @OpenApiExample("ana") String name,
            @OpenApiRequired @OpenApiExample("editor") String role,
            @OpenApiRequired @OpenApiDescription("the catalogs an editor may change; empty: every catalog") List<String> catalogs) {
    }

    @OpenApiDescription("Whether this browser is signed in; when it is, who, the CSRF token every change must carry in"
            + " X-CSRF-Token, and when the session ends unless used again.")
    public record Session(
            @OpenApiRequired @OpenApiExample("true") Boolean signedIn,
            SessionUser user,
            @OpenApiDescription("send it as X-CSRF-Token with every change") @OpenApiExample("Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycA") String csrfToken,
            @OpenApiDescription("the idle timeout from now, at most the absolute one") @OpenApiExample("2026-05-04T10:00:00Z") String expires) {
    }
}
