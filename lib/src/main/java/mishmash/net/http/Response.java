package mishmash.net.http;

import com.google.gson.JsonElement;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a handler of {@link WebServer} answers.
 *
 * @param status the HTTP status code
 * @param contentType the body's media type, or null for no body
 * @param body the body's bytes
 * @param headers further header fields
 */
public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
  public Response {
    headers = Map.copyOf(headers);
  }

  public static Response json(JsonElement json) {
    return new Response(200, "application/json", json.toString().getBytes(StandardCharsets.UTF_8), Map.of());
  }

  public static Response text(int status, String text) {
    return new Response(status, "text/plain; charset=utf-8", (text + "\n").getBytes(StandardCharsets.UTF_8), Map.of());
  }

  public static Response html(String html) {
    return new Response(200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  /** A status with no body (204 No Content, say). */
  public static Response empty(int status) {
    return new Response(status, null, new byte[0], Map.of());
  }

  /** This response with one more header field. */
  public Response with(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new Response(status, contentType, body, h);
  }

  /** The standard phrase for a status code. */
  static String reason(int status) {
    return switch (status) {
      case 101 -> "Switching Protocols";
      case 200 -> "OK";
      case 204 -> "No Content";
      case 400 -> "Bad Request";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 408 -> "Request Timeout";
      case 411 -> "Length Required";
      case 413 -> "Content Too Large";
      case 414 -> "URI Too Long";
      case 426 -> "Upgrade Required";
      case 431 -> "Request Header Fields Too Large";
      case 500 -> "Internal Server Error";
      case 501 -> "Not Implemented";
      case 503 -> "Service Unavailable";
      case 505 -> "HTTP Version Not Supported";
      default -> "Status " + status;
    };
  }
}
