package org.accordpay.carrier.smpp.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;

/**
 * Sockets with TCP_NODELAY and a connect timeout. Without TCP_NODELAY, small PDUs meet the peer's
 * delayed ACK and traffic with receipts drops to a few hundred messages per second.
 */
final class NoDelayConnectionFactory implements ConnectionFactory {

    private final int connectTimeoutMs;

    NoDelayConnectionFactory(int connectTimeoutMs) {
        this.connectTimeoutMs = connectTimeoutMs;
    }

    @Override
    public Connection createConnection(String host, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(host, port), connectTimeoutMs);
            return new SocketConnection(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }
}
