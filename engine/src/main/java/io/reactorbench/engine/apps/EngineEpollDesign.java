package io.reactorbench.engine.apps;

import io.reactorbench.sys.PollerKind;

/** {@code engine-epoll}: the engine on native epoll through FFM. */
public final class EngineEpollDesign extends EngineDesign {

    public EngineEpollDesign() {
        super(PollerKind.EPOLL);
    }

    @Override
    public String id() {
        return "engine-epoll";
    }
}
