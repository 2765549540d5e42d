package votes.kit.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** One GET of a JWKS document, asynchronous: the caller decides whether anyone waits for it. */
final class JwksDownload implements Supplier<CompletableFuture<String>> {

    private static final int OK = 200;

    private final HttpClient http;
    private final HttpRequest request;

    JwksDownload(URI jwks, Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.request = HttpRequest.newBuilder(jwks).timeout(timeout).header("Accept", "application/json").GET().build();
    }

    @Override
    public CompletableFuture<String> get() {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != OK) {
                throw new IllegalStateException("HTTP " + response.statusCode() + " from " + request.uri());
            }
            return response.body();
        });
    }
}
