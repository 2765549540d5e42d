package votes.perf.fit;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Logistic regression by Newton's method (iteratively reweighted least squares) with an L2 penalty on the weights
 * (not the bias) and every weight held non-negative. The penalty keeps weights finite where a feature separates the
 * classes outright (a headless user agent is never a person's in the simulator); non-negativity keeps the model
 * explainable: a feature is a reason to suspect, never a reason to trust (else a bot learns to show it).
 */
public final class LogisticFit {

    private static final int MAX_STEPS = 200;
    private static final double CONVERGED = 1e-9;
    private static final int MAX_HALVINGS = 40;

    private final double lambda;
    private final Double fixedBias;

    /** @param lambda the L2 penalty, in the units of the samples' total weight (larger: weights nearer 0) */
    public LogisticFit(double lambda) {
        this(lambda, null);
    }

    /**
     * @param fixedBias the bias to keep instead of fitting it (null: fitted). The bias is the prior: with the classes
     *                  balanced a fitted one says "half of all votes are bots", which the world's traffic is not.
     */
    public LogisticFit(double lambda, Double fixedBias) {
        this.lambda = lambda;
        this.fixedBias = fixedBias;
    }

    /**
     * @param x      one row of features (each in [0, 1]) per sample
     * @param y      1 for a bot's sample, 0 for a person's
     * @param weight each sample's weight (e.g. to balance the classes)
     */
    public Model fit(double[][] x, double[] y, double[] weight) {
        int features = x[0].length;
        boolean[] free = new boolean[features];
        Arrays.fill(free, true);
        while (true) {
            double[] theta = newton(x, y, weight, free);
            boolean changed = false;
            for (int j = 0; j < features; j++) {
                if (free[j] && theta[j + 1] < 0) {
                    free[j] = false; // held at 0: the active set of non-negative least squares, one round at a time
                    changed = true;
                }
            }
            if (!changed) {
                return new Model(theta[0], Arrays.copyOfRange(theta, 1, theta.length));
            }
        }
    }

    private double[] newton(double[][] x, double[] y, double[] weight, boolean[] free) {
        int n = x[0].length + 1;
        double[] theta = new double[n];
        theta[0] = fixedBias == null ? 0 : fixedBias;
        for (int step = 0; step < MAX_STEPS; step++) {
            RealMatrix hessian = new Array2DRowRealMatrix(n, n);
            RealVector gradient = new ArrayRealVector(n);
            for (int i = 0; i < x.length; i++) {
                double[] row = design(x[i], free);
                double p = sigmoid(dot(theta, row));
                double residual = weight[i] * (y[i] - p);
                double curvature = weight[i] * p * (1 - p);
                for (int a = 0; a < n; a++) {
                    gradient.addToEntry(a, residual * row[a]);
                    for (int b = 0; b < n; b++) {
                        hessian.addToEntry(a, b, curvature * row[a] * row[b]);
                    }
                }
            }
            for (int a = 1; a < n; a++) {
                gradient.addToEntry(a, -lambda * theta[a]);
                // A held feature's column is all zeros: its diagonal keeps the system solvable and its step at 0.
                hessian.addToEntry(a, a, lambda + (free[a - 1] ? 0 : 1));
            }
            if (fixedBias != null) { // the bias's equation becomes "no step"
                for (int a = 0; a < n; a++) {
                    hessian.setEntry(0, a, a == 0 ? 1 : 0);
                    hessian.setEntry(a, 0, a == 0 ? 1 : 0);
                }
                gradient.setEntry(0, 0);
            }
            double[] delta = new LUDecomposition(hessian).getSolver().solve(gradient).toArray();
            double largest = damped(x, y, weight, free, theta, delta);
            if (largest < CONVERGED) {
                break;
            }
        }
        return theta;
    }

    /**
     * Takes the Newton step, halved until the penalised likelihood does not fall: far from the optimum (a bias held
     * at -4, say) the curvature is tiny and a full step overshoots into the other side. Returns the step's largest
     * component.
     */
    private double damped(double[][] x, double[] y, double[] weight, boolean[] free, double[] theta, double[] delta) {
        double before = objective(x, y, weight, free, theta);
        double[] start = theta.clone();
        double scale = 1;
        for (int halving = 0; halving < MAX_HALVINGS; halving++, scale /= 2) {
            for (int a = 0; a < theta.length; a++) {
                theta[a] = start[a] + scale * delta[a];
            }
            if (objective(x, y, weight, free, theta) >= before) {
                break;
            }
        }
        double largest = 0;
        for (int a = 0; a < theta.length; a++) {
            largest = Math.max(largest, Math.abs(theta[a] - start[a]));
        }
        return largest;
    }

    /** The weighted log-likelihood minus the L2 penalty (what Newton's method climbs). */
    private double objective(double[][] x, double[] y, double[] weight, boolean[] free, double[] theta) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double logit = dot(theta, design(x[i], free));
            // log(sigmoid(z)) = -log(1 + e^-z), written to stay finite for large |z|.
            double logP = -Math.log1p(Math.exp(-Math.abs(logit))) + Math.min(0, logit);
            double logNotP = logP - logit;
            sum += weight[i] * (y[i] * logP + (1 - y[i]) * logNotP);
        }
        for (int a = 1; a < theta.length; a++) {
            sum -= lambda / 2 * theta[a] * theta[a];
        }
        return sum;
    }

    private static double[] design(double[] features, boolean[] free) {
        double[] row = new double[features.length + 1];
        row[0] = 1;
        for (int j = 0; j < features.length; j++) {
            row[j + 1] = free[j] ? features[j] : 0;
        }
        return row;
    }

    static double sigmoid(double logit) {
        return 1 / (1 + Math.exp(-logit));
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** A fitted (or configured) model: {@code score = sigmoid(bias + Σ weights[j] · x[j])}. */
    public record Model(double bias, double[] weights) {

        public double score(double[] features) {
            double logit = bias;
            for (int j = 0; j < weights.length; j++) {
                logit += weights[j] * features[j];
            }
            return sigmoid(logit);
        }
    }
}
