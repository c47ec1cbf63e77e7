package org.accordpay.carrier.http.internal;

import java.net.URLDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.accordpay.api.carrier.CarrierCallback;
import org.accordpay.api.carrier.dto.DeliveryReport;
import org.accordpay.api.carrier.dto.InboundSms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's callbacks, {@code /v1/carriers/<id>/mo} and {@code /v1/carriers/<id>/report}, each a JSON object
 * or form fields, authenticated by {@code Authorization: Bearer <inbound token>}.
 * <ul>
 * <li>{@code mo}: {@code from} (E.164, '+' optional), {@code text} and/or {@code binary} (base64): an
 * {@link InboundSms}.</li>
 * <li>{@code report}: {@code reference} (Accord's message id, as sent) or {@code id} (the gateway's id of an
 * accepted message), {@code status} {@code delivered} or {@code failed} (also {@code undelivered},
 * {@code expired}, {@code rejected}), optional {@code detail}: a {@link DeliveryReport}. A report for an id
 * no longer remembered is logged and dropped.</li>
 * </ul>
 */
final class GatewayCallbacks implements CarrierCallback {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayCallbacks.class);

    static final String ACCEPTED = "{\"status\":\"accepted\"}";
    static final String IGNORED = "{\"status\":\"ignored\"}";

    private final String carrierId;
    private final byte[] tokenDigest;
    private final SentMessages sent;
    private final InboundQueue inbound;
    private final Supplier<Instant> clock;

    GatewayCallbacks(String carrierId, String inboundToken, SentMessages sent, InboundQueue inbound,
            Supplier<Instant> clock) {
        this.carrierId = carrierId;
        this.tokenDigest = inboundToken == null || inboundToken.isEmpty() ? null : sha256(inboundToken);
        this.sent = sent;
        this.inbound = inbound;
        this.clock = clock;
    }

    @Override
    public String carrierId() {
        return carrierId;
    }

    @Override
    public String handle(String kind, Map<String, List<String>> headers, String contentType, byte[] body) {
        authenticate(headers);
        Map<String, String> fields = fields(contentType, body);
        switch (kind == null ? "" : kind) {
            case "mo" -> {
                inbound.received(message(fields));
                return ACCEPTED;
            }
            case "report" -> {
                DeliveryReport report = report(fields);
                if (report == null) {
                    return IGNORED;
                }
                inbound.reported(report);
                return ACCEPTED;
            }
            default -> throw new IllegalArgumentException("unknown callback '" + kind + "': mo or report");
        }
    }

    /** Compares digests so that neither the token's content nor its length shows in the time taken. */
    private void authenticate(Map<String, List<String>> headers) {
        if (tokenDigest == null) {
            throw new SecurityException("carrier " + carrierId + " takes no callbacks: .inbound.token is not set");
        }
        List<String> values = headers == null ? null : headers.get("authorization");
        String value = values == null || values.size() != 1 ? null : values.get(0);
        if (value == null || value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new SecurityException("Authorization: Bearer <inbound token> is required");
        }
        if (!MessageDigest.isEqual(tokenDigest, sha256(value.substring(7).strip()))) {
            throw new SecurityException("wrong inbound token");
        }
    }

    private InboundSms message(Map<String, String> fields) {
        String from = phone(required(fields, "from"));
        String text = fields.get("text");
        byte[] binary = null;
        if (fields.get("binary") != null && !fields.get("binary").isEmpty()) {
            try {
                binary = Base64.getDecoder().decode(fields.get("binary"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("binary is not base64", e);
            }
        }
        if (binary == null && (text == null || text.isEmpty())) {
            throw new IllegalArgumentException("a message needs text or binary");
        }
        return new InboundSms(carrierId, from, binary, text, clock.get());
    }

    private DeliveryReport report(Map<String, String> fields) {
        String status = required(fields, "status").strip().toLowerCase(Locale.ROOT);
        boolean delivered = switch (status) {
            case "delivered" -> true;
            case "failed", "undelivered", "expired", "rejected" -> false;
            default -> throw new IllegalArgumentException("status must be delivered or failed, not '" + status + "'");
        };
        String messageId = fields.get("reference");
        if (messageId == null || messageId.isBlank()) {
            String gatewayId = fields.get("id");
            if (gatewayId == null || gatewayId.isBlank()) {
                throw new IllegalArgumentException("a report needs reference (Accord's message id) or id (the gateway's)");
            }
            messageId = sent.messageId(gatewayId);
            if (messageId == null) {
                LOG.warn("carrier {}: report for gateway id {} which is not remembered, dropped", carrierId, gatewayId);
                return null;
            }
        }
        String detail = fields.get("detail");
        return new DeliveryReport(carrierId, messageId, delivered, detail == null || detail.isBlank() ? status : detail,
                clock.get());
    }

    /** @return the fields of a JSON object or a form, by the content type */
    static Map<String, String> fields(String contentType, byte[] body) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        String text = utf8(body == null ? new byte[0] : body);
        if (type.equals("application/json") || type.endsWith("+json")) {
            return JsonFields.parse(text);
        }
        if (type.equals("application/x-www-form-urlencoded")) {
            return form(text);
        }
        throw new IllegalArgumentException("send application/json or application/x-www-form-urlencoded, not '"
                + contentType + "'");
    }

    private static Map<String, String> form(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.put(name, value);
        }
        return fields;
    }

    /** @return a number in E.164 with its '+'; gateways often leave the '+' out */
    private static String phone(String from) {
        String s = from.strip().replace(" ", "");
        if (s.startsWith("00")) {
            s = "+" + s.substring(2);
        } else if (!s.startsWith("+")) {
            s = "+" + s;
        }
        if (!s.matches("\\+[1-9][0-9]{5,14}")) {
            throw new IllegalArgumentException("from is not an international number: '" + from + "'");
        }
        return s;
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the body is not UTF-8", e);
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
