package org.neurosim.equations.parse;

import org.neurosim.expressions.Expr;
import org.neurosim.expressions.ExpressionParser;
import org.neurosim.expressions.EquationsException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model's equations as written, in Brian2's syntax, one definition per line ({@code #} starts a comment):
 * <pre>
 *   dv/dt = (-g_l*(v - e_l) + I_syn + I_ext)/c_m : volt (unless refractory)   a state variable
 *   I_na = g_na*m**3*h*(e_na - v) : amp/meter**2                             a subexpression
 *   g_l : siemens                                                            a per-neuron constant
 * </pre>
 * The unit after the colon is an expression of unit names ({@code volt}, {@code amp/meter**2}, {@code 1}); its
 * dimension is checked later ({@link org.neurosim.equations.check.Dimensions}), as is every name.
 *
 * @param states         the state variables, in the order written
 * @param subexpressions named expressions, in the order written (they may refer to each other in any order)
 * @param constants      per-neuron constants, set by a population's {@code params}
 */
public record Equations(List<State> states, List<Subexpression> subexpressions, List<Constant> constants) {
    /** {@code d<name>/dt = rhs : unit [(unless refractory)]}. */
    public record State(String name, Expr rhs, Expr unit, boolean unlessRefractory, int line, int column) { }

    /** {@code name = rhs : unit}. */
    public record Subexpression(String name, Expr rhs, Expr unit, int line, int column) { }

    /** {@code name : unit}. */
    public record Constant(String name, Expr unit, int line, int column) { }

    private static final Pattern DIFFERENTIAL = Pattern.compile("\\s*d\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*/\\s*dt\\s*=");
    private static final Pattern ASSIGNED = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=(?!=)");
    private static final Pattern DECLARED = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*:");
    private static final Pattern FLAGS = Pattern.compile("\\(([^()]*)\\)\\s*$");

    /** Parses the text of an {@code equations} key; {@code key} is named in every error. */
    public static Equations parse(String text, String key) {
        Equations out = new Equations(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());   // copied at the end
        Map<String, Integer> definedAt = new LinkedHashMap<>();
        String[] lines = text.split("\\R", -1);
        for (int n = 0; n < lines.length; n++) {
            int lineNo = n + 1;
            String raw = lines[n];
            int hash = raw.indexOf('#');
            String line = hash >= 0 ? raw.substring(0, hash) : raw;
            if (line.isBlank()) continue;
            int colon = line.lastIndexOf(':');
            if (colon < 0) {
                int at = firstNonBlank(line);
                throw new EquationsException(key, lineNo, at + 1, "expected 'dx/dt = ... : unit', 'name = ... : unit' "
                        + "or 'name : unit'; the unit after ':' is missing");
            }
            String unitPart = line.substring(colon + 1);
            Matcher flags = FLAGS.matcher(unitPart);
            boolean flagged = flags.find();
            boolean unless = flagged && unlessRefractory(flags, colon, key, lineNo);
            if (flagged) unitPart = unitPart.substring(0, flags.start());
            if (unitPart.isBlank()) {
                throw new EquationsException(key, lineNo, colon + 2, "expected a unit after ':' (volt, amp, 1 ...)");
            }
            Expr unit = new ExpressionParser(unitPart, key, lineNo, colon + 1).parseAll(false);
            Matcher m = define(line, colon, unit, unless, key, lineNo, out);
            String name = m.group(1);
            int nameColumn = m.start(1);
            if (name.equals("I_ext") || name.equals("I_syn")) {
                throw new EquationsException(key, lineNo, nameColumn + 1, name + " is the population's "
                        + (name.equals("I_ext") ? "input" : "synaptic current") + " and cannot be defined");
            }
            if (org.neurosim.equations.check.Noise.isNoise(name)) {
                throw new EquationsException(key, lineNo, nameColumn + 1, "'" + name + "' is white noise (unit "
                        + "second^-1/2, as in Brian2) and cannot be defined; name the variable otherwise");
            }
            Integer before = definedAt.put(name, lineNo);
            if (before != null) {
                throw new EquationsException(key, lineNo, nameColumn + 1, "'" + name + "' is already defined on line "
                        + before);
            }
        }
        if (out.states().isEmpty()) {
            throw new EquationsException(key, 1, 1, "no state variable: write at least one 'dv/dt = ... : volt'");
        }
        return new Equations(List.copyOf(out.states()), List.copyOf(out.subexpressions()), List.copyOf(out.constants()));
    }

    /** True when the flags after the unit (matched by FLAGS) include {@code unless refractory}; refuses unknown ones. */
    private static boolean unlessRefractory(Matcher flags, int colon, String key, int lineNo) {
        boolean unless = false;
        for (String f : flags.group(1).split(",")) {
            String flag = f.strip();
            if (flag.equals("unless refractory")) unless = true;
            else if (!flag.equals("constant")) {
                throw new EquationsException(key, lineNo, colon + 2 + flags.start(1) + f.indexOf(flag),
                        "unknown flag '" + flag + "'; known flags: unless refractory, constant");
            }
        }
        return unless;
    }

    /**
     * Adds the definition before the line's colon to {@code out}'s states, subexpressions or constants; returns the
     * match whose group 1 is the name defined.
     */
    private static Matcher define(String line, int colon, Expr unit, boolean unless, String key, int lineNo,
                                  Equations out) {
        String head = line.substring(0, colon);
        Matcher m;
        if ((m = DIFFERENTIAL.matcher(head)).lookingAt()) {
            Expr rhs = expression(head, m.end(), key, lineNo);
            out.states().add(new State(m.group(1), rhs, unit, unless, lineNo, firstNonBlank(head) + 1));
        } else if ((m = ASSIGNED.matcher(head)).lookingAt()) {
            if (unless) throw new EquationsException(key, lineNo, colon + 2, "only a state variable (dx/dt = ...) "
                    + "can be held while refractory");
            out.subexpressions().add(new Subexpression(m.group(1), expression(head, m.end(), key, lineNo), unit, lineNo,
                    m.start(1) + 1));
        } else if ((m = DECLARED.matcher(line)).lookingAt() && m.end() == colon + 1) {
            out.constants().add(new Constant(m.group(1), unit, lineNo, m.start(1) + 1));
        } else {
            int at = firstNonBlank(head);
            throw new EquationsException(key, lineNo, at + 1, "expected 'dx/dt = ... : unit', 'name = ... : unit' "
                    + "or 'name : unit', found '" + head.strip() + "'");
        }
        return m;
    }

    private static Expr expression(String head, int from, String key, int lineNo) {
        String rhs = head.substring(from);
        if (rhs.isBlank()) throw new EquationsException(key, lineNo, from + 1, "expected an expression after '='");
        return new ExpressionParser(rhs, key, lineNo, from).parseAll(false);
    }

    private static int firstNonBlank(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        return i;
    }

    /** A threshold: one comparison ({@code v > -50 mV}); anything else is an error naming the column. */
    public static Expr parseCondition(String text, String key) {
        String t = singleLine(text, key);
        Expr e = new ExpressionParser(t, key, 1, 0).parseAll(true);
        if (!(e instanceof Expr.Compare)) {
            throw new EquationsException(key, 1, e.column(), "expected a condition such as 'v > -50 mV', found an "
                    + "expression with no comparison");
        }
        return e;
    }

    /** One assignment of a reset: {@code v = v_r}, {@code w += b} ({@code -=}, {@code *=}, {@code /=} too). */
    public record Assignment(String variable, String op, Expr value, int line, int column) { }

    /** A reset: one assignment per line (or separated by ';'). */
    public static List<Assignment> parseAssignments(String text, String key) {
        List<Assignment> out = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int n = 0; n < lines.length; n++) {
            String raw = lines[n];
            int hash = raw.indexOf('#');
            String line = hash >= 0 ? raw.substring(0, hash) : raw;
            int start = 0;
            for (String part : line.split(";", -1)) {
                if (!part.isBlank()) out.add(assignment(part, key, n + 1, start));
                start += part.length() + 1;
            }
        }
        if (out.isEmpty()) throw new EquationsException(key, 1, 1, "expected at least one assignment such as 'v = v_r'");
        return out;
    }

    private static Assignment assignment(String part, String key, int line, int offset) {
        Matcher m = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(\\+=|-=|\\*=|/=|=(?!=))").matcher(part);
        if (!m.lookingAt()) {
            throw new EquationsException(key, line, offset + firstNonBlank(part) + 1, "expected an assignment such as "
                    + "'v = v_r' or 'w += b', found '" + part.strip() + "'");
        }
        String op = m.group(2);
        String rest = part.substring(m.end());
        if (rest.isBlank()) throw new EquationsException(key, line, offset + m.end() + 1, "expected a value after '" + op + "'");
        Expr value = new ExpressionParser(rest, key, line, offset + m.end()).parseAll(false);
        return new Assignment(m.group(1), op, value, line, offset + m.start(1) + 1);
    }

    private static String singleLine(String text, String key) {
        String[] lines = text.strip().split("\\R");
        if (lines.length > 1) throw new EquationsException(key, 2, 1, "expected one condition on one line");
        return text.strip();
    }
}
