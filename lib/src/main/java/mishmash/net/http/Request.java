package mishmash.net.http;

import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request, as a handler of {@link WebServer} sees it.
 *
 * @param method GET, POST, ...
 * @param path the path, percent-decoded ("/mishmash/grid/mutation")
 * @param query what follows "?", undecoded ("VALUE", "HOST_INFO", "a=1&b=2"), or "" for none
 * @param headers header fields by lower-case name
 * @param body the request body (at most {@link WebServer#MAX_BODY} bytes)
 * @param from who sent it
 */
public record Request(String method, String path, String query, Map<String, String> headers, byte[] body,
    InetSocketAddress from) {
  /** A header's value, or null; {@code name} in any case. */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }
}
