package org.neurosim.expressions;

import org.neurosim.core.InvalidInputException;

/** Bad model text: the message names the config key, then the line and column of the problem in that text. */
public final class EquationsException extends InvalidInputException {
    public EquationsException(String key, int line, int column, String what) {
        super(key + ": line " + line + ", column " + column + ": " + what);
    }
}
