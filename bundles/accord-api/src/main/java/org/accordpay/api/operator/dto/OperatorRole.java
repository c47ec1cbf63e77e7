package org.accordpay.api.operator.dto;

/** What an operator may do in the operator console. */
public enum OperatorRole {
    /** Looks and acts: carriers, features, merchants, customers. */
    ADMIN,
    /** Looks only. */
    VIEWER;

    /** @return true when this role may change things (not only look) */
    public boolean mayAct() {
        return this == ADMIN;
    }
}
