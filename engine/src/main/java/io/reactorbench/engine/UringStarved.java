package io.reactorbench.engine;

import static io.reactorbench.engine.UringSlots.STARVED;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The slots of one kind whose multishot receive ended with -ENOBUFS (their buffer group ran dry), to be armed again as
 * soon as buffers come back: the stream connections' ({@link UringReceives}) and the UDP sockets'
 * ({@link UringDatagrams}). A slot is listed once, marked by its STARVED flag; one freed meanwhile lost the flag (or
 * changed kind) and is skipped. Loop-confined.
 */
final class UringStarved {

    private final UringSlots slots;
    private final byte kind;
    private final IntConsumer arm;
    private int[] listed = new int[16];
    private int count;

    /** @param arm arms a slot's receive again (or lists it anew when buffers are short once more) */
    UringStarved(UringSlots slots, byte kind, IntConsumer arm) {
        this.slots = slots;
        this.kind = kind;
        this.arm = arm;
    }

    /** Room for every slot of a table this long: grown when a socket opens, never while requests are served. */
    void ensureCapacity(int slotCount) {
        if (listed.length < slotCount) {
            listed = Arrays.copyOf(listed, slotCount);
        }
    }

    void add(int slot) {
        if ((slots.flags[slot] & STARVED) != 0) {
            return;
        }
        slots.flags[slot] |= STARVED;
        if (count == listed.length) {
            listed = Arrays.copyOf(listed, count * 2);
        }
        listed[count++] = slot;
    }

    boolean any() {
        return count > 0;
    }

    /** Buffers came back: every listed slot still starved is armed again. */
    void feed() {
        int n = count;
        count = 0; // a slot armed below may be listed again: it lands at or before the entry being read
        for (int i = 0; i < n; i++) {
            int slot = listed[i];
            if (slots.kinds[slot] == kind && (slots.flags[slot] & STARVED) != 0) {
                slots.flags[slot] &= ~STARVED;
                arm.accept(slot);
            }
        }
    }
}
