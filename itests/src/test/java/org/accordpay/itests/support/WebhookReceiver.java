package org.accordpay.itests.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A merchant's webhook endpoint for the tests: a minimal HTTP/1.1 server on loopback (plain
 * sockets, so it needs nothing the OSGi framework might not export) that answers 200 and keeps
 * every request's headers and body.
 */
public final class WebhookReceiver implements AutoCloseable {

    private final ServerSocket server;
    private final List<Map<String, String>> headers = new ArrayList<>();
    private final List<String> bodies = new ArrayList<>();
    private final Thread acceptor;

    public WebhookReceiver() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "webhook-receiver");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return the URL to register */
    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/hooks/accord";
    }

    /** @return the bodies received so far, in order */
    public synchronized List<String> bodies() {
        return List.copyOf(bodies);
    }

    /** @return a header (lower-case name) of the n-th request */
    public synchronized String header(int n, String name) {
        return headers.get(n).get(name);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread t = new Thread(() -> serve(socket), "webhook-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                Map<String, String> h = new HashMap<>();
                for (String line : head.split("\\r\\n")) {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        h.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
                    }
                }
                byte[] body = in.readNBytes(Integer.parseInt(h.getOrDefault("content-length", "0")));
                synchronized (this) {
                    headers.add(h);
                    bodies.add(new String(body, StandardCharsets.UTF_8));
                }
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException | RuntimeException e) {
            // connection closed by the client
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
