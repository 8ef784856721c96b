package io.reactorbench.wire.client;

import java.nio.charset.StandardCharsets;

/** Client side: the requests the load generator sends. */
public final class HttpRequests {

    /** TechEmpower plaintext request, the shape wrk sends. */
    public static final byte[] GET_PLAINTEXT = ("GET /plaintext HTTP/1.1\r\n"
            + "Host: localhost\r\n"
            + "Accept: text/plain\r\n"
            + "\r\n").getBytes(StandardCharsets.US_ASCII);

    private HttpRequests() {
    }
}
