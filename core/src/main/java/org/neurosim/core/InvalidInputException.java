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

    /**
     * The same error with {@code key} put in front, for callers that know where a value came from: a message that
     * starts with a parameter's name ({@code "c_m: ..."}) becomes {@code key.c_m: ...}, any other {@code key: ...}.
     */
    public InvalidInputException under(String key) {
        String m = getMessage();
        boolean named = m != null && m.matches("[A-Za-z_][A-Za-z0-9_]*: .*");
        return new InvalidInputException(key + (named ? "." : ": ") + m, this);
    }
}
