package io.reactorbench.engine;

import java.util.HashMap;

/**
 * The ablation of gnet's connection table ({@code el.connections map[int]*conn}, looked up as
 * {@code c := el.connections[fd]} on every readiness event): a {@code HashMap<Integer, Entry>} keyed by slot — to
 * this engine what the fd is to gnet, the small reused int the poller hands back — with one {@link Entry} object
 * allocated per connection, put on open, looked up on every readiness event (the loop then serves the slot it read
 * from the entry) and removed on close.
 *
 * <p>What it models: the heap gnet's shape keeps live per connection for the garbage collector to trace (a
 * {@code HashMap.Node}, the entry, the key box, the table's share of its bucket array: about 70 B on a 64-bit JVM
 * with compressed oops), the growth of that table by rehashing, and a hash lookup with a pointer chase per event.
 *
 * <p>What it does not: the connection's state still lives in {@link ConnectionTable}'s slot arrays (the entry holds
 * only the slot and the time of its last event), so this is the map's cost added to the engine, not a port of gnet's
 * {@code conn} struct (whose buffers and addresses the slot table already holds). Boxed keys are
 * {@code Integer.valueOf(slot)}: a server JVM run with {@code -XX:AutoBoxCacheMax=20000} (as the suites run it)
 * shares the box of every slot below 20,000, so the key costs nothing there, as Go's unboxed map keys cost nothing.
 * Events the edge-triggered read-again list replays are not readiness events and are not looked up (gnet does not
 * look those up either).
 */
final class MappedConnections implements ConnectionLookup {

    /** What gnet's map points to: one object per connection, live while the connection is. */
    static final class Entry {
        final int slot;
        long lastEventNs;

        Entry(int slot, long lastEventNs) {
            this.slot = slot;
            this.lastEventNs = lastEventNs;
        }
    }

    private final HashMap<Integer, Entry> bySlot = new HashMap<>();
    /** Read from other threads by {@link #size()} (tests, metrics); written by the loop alone. */
    private volatile int size;

    @Override
    public void onOpen(int slot, long nowNs) {
        bySlot.put(slot, new Entry(slot, nowNs));
        size = bySlot.size();
    }

    @Override
    public int onEvent(int slot, long nowNs) {
        Entry entry = bySlot.get(slot);
        if (entry == null) { // the table says connection: an engine bug, caught and logged like any on the loop
            throw new IllegalStateException("no map entry for the open connection at slot " + slot);
        }
        entry.lastEventNs = nowNs;
        return entry.slot;
    }

    @Override
    public void onClose(int slot) {
        bySlot.remove(slot);
        size = bySlot.size();
    }

    @Override
    public int size() {
        return size;
    }
}
