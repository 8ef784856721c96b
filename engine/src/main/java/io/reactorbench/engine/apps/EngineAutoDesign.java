package io.reactorbench.engine.apps;

import io.reactorbench.sys.PollerKind;

/** {@code engine}: the epoll poller where it works, otherwise nio. */
public final class EngineAutoDesign extends EngineDesign {

    public EngineAutoDesign() {
        super(PollerKind.AUTO);
    }

    @Override
    public String id() {
        return "engine";
    }
}
