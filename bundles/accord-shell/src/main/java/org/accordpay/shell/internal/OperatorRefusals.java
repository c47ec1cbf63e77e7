package org.accordpay.shell.internal;

import org.accordpay.api.operator.OperatorException;

/** Refusals of the operator-account commands in words (thrown, so batch sessions show them too). */
final class OperatorRefusals {

    private OperatorRefusals() {
    }

    static IllegalStateException of(OperatorException e) {
        String what = switch (e.code()) {
            case OperatorException.ALREADY_EXISTS -> "Operator already exists";
            case OperatorException.UNKNOWN_OPERATOR -> "No such operator";
            case OperatorException.INVALID_FIELD -> "Invalid or missing field";
            default -> "Refused";
        };
        return new IllegalStateException(what + " [" + e.code() + "]: " + e.getMessage(), e);
    }
}
