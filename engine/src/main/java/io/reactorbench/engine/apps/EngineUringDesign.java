package io.reactorbench.engine.apps;

import io.reactorbench.sys.PollerKind;

/** {@code engine-uring}: the engine on io_uring through FFM (completions, one enter per loop iteration). */
public final class EngineUringDesign extends EngineDesign {

    public EngineUringDesign() {
        super(PollerKind.URING);
    }

    @Override
    public String id() {
        return "engine-uring";
    }
}
