package io.reactorbench.engine.apps;

import io.reactorbench.sys.PollerKind;

/** {@code engine}: the poller auto picks for a server: io_uring where it works (streams), else epoll, else nio. */
public final class EngineAutoDesign extends EngineDesign {

    public EngineAutoDesign() {
        super(PollerKind.AUTO);
    }

    @Override
    public String id() {
        return "engine";
    }
}
