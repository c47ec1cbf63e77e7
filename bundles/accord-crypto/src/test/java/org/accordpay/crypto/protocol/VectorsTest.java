package org.accordpay.crypto.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.accordpay.crypto.Argon2idParams;
import org.junit.jupiter.api.Test;

/**
 * The test vectors in docs/handset-protocol.md (the fenced block after "```vectors") must equal,
 * entry for entry, what the code produces. Also writes the generated block to
 * target/handset-protocol-vectors.txt for the document.
 */
class VectorsTest {

    static final Path DOC = Path.of(System.getProperty("user.dir"), "..", "..", "docs", "handset-protocol.md");

    @Test
    void documentVectorsEqualWhatTheCodeProduces() throws Exception {
        Map<String, String> generated = VectorGenerator.generate(Argon2idParams.HANDSET_V1);
        StringBuilder sb = new StringBuilder();
        generated.forEach((k, v) -> sb.append(k).append(" = ").append(wrap(v)).append('\n'));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "handset-protocol-vectors.txt"), sb.toString(), StandardCharsets.UTF_8);

        Map<String, String> documented = parseDoc(Files.readString(DOC, StandardCharsets.UTF_8));
        assertThat(documented).as("vectors in " + DOC).isEqualTo(generated);
    }

    /** Long hex values are wrapped at 64 characters on continuation lines in the document. */
    static String wrap(String v) {
        if (v.length() <= 64) {
            return v;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length(); i += 64) {
            sb.append(i == 0 ? "" : "\n    ").append(v, i, Math.min(v.length(), i + 64));
        }
        return sb.toString();
    }

    static Map<String, String> parseDoc(String doc) {
        int start = doc.indexOf("```vectors");
        assertThat(start).as("a ```vectors block in the document").isGreaterThanOrEqualTo(0);
        int end = doc.indexOf("```", start + 10);
        Map<String, String> out = new LinkedHashMap<>();
        String last = null;
        for (String line : doc.substring(start + 10, end).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("    ") && last != null) {
                out.put(last, out.get(last) + line.strip());
                continue;
            }
            int eq = line.indexOf(" = ");
            last = line.substring(0, eq).strip();
            out.put(last, line.substring(eq + 3).strip());
        }
        return out;
    }
}
