package org.neurosim.core;

import java.util.Collection;

/**
 * "Did you mean ...?" for a misspelt name: the known name closest in edit distance (Levenshtein, insertions,
 * deletions and substitutions each 1, and a swap of two neighbours 1), when it is close enough to be a typo: at most
 * 1 edit for names up to 4 characters, 2 up to 8, 3 beyond.
 */
public final class Suggestions {
    private Suggestions() { }

    /** {@code " (did you mean 'x'?)"}, or "" when no known name is close. */
    public static String didYouMean(String given, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(given.toLowerCase(java.util.Locale.ROOT), k.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance || (d == bestDistance && best != null && k.compareTo(best) < 0)) {
                best = k;
                bestDistance = d;
            }
        }
        int allowed = given.length() <= 4 ? 1 : given.length() <= 8 ? 2 : 3;
        return best != null && bestDistance > 0 && bestDistance <= allowed ? " (did you mean '" + best + "'?)" : "";
    }

    /** Optimal string alignment distance (Damerau-Levenshtein without repeated edits of one substring). */
    static int distance(String a, String b) {
        int n = a.length(), m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) d[i][0] = i;
        for (int j = 0; j <= m; j++) d[0][j] = j;
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[n][m];
    }
}
