package io.reactorbench.wire.app;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Feeds a session its input in chunks of a given size through an {@code out} buffer of a given size, as a design would. */
final class SessionDriver {

    /** What came out, how the last call ended, and how often the session asked to block. */
    record Run(byte[] output, ServerSession.Outcome lastOutcome, int blocks, int unconsumedBytes) {

        String text() {
            return new String(output, StandardCharsets.ISO_8859_1);
        }

        boolean closed() {
            return lastOutcome == ServerSession.Outcome.CLOSE;
        }
    }

    private SessionDriver() {
    }

    static Run run(ServerSession session, byte[] input, int chunkBytes, int outBytes) {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        ByteBuffer out = ByteBuffer.allocate(outBytes);
        ServerSession.Outcome outcome = ServerSession.Outcome.NEED_INPUT;
        int blocks = 0;
        int offset = 0;
        do {
            int length = Math.min(chunkBytes, input.length - offset);
            ByteBuffer in = ByteBuffer.wrap(input, offset, length);
            while (true) {
                outcome = session.process(in, out);
                out.flip();
                sent.write(out.array(), 0, out.limit());
                out.clear();
                if (outcome == ServerSession.Outcome.BLOCK) {
                    blocks++;
                    session.workDone();
                } else if (outcome == ServerSession.Outcome.CLOSE) {
                    return new Run(sent.toByteArray(), outcome, blocks, input.length - in.position());
                } else if (outcome == ServerSession.Outcome.NEED_INPUT) {
                    if (in.hasRemaining()) {
                        throw new AssertionError("NEED_INPUT with " + in.remaining() + " bytes left in input");
                    }
                    break;
                }
            }
            offset += length;
        } while (offset < input.length);
        return new Run(sent.toByteArray(), outcome, blocks, 0);
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
