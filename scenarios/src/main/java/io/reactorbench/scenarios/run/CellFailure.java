package io.reactorbench.scenarios.run;

/** Ends one cell as failed with a reason; the run goes on with the next cell. */
final class CellFailure extends RuntimeException {

    CellFailure(String reason) {
        super(reason, null, false, false);
    }
}
