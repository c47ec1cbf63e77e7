package org.accordpay.rest.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.stream.Collectors;
import org.accordpay.api.purchase.PurchaseException;
import org.accordpay.api.registry.RegistryException;
import org.accordpay.api.webhook.WebhookException;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every error of the API, in one place, as {@code application/problem+json}. */
final class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public Response toResponse(Throwable t) {
        ApiProblem p = problem(t);
        if (p.status() >= 500) {
            LOG.warn("merchant API: {} answered {}", p.code(), p.status(), t);
        }
        return response(p);
    }

    static Response response(ApiProblem p) {
        return Response.status(p.status()).type(PROBLEM_JSON).entity(p.body()).build();
    }

    static ApiProblem problem(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof HttpException h && h.getCode() == 413) {
                return tooLarge();
            }
        }
        if (t instanceof ApiProblem p) {
            return p;
        }
        if (t instanceof PurchaseException e) {
            return Problems.of(e);
        }
        if (t instanceof RegistryException e) {
            return Problems.of(e);
        }
        if (t instanceof WebhookException e) {
            return Problems.of(e);
        }
        if (t instanceof UnrecognizedPropertyException e) {
            return new ApiProblem(400, "unknown-field", "Unknown field", "unknown field '" + e.getPropertyName() + "'",
                    path(e));
        }
        if (t instanceof InputCoercionException e) {
            return new ApiProblem(400, "invalid-number", "Number out of range", "a number is out of range", null);
        }
        if (t instanceof JsonParseException e) {
            return new ApiProblem(400, "malformed-json", "Malformed JSON", "the body is not valid JSON: "
                    + e.getOriginalMessage(), null);
        }
        if (t instanceof JsonMappingException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InputCoercionException) {
                return new ApiProblem(400, "invalid-number", "Number out of range", "a number is out of range",
                        path(e));
            }
            return new ApiProblem(400, "invalid-field", "Invalid field", "the value does not fit the field: "
                    + e.getOriginalMessage(), path(e));
        }
        if (t instanceof JacksonException e) {
            return new ApiProblem(400, "malformed-json", "Malformed JSON", "the body is not valid JSON", null);
        }
        if (t instanceof NotFoundException) {
            return new ApiProblem(404, "not-found", "Not found", "no such resource", null);
        }
        if (t instanceof NotAllowedException) {
            return new ApiProblem(405, "method-not-allowed", "Method not allowed", "this method is not allowed here",
                    null);
        }
        if (t instanceof NotSupportedException) {
            return new ApiProblem(415, "unsupported-media-type", "Unsupported media type",
                    "send the body as application/json", null);
        }
        if (t instanceof WebApplicationException w && w.getResponse().getStatus() < 500) {
            int s = w.getResponse().getStatus();
            return new ApiProblem(s, "http-" + s, "Request refused", String.valueOf(w.getMessage()), null);
        }
        if (t instanceof ArithmeticException) {
            return new ApiProblem(422, "invalid-amount", "Invalid amount", "an amount overflows", "amount");
        }
        return new ApiProblem(500, "internal", "Internal error", "the request could not be completed", null);
    }

    static ApiProblem tooLarge() {
        return new ApiProblem(413, "body-too-large", "Body too large", "the request body exceeds the limit", null);
    }

    private static String path(JsonMappingException e) {
        String p = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return p.isEmpty() ? null : p;
    }
}
