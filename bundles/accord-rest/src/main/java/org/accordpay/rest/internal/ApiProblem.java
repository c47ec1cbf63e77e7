package org.accordpay.rest.internal;

/**
 * A refusal the API answers as {@code application/problem+json} (RFC 9457); thrown anywhere below a
 * resource and mapped in one place by {@link ProblemMapper}.
 */
final class ApiProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Base of every problem type URI; the code is appended. */
    static final String TYPE_BASE = "https://accordpay.org/problems/";

    private final int status;
    private final String code;
    private final String title;
    private final String field;

    ApiProblem(int status, String code, String title, String detail, String field) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.field = field;
    }

    static ApiProblem invalid(String field, String detail) {
        return new ApiProblem(422, "invalid-field", "Invalid field", detail, field);
    }

    static ApiProblem unauthorized(String code, String detail) {
        return new ApiProblem(401, code, "Request not authenticated", detail, null);
    }

    static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "unknown-purchase", "No such purchase", detail, null);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    String title() {
        return title;
    }

    String field() {
        return field;
    }

    /** @return the JSON body for this problem */
    ProblemBody body() {
        return new ProblemBody(TYPE_BASE + code, title, status, getMessage(), field, code);
    }

    /**
     * The problem document.
     *
     * @param type   stable URI naming the kind of problem
     * @param title  short human-readable summary of the kind
     * @param status the HTTP status
     * @param detail what went wrong this time
     * @param field  the request field at fault, for validation errors
     * @param code   the stable code (the last segment of {@code type})
     */
    record ProblemBody(String type, String title, int status, String detail, String field, String code) {
    }
}
