package org.neurosim.equations;

import org.neurosim.equations.check.Linear;
import org.neurosim.equations.compile.JavaSource;
import org.neurosim.expressions.Expr;

/**
 * The equations as ds/dt = A s + c + e_ext I_ext + e_syn I_syn with constant A, c, e_ext, e_syn, when they have
 * that form (with current synapses: a conductance makes A depend on the input): the condition for
 * {@code exact}.
 */
record LinearSystem(double[][] a, double[] c, double[] eExt, double[] eSyn) {
    /** The system, or null when some derivative is not linear with constant coefficients. */
    static LinearSystem of(ModelDefinition def, JavaSource src) {
        int n = def.states.size();
        double[][] a = new double[n][n];
        double[] c = new double[n], eExt = new double[n], eSyn = new double[n];
        for (int k = 0; k < n; k++) {
            Expr rest = JavaSource.synapticInput(def.derivatives.get(k), false);
            for (int j = 0; j < n && rest != null; j++) {
                Double coefficient = coefficient(rest, def.states.get(j), src);
                if (coefficient == null) return null;
                a[k][j] = coefficient;
                rest = Linear.of(rest, def.states.get(j)).b();
            }
            if (rest == null) continue;
            Double ext = coefficient(rest, "I_ext", src);
            if (ext == null) return null;
            eExt[k] = ext;
            rest = Linear.of(rest, "I_ext").b();
            if (rest == null) continue;
            Double syn = coefficient(rest, JavaSource.SYN_CURRENT, src);
            if (syn == null) return null;
            eSyn[k] = syn;
            rest = Linear.of(rest, JavaSource.SYN_CURRENT).b();
            if (rest == null) continue;
            Double constant = src.constant(rest);
            if (constant == null) return null;
            c[k] = constant;
        }
        return new LinearSystem(a, c, eExt, eSyn);
    }

    /** The constant coefficient of x in e (0 when e does not contain x), or null when there is none. */
    private static Double coefficient(Expr e, String x, JavaSource src) {
        Linear.Form f = Linear.of(e, x);
        if (f == null) return null;
        if (f.a() == null) return 0.0;
        return src.constant(f.a());
    }
}
