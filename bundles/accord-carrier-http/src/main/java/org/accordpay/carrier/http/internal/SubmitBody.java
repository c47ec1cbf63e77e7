package org.accordpay.carrier.http.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.accordpay.api.carrier.dto.OutboundSms;

/**
 * The body of one request to the gateway, in a fixed mapping: {@code to} (E.164 with '+'), {@code from} (the
 * configured sender, when set), {@code text} (when the message has one), {@code binary} (standard base64) and
 * {@code port} (decimal, when it has a binary part) and {@code reference} (Accord's message id, which reports
 * may name). As a JSON object (port as a number) or as form fields.
 *
 * @param contentType the request's content type
 * @param body        the request body
 */
record SubmitBody(String contentType, String body) {

    static final String JSON = "application/json";
    static final String FORM = "application/x-www-form-urlencoded";

    /** @return the body of {@code message} in {@code format} */
    static SubmitBody of(OutboundSms message, String sender, GatewaySettings.Format format) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("to", message.toE164());
        if (sender != null && !sender.isEmpty()) {
            fields.put("from", sender);
        }
        if (message.text() != null) {
            fields.put("text", message.text());
        }
        if (message.binary() != null) {
            fields.put("binary", Base64.getEncoder().encodeToString(message.binary()));
            fields.put("port", message.port());
        }
        fields.put("reference", message.messageId());
        if (format == GatewaySettings.Format.FORM) {
            return new SubmitBody(FORM, fields.entrySet().stream()
                    .map(f -> encode(f.getKey()) + "=" + encode(String.valueOf(f.getValue())))
                    .collect(Collectors.joining("&")));
        }
        return new SubmitBody(JSON + "; charset=utf-8", fields.entrySet().stream()
                .map(f -> JsonFields.quote(f.getKey()) + ":"
                        + (f.getValue() instanceof Integer n ? n.toString() : JsonFields.quote((String) f.getValue())))
                .collect(Collectors.joining(",", "{", "}")));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
