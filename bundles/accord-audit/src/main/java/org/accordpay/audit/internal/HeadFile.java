package org.accordpay.audit.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.accordpay.api.store.dto.AuditHead;

/**
 * The append-only copy of the signed heads outside the database, one line per head:
 * {@code chainPos chainHash signedAt keyId base64(signature)}, space separated, each line forced
 * to disk before the next chainer run.
 */
final class HeadFile {

    private static final int TAIL = 8192;

    private final Path file;

    HeadFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    synchronized void append(AuditHead head) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        String line = head.chainPos() + " " + head.chainHash() + " " + head.signedAt() + " " + head.keyId() + " "
                + Base64.getEncoder().encodeToString(head.signature()) + "\n";
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
    }

    /**
     * @return the head on the last complete line, or empty when the file does not exist or is empty
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when the last line is malformed
     */
    synchronized Optional<AuditHead> last() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String tail;
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            int n = (int) Math.min(TAIL, length);
            byte[] buffer = new byte[n];
            in.seek(length - n);
            in.readFully(buffer);
            tail = new String(buffer, StandardCharsets.US_ASCII);
        }
        String[] lines = tail.split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                return Optional.of(parse(lines[i].trim()));
            }
        }
        return Optional.empty();
    }

    static AuditHead parse(String line) {
        String[] f = line.split(" ");
        if (f.length != 5) {
            throw new IllegalArgumentException("malformed head line: " + line);
        }
        return new AuditHead(Long.parseLong(f[0]), f[1], Base64.getDecoder().decode(f[4]), Instant.parse(f[2]), f[3]);
    }
}
