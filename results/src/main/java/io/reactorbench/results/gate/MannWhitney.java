package io.reactorbench.results.gate;

import java.util.Arrays;

/**
 * The exact one-sided Mann–Whitney U test (Wilcoxon rank-sum) for small samples: the probability, if both
 * samples came from one distribution, that the first would beat the second at least as often as observed.
 * Exact (every one of the C(n+m, n) orderings counted), so it holds at 3 trials as well as at 30, and it
 * assumes nothing about the shape of the noise: only the order of the values matters.
 */
public final class MannWhitney {

    private MannWhitney() {
    }

    /**
     * U = the number of pairs (x, y) with x > y, ties counting one half.
     */
    public static double u(double[] x, double[] y) {
        double u = 0;
        for (double xi : x) {
            for (double yj : y) {
                if (xi > yj) {
                    u += 1;
                } else if (xi == yj) {
                    u += 0.5;
                }
            }
        }
        return u;
    }

    /**
     * One-sided p-value of "x tends to be greater than y". A tie-broken U is rounded down before looking it up,
     * which makes ties count against declaring a difference (conservative).
     */
    public static double pGreater(double[] x, double[] y) {
        if (x.length == 0 || y.length == 0) {
            return 1;
        }
        int atLeast = (int) Math.floor(u(x, y));
        double[] counts = distribution(x.length, y.length);
        double tail = 0;
        double total = 0;
        for (int k = 0; k < counts.length; k++) {
            total += counts[k];
            if (k >= atLeast) {
                tail += counts[k];
            }
        }
        return tail / total;
    }

    /** The smallest p-value the test can give with these sample sizes: 1 / C(n+m, n) (1/20 at 3 vs 3). */
    public static double minimumP(int n, int m) {
        if (n == 0 || m == 0) {
            return 1;
        }
        double[] counts = distribution(n, m);
        return 1 / Arrays.stream(counts).sum();
    }

    /**
     * counts[u] = how many orderings of n x's and m y's give U = u. Built by placing the largest value last:
     * if it is an x it beats all m y's, if it is a y it adds nothing.
     */
    static double[] distribution(int n, int m) {
        // table[i][j][u] for i x's and j y's; doubles because C(n+m, n) outgrows long near n = m = 33.
        double[][][] table = new double[n + 1][m + 1][];
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= m; j++) {
                double[] row = new double[i * j + 1];
                if (i == 0 || j == 0) {
                    row[0] = 1;
                } else {
                    double[] lastIsX = table[i - 1][j];
                    double[] lastIsY = table[i][j - 1];
                    for (int u = 0; u < row.length; u++) {
                        double viaX = u - j >= 0 && u - j < lastIsX.length ? lastIsX[u - j] : 0;
                        double viaY = u < lastIsY.length ? lastIsY[u] : 0;
                        row[u] = viaX + viaY;
                    }
                }
                table[i][j] = row;
            }
        }
        return table[n][m];
    }
}
