package org.claimline.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends a large request body over a raw socket without ever holding it in memory: a prefix, then {@code fillBytes} of
 * filler written from one small buffer, then a suffix; with a Content-Length or chunked (no length at all). A second
 * thread writes while this one reads, so the server's early answer is seen even while the client is still sending.
 */
public final class StreamingHttp {

    private static final int TIMEOUT_MS = 60_000;
    private static final int CHUNK = 64 * 1024;
    private static final byte[] FILLER = filler();

    private StreamingHttp() {
    }

    /** What came back: the status, the headers (lower-case names), the body, and how much of ours the server took. */
    public record Answer(int status, Map<String, String> headers, String body, long bytesSent) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** A request whose body is {@code prefix}, {@code fillBytes} filler bytes and {@code suffix}. */
    public record Request(String method, String path, Map<String, String> headers, byte[] prefix, long fillBytes,
            byte[] suffix, boolean chunked) {

        public long bodyLength() {
            return prefix.length + fillBytes + suffix.length;
        }
    }

    public static Answer send(int port, Request request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(TIMEOUT_MS);
            AtomicLong sent = new AtomicLong();
            Thread writer = new Thread(() -> write(socket, port, request, sent), "streaming-http-writer");
            writer.setDaemon(true);
            writer.start();
            Answer answer = read(socket.getInputStream(), sent);
            writer.join(TIMEOUT_MS);
            return new Answer(answer.status(), answer.headers(), answer.body(), sent.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(Socket socket, int port, Request request, AtomicLong sent) {
        try {
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder()
                    .append(request.method()).append(' ').append(request.path()).append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1:").append(port).append("\r\n");
            request.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append(request.chunked() ? "Transfer-Encoding: chunked\r\n"
                    : "Content-Length: " + request.bodyLength() + "\r\n");
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            writeBody(out, request.prefix(), request.prefix().length, request.chunked(), sent);
            long left = request.fillBytes();
            while (left > 0) {
                int n = (int) Math.min(left, FILLER.length);
                writeBody(out, FILLER, n, request.chunked(), sent);
                left -= n;
            }
            writeBody(out, request.suffix(), request.suffix().length, request.chunked(), sent);
            if (request.chunked()) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.flush();
        } catch (IOException e) {
            // the server answered and closed the connection before the whole body was sent: that is the point
        }
    }

    private static void writeBody(OutputStream out, byte[] bytes, int length, boolean chunked, AtomicLong sent)
            throws IOException {
        if (length == 0) {
            return;
        }
        if (chunked) {
            out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        out.write(bytes, 0, length);
        if (chunked) {
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        sent.addAndGet(length);
    }

    private static Answer read(InputStream in, AtomicLong sent) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("connection closed before any answer (" + sent.get() + " body bytes sent)");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        String line;
        while ((line = line(in)) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String length = headers.get("content-length");
        if (length != null) {
            body.write(in.readNBytes(Integer.parseInt(length)));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            String size;
            while ((size = line(in)) != null && !size.isEmpty()) {
                int n = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (n == 0) {
                    break;
                }
                body.write(in.readNBytes(n));
                line(in);
            }
        } else {
            try {
                body.write(in.readAllBytes());
            } catch (SocketTimeoutException e) {
                // no length and the connection stayed open: take what came
            }
        }
        return new Answer(status, headers, body.toString(StandardCharsets.UTF_8), sent.get());
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            line.write(b);
        }
        if (b == -1 && line.size() == 0) {
            return null;
        }
        String s = line.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static byte[] filler() {
        byte[] bytes = new byte[CHUNK];
        Arrays.fill(bytes, (byte) 'a');
        return bytes;
    }
}
