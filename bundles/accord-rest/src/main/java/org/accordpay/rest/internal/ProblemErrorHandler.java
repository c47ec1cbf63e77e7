package org.accordpay.rest.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/** Jetty's own errors (body over the limit, bad HTTP) as problem+json too, never an HTML page. */
final class ProblemErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) throws IOException {
        ApiProblem p = code == 413 ? ProblemMapper.tooLarge()
                : new ApiProblem(code, code >= 500 ? "internal" : "http-" + code,
                        code >= 500 ? "Internal error" : "Request refused",
                        message == null ? "the request was refused" : message, null);
        byte[] body = Json.MAPPER.writeValueAsBytes(p.body());
        response.setStatus(code);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemMapper.PROBLEM_JSON);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
