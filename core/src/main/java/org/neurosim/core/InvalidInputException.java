package org.neurosim.core;

/**
 * Bad input from a user: a malformed quantity, an unknown plugin name, a parameter out of range, a config error.
 * The message is one sentence naming the offending key and what is expected; the command line turns it into
 * exit code 2.
 */
public class InvalidInputException extends RuntimeException {
    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The same error with {@code key + ": "} put in front, for callers that know where a value came from. */
    public InvalidInputException under(String key) {
        return new InvalidInputException(key + ": " + getMessage(), this);
    }
}
