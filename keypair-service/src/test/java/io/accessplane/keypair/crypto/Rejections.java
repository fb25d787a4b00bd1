package io.accessplane.keypair.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;

/** Assertions that a submission is refused with a clear message that repeats none of it. */
final class Rejections {

    /** Length of the input fragments that must not appear in a message. */
    private static final int WINDOW = 10;

    private Rejections() {
    }

    /** Asserts the parse refuses the input with a message containing the fragment, and returns the message. */
    static String assertRejected(Function<String, ParsedPublicKey> parse, String input, String expectedFragment) {
        KeyRejectedException e = assertThrows(KeyRejectedException.class, () -> parse.apply(input));
        String message = e.getMessage();
        assertTrue(message != null && message.contains(expectedFragment),
                () -> "expected a message containing \"" + expectedFragment + "\" but got \"" + message + "\"");
        assertNull(e.getCause(), "a rejection carries no cause that could hold key material");
        assertNoEcho(message, input);
        return message;
    }

    /** Asserts that no fragment of the input (other than fixed key type names and PEM markers) is in the message. */
    static void assertNoEcho(String message, String input) {
        if (input == null) {
            return;
        }
        for (String token : input.split("[\\s\"]+")) {
            if (token.length() < WINDOW || token.contains("----") || SshKeyKind.isKnownName(token)) {
                continue;
            }
            for (int i = 0; i + WINDOW <= token.length(); i++) {
                String fragment = token.substring(i, i + WINDOW);
                assertFalse(message.contains(fragment),
                        () -> "the message echoes the submitted text (" + fragment + "): " + message);
            }
        }
    }
}
