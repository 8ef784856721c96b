package io.reactorbench.engine.apps;

import io.reactorbench.sys.PollerKind;

/** {@code engine-nio}: the engine on {@code java.nio.channels.Selector}. */
public final class EngineNioDesign extends EngineDesign {

    public EngineNioDesign() {
        super(PollerKind.NIO);
    }

    @Override
    public String id() {
        return "engine-nio";
    }
}
