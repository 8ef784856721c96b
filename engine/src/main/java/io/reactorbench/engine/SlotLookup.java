package io.reactorbench.engine;

/**
 * The engine's connection lookup: the epoll data is the slot, so every method does nothing. The loop's only
 * implementation unless the map ablation is chosen, so the JIT inlines these calls to nothing.
 */
final class SlotLookup implements ConnectionLookup {

    static final SlotLookup INSTANCE = new SlotLookup();

    private SlotLookup() {
    }

    @Override
    public void onOpen(int slot, long nowNs) {
        // the slot table is the index
    }

    @Override
    public int onEvent(int slot, long nowNs) {
        return slot;
    }

    @Override
    public void onClose(int slot) {
        // the slot table is the index
    }

    @Override
    public int size() {
        return 0;
    }
}
