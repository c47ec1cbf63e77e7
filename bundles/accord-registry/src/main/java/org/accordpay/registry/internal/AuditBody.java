package org.accordpay.registry.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Canonical bytes of a registry audit event: field count, then each field as u32 length and UTF-8 (-1 for null). */
final class AuditBody {

    private AuditBody() {
    }

    static byte[] of(String... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(4).putInt(fields.length).array());
        for (String f : fields) {
            byte[] b = f == null ? null : f.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).putInt(b == null ? -1 : b.length).array());
            if (b != null) {
                out.writeBytes(b);
            }
        }
        return out.toByteArray();
    }
}
