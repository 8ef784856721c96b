package io.reactorbench.microbench.wire;

import java.nio.ByteBuffer;

/** Request or response bytes as the reads a parser would see them. */
final class WireInputs {

    private WireInputs() {
    }

    /**
     * {@code bytes} in a direct buffer (what a reactor reads into), cut into views of at most {@code pieceBytes};
     * each view's {@code clear()} rewinds it to its piece.
     */
    static ByteBuffer[] pieces(byte[] bytes, int pieceBytes) {
        ByteBuffer all = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        int size = Math.min(pieceBytes, bytes.length);
        int count = (bytes.length + size - 1) / size;
        ByteBuffer[] pieces = new ByteBuffer[count];
        for (int i = 0; i < count; i++) {
            int from = i * size;
            pieces[i] = all.slice(from, Math.min(size, bytes.length - from));
        }
        return pieces;
    }
}
