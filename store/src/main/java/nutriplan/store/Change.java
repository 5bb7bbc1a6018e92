package nutriplan.store;

import java.util.Objects;

import nutriplan.catalog.json.InvalidInputException;

/**
 * What the caller says of a change, kept in the version's record (issue 29: who changed the catalog, in which
 * request, and why).
 *
 * @param author    who made it: "key:np1a2b3c4d5e", "user:ana", "cli", "seed", "test"
 * @param requestId the request's {@code X-Request-Id}; "-" outside a request (given null)
 * @param message   why, in the author's words: optional (null), at most {@value #MAX_MESSAGE_LENGTH} characters;
 *                  a longer one is an {@link InvalidInputException} on {@code message} (a 400)
 */
public record Change(String author, String requestId, String message) {

    /** The longest message a version keeps. */
    public static final int MAX_MESSAGE_LENGTH = 500;

    public Change {
        Objects.requireNonNull(author, "author");
        if (author.isBlank()) {
            throw new IllegalArgumentException("a change's author is blank; name who makes it (\"cli\", \"user:ana\")");
        }
        requestId = requestId == null ? "-" : requestId;
        if (message != null && message.isBlank()) {
            message = null;
        }
        if (message != null && message.length() > MAX_MESSAGE_LENGTH) {
            throw InvalidInputException.of("message", "the change's message has " + message.length()
                    + " characters, more than " + MAX_MESSAGE_LENGTH + "; nothing was changed");
        }
    }

    /** A change by {@code author} outside any request, without a message (seeding, the CLI, tests). */
    public static Change by(String author) {
        return new Change(author, null, null);
    }
}
