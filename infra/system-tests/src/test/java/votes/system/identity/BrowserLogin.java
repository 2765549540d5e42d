package votes.system.identity;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a browser does on Keycloak's login pages, without the JavaScript: keeps the cookies, reads each form's action
 * and posts it, never follows the final redirect (the code in it is what the page would get). One per sign-in.
 * Cookies are kept by hand: Keycloak marks them Secure, which browsers honour on http://127.0.0.1 (a secure context)
 * and the JDK's CookieManager does not.
 */
final class BrowserLogin {

    /** Every form of the login flow (password, OTP) posts to the flow's authenticate action. */
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]*login-actions/authenticate[^\"]*)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();

    HttpResponse<String> open(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** Opens the authorization URL and submits the login form: the answer is the next page or the redirect. */
    HttpResponse<String> signIn(String authorizeUrl, String username, String password) throws Exception {
        return submit(open(authorizeUrl), Map.of("username", username, "password", password));
    }

    /** Fills the page's login-flow form with these fields and submits it. */
    HttpResponse<String> submit(HttpResponse<String> page, Map<String, String> fields) throws Exception {
        Matcher m = ACTION.matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no login form on the page: " + page.body());
        }
        String action = m.group(1).replace("&amp;", "&");
        String body = fields.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        for (String set : response.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            if (value.isEmpty() || set.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return response;
    }

    /** The authorization code of the redirect back to the page, or an error naming where it went instead. */
    static String code(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no redirect (HTTP " + response.statusCode() + ")"));
        Matcher m = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        if (!m.find()) {
            throw new AssertionError("no code in " + location);
        }
        return m.group(1);
    }
}
