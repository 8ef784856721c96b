package io.reactorbench.cli;

import io.reactorbench.loadgen.HttpRequest;
import io.reactorbench.loadgen.HttpUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code load}'s options for an http request other than {@code GET /plaintext}: a URL (which is also the target),
 * a method, headers and a body. Mixed into {@link LoadCommand}; turned into one {@link HttpRequest} encoded once.
 */
final class HttpRequestOptions {

    @Option(names = "--url", paramLabel = "http://HOST:PORT/PATH",
            description = "http: the URL to load (instead of --target; implies --app http). Loopback hosts only"
                    + " unless --allow-remote.")
    String url;

    @Option(names = {"--method", "-X"}, paramLabel = "METHOD", description = "http: request method (default GET).")
    String method;

    @Option(names = {"--header", "-H"}, paramLabel = "'NAME: VALUE'",
            description = "http: a request header; repeat for more. A Host header replaces the URL's.")
    List<String> headers = List.of();

    @Option(names = "--body", paramLabel = "TEXT|@FILE",
            description = "http: the request body, or @FILE for a file's bytes (sent with its Content-Length).")
    String body;

    /** True when any of these options was given: the request is not the plaintext one. */
    boolean given() {
        return url != null || method != null || !headers.isEmpty() || body != null;
    }

    HttpUrl parsedUrl() {
        return url == null ? null : HttpUrl.parse(url);
    }

    /** The request to send; {@link HttpRequest#PLAINTEXT} when none of these options was given. */
    HttpRequest request() {
        if (!given()) {
            return HttpRequest.PLAINTEXT;
        }
        HttpUrl parsed = parsedUrl();
        return HttpRequest.of(method == null ? "GET" : method, parsed == null ? "localhost" : parsed.hostHeader(),
                parsed == null ? "/plaintext" : parsed.requestTarget(), headers, bodyBytes());
    }

    private byte[] bodyBytes() {
        if (body == null) {
            return new byte[0];
        }
        if (!body.startsWith("@")) {
            return body.getBytes(StandardCharsets.UTF_8);
        }
        Path file = Path.of(body.substring(1));
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserError("cannot read --body file " + file + ": "
                    + (e instanceof NoSuchFileException ? "no such file" : UserErrorHandler.describe(e)));
        }
    }
}
