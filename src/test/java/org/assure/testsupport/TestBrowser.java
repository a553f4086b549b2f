package org.assure.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser for web tests: keeps cookies, sends forms as a browser does (urlencoded, with the CSRF
 * token of the last page it saw), and does not follow redirects so tests can assert 303 + Location.
 */
public class TestBrowser {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");
    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern FORM_ID = Pattern.compile("name=\"_form\" value=\"([^\"]*)\"");
    private static final Pattern QUERY_FORM_ID = Pattern.compile("[?&]_form=([^&]*)");
    private final URI base;
    private final HttpClient client;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private String csrfToken = "";
    private java.util.List<Form> forms = java.util.List.of();

    /**
     * A form on the last page that had any: its method, its action's path (without the query) and the one-time
     * form id it carries (in a hidden field, or in the action's query for uploads), or null when it has none.
     */
    public record Form(String method, String path, String formId) {
    }

    public TestBrowser(URI base) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public record Page(int status, String body, HttpResponse<byte[]> raw) {
        public String location() {
            return raw.headers().firstValue("Location").orElse("");
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse("");
        }

        public String text() {
            return new String(raw.body(), StandardCharsets.UTF_8);
        }
    }

    public Page get(String path) {
        return remember(send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "text/html").GET()));
    }

    /** Posts a form with the CSRF token from the last page, as a browser submitting that page would. */
    public Page post(String path, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>();
        withToken.put("_csrf", csrfToken);
        withToken.putAll(fields);
        return postRaw(path, withToken);
    }

    public Page post(String path, String... keyValues) {
        return post(path, pairs(keyValues));
    }

    /** Posts a form whose fields may repeat (checkbox groups), with the CSRF token from the last page. */
    public Page postRepeated(String path, java.util.List<Map.Entry<String, String>> fields) {
        StringJoiner body = new StringJoiner("&");
        body.add("_csrf=" + URLEncoder.encode(csrfToken, StandardCharsets.UTF_8));
        fields.forEach(e -> body.add(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)));
        return remember(send(HttpRequest.newBuilder(base.resolve(path))
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))));
    }

    /** Posts exactly these fields: no CSRF token unless the test adds one. */
    public Page postRaw(String path, Map<String, String> fields) {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((k, v) -> body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return remember(send(HttpRequest.newBuilder(base.resolve(path))
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))));
    }

    /** Uploads one file as multipart/form-data; the CSRF token travels in the query string. */
    public Page upload(String path, String field, String fileName, byte[] content, Map<String, String> fields) {
        String boundary = "----assure" + System.nanoTime();
        var out = new java.io.ByteArrayOutputStream();
        try {
            for (var e : fields.entrySet()) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                        + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String separator = path.contains("?") ? "&" : "?";
        return remember(send(HttpRequest.newBuilder(base.resolve(path + separator + "_csrf=" + URLEncoder.encode(csrfToken, StandardCharsets.UTF_8)))
                .header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))));
    }

    /**
     * A second browser holding the same cookies, token and page as this one now: what a double click's second
     * post carries (the cookies from before the first post, whatever the first's response would have set).
     */
    public TestBrowser twin() {
        TestBrowser twin = new TestBrowser(base);
        cookies.getCookieStore().getCookies().forEach(c -> twin.cookies.getCookieStore().add(base, (java.net.HttpCookie) c.clone()));
        twin.csrfToken = csrfToken;
        twin.forms = forms;
        return twin;
    }

    /** Follows a redirect the last response gave. */
    public Page follow(Page redirect) {
        if (redirect.status() / 100 != 3) {
            throw new AssertionError("Expected a redirect but got " + redirect.status() + ":\n" + redirect.body());
        }
        return get(redirect.location());
    }

    public Page signIn(String email, String password) {
        get("/sign-in");
        return post("/sign-in", "email", email, "password", password);
    }

    public String csrfToken() {
        return csrfToken;
    }

    /** The forms of the last page that had any, as a browser holding that page would submit them. */
    public java.util.List<Form> forms() {
        return forms;
    }

    /** The one-time form id of the (first) post form on the last page whose action is this path. */
    public String formId(String action) {
        return forms.stream().filter(f -> f.method().equals("post") && f.path().equals(action) && f.formId() != null)
                .map(Form::formId).findFirst()
                .orElseThrow(() -> new AssertionError("No post form with a form id for " + action + " on the last page: " + forms));
    }

    public CookieManager cookies() {
        return cookies;
    }

    private Page remember(Page page) {
        Matcher m = CSRF.matcher(page.body());
        if (m.find()) {
            csrfToken = m.group(1);
        }
        java.util.List<Form> seen = new java.util.ArrayList<>();
        Matcher f = FORM.matcher(page.body());
        while (f.find()) {
            String attributes = f.group(1);
            String method = attribute(attributes, "method").toLowerCase(java.util.Locale.ROOT);
            String action = unescape(attribute(attributes, "action"));
            if (action.isEmpty()) {
                action = page.raw().uri().getRawPath(); // a form without an action posts to its own page
            }
            Matcher hidden = FORM_ID.matcher(f.group(2));
            Matcher query = QUERY_FORM_ID.matcher(action);
            String id = hidden.find() ? hidden.group(1) : query.find() ? java.net.URLDecoder.decode(query.group(1), StandardCharsets.UTF_8) : null;
            int q = action.indexOf('?');
            seen.add(new Form(method.isEmpty() ? "get" : method, q < 0 ? action : action.substring(0, q), id));
        }
        if (!seen.isEmpty()) {
            forms = java.util.List.copyOf(seen);
        }
        return page;
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Page(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Undoes the HTML escaping FreeMarker applies to attribute values and text. */
    public static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    private static String attribute(String attributes, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(attributes);
        return m.find() ? m.group(1) : "";
    }

    static Map<String, String> pairs(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
